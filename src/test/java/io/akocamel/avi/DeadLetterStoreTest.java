package io.akocamel.avi;

import io.akocamel.config.Settings;
import io.akocamel.model.AviType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterStoreTest {
    static final Settings.Retry RETRY = new Settings.Retry(Duration.ofMillis(500), Duration.ofSeconds(30), 6, Duration.ofSeconds(90));
    final MutableTime time = new MutableTime();
    final DeadLetterStore store = new DeadLetterStore(RETRY, 3, time);

    static final class MutableTime extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static AviOperation op(String name) {
        return new AviOperation(AviMethod.POST, AviType.POOL, name, null, null, "ck", "new@1", Set.of());
    }

    @Test
    void aFailingObjectHasOneEntryCountingItsAttemptsWithAGrowingBackOff() {
        store.record("shard-0", op("p1"), ErrorClass.TRANSIENT, 503, "Service Unavailable");
        time.now = time.now.plusSeconds(40);
        store.record("shard-0", op("p1"), ErrorClass.TRANSIENT, 503, "Service Unavailable");

        assertThat(store.list()).singleElement().satisfies(dead -> {
            assertThat(dead.attempts()).isEqualTo(2);
            assertThat(dead.firstTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(dead.lastTime()).isEqualTo(time.now);
            assertThat(dead.retryAt()).isEqualTo(time.now.plusSeconds(60));
        });
    }

    @Test
    void slowRetriesWaitTheSlowDelayAndRejectionsAreNotRetriedAutomatically() {
        store.record("shard-0", op("vip"), ErrorClass.SLOW_RETRY, 400, "No available free IPs");
        store.record("shard-1", op("bad"), ErrorClass.REJECTED, 400, "Invalid value");

        assertThat(store.list()).extracting(DeadLetterStore.DeadLetter::retryAt).containsExactly(time.now.plusSeconds(90), null);
    }

    @Test
    void aShardIsHandedToRecoveryOnceWhenItsEntryIsDue() {
        store.record("shard-0", op("p1"), ErrorClass.TRANSIENT, 503, "x");

        assertThat(store.dueForRecovery()).isEmpty();
        time.now = time.now.plusSeconds(30);
        assertThat(store.dueForRecovery()).containsExactly("shard-0");
        assertThat(store.dueForRecovery()).isEmpty();
    }

    @Test
    void aHandedOutShardThatNothingSettledIsHandedOutAgainAfterTheSameBackOff() {
        store.record("shard-0", op("p1"), ErrorClass.TRANSIENT, 503, "x");
        time.now = time.now.plusSeconds(30);
        assertThat(store.dueForRecovery()).containsExactly("shard-0");

        // its reconcile was skipped (write gate closed) or threw: no batch resolved or recorded the entry
        time.now = time.now.plusSeconds(29);
        assertThat(store.dueForRecovery()).isEmpty();
        time.now = time.now.plusSeconds(1);
        assertThat(store.dueForRecovery()).containsExactly("shard-0");
    }

    @Test
    void aShardReconciledWithNothingToSendSettlesItsEntries() {
        store.record("shard-0", op("a"), ErrorClass.TRANSIENT, 503, "x");
        store.record("shard-1", op("b"), ErrorClass.SLOW_RETRY, 400, "No available free IPs");

        store.shardSettled("shard-0");

        assertThat(store.list()).extracting(DeadLetterStore.DeadLetter::objectKey).containsExactly("pool/b");
    }

    @Test
    void theStoreIsBoundedDroppingTheOldestEntry() {
        for (int i = 0; i < 5; i++) {
            store.record("shard-0", op("p" + i), ErrorClass.REJECTED, 400, "x");
        }

        assertThat(store.list()).extracting(DeadLetterStore.DeadLetter::objectKey).containsExactly("pool/p2", "pool/p3", "pool/p4");
        assertThat(store.totalRecorded()).isEqualTo(5);
    }

    @Test
    void entriesLeaveWhenResolvedRemovedClearedOrNoLongerFailingInTheirShard() {
        store.record("shard-0", op("a"), ErrorClass.REJECTED, 400, "x");
        store.record("shard-0", op("b"), ErrorClass.REJECTED, 400, "x");
        store.record("shard-1", op("c"), ErrorClass.REJECTED, 400, "x");

        store.shardApplied("shard-0", Set.of("pool/b"));
        assertThat(store.list()).extracting(DeadLetterStore.DeadLetter::objectKey).containsExactly("pool/b", "pool/c");
        store.resolved("pool/b");
        assertThat(store.remove("pool/c")).isTrue();
        assertThat(store.size()).isZero();
        store.record("shard-1", op("c"), ErrorClass.REJECTED, 400, "x");
        store.clear();
        assertThat(store.list()).isEmpty();
    }
}
