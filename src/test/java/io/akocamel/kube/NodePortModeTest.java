package io.akocamel.kube;

import io.akocamel.admission.IngressEligibility;
import io.akocamel.config.ServiceType;
import io.akocamel.config.ShardSize;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.akocamel.admission.Ingresses.ingress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** NodePort mode with one shared VS (SMALL) and a nodePortSelector: nodes feed every shard, static routes are off. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodePortModeTest {
    static final String ONLY_SHARD = "cluster-1--Shared-L7-0";

    KubeTestCluster cluster;

    @BeforeAll
    void start() throws Exception {
        TestSettings.Builder settings = TestSettings.builder().serviceType(ServiceType.NodePort).shardSize(ShardSize.SMALL)
                .nodePortSelector("avi-pool", "yes");
        cluster = KubeTestCluster.start(settings,
                client -> KubeTestCluster.createIngressClass(client, "avi-lb", IngressEligibility.CONTROLLER, false));
        cluster.awaitSynced();
    }

    @AfterAll
    void stop() throws Exception {
        cluster.close();
    }

    @Test
    void selectedNodeChangeYieldsEveryShardButAHeartbeatDoesNot() {
        cluster.client.resource(node("pool-1", Map.of("avi-pool", "yes"))).create();
        cluster.awaitKeys("Node pool-1 ADDED", ONLY_SHARD);

        cluster.client.nodes().withName("pool-1").editStatus(n -> {
            n.getStatus().setConditions(List.of(new NodeConditionBuilder().withType("Ready").withStatus("True")
                    .withLastHeartbeatTime("2026-11-25T10:00:00Z").build()));
            return n;
        });
        cluster.client.nodes().withName("pool-1").editStatus(n -> {
            n.getStatus().getAddresses().get(0).setAddress("192.168.2.99");
            return n;
        });
        cluster.awaitKeys("Node pool-1 MODIFIED", ONLY_SHARD);

        cluster.client.nodes().withName("pool-1").delete();
        cluster.awaitKeys("Node pool-1 DELETED", ONLY_SHARD);
    }

    @Test
    void nodeOutsideTheNodePortSelectorCountsOnlyOnceSelected() {
        cluster.client.resource(node("other-1", Map.of("avi-pool", "no"))).create();
        cluster.client.resource(node("pool-sentinel", Map.of("avi-pool", "yes"))).create();
        cluster.awaitKeys("Node pool-sentinel ADDED", ONLY_SHARD);
        assertThat(cluster.keysFor("Node other-1 ADDED")).isEmpty();

        cluster.client.nodes().withName("other-1").edit(n -> {
            n.getMetadata().setLabels(Map.of("avi-pool", "yes"));
            return n;
        });
        cluster.awaitKeys("Node other-1 MODIFIED", ONLY_SHARD);
    }

    @Test
    void ingressWithoutClassIsNotOursWhenNoClassOfOursIsDefault() {
        Ingress classless = ingress("default", "classless", null, "classless.example.com", "svc");
        cluster.client.resource(classless).create();
        cluster.assertNoKeysAfterIngressBarrier("Ingress default/classless ADDED");
        assertThat(cluster.clusterState().eligibility(cluster.clusterState().get(KubeKind.INGRESS, "default/classless")))
                .isEqualTo(IngressEligibility.Verdict.NO_CLASS_AND_NO_DEFAULT);
    }

    @Test
    void fullSyncHasTheOneSharedVsAndNoStaticRoutes() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cluster.reconciles)
                .filteredOn(KubeTestCluster.Reconcile::fullSync).extracting(KubeTestCluster.Reconcile::key)
                .containsExactly(ONLY_SHARD));
    }

    private static Node node(String name, Map<String, String> labels) {
        return new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewStatus().addNewAddress().withType("InternalIP").withAddress("192.168.2.10").endAddress().endStatus()
                .build();
    }
}
