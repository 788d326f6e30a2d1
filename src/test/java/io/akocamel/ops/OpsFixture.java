package io.akocamel.ops;

import io.akocamel.cli.ControllerApp;
import io.akocamel.cli.EmbeddedKubernetes;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.reconcile.InitialSync;
import io.akocamel.simulator.AviSimulator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The whole product (embedded Kubernetes API, Avi simulator, the controller with its real routes and short timings),
 * seen from outside as an operator sees it: the management port over HTTP. Trimmed from io.akocamel.it.ControllerFixture.
 */
final class OpsFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The simulator's (and the controller's) password: distinctive, so a test can look for it. */
    static final String PASSWORD = "Ops-S3cret-Passw0rd!";
    /** The name this cluster gives the pool of Ingress shop's root path (examples/20-ingresses.yaml). */
    static final String SHOP_ROOT_POOL = "cluster-1--default-shop.example.com_-shop";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final EmbeddedKubernetes kube;
    final AviSimulator avi;
    final Settings settings;
    final int managementPort;
    private ControllerApp app;

    private OpsFixture(AviSimulator avi, String controllerUrl) {
        this.kube = EmbeddedKubernetes.start(0);
        this.avi = avi;
        this.managementPort = freePort();
        this.settings = SettingsLoader.defaults().values("""
                AKOSettings:
                  clusterName: cluster-1
                  layer7Only: true
                  fullSyncFrequency: 3600
                  apiServerPort: %d
                NetworkSettings:
                  vipNetworkList: [{networkName: vip-network, cidr: 10.10.10.0/24}]
                ControllerSettings:
                  controllerHost: %s
                  controllerVersion: "22.1.2"
                  cloudName: vcenter-cloud
                  serviceEngineGroupName: Default-Group
                  tenantName: admin
                avicredentials: {username: %s, password: "%s"}
                akoCamel:
                  debounceMillis: 20
                  retry: {initialDelayMillis: 20, maxDelayMillis: 100, maxAttempts: 3, slowRetrySeconds: 1}
                """.formatted(managementPort, controllerUrl, avi.username(), PASSWORD)).load();
    }

    static OpsFixture create() {
        return create(AviSimulator::baseUrl);
    }

    /** The controller talks to the simulator through {@code front} (e.g. a recording proxy). */
    static OpsFixture create(Function<AviSimulator, String> front) {
        AviSimulator avi = AviSimulator.builder().password(PASSWORD).build().start();
        return new OpsFixture(avi, front.apply(avi));
    }

    OpsFixture startController() throws Exception {
        app = ControllerApp.start(settings, kube.client(), null, Map.of());
        return this;
    }

    void stopController() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    ControllerApp app() {
        return app;
    }

    <T> T bean(String name, Class<T> type) {
        return app.context().getRegistry().lookupByNameAndType(name, type);
    }

    KubernetesClient client() {
        return kube.client();
    }

    boolean initialSyncDone() {
        return app != null && bean("initialSyncHealthCheck", InitialSync.class).isDone();
    }

    /** Creates the manifests of examples/ (or some files of it). */
    void applyExamples(String... files) {
        try (Stream<Path> all = Files.list(Path.of("examples"))) {
            List<Path> chosen = all.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("values.yaml"))
                    .filter(p -> files.length == 0 || List.of(files).contains(p.getFileName().toString())).sorted().toList();
            for (Path file : chosen) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (HasMetadata item : kube.client().load(in).items()) {
                        kube.client().resource(item).create();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET on the management port. */
    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Scrape scrape() {
        HttpResponse<String> response = get("/observe/metrics");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/observe/metrics answered " + response.statusCode());
        }
        return Scrape.parse(response.body());
    }

    /** A foreign pool with the name this cluster gives the root pool of Ingress shop: POSTing ours gets 409. */
    void createForeignShopPool() {
        avi.create("pool", """
                {"name": "%s", "created_by": "someone-else", "cloud_ref": "/api/cloud?name=vcenter-cloud"}""".formatted(SHOP_ROOT_POOL));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stopController();
        avi.close();
        kube.close();
    }
}
