package io.akocamel.kube;

import io.akocamel.admission.IngressEligibility;
import io.akocamel.config.ServiceType;
import io.akocamel.config.ShardSize;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
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

/** NodePortLocal mode with one VS per host (DEDICATED): Pods are watched and feed the shards of their Services' Ingresses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodePortLocalModeTest {
    static final String NPL = "nodeportlocal.antrea.io";

    KubeTestCluster cluster;

    @BeforeAll
    void start() throws Exception {
        TestSettings.Builder settings = TestSettings.builder().serviceType(ServiceType.NodePortLocal).shardSize(ShardSize.DEDICATED)
                .fullSyncSeconds(1);
        cluster = KubeTestCluster.start(settings, client -> {
            KubeTestCluster.createIngressClass(client, "avi-lb", IngressEligibility.CONTROLLER, true);
            client.resource(ingress("shop", "web", "avi-lb", "shop.example.com", "web")).create();
            client.resource(new ServiceBuilder().withNewMetadata().withNamespace("shop").withName("web").endMetadata()
                    .withNewSpec().withSelector(Map.of("app", "web")).addNewPort().withPort(80).withNewTargetPort(8080).endPort()
                    .endSpec().build()).create();
        });
        cluster.awaitSynced();
    }

    @AfterAll
    void stop() throws Exception {
        cluster.close();
    }

    @Test
    void fullSyncRepeatsEveryPeriodWithTheDedicatedVsOfEachHost() {
        assertThat(cluster.shard("shop.example.com")).isEqualTo("cluster-1--shop.example.com-L7-dedicated");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cluster.reconciles)
                .filteredOn(KubeTestCluster.Reconcile::fullSync).extracting(KubeTestCluster.Reconcile::key)
                .hasSizeGreaterThanOrEqualTo(2).containsOnly("cluster-1--shop.example.com-L7-dedicated"));
    }

    @Test
    void podOfABackendServiceYieldsTheShardOfItsIngress() {
        String shard = cluster.shard("shop.example.com");
        cluster.client.resource(pod("web-1", Map.of("app", "web"), "[{\"podPort\":8080,\"nodeIP\":\"192.168.3.1\",\"nodePort\":61001}]")).create();
        cluster.awaitKeys("Pod shop/web-1 ADDED", shard);
        assertThat(cluster.clusterState().pods("shop", Map.of("app", "web"))).extracting(p -> p.getMetadata().getName()).containsExactly("web-1");

        cluster.client.pods().inNamespace("shop").withName("web-1").editStatus(p -> {
            p.getStatus().getConditions().get(0).setLastProbeTime("2026-11-25T10:00:00Z");
            return p;
        });
        cluster.client.pods().inNamespace("shop").withName("web-1").edit(p -> {
            p.getMetadata().getAnnotations().put(NPL, "[{\"podPort\":8080,\"nodeIP\":\"192.168.3.1\",\"nodePort\":61002}]");
            return p;
        });
        // the probe-time update came first on the same watch and yielded nothing: one key for two updates
        cluster.awaitKeys("Pod shop/web-1 MODIFIED", shard);

        cluster.client.pods().inNamespace("shop").withName("web-1").delete();
        cluster.awaitKeys("Pod shop/web-1 DELETED", shard);
    }

    @Test
    void podThatNoServiceSelectsYieldsNothing() {
        cluster.client.resource(pod("batch-1", Map.of("app", "batch"), "[]")).create();
        cluster.client.resource(pod("web-sentinel", Map.of("app", "web"), "[]")).create();
        cluster.awaitKeys("Pod shop/web-sentinel ADDED", cluster.shard("shop.example.com"));
        assertThat(cluster.keysFor("Pod shop/batch-1 ADDED")).isEmpty();
    }

    private static Pod pod(String name, Map<String, String> labels, String npl) {
        return new PodBuilder().withNewMetadata().withNamespace("shop").withName(name).withLabels(labels)
                .withAnnotations(new java.util.HashMap<>(Map.of(NPL, npl))).endMetadata()
                .withNewStatus().withConditions(List.of(new PodConditionBuilder().withType("Ready").withStatus("True").build())).endStatus()
                .build();
    }
}
