package io.akocamel.ops;

import io.akocamel.it.ControllerFixture;

import io.akocamel.simulator.AviSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * The whole product (mock Kubernetes API, Avi simulator, the controller with its real routes and short timings),
 * seen from outside as an operator sees it: {@link ControllerFixture} with a distinctive password, plus the management
 * port over HTTP.
 */
final class OpsFixture extends ControllerFixture {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The simulator's (and the controller's) password: distinctive, so a test can look for it. */
    static final String PASSWORD = "Ops-S3cret-Passw0rd!";
    /** The name this cluster gives the pool of Ingress shop's root path (examples/20-ingresses.yaml). */
    static final String SHOP_ROOT_POOL = "cluster-1--default-shop.example.com_-shop";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpsFixture(AviSimulator avi, String controllerUrl) {
        super(avi, controllerUrl, PASSWORD);
    }

    static OpsFixture create() {
        return create(AviSimulator::baseUrl);
    }

    /** The controller talks to the simulator through {@code front} (e.g. a recording proxy). */
    static OpsFixture create(Function<AviSimulator, String> front) {
        AviSimulator avi = AviSimulator.builder().password(PASSWORD).build().start();
        return new OpsFixture(avi, front.apply(avi));
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
}
