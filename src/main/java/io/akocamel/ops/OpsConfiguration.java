package io.akocamel.ops;

import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviSession;
import io.akocamel.avi.DeadLetterStore;
import io.akocamel.config.Settings;
import io.akocamel.kube.ClusterState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import java.time.Clock;

/**
 * Operations: the {@code ako_*} metrics, AKO's {@code /api/status} (route file routes/ops.camel.yaml), the
 * {@code ako/avi-inventory} readiness check, the {@code io.akocamel:type=Controller} MBean and the log format. Add it
 * after {@code AviConfiguration} (it observes the beans that one binds).
 * <p>
 * Beans: {@code akoApiStatus}, {@code aviInventoryHealthCheck}; the Prometheus registry is
 * Camel's {@value #METER_REGISTRY} (created here when absent, so Camel's route metrics and ours are scraped together).
 */
public final class OpsConfiguration implements CamelConfiguration {
    /** The bean name camel-micrometer-prometheus looks up, and binds its registry under when there is none. */
    static final String METER_REGISTRY = "metricsRegistry";

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        Settings settings = required(registry, "settings", Settings.class);
        AviSession session = required(registry, "aviSession", AviSession.class);
        AviInventory inventory = required(registry, "aviInventory", AviInventory.class);
        DeadLetterStore deadLetters = required(registry, "deadLetters", DeadLetterStore.class);
        LogFormat.apply(settings.akoCamel().logFormat());

        Clock clock = Clock.systemUTC();
        AkoMetrics metrics = new AkoMetrics(meterRegistry(registry));
        IngressSyncState ingresses = new IngressSyncState(() -> registry.lookupByNameAndType("clusterState", ClusterState.class));
        FullSyncTracker fullSyncs = new FullSyncTracker(clock);
        ApiStatus status = new ApiStatus(session);
        metrics.bindState(session, inventory, deadLetters, ingresses, fullSyncs);
        deadLetters.onRecorded(entry -> {
            metrics.deadLetterRecorded(entry);
            status.deadLetterRecorded(entry);
        });

        context.addRoutePolicyFactory(new OpsRoutePolicies(metrics, ingresses, fullSyncs, clock));
        context.getManagementStrategy().addEventNotifier(new AviCallMeter(metrics));
        context.addService(new ControllerManagement(context, deadLetters, inventory, status, fullSyncs));
        registry.bind("akoApiStatus", status);
        registry.bind("aviInventoryHealthCheck", new InventoryHealthCheck(inventory));
    }

    private static MeterRegistry meterRegistry(Registry registry) {
        MeterRegistry existing = registry.lookupByNameAndType(METER_REGISTRY, MeterRegistry.class);
        if (existing != null) {
            return existing;
        }
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.bind(METER_REGISTRY, created);
        return created;
    }

    private static <T> T required(Registry registry, String name, Class<T> type) {
        T bean = registry.lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("bean '" + name + "' is not bound: add io.akocamel.avi.AviConfiguration before OpsConfiguration");
        }
        return bean;
    }
}
