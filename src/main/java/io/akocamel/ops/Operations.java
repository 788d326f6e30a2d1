package io.akocamel.ops;

import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviSession;
import io.akocamel.avi.DeadLetterStore;
import io.akocamel.avi.DeletionBrake;
import io.akocamel.kube.ClusterState;
import io.akocamel.kube.Leadership;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;

import java.time.Clock;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Operations: the {@code ako_*} metrics (collected by route policies on the routes the route contract names and by an
 * event notifier on Avi calls, so no business route is edited), AKO's {@code /api/status} (routes/ops.camel.yaml), the
 * {@code ako/avi-inventory} readiness check and the {@code io.akocamel:type=Controller} MBean.
 */
public final class Operations {
    /** How far the controller has come, for the MBean. */
    public record Progress(BooleanSupplier initialSyncDone, BooleanSupplier kubernetesComplete, Supplier<Set<String>> reconcilingShards) {
        /** A controller without the Kubernetes side (e.g. the {@code plan} command). */
        public static final Progress NONE = new Progress(() -> false, () -> false, Set::of);
    }

    /** The route ids whose exchanges are measured (see the route contract). */
    public record ObservedRoutes(String reconcileRun, String fullSyncBegin) {
    }

    private final CamelContext camel;
    private final AkoMetrics metrics;
    private final ApiStatus apiStatus;
    private final InventoryHealthCheck inventoryHealth;
    private final OpsRoutePolicies routePolicies;
    private final AviCallMeter callMeter;
    private final ControllerManagement management;

    /**
     * @param cluster    the live cluster state, or null when none is watched
     * @param leadership whether this replica is the leader ({@code ako_leader}, the {@code role} of /api/status)
     */
    public Operations(CamelContext camel, MeterRegistry meters, AviSession session, AviInventory inventory, DeadLetterStore deadLetters,
                      ClusterState cluster, Leadership leadership, ControllerActions actions, Progress progress, ObservedRoutes routes) {
        this.camel = camel;
        Clock clock = Clock.systemUTC();
        metrics = new AkoMetrics(meters);
        IngressSyncState ingresses = new IngressSyncState(() -> cluster);
        FullSyncTracker fullSyncs = new FullSyncTracker(clock);
        apiStatus = new ApiStatus(session, leadership);
        metrics.bindState(session, inventory, deadLetters, ingresses, fullSyncs);
        metrics.bindLeadership(leadership);
        deadLetters.onRecorded(entry -> {
            metrics.deadLetterRecorded(entry);
            apiStatus.deadLetterRecorded(entry);
        });
        inventoryHealth = new InventoryHealthCheck(inventory);
        routePolicies = new OpsRoutePolicies(metrics, ingresses, fullSyncs, clock, routes);
        callMeter = new AviCallMeter(metrics);
        management = new ControllerManagement(camel, actions, deadLetters, inventory, apiStatus, fullSyncs, progress);
    }

    /** Meters whether the preflight passed ({@code ako_preflight_passed}). */
    public void meterPreflight(BooleanSupplier passed) {
        metrics.bindPreflight(passed);
    }

    /** Meters what the deletion brake holds. */
    public void meter(DeletionBrake brake) {
        metrics.bindDeletionBrake(brake);
    }

    /** Adds the route policies, the Avi call meter and the MBean to the context (before its routes start). */
    public void install() throws Exception {
        camel.addRoutePolicyFactory(routePolicies);
        camel.getManagementStrategy().addEventNotifier(callMeter);
        camel.addService(management);
    }

    /** AKO's {@code /api/status} document (the {@code ako-api-status} route). */
    public ApiStatus apiStatus() {
        return apiStatus;
    }

    public HealthCheck inventoryHealthCheck() {
        return inventoryHealth;
    }
}
