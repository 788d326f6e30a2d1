package io.akocamel.app;

import io.akocamel.config.Settings;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The controller as a Camel Main application: the {@link Components} composition root, the route files, and the
 * management endpoints. {@link #start} runs the whole controller; {@link #builder} runs a part of it (the {@code plan}
 * command and tests choose the route files, add routes and override properties).
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
    private final Components components;

    private ControllerApp(Main main, Components components) {
        this.main = main;
        this.components = components;
    }

    /**
     * The whole controller; returns once the Camel context runs. {@code routesDir} null = the packaged routes; a
     * directory that breaks the {@link RouteContract} fails the start with the list of what is missing.
     */
    public static ControllerApp start(Settings settings, KubernetesClient client, Path routesDir) throws Exception {
        Builder builder = builder(settings).kubernetes(client).routes(routesPattern(routesDir));
        managementProperties(settings).forEach(builder::property);
        ControllerApp app = builder.start();
        try {
            RouteContract.check(app.context(), routesDir == null ? "the packaged routes" : routesDir.toString());
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public static Builder builder(Settings settings) {
        return new Builder(settings);
    }

    /** A controller made of some route files (all by default), with or without the Kubernetes side. */
    public static final class Builder {
        private final Settings settings;
        private KubernetesClient client;
        private String routes = routesPattern(null);
        private final List<RoutesBuilder> extraRoutes = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(Settings settings) {
            this.settings = settings;
        }

        /** The Kubernetes client; without one only the Avi side is built. */
        public Builder kubernetes(KubernetesClient client) {
            this.client = client;
            return this;
        }

        /** Camel Main's {@code routesIncludePattern}, e.g. {@link #routeFiles}. */
        public Builder routes(String pattern) {
            this.routes = pattern;
            return this;
        }

        /** Only these packaged route files (names in {@code routes/}). */
        public Builder routeFiles(String... files) {
            return routes(List.of(files).stream().map(f -> "classpath:routes/" + f).collect(Collectors.joining(",")));
        }

        public Builder addRoutes(RoutesBuilder builder) {
            extraRoutes.add(builder);
            return this;
        }

        /** Overrides a property (Camel's or one a route file reads), over the defaults this class sets. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public ControllerApp start() throws Exception {
            Main main = new Main();
            Components components = new Components(settings, client);
            main.configure().addConfiguration(components);
            extraRoutes.forEach(main.configure()::addRoutesBuilder);
            main.addOverrideProperty("camel.main.name", "ako-camel");
            main.addOverrideProperty("camel.main.shutdownTimeout", "10");
            main.addOverrideProperty("camel.main.routesIncludePattern", routes);
            properties.forEach(main::addOverrideProperty);
            main.start();
            return new ControllerApp(main, components);
        }
    }

    /** JMX, health, metrics and AKO's API on the management port ({@code AKOSettings.apiServerPort}). */
    public static Map<String, String> managementProperties(Settings settings) {
        Map<String, String> p = new LinkedHashMap<>();
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

    /** The controller's objects (for commands and tests that drive it from Java). */
    public Components components() {
        return components;
    }

    @Override
    public void close() {
        main.stop();
    }
}
