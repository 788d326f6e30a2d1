package io.akocamel.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akocamel.simulator.RecordedRequest;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /observe/metrics and /api/status after a real reconcile against the simulator, with one forced 4xx: a pool named like
 * ours but created by someone else, so its POST gets 409 and becomes a dead letter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private OpsFixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = OpsFixture.create();
        fixture.createForeignShopPool();
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        fixture.startController();
        await().atMost(OpsFixture.WAIT).until(() -> fixture.initialSyncDone() && fixture.scrape().sum("ako_dead_letters") == 1);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void aviCallsAreCountedByMethodTypeAndStatusExactlyAsTheControllerAnsweredThem() {
        await().atMost(OpsFixture.WAIT).untilAsserted(() -> {
            Map<String, Double> counted = new TreeMap<>();
            fixture.scrape().matching("ako_avi_calls_total").forEach(s -> counted.put(
                    s.labels().get("method") + " " + s.labels().get("type") + " " + s.labels().get("status"), s.value()));
            Map<String, Double> answered = fixture.avi.requestLog().stream().filter(r -> r.path().startsWith("/api/"))
                    .collect(Collectors.groupingBy(MetricsTest::callKey, TreeMap::new, Collectors.summingDouble(r -> 1)));
            assertThat(counted).isEqualTo(answered).containsKey("POST pool 409").containsKey("POST pool 201");
        });
        Scrape scrape = fixture.scrape();
        assertThat(scrape.sum("ako_avi_call_duration_seconds_count", "method", "POST", "type", "pool"))
                .isEqualTo(scrape.sum("ako_avi_calls_total", "method", "POST", "type", "pool"));
        assertThat(scrape.sum("ako_avi_call_duration_seconds_bucket", "method", "POST", "type", "pool", "le", "+Inf"))
                .isEqualTo(scrape.sum("ako_avi_calls_total", "method", "POST", "type", "pool"));
    }

    private static String callKey(RecordedRequest request) {
        return request.method() + " " + AviCallMeter.objectType(request.path()) + " " + request.status();
    }

    @Test
    void theForced409IsOneDeadLetterCountedUnderItsReason() {
        Scrape scrape = fixture.scrape();
        assertThat(scrape.sum("ako_dead_letters")).isEqualTo(1);
        assertThat(scrape.sum("ako_dead_letters_recorded_total", "reason", "conflict"))
                .isEqualTo(scrape.sum("ako_avi_calls_total", "method", "POST", "type", "pool", "status", "409"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.matching("ako_dead_letters_recorded_total")).extracting(s -> s.labels().get("reason")).containsOnly("conflict");
    }

    @Test
    void reconcilesAreCountedByResultWithADurationHistogram() {
        Scrape scrape = fixture.scrape();
        assertThat(scrape.sum("ako_reconciles_total", "result", "applied")).isPositive();
        assertThat(scrape.sum("ako_reconciles_total", "result", "failed")).as("the shard with the conflict").isPositive();
        assertThat(scrape.sum("ako_reconcile_duration_seconds_count")).isEqualTo(scrape.sum("ako_reconciles_total"));
        assertThat(scrape.sum("ako_reconcile_duration_seconds_bucket", "le", "+Inf")).isEqualTo(scrape.sum("ako_reconciles_total"));
        assertThat(scrape.sum("ako_reconcile_duration_seconds_sum")).isPositive();
    }

    @Test
    void gaugesShowWhatTheControllerHoldsAndHowTheIngressesStand() {
        await().atMost(OpsFixture.WAIT).untilAsserted(() -> {
            Scrape scrape = fixture.scrape();
            for (String type : new String[] {"virtualservice", "vsvip", "pool", "httppolicyset"}) {
                long owned = fixture.avi.objects(type).stream().filter(o -> "ako-cluster-1".equals(o.path("created_by").asText())
                        || type.equals("vsvip") && o.path("name").asText().startsWith("cluster-1--")).count();
                assertThat(scrape.sum("ako_avi_owned_objects", "type", type)).as(type).isEqualTo(owned).isPositive();
            }
            // shop's shard failed on the foreign pool; fallback has a default backend, so it is on that shard too
            assertThat(scrape.sum("ako_ingresses_with_errors")).isEqualTo(2);
            assertThat(scrape.sum("ako_ingresses_synced")).isZero();
        });
        Scrape scrape = fixture.scrape();
        assertThat(scrape.sum("ako_avi_session_logins_total")).isEqualTo(1);
        assertThat(scrape.sum("ako_last_full_sync_timestamp_seconds")).isGreaterThan(System.currentTimeMillis() / 1000.0 - 120);
        assertThat(scrape.sum("ako_last_full_sync_duration_seconds")).isPositive();
    }

    @Test
    void aKubernetesChangeIsCountedAndTimedUntilItsAviWrite() {
        Scrape before = fixture.scrape();
        fixture.client().network().v1().ingresses().inNamespace("default").resource(new IngressBuilder()
                .withNewMetadata().withName("docs").withNamespace("default").endMetadata()
                .withNewSpec().addNewRule().withHost("docs.example.com").withNewHttp().addToPaths(new HTTPIngressPathBuilder()
                        .withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("web").withNewPort()
                        .withNumber(80).endPort().endService().endBackend().build()).endHttp().endRule().endSpec().build()).create();

        await().atMost(OpsFixture.WAIT).untilAsserted(() -> {
            Scrape after = fixture.scrape();
            assertThat(after.sum("ako_kubernetes_events_total", "kind", "Ingress", "action", "added"))
                    .isEqualTo(before.sum("ako_kubernetes_events_total", "kind", "Ingress", "action", "added") + 1);
            assertThat(after.sum("ako_change_to_avi_write_seconds_count")).isGreaterThan(before.sum("ako_change_to_avi_write_seconds_count"));
            double seconds = after.sum("ako_change_to_avi_write_seconds_sum") - before.sum("ako_change_to_avi_write_seconds_sum");
            assertThat(seconds).isPositive().isLessThan(OpsFixture.WAIT.toSeconds());
        });
    }

    @Test
    void camelRouteAndJvmMetricsAreScrapedWithOurs() {
        Scrape scrape = fixture.scrape();
        assertThat(scrape.sum("camel_exchanges_total", "routeId", "reconcile-run")).isPositive();
        assertThat(scrape.sum("camel_exchanges_total", "routeId", "avi-call")).isPositive();
        assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
    }

    @Test
    void apiStatusHasAkosShapeWithTheLastErrorsAndTheRole() throws Exception {
        HttpResponse<String> response = fixture.get("/api/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.fieldNames()).toIterable().containsExactly("avi_api", "role");
        assertThat(status.get("role").asText()).as("alone, outside a pod").isEqualTo("leader");
        assertThat(status.get("avi_api").fieldNames()).toIterable().containsExactly("connection_status", "errors");
        assertThat(status.at("/avi_api/connection_status").asText()).isEqualTo("CONNECTED");
        assertThat(status.at("/avi_api/errors")).singleElement().satisfies(e -> assertThat(e.asText())
                .contains("POST pool/" + OpsFixture.SHOP_ROOT_POOL, "CONFLICT", "409", "created_by someone-else"));
    }
}
