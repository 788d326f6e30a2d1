package io.akocamel.ops;

import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviSession;
import io.akocamel.avi.DeadLetterStore;
import io.akocamel.avi.DeletionBrake;
import io.akocamel.model.AviType;
import io.akocamel.kube.Leadership;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The {@code ako_*} meters, registered on the Prometheus registry Camel scrapes at
 * {@code /observe/metrics}. Names follow Prometheus conventions once exported: counters end in {@code _total},
 * durations are histograms in seconds ({@code _bucket}, {@code _count}, {@code _sum}, {@code _max}).
 */
public final class AkoMetrics {
    /** Histogram buckets of every duration: from a fast reconcile to a slow controller. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

    private final MeterRegistry registry;

    AkoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Gauges and function counters read from the state other beans keep. */
    void bindState(AviSession session, AviInventory inventory, DeadLetterStore deadLetters, IngressSyncState ingresses,
                   FullSyncTracker fullSyncs) {
        FunctionCounter.builder("ako.avi.session.logins", session, AviSession::logins)
                .description("Successful logins to the Avi Controller (the first one and every renewal)").register(registry);
        Gauge.builder("ako.avi.connected", session, s -> s.state() == AviSession.State.CONNECTED ? 1 : 0)
                .description("1 while the session to the Avi Controller is logged in and its calls get answers").register(registry);
        Gauge.builder("ako.dead.letters", deadLetters, DeadLetterStore::size)
                .description("Failed Avi operations waiting in the dead-letter store").register(registry);
        for (AviType type : AviType.values()) {
            Gauge.builder("ako.avi.owned.objects", inventory, i -> ownedCount(i, type)).tag("type", type.path())
                    .description("Objects of this cluster on the Avi Controller, as last read or written").register(registry);
        }
        Gauge.builder("ako.ingresses.synced", ingresses, s -> s.counts().synced())
                .description("Ingresses of this controller whose shards were all last reconciled without failure").register(registry);
        Gauge.builder("ako.ingresses.with.errors", ingresses, s -> s.counts().withErrors())
                .description("Ingresses of this controller served by a shard whose last reconcile failed").register(registry);
        Gauge.builder("ako.last.full.sync.timestamp", fullSyncs, FullSyncTracker::lastFinishedEpochSeconds).baseUnit("seconds")
                .description("When the last full sync finished (Unix time; 0 before the first)").register(registry);
        Gauge.builder("ako.last.full.sync.duration", fullSyncs, FullSyncTracker::lastDurationSeconds).baseUnit("seconds")
                .description("How long the last full sync took, from the inventory re-read to its last shard").register(registry);
    }

    void bindLeadership(Leadership leadership) {
        Gauge.builder("ako.leader", leadership, l -> l.isLeader() ? 1 : 0)
                .description("1 on the replica that holds the Lease ako-lease-lock and writes, 0 on a follower").register(registry);
    }

    void bindPreflight(BooleanSupplier passed) {
        Gauge.builder("ako.preflight.passed", passed, p -> p.getAsBoolean() ? 1 : 0).strongReference(true)
                .description("1 while the latest preflight of the Avi Controller's set-up passed (writes are allowed)").register(registry);
    }

    void bindDeletionBrake(DeletionBrake brake) {
        Gauge.builder("ako.deletions.held", brake, DeletionBrake::held)
                .description("Deletes the deletion brake holds until a full sync confirms them").register(registry);
        FunctionCounter.builder("ako.deletion.brake.engaged", brake, DeletionBrake::engagements)
                .description("Times the deletion brake engaged (a cycle would have deleted too much)").register(registry);
    }

    private static long ownedCount(AviInventory inventory, AviType type) {
        return inventory.all().stream().filter(o -> o.owned() && o.type() == type).count();
    }

    void kubernetesEvent(String kind, String action) {
        Counter.builder("ako.kubernetes.events").tag("kind", kind).tag("action", action.toLowerCase(Locale.ROOT))
                .description("Kubernetes watch events received").register(registry).increment();
    }

    /** @param result noop, applied, failed, skipped, or error (the reconcile threw) */
    void reconciled(String result, long nanos) {
        Counter.builder("ako.reconciles").tag("result", result).description("Shard reconciles by result").register(registry).increment();
        histogram("ako.reconcile.duration", "Time to reconcile one shard key").tag("result", result).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void changeWritten(long millis) {
        histogram("ako.change.to.avi.write", "From a Kubernetes change arriving to the end of the reconcile that wrote it to Avi")
                .register(registry).record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    /** @param status the HTTP status code, or {@code error} when no answer came */
    void aviCall(String method, String type, String status, long millis) {
        Counter.builder("ako.avi.calls").tag("method", method).tag("type", type).tag("status", status)
                .description("Avi Controller API calls by method, object type and HTTP status").register(registry).increment();
        histogram("ako.avi.call.duration", "Avi Controller API call latency").tag("method", method).tag("type", type).register(registry)
                .record(millis, TimeUnit.MILLISECONDS);
    }

    void deadLetterRecorded(DeadLetterStore.DeadLetter entry) {
        Counter.builder("ako.dead.letters.recorded").tag("reason", entry.errorClass().name().toLowerCase(Locale.ROOT))
                .description("Failed Avi operations recorded as dead letters, by error class").register(registry).increment();
    }

    private static Timer.Builder histogram(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS);
    }
}
