package io.akocamel.it;

import io.akocamel.kubeapi.IndexedCrudDispatcher;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.testing.FaultyCrudDispatcher;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults on the Avi side and on the Kubernetes side, each ending with the convergence check: the simulator holds exactly what the model of the
 * current cluster says (nothing missing, nothing stale, equal payloads), and the objects this cluster did not create are
 * byte-identical. Sizes and durations are small in the test suite; the {@code reliability} Maven profile runs them with
 * 300 Ingresses and 30 s outages ({@code reliability.ingresses}, {@code reliability.outageSeconds}).
 */
class FaultSuiteTest {
    static final int INGRESSES = Integer.getInteger("reliability.ingresses", 24);
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("reliability.outageSeconds", 3));
    static final Duration CONVERGED_WITHIN = Duration.ofSeconds(Integer.getInteger("reliability.waitSeconds", 60));
    private ControllerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theCheckSeesAMissingObjectADriftedOneAndAStaleOne() throws Exception {
        start();
        fixture.startController();
        assertConverged();
        fixture.stopController();
        String shard = fixture.avi("pool", "cluster-1--default-host-1.example.com_-app-1").orElseThrow().path("markers").toString();

        createIngress(INGRESSES);
        fixture.avi.update("pool", "cluster-1--default-host-2.example.com_-app-2",
                p -> p.withArray("servers").addObject().put("port", 1).putObject("ip").put("addr", "10.99.99.99").put("type", "V4"));
        fixture.avi.create("pool", """
                {"name": "cluster-1--default-gone.example.com_-gone", "created_by": "ako-cluster-1", "markers": %s}""".formatted(shard));

        assertThat(Convergence.remainingWrites(fixture)).contains("POST pool cluster-1--default-host-%d.example.com_-app-%d".formatted(INGRESSES, INGRESSES),
                "PUT pool cluster-1--default-host-2.example.com_-app-2", "DELETE pool cluster-1--default-gone.example.com_-gone");
    }

    @Test
    void aControllerUnreachableAtStartIsProgrammedOnceItAnswers() throws Exception {
        start();
        fixture.avi.faults().outageUntilCleared();
        fixture.startController();

        await().during(OUTAGE).atMost(OUTAGE.plusSeconds(3)).until(() -> fixture.aviWrites() == 0);
        fixture.avi.faults().endOutage();

        assertConverged();
    }

    @Test
    void anOutageInTheMiddleOfAColdSyncIsRecovered() throws Exception {
        start();
        fixture.startController();
        await().atMost(CONVERGED_WITHIN).until(() -> fixture.aviWrites() > 10);
        fixture.avi.faults().outage(OUTAGE);

        assertConverged();
    }

    @Test
    void tenPercentOfCallsFailingThroughoutStillConverges() throws Exception {
        start();
        fixture.avi.faults().errorRate(0.1, 503);
        fixture.startController();

        assertConverged();
    }

    @Test
    void sessionsExpiringEvery50CallsStillConverge() throws Exception {
        start();
        fixture.avi.faults().sessionExpiryAfterCalls(50);
        fixture.startController();

        assertConverged();
    }

    @Test
    void driftedOwnedObjectsAreRepairedAndForeignOnesLeftAlone() throws Exception {
        start();
        fixture.avi.create("pool", """
                {"name": "cluster-1--default-host-3.example.com_-app-3", "created_by": "ako-cluster-1",
                 "markers": [{"key": "clustername", "values": ["cluster-1"]}],
                 "servers": [{"ip": {"addr": "10.99.99.99", "type": "V4"}, "port": 1}]}""");
        fixture.startController();

        assertConverged();
        assertThat(fixture.avi("pool", "cluster-1--default-host-3.example.com_-app-3").orElseThrow().toString())
                .doesNotContain("10.99.99.99");
    }

    @Test
    void aControllerStoppedMidSyncAndStartedAgainLeavesNoDuplicates() throws Exception {
        start();
        fixture.startController();
        await().atMost(CONVERGED_WITHIN).until(() -> fixture.aviWrites() > 10);
        fixture.stopController();
        fixture.startController();

        assertConverged();
        assertThat(fixture.ownedObjects("pool")).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(INGRESSES);
    }

    @Test
    void everyVsVipChangedBehindTheControllersBackAnswersItsFirstPutWith412AndStillConverges() throws Exception {
        start();
        fixture.startController();
        assertConverged();
        fixture.avi.objects("vsvip").forEach(vip -> fixture.avi.update("vsvip", vip.path("name").asText(),
                v -> v.put("description", "touched by hand")));
        fixture.clearAviLog();

        for (int i = INGRESSES + 1; i <= INGRESSES + 8; i++) {
            createIngress(i);
        }

        assertConverged();
        assertThat(fixture.avi.requestLog()).filteredOn(r -> r.method().equals("PUT") && r.path().startsWith("/api/vsvip"))
                .extracting(r -> r.status()).contains(412).contains(200);
    }

    @Test
    void anExhaustedVipNetworkIsWaitedForAndEveryShardGetsItsVipOnceAddressesAreFreed() throws Exception {
        start();
        fixture.avi.update("network", "vip-network", n -> vipRangeEnd(n, "10.10.10.102"));
        fixture.startController();

        await().atMost(CONVERGED_WITHIN).untilAsserted(() -> assertThat(fixture.avi.requestLog())
                .anyMatch(r -> r.method().equals("POST") && r.path().startsWith("/api/vsvip") && r.status() == 400));
        assertThat(fixture.avi.objects("vsvip")).hasSize(3);
        fixture.avi.update("network", "vip-network", n -> vipRangeEnd(n, "10.10.10.199"));

        assertConverged();
        assertThat(fixture.avi.objects("vsvip")).hasSizeGreaterThan(3);
    }

    private static void vipRangeEnd(ObjectNode network, String address) {
        ((ObjectNode) network.path("configured_subnets").path(0).path("static_ip_ranges").path(0).path("range").path("end"))
                .put("addr", address);
    }

    @Test
    void closedWatchesAndA410GoneWhileIngressesChangeStillConverge() throws Exception {
        FaultyCrudDispatcher kubernetes = new FaultyCrudDispatcher();
        start(kubernetes);
        fixture.startController();
        await().atMost(CONVERGED_WITHIN).until(kubernetes::ingressWatchOpen);

        kubernetes.goneIngressWatches.set(1);
        kubernetes.closeAllWatches();
        fixture.client().network().v1().ingresses().inNamespace("default").withName("app-0").delete();
        fixture.client().network().v1().ingresses().inNamespace("default").withName("app-1").edit(ing -> new IngressBuilder(ing)
                .editSpec().editFirstRule().editHttp().editFirstPath().withPath("/moved").endPath().endHttp().endRule().endSpec().build());
        kubernetes.closeAllWatches();

        assertConverged();
        assertThat(kubernetes.goneSent.get()).isEqualTo(1);
        assertThat(fixture.ownedObjects("pool")).noneMatch(name -> name.contains("host-0.example.com"));
    }

    @Test
    void failingKubernetesListsDeleteNothingUntilTheyAreComplete() throws Exception {
        FaultyCrudDispatcher kubernetes = new FaultyCrudDispatcher();
        start(kubernetes);
        fixture.startController();
        assertConverged();
        fixture.stopController();
        fixture.client().network().v1().ingresses().inNamespace("default").withName("app-2").delete();
        fixture.clearAviLog();
        kubernetes.failIngressLists = true;

        fixture.startController();
        await().during(OUTAGE).atMost(OUTAGE.plusSeconds(3))
                .until(() -> fixture.aviWriteLog().stream().noneMatch(write -> write.startsWith("DELETE")));
        kubernetes.failIngressLists = false;

        assertConverged();
        assertThat(fixture.ownedObjects("pool")).noneMatch(name -> name.contains("host-2.example.com"));
    }

    @Test
    void aKubernetesApiUnreachableWhileRunningDeletesNothingAndConvergesWhenItIsBack() throws Exception {
        FaultyCrudDispatcher kubernetes = new FaultyCrudDispatcher();
        start(kubernetes);
        fixture.startController();
        assertConverged();
        fixture.clearAviLog();

        kubernetes.unavailable = true;
        kubernetes.closeAllWatches();
        fixture.fullSyncNow();
        await().during(OUTAGE).atMost(OUTAGE.plusSeconds(3))
                .until(() -> fixture.aviWriteLog().stream().noneMatch(write -> write.startsWith("DELETE")));
        kubernetes.unavailable = false;
        // the CRUD mock does not replay what a watch missed (a real API server does, from the watch's resourceVersion):
        // change the cluster once the watches are back
        await().atMost(CONVERGED_WITHIN).until(() -> fixture.app().components().cluster().watches().stream()
                .allMatch(w -> w.informer().isWatching()));
        fixture.client().network().v1().ingresses().inNamespace("default").withName("app-3").delete();

        assertConverged();
        assertThat(fixture.ownedObjects("pool")).noneMatch(name -> name.contains("host-3.example.com"))
                .anyMatch(name -> name.contains("host-4.example.com"));
    }

    // ---- set-up and the check ----

    private void start() {
        start(new IndexedCrudDispatcher());
    }

    /** The simulator with a foreign pool and another cluster's static route; the cluster with {@link #INGRESSES} Ingresses. */
    private void start(KubernetesCrudDispatcher kubernetes) {
        fixture = ControllerFixture.create(kubernetes);
        fixture.avi.create("pool", """
                {"name": "team-b-pool", "created_by": "someone-else",
                 "servers": [{"ip": {"addr": "10.1.1.1", "type": "V4"}, "port": 80}]}""");
        fixture.avi.update("vrfcontext", "global", vrf -> vrf.putArray("static_routes").addObject()
                .put("route_id", "cluster-2-1")
                .<ObjectNode>set("prefix", vrf.objectNode().<ObjectNode>set("ip_addr", vrf.objectNode().put("addr", "10.244.9.0")
                        .put("type", "V4")).put("mask", 24))
                .<ObjectNode>set("next_hop", vrf.objectNode().put("addr", "10.20.9.9").put("type", "V4"))
                .putArray("labels").addObject().put("key", "clustername").put("value", "cluster-2"));
        fixture.applyExamples("00-cluster.yaml");
        for (int i = 0; i < INGRESSES; i++) {
            createIngress(i);
        }
    }

    private void createIngress(int i) {
        var client = fixture.client();
        client.resource(new ServiceBuilder().withNewMetadata().withNamespace("default").withName("app-" + i).endMetadata()
                .withNewSpec().withType("ClusterIP").addNewPort().withPort(80).withNewTargetPort(8080).endPort().endSpec().build()).create();
        client.resource(new EndpointSliceBuilder().withNewMetadata().withNamespace("default").withName("app-" + i + "-1")
                .addToLabels("kubernetes.io/service-name", "app-" + i).endMetadata().withAddressType("IPv4")
                .addNewEndpoint().withAddresses("10.244.1." + (i % 250 + 1)).withNewConditions().withReady(true).endConditions().endEndpoint()
                .addNewPort().withPort(8080).endPort().build()).create();
        client.resource(new IngressBuilder().withNewMetadata().withNamespace("default").withName("app-" + i).endMetadata()
                .withNewSpec().withIngressClassName("avi-lb")
                .addNewRule().withHost("host-" + i + ".example.com").withNewHttp()
                .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("app-" + i)
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .addNewPath().withPath("/api").withPathType("Exact").withNewBackend().withNewService().withName("app-" + i)
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .endHttp().endRule().endSpec().build()).create();
    }

    /** Converged (a full sync asked for now and then, as the periodic one would), and the foreign objects untouched. */
    private void assertConverged() {
        String foreignPool = fixture.avi("pool", "team-b-pool").orElseThrow().toString();
        await().atMost(CONVERGED_WITHIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            fixture.fullSyncNow();
            List<String> remaining = Convergence.remainingWrites(fixture);
            assertThat(remaining).as("writes still needed").isEmpty();
        });
        assertThat(fixture.avi("pool", "team-b-pool").orElseThrow().toString()).isEqualTo(foreignPool);
        assertThat(fixture.avi("vrfcontext", "global").orElseThrow().path("static_routes").toString())
                .contains("cluster-2-1", "10.244.9.0");
        await().atMost(CONVERGED_WITHIN).untilAsserted(() -> assertThat(fixture.status("app-" + (INGRESSES - 1))).isNotEmpty());
    }
}
