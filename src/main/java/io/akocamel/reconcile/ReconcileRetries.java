package io.akocamel.reconcile;

import io.akocamel.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shard keys whose reconcile failed by itself (it threw, or an Ingress status could not be written), each due again
 * after a back-off: {@code akoCamel.retry.initialDelay} doubling up to {@code akoCamel.retry.maxDelay}, until a
 * reconcile of the key ends without such an error (bean {@code reconcileRetries}; the {@code reconcile-retry} route
 * sends due keys to {@code seda:reconcile}). Holds at most one entry per shard key, removed by the key's next
 * reconcile that does not fail, skipped ones included: a skip is always followed by a full sync.
 */
public final class ReconcileRetries {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileRetries.class);
    /** A key handed out and not reconciled yet: not handed out again. */
    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private record Entry(int attempts, long dueAt) {
    }

    private final long initialDelayMillis;
    private final long maxDelayMillis;
    private final Clock clock;
    private final Map<String, Entry> pending = new ConcurrentHashMap<>();

    public ReconcileRetries(Settings.Retry retry, Clock clock) {
        this.initialDelayMillis = Math.max(1, retry.initialDelay().toMillis());
        this.maxDelayMillis = Math.max(initialDelayMillis, retry.maxDelay().toMillis());
        this.clock = clock;
    }

    /** Route step after each reconcile: schedules the key again when it failed by itself, else forgets it. */
    public void record(ReconcileResult result) {
        if (result.error() == null) {
            pending.remove(result.key());
            return;
        }
        Entry entry = pending.compute(result.key(), (key, previous) -> {
            int attempts = previous == null ? 1 : previous.attempts() + 1;
            return new Entry(attempts, clock.millis() + delayMillis(attempts));
        });
        LOG.warn("Shard {}: {}; retrying in {} ms (attempt {})", result.key(), result.error(), delayMillis(entry.attempts()),
                entry.attempts() + 1);
    }

    /** Timer step: the keys whose retry is due, each handed out once until its next reconcile. */
    public List<String> due() {
        long now = clock.millis();
        List<String> due = new ArrayList<>();
        pending.forEach((key, entry) -> {
            if (entry.dueAt() <= now && pending.replace(key, entry, new Entry(entry.attempts(), IN_FLIGHT))) {
                due.add(key);
            }
        });
        return due;
    }

    public int size() {
        return pending.size();
    }

    long delayMillis(int attempts) {
        long delay = initialDelayMillis;
        for (int i = 1; i < attempts && delay < maxDelayMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxDelayMillis);
    }
}
