package io.akocamel.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Follows each full sync from its start (the inventory re-read of route {@code full-sync-begin}) until every shard key it
 * handed out has been reconciled once; a full sync that starts before the previous one finished replaces it.
 */
final class FullSyncTracker {
    private static final Logger LOG = LoggerFactory.getLogger(FullSyncTracker.class);

    private final Clock clock;
    private Set<String> pending;
    private Instant startedAt;
    private int keys;
    private volatile Instant lastFinished;
    private volatile Duration lastDuration = Duration.ZERO;

    FullSyncTracker(Clock clock) {
        this.clock = clock;
    }

    synchronized void started(Instant at, Collection<String> shardKeys) {
        startedAt = at;
        keys = shardKeys.size();
        pending = new HashSet<>(shardKeys);
        if (pending.isEmpty()) {
            finish();
        }
    }

    /** A full-sync reconcile of {@code shardKey} finished. */
    synchronized void reconciled(String shardKey) {
        if (pending != null && pending.remove(shardKey) && pending.isEmpty()) {
            finish();
        }
    }

    private void finish() {
        lastFinished = clock.instant();
        lastDuration = Duration.between(startedAt, lastFinished);
        pending = null;
        LOG.info("Full sync finished: {} shard keys reconciled in {} ms", keys, lastDuration.toMillis());
    }

    synchronized int pendingKeys() {
        return pending == null ? 0 : pending.size();
    }

    Optional<Instant> lastFinished() {
        return Optional.ofNullable(lastFinished);
    }

    double lastFinishedEpochSeconds() {
        Instant finished = lastFinished;
        return finished == null ? 0 : finished.toEpochMilli() / 1000.0;
    }

    double lastDurationSeconds() {
        return lastDuration.toMillis() / 1000.0;
    }
}
