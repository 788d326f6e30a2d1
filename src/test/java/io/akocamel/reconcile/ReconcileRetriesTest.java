package io.akocamel.reconcile;

import io.akocamel.config.Settings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileRetriesTest {
    static final String KEY = "cluster-1--Shared-L7-0";
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final ReconcileRetries retries = new ReconcileRetries(new Settings.Retry(Duration.ofMillis(500), Duration.ofSeconds(30), 6,
            Duration.ofSeconds(90)), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theBackOffDoublesUpToTheMaximumDelay() {
        assertThat(Map.of(1, 500L, 2, 1_000L, 3, 2_000L, 7, 30_000L, 50, 30_000L))
                .allSatisfy((attempt, delay) -> assertThat(retries.delayMillis(attempt)).as("attempt " + attempt).isEqualTo(delay));
    }

    @Test
    void aFailedKeyIsHandedOutOnceWhenDueAndForgottenAfterAReconcileWithoutError() {
        retries.record(ReconcileResult.failed(KEY, "the reconcile failed: boom"));

        assertThat(retries.due()).isEmpty();
        now = now.plusMillis(500);
        assertThat(retries.due()).containsExactly(KEY);
        assertThat(retries.due()).as("in flight").isEmpty();

        retries.record(ReconcileResult.failed(KEY, "the reconcile failed: boom"));
        now = now.plusMillis(999);
        assertThat(retries.due()).as("second attempt waits 1 s").isEmpty();
        now = now.plusMillis(1);
        assertThat(retries.due()).containsExactly(KEY);

        retries.record(ReconcileResult.noop(KEY, 0));
        assertThat(retries.size()).isZero();
    }
}
