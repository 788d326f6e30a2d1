package io.akocamel.ops;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FullSyncTrackerTest {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aFullSyncFinishesWhenItsLastKeyIsReconciled() {
        FullSyncTracker tracker = new FullSyncTracker(Clock.fixed(START.plusMillis(1500), ZoneOffset.UTC));
        tracker.started(START, List.of("a", "b"));

        tracker.reconciled("a");
        tracker.reconciled("x");

        assertThat(tracker.pendingKeys()).isEqualTo(1);
        assertThat(tracker.lastFinished()).isEmpty();

        tracker.reconciled("b");

        assertThat(tracker.pendingKeys()).isZero();
        assertThat(tracker.lastFinished()).contains(START.plusMillis(1500));
        assertThat(tracker.lastDurationSeconds()).isEqualTo(1.5);
        assertThat(tracker.lastFinishedEpochSeconds()).isEqualTo(START.plusMillis(1500).toEpochMilli() / 1000.0);
    }

    @Test
    void aNewFullSyncReplacesOneStillRunning() {
        FullSyncTracker tracker = new FullSyncTracker(Clock.fixed(START.plusSeconds(3), ZoneOffset.UTC));
        tracker.started(START, List.of("a", "b"));
        tracker.started(START.plusSeconds(2), List.of("c"));

        tracker.reconciled("a");
        tracker.reconciled("b");
        assertThat(tracker.lastFinished()).isEmpty();

        tracker.reconciled("c");
        assertThat(tracker.lastDurationSeconds()).isEqualTo(1.0);
    }

    @Test
    void aFullSyncWithoutKeysIsFinishedAtOnce() {
        FullSyncTracker tracker = new FullSyncTracker(Clock.fixed(START, ZoneOffset.UTC));

        tracker.started(START, List.of());

        assertThat(tracker.lastFinished()).contains(START);
    }
}
