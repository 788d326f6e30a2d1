package io.akocamel.it;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes per Ingress, counted at the simulator: a burst of Ingresses of 1 host × 3 Prefix paths to 3 Services, an
 * endpoint change, and a full sync over unchanged state. The burst is coalesced into one round per shard: a second of
 * quiet ends it (how many rounds the production 100 ms / 1 s make depends on how fast the Ingresses arrive; counts here
 * must not depend on the machine's load).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WritesPerIngressTest {
    private static final int INGRESSES = 50;
    private static final int SHARDS = 8;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private ControllerFixture fixture;
    private Map<String, Long> burstWrites;

    @BeforeAll
    void burst() throws Exception {
        fixture = ControllerFixture.create(settings -> settings.debounce(Duration.ofSeconds(1))
                .set("akoCamel.maxDebounceMillis", "30000"));
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml");
        fixture.startController();
        await().atMost(WAIT).until(fixture::initialSyncDone);
        await().atMost(WAIT).until(() -> fixture.ownedObjects("virtualservice").size() == SHARDS);
        fixture.clearAviLog();

        IntStream.range(0, INGRESSES).forEach(i -> fixture.client().resource(ingress(i)).create());

        await().atMost(WAIT).until(() -> IntStream.range(0, INGRESSES).allMatch(i -> !fixture.status("app-" + i).isEmpty()));
        AtomicLong seen = new AtomicLong(-1);
        await().pollInterval(Duration.ofMillis(500)).atMost(WAIT).until(() -> seen.getAndSet(fixture.aviWrites()) == fixture.aviWrites());
        burstWrites = countByCall(fixture.aviWriteLog());
        System.out.printf("writes for a burst of %d Ingresses (1 host x 3 paths): %d = %.2f per Ingress %s%n", INGRESSES,
                total(burstWrites), (double) total(burstWrites) / INGRESSES, burstWrites);
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1)
    void aBurstWritesEachIngressesOwnObjectsOnceAndEachShardsSharedObjectsOnce() {
        // per Ingress its 3 pools and its host's policy set (no pool group); per shard its VS, VS VIP and catch-all set
        assertThat(burstWrites).isEqualTo(Map.of(
                "POST /api/pool", 3L * INGRESSES,
                "POST /api/httppolicyset", (long) INGRESSES,
                "PUT /api/virtualservice", (long) SHARDS,
                "PUT /api/vsvip", (long) SHARDS,
                "PUT /api/httppolicyset", (long) SHARDS));
    }

    @Test
    @Order(2)
    void anEndpointChangeIsExactlyOnePoolUpdatePerPoolOfTheService() {
        fixture.clearAviLog();
        fixture.client().discovery().v1().endpointSlices().inNamespace("default").withName("api-def34").edit(slice ->
                new EndpointSliceBuilder(slice).addToEndpoints(new EndpointBuilder().withAddresses("192.168.2.21")
                        .withNewConditions().withReady(true).endConditions().withNodeName("node-2").build()).build());

        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() ->
                assertThat(countByCall(fixture.aviWriteLog())).isEqualTo(Map.of("PUT /api/pool", (long) INGRESSES)));
    }

    @Test
    @Order(3)
    void aFullSyncOverUnchangedStateWritesOnlyWhatWasEditedByHand() {
        String pool = fixture.ownedObjects("pool").get(0);
        fixture.avi.update("pool", pool, p -> p.putArray("servers"));
        fixture.clearAviLog();

        fixture.fullSyncNow();

        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() ->
                assertThat(fixture.aviWriteLog()).containsExactly("PUT /api/pool"));
    }

    private static Ingress ingress(int i) {
        return new IngressBuilder().withNewMetadata().withName("app-" + i).withNamespace("default").endMetadata()
                .withNewSpec().withIngressClassName("avi-lb").addNewRule().withHost("app-" + i + ".example.com").withNewHttp()
                .addToPaths(path("/web", "web", 80), path("/api", "api", 8080), path("/fallback", "fallback", 80))
                .endHttp().endRule().endSpec().build();
    }

    private static HTTPIngressPath path(String path, String service, int port) {
        return new HTTPIngressPathBuilder().withPath(path).withPathType("Prefix").withNewBackend().withNewService().withName(service)
                .withNewPort().withNumber(port).endPort().endService().endBackend().build();
    }

    private static Map<String, Long> countByCall(List<String> writes) {
        return writes.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static long total(Map<String, Long> writes) {
        return writes.values().stream().mapToLong(Long::longValue).sum();
    }
}
