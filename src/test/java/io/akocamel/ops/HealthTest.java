package io.akocamel.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akocamel.kube.ClusterState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The probes as kubelet sees them: /observe/health/ready, /observe/health/live, and AKO's /api/status. */
class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private OpsFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void readinessIsDownUntilTheInitialSyncAndUpAfter() throws Exception {
        fixture = OpsFixture.create();
        fixture.avi.faults().outageUntilCleared();
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        fixture.startController();
        fixture.app().components().preflight().setRecheckMillis(100);

        await().atMost(OpsFixture.WAIT).untilAsserted(() -> {
            HttpResponse<String> ready = fixture.get("/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(check(ready, "ako-initial-sync")).isEqualTo("DOWN");
            assertThat(check(ready, "avi-inventory")).isEqualTo("DOWN");
            assertThat(check(ready, "kubernetes-watches")).as("the informers listed").isEqualTo("UP");
            assertThat(status().at("/avi_api/connection_status").asText()).isEqualTo("DISCONNECTED");
            assertThat(status().at("/avi_api/errors").toString()).contains("503");
        });
        assertThat(fixture.get("/observe/health/live").statusCode()).as("an unreachable controller is no reason to restart").isEqualTo(200);

        fixture.avi.faults().endOutage();

        await().atMost(OpsFixture.WAIT).untilAsserted(() -> assertThat(fixture.get("/observe/health/ready").statusCode()).isEqualTo(200));
        assertThat(fixture.initialSyncDone()).isTrue();
        assertThat(status().at("/avi_api/connection_status").asText()).isEqualTo("CONNECTED");
    }

    @Test
    void livenessGoesDownWhenAWatchStops() throws Exception {
        fixture = OpsFixture.create();
        fixture.applyExamples("00-cluster.yaml");
        fixture.startController();
        await().atMost(OpsFixture.WAIT).untilAsserted(() -> assertThat(fixture.get("/observe/health/live").statusCode()).isEqualTo(200));

        ClusterState.Watch ingresses = fixture.app().components().cluster().watches().stream()
                .filter(w -> w.spec().toString().contains("ingresses")).findFirst().orElseThrow();
        ingresses.informer().stop();

        await().atMost(OpsFixture.WAIT).untilAsserted(() -> {
            HttpResponse<String> live = fixture.get("/observe/health/live");
            assertThat(live.statusCode()).isEqualTo(503);
            assertThat(check(live, "kubernetes-watches")).isEqualTo("DOWN");
            assertThat(check(live, "context")).as("the Camel context and its routes still run").isEqualTo("UP");
        });
        assertThat(fixture.get("/observe/health/ready").statusCode()).isEqualTo(503);
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(fixture.get("/api/status").body());
    }

    private static String check(HttpResponse<String> response, String name) throws Exception {
        for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check.path("status").asText();
            }
        }
        throw new AssertionError("no check " + name + " in " + response.body());
    }
}
