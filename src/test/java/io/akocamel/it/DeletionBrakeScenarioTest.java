package io.akocamel.it;

import io.akocamel.avi.DeletionBrake;
import io.akocamel.config.ShardSize;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The deletion brake end to end: the IngressClass deleted under 30 programmed Ingresses (what helm uninstall does). */
class DeletionBrakeScenarioTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int INGRESSES = 30;
    private static final Pattern HELD = Pattern.compile("(?m)^ako_deletions_held(?:\\{[^}]*})? (\\S+)$");
    private ControllerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void deletingTheIngressClassHoldsTheDeletesUntilTheNextFullSyncConfirmsThem() throws Exception {
        // one shared VS: the whole cycle's deletes are planned by one reconcile
        deletingTheIngressClassHoldsEveryDelete(ShardSize.SMALL);
    }

    @Test
    void withEightShardsNotEvenTheFirstShardDeletesAnything() throws Exception {
        // eight shared VSes: the first shard's reconcile already sees, in the whole cluster's model, that most goes
        deletingTheIngressClassHoldsEveryDelete(ShardSize.LARGE);
    }

    private void deletingTheIngressClassHoldsEveryDelete(ShardSize shards) throws Exception {
        fixture = ControllerFixture.create(settings -> settings.shardSize(shards));
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml");
        for (int i = 0; i < INGRESSES; i++) {
            fixture.client().network().v1().ingresses().inNamespace("default").resource(ingress("app-" + i)).create();
        }
        fixture.startControllerInPod("avi-system", "ako-0");
        await().atMost(WAIT).until(() -> IntStream.range(0, INGRESSES).allMatch(i -> !fixture.status("app-" + i).isEmpty()));
        int owned = fixture.app().components().inventory().ownedCount();
        fixture.clearAviLog();

        fixture.client().network().v1().ingressClasses().withName("avi-lb").delete();

        await().atMost(WAIT).until(() -> !heldWarnings().isEmpty());
        assertThat(heldWarnings()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("deletion(s) held, because more than 50 % of the " + owned + " objects this cluster owns")
                .contains("httppolicyset/cluster-1--app-"));
        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.aviWriteLog()).noneMatch(w -> w.startsWith("DELETE") || w.equals("PUT /api/virtualservice"));
            assertThat(fixture.ownedObjects("pool")).hasSize(INGRESSES);
        });
        assertThat(heldMetric()).as("the pool and the policy set of every Ingress").isEqualTo(2.0 * INGRESSES);

        fixture.fullSyncNow();

        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.ownedObjects("pool")).isEmpty());
        assertThat(heldMetric()).isZero();
        assertThat(fixture.ownedObjects("virtualservice")).isNotEmpty();
    }

    private static Ingress ingress(String name) {
        return new IngressBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withIngressClassName("avi-lb").addNewRule().withHost(name + ".example.com").withNewHttp().addNewPath()
                .withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("web").withNewPort().withNumber(80)
                .endPort().endService().endBackend().endPath().endHttp().endRule().endSpec().build();
    }

    private List<Event> heldWarnings() {
        return fixture.events("ako-0").stream().filter(e -> "Warning".equals(e.getType()) && DeletionBrake.REASON.equals(e.getReason())).toList();
    }

    private double heldMetric() throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fixture.managementPort + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher held = HELD.matcher(scrape.body());
        assertThat(held.find()).as("ako_deletions_held in the scrape").isTrue();
        return Double.parseDouble(held.group(1));
    }
}
