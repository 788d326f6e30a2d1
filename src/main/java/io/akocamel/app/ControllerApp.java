package io.akocamel.app;

import io.akocamel.config.Settings;
import io.akocamel.reconcile.RuntimeConfig;
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
 * management endpoints. {@link #start} runs the whole controller, with the Camel settings of
 * {@code application.properties} (overridable by {@code -Dcamel.*} and {@code CAMEL_*}; only what is computed from the
 * AKO settings is set here); {@link #builder} runs a part of it (the {@code plan} command and tests choose the route
 * files, add routes and override properties).
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

    /** How often a reloaded routes directory is read (milliseconds; tests shorten it). */
    public static final String RELOAD_MILLIS = "ako.routes.reloadMillis";
    /** Reasons of the Events on the controller's pod after a change of the routes directory ({@link RoutesReload}). */
    public static final String ROUTES_RELOAD_FAILED = RoutesReload.FAILED_REASON;
    public static final String ROUTES_RELOADED = RoutesReload.RELOADED_REASON;
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
        RuntimeConfig.applyLogLevel(settings);
        Builder builder = builder(settings).kubernetes(client).management();
        if (routesDir == null) {
            builder.checkContract("the packaged routes");
        } else {
            builder.routesDir(routesDir);
        }
        return builder.start();
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
        private boolean management;
        private String contractOrigin;
        private Path reloadDir;

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

        /**
         * The {@code *.camel.yaml} files of a directory instead of the packaged routes: they must keep the
         * {@link RouteContract}, and with {@code akoCamel.routes.reload} an edit is loaded while running
         * ({@link RoutesReload}).
         */
        public Builder routesDir(Path directory) {
            routes(routesPattern(directory));
            checkContract(directory.toString());
            reloadDir = settings.akoCamel().reloadRoutes() ? directory : null;
            return this;
        }

        /** Fails the start, with one line per missing piece, when the routes break the {@link RouteContract}. */
        Builder checkContract(String origin) {
            contractOrigin = origin;
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

        /**
         * The Camel Main settings of the whole controller ({@code application.properties}: JMX, health, metrics, the
         * management server) on {@code AKOSettings.apiServerPort}. Without it no properties file is read and no server
         * is started: a part of the controller for a command or a test.
         */
        public Builder management() {
            management = true;
            String port = String.valueOf(settings.akoSettings().apiServerPort());
            // AKO's setting wins over Camel's own ways of setting the port; platform-http routes (ops.camel.yaml) share it
            return property("camel.management.port", port).property("camel.server.port", port);
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
            if (!management) {
                main.setDefaultPropertyPlaceholderLocation("false");
                main.addOverrideProperty("camel.main.name", "ako-camel");
                main.addOverrideProperty("camel.main.shutdownTimeout", "10");
            }
            main.addOverrideProperty("camel.main.routesIncludePattern", routes);
            properties.forEach(main::addOverrideProperty);
            main.start();
            ControllerApp app = new ControllerApp(main, components);
            try {
                if (contractOrigin != null) {
                    RouteContract.check(app.context(), contractOrigin);
                }
                if (reloadDir != null) {
                    long period = Long.parseLong(app.context().getPropertiesComponent().resolveProperty(RELOAD_MILLIS).orElse("2000"));
                    app.context().addService(new RoutesReload(app.context(), reloadDir, components.podEvents(), period));
                }
            } catch (Exception e) {
                app.close();
                throw e;
            }
            return app;
        }
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
