package io.akocamel.cli;

import io.akocamel.avi.AviConfiguration;
import io.akocamel.config.Settings;
import io.akocamel.ops.OpsConfiguration;
import io.akocamel.reconcile.ReconcileConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The controller as a Camel Main application: binds the settings, the one shared Kubernetes client and the
 * processors the YAML routes refer to by name, loads the routes, and switches on the management endpoints.
 */
public final class ControllerApp implements AutoCloseable {
    /**
     * The route files, listed rather than scanned: a classpath wildcard costs about two seconds of start-up in the
     * fat jar (docs/architecture.md#route-files). A test checks this list against the files in {@code routes/}.
     */
    public static final List<String> ROUTE_FILES = List.of(
            "kubernetes-watch.camel.yaml",
            "full-sync.camel.yaml",
            "avi-error-policy.camel.yaml",
            "avi-delivery.camel.yaml",
            "preflight.camel.yaml",
            "reconcile.camel.yaml",
            "ops.camel.yaml");

    /** A directory of {@code *.camel.yaml} files replacing the packaged routes (the Helm chart mounts one here). */
    public static final String ROUTES_DIR_ENV = "AKO_CAMEL_ROUTES_DIR";

    private final Main main;

    private ControllerApp(Main main) {
        this.main = main;
    }

    /** Starts and returns once the Camel context runs; {@code routesDir} null = the packaged routes. */
    public static ControllerApp start(Settings settings, KubernetesClient client, Path routesDir, Map<String, Object> beans) throws Exception {
        Main main = new Main();
        main.bind("settings", settings);
        main.bind("kubernetesClient", client);
        beans.forEach(main::bind);
        main.configure().addConfiguration(new AviConfiguration());
        main.configure().addConfiguration(new ReconcileConfiguration());
        main.configure().addConfiguration(new OpsConfiguration());
        properties(settings, routesDir).forEach(main::addOverrideProperty);
        main.start();
        return new ControllerApp(main);
    }

    static Map<String, String> properties(Settings settings, Path routesDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.main.name", "ako-camel");
        p.put("camel.main.routesIncludePattern", routesPattern(routesDir));
        p.put("camel.main.shutdownTimeout", "10");
        p.put("camel.main.jmxEnabled", "true");
        p.put("camel.management.enabled", "true");
        p.put("camel.management.port", String.valueOf(settings.akoSettings().apiServerPort()));
        // platform-http routes (AKO's /api/status, routes/ops.camel.yaml) on the same port: the servers are shared
        p.put("camel.server.enabled", "true");
        p.put("camel.server.port", String.valueOf(settings.akoSettings().apiServerPort()));
        p.put("camel.management.healthCheckEnabled", "true");
        p.put("camel.management.metricsEnabled", "true");
        p.put("camel.management.infoEnabled", "true");
        p.put("camel.metrics.enabled", "true");
        p.put("camel.metrics.binders", "jvm-memory,jvm-gc,jvm-thread,processor,uptime");
        // Camel's per-endpoint timings: duplicates of ako_avi_call_*, and a registration error for sends from outside routes
        p.put("camel.metrics.enableExchangeEventNotifier", "false");
        p.put("camel.health.exposureLevel", "full");
        return p;
    }

    static String routesPattern(Path routesDir) {
        if (routesDir != null) {
            if (!Files.isDirectory(routesDir)) {
                throw new IllegalArgumentException("routes directory " + routesDir + " does not exist (" + ROUTES_DIR_ENV + ")");
            }
            return "file:" + routesDir.toAbsolutePath() + "/*.camel.yaml";
        }
        return ROUTE_FILES.stream().map(f -> "classpath:routes/" + f).collect(Collectors.joining(","));
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
