package io.akocamel.reconcile;

import io.akocamel.config.Settings;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;
import org.apache.camel.spi.Registry;

import java.util.function.BooleanSupplier;

/**
 * Binds what routes/reconcile.camel.yaml uses: {@code shardReconciler}, {@code shardKeyCoalescer},
 * {@code akoRuntimeConfig}, the {@code ako-initial-sync} readiness check, and the properties
 * {@code ako.reconcile.workers} / {@code ako.reconcile.debounceMillis} from the settings. Writes to the controller are
 * gated by the bean {@value #WRITE_GATE} (a {@link BooleanSupplier}, e.g. the controller preflight) when one is bound.
 */
public final class ReconcileConfiguration implements CamelConfiguration {
    public static final String WRITE_GATE = "aviWriteGate";

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        Settings settings = registry.lookupByNameAndType("settings", Settings.class);
        if (settings == null) {
            throw new IllegalStateException("bind the io.akocamel.config.Settings as bean 'settings' before starting Camel");
        }
        context.getPropertiesComponent().addInitialProperty("ako.reconcile.workers", String.valueOf(settings.akoCamel().workers()));
        context.getPropertiesComponent().addInitialProperty("ako.reconcile.debounceMillis",
                String.valueOf(Math.max(1, settings.akoCamel().debounce().toMillis())));

        RuntimeConfig runtime = new RuntimeConfig(settings);
        InitialSync initialSync = new InitialSync();
        // the gate is bound by a route file (preflight), after this configuration runs: look it up once, on first use
        BooleanSupplier writesAllowed = new BooleanSupplier() {
            private volatile BooleanSupplier gate;

            @Override
            public boolean getAsBoolean() {
                if (gate == null) {
                    BooleanSupplier bound = registry.lookupByNameAndType(WRITE_GATE, BooleanSupplier.class);
                    gate = bound != null ? bound : () -> true;
                }
                return gate.getAsBoolean();
            }
        };
        registry.bind("akoRuntimeConfig", runtime);
        registry.bind("initialSyncHealthCheck", initialSync);
        registry.bind("shardKeyCoalescer", new ShardKeyCoalescer());
        registry.bind("useOriginalAggregationStrategy", new UseOriginalAggregationStrategy());
        registry.bind("shardReconciler", new Reconciler(settings, context, runtime, initialSync, writesAllowed));
    }
}
