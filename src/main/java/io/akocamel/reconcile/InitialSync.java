package io.akocamel.reconcile;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tracks the first full reconcile: readiness ({@code ako-initial-sync}) turns UP once every key of the first full
 * sync has been reconciled, and progress is logged on the way ({@code synced 400/1000 shard keys}); then it tells
 * {@code onDone} (the pod's Events, {@link ReadyEvents}).
 */
public class InitialSync extends AbstractHealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(InitialSync.class);

    private final Runnable onDone;
    private final Set<String> pending = new HashSet<>();
    private int total = -1;
    private volatile boolean done;

    public InitialSync() {
        this(() -> { });
    }

    public InitialSync(Runnable onDone) {
        super("ako", "ako-initial-sync");
        this.onDone = onDone;
    }

    /** The keys of a full sync; only the first one counts. */
    public synchronized void started(Collection<String> keys) {
        if (total < 0) {
            total = keys.size();
            pending.addAll(keys);
            LOG.info("Initial full sync: {} shard keys to reconcile", total);
        }
    }

    public void done(String key) {
        if (finished(key)) {
            onDone.run();
        }
    }

    /** Whether this key was the last one. */
    private synchronized boolean finished(String key) {
        if (done || !pending.remove(key)) {
            return false;
        }
        int synced = total - pending.size();
        if (pending.isEmpty()) {
            done = true;
            notifyAll();
            LOG.info("Initial full sync finished: {} shard keys reconciled; ready", total);
            return true;
        }
        if (synced % Math.max(1, total / 10) == 0) {
            LOG.info("Initial full sync: synced {}/{} shard keys", synced, total);
        }
        return false;
    }

    /** Waits for the first full reconcile; false when the timeout passed first. */
    public synchronized boolean awaitDone(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public boolean isDone() {
        return done;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        synchronized (this) {
            builder.detail("shard.keys.total", Math.max(total, 0));
            builder.detail("shard.keys.pending", pending.size());
        }
        if (done) {
            builder.up();
        } else {
            builder.message(total < 0 ? "waiting for the Kubernetes watches to list" : "initial full sync in progress").down();
        }
    }
}
