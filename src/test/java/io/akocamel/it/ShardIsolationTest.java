package io.akocamel.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.Naming;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpecBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One host's objects refused by the controller (the simulator rejects writes of its policy set with 400) while
 * another host of the same shard VS is created, changed and deleted: through the real routes.
 */
class ShardIsolationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REJECTION = "Invalid HTTPPolicySet: rule index 3 is out of range";
    private static final String ALPHA = "alpha.example.com";

    private ControllerFixture fixture;
    private Naming naming;
    private String bravo;
    private String shard;

    @BeforeEach
    void start() throws Exception {
        fixture = ControllerFixture.create();
        naming = Naming.of(fixture.settings);
        shard = naming.shardVsName(ALPHA);
        bravo = IntStream.range(0, 100).mapToObj(i -> "bravo-" + i + ".example.com")
                .filter(host -> naming.shardVsName(host).equals(shard)).findFirst().orElseThrow();
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml");
        fixture.startController();
        await().atMost(WAIT).until(fixture::initialSyncDone);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRejectedNewHostDoesNotStopTheOtherHostsOfItsShard() {
        fixture.avi.faults().rejectWrites("httppolicyset", naming.hostPolicySetName(ALPHA), REJECTION);
        create("alpha", ALPHA);
        await().atMost(WAIT).until(() -> !rejections("alpha").isEmpty());

        create("bravo", bravo);
        await().atMost(WAIT).untilAsserted(() -> assertThat(parentPolicies()).contains(naming.hostPolicySetName(bravo))
                .doesNotContain(naming.hostPolicySetName(ALPHA)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.status("bravo")).isNotEmpty());
        assertThat(fixture.status("alpha")).as("a host that is not served shows no VIP").isEmpty();

        addPath("bravo", "/docs");
        await().atMost(WAIT).untilAsserted(() -> assertThat(policySet(bravo).toString()).contains("/docs/"));

        ingresses().withName("bravo").delete();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.avi("httppolicyset", naming.hostPolicySetName(bravo))).isEmpty();
            assertThat(fixture.ownedObjects("pool")).noneMatch(pool -> pool.contains(bravo));
        });

        assertThat(rejections("alpha")).allSatisfy(e -> assertThat(e.getMessage())
                .contains(REJECTION, "host '" + ALPHA + "' is not served until this is fixed"));
        assertThat(rejections("bravo")).isEmpty();

        fixture.avi.faults().acceptWrites("httppolicyset", naming.hostPolicySetName(ALPHA));
        fixture.fullSyncNow();
        await().atMost(WAIT).untilAsserted(() -> assertThat(parentPolicies()).contains(naming.hostPolicySetName(ALPHA)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.status("alpha")).isNotEmpty());
    }

    @Test
    void aServedHostWhoseChangeIsRejectedKeepsItsLastAcceptedConfiguration() {
        create("alpha", ALPHA);
        await().atMost(WAIT).untilAsserted(() -> assertThat(parentPolicies()).contains(naming.hostPolicySetName(ALPHA)));
        fixture.avi.faults().rejectWrites("httppolicyset", naming.hostPolicySetName(ALPHA), REJECTION);

        addPath("alpha", "/shop");
        create("bravo", bravo);

        await().atMost(WAIT).untilAsserted(() -> assertThat(parentPolicies()).contains(naming.hostPolicySetName(ALPHA),
                naming.hostPolicySetName(bravo)));
        assertThat(policySet(ALPHA).toString()).doesNotContain("/shop");
        await().atMost(WAIT).untilAsserted(() -> assertThat(rejections("alpha")).isNotEmpty().allSatisfy(e -> assertThat(e.getMessage())
                .contains(REJECTION, "keeps the configuration the Avi Controller last accepted")));

        fixture.avi.faults().acceptWrites("httppolicyset", naming.hostPolicySetName(ALPHA));
        fixture.fullSyncNow();
        await().atMost(WAIT).untilAsserted(() -> assertThat(policySet(ALPHA).toString()).contains("/shop/"));
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<Ingress, io.fabric8.kubernetes.api.model.networking.v1.IngressList,
            io.fabric8.kubernetes.client.dsl.Resource<Ingress>> ingresses() {
        return fixture.client().network().v1().ingresses().inNamespace("default");
    }

    private void create(String name, String host) {
        ingresses().resource(new IngressBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withIngressClassName("avi-lb").addNewRule().withHost(host).withNewHttp().addToPaths(path("/"))
                .endHttp().endRule().endSpec().build()).create();
    }

    /** A merge patch of the spec alone: it cannot conflict with the controller's status write, as an edit (get, then put) can. */
    private void addPath(String name, String path) {
        IngressSpec spec = new IngressSpecBuilder(ingresses().withName(name).get().getSpec()).editFirstRule().editHttp()
                .addToPaths(path(path)).endHttp().endRule().build();
        ingresses().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec", spec)));
    }

    private static io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath path(String path) {
        return new HTTPIngressPathBuilder().withPath(path).withPathType("Prefix").withNewBackend().withNewService().withName("web")
                .withNewPort().withNumber(80).endPort().endService().endBackend().build();
    }

    private String parentPolicies() {
        return fixture.avi("virtualservice", shard).map(vs -> vs.path("http_policies").toString()).orElse("");
    }

    private ObjectNode policySet(String host) {
        return fixture.avi("httppolicyset", naming.hostPolicySetName(host)).orElseThrow();
    }

    private java.util.List<Event> rejections(String ingress) {
        return fixture.events(ingress).stream().filter(e -> "AviRejected".equals(e.getReason())).toList();
    }
}
