package io.akocamel.kube;

import io.akocamel.kubeapi.IndexedCrudDispatcher;
import io.akocamel.admission.IngressEligibility;
import io.akocamel.testing.AkoCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.akocamel.admission.Ingresses.ingress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** HostRule, HTTPRule and AviInfraSetting changes through the real ingestion routes: which shard keys each yields. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomResourceIngestionTest {
    static final String VALUES = """
            AKOSettings:
              clusterName: cluster-1
              fullSyncFrequency: "3600"
            NetworkSettings:
              vipNetworkList:
                - networkName: vip-net
                  cidr: 10.10.10.0/24
            """;
    KubeTestCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = KubeTestCluster.start(VALUES, new IndexedCrudDispatcher(), client -> {
            AkoCrds.install(client);
            KubeTestCluster.createNamespace(client, "shop", Map.of());
            KubeTestCluster.createNamespace(client, "blue-team", Map.of());
            client.namespaces().withName("blue-team").edit(n -> {
                n.getMetadata().setAnnotations(Map.of("aviinfrasetting.ako.vmware.com/name", "blue"));
                return n;
            });
            KubeTestCluster.createIngressClass(client, "avi-lb", IngressEligibility.CONTROLLER, true);
            client.resource(new IngressClassBuilder().withNewMetadata().withName("blue-lb").endMetadata().withNewSpec()
                    .withController(IngressEligibility.CONTROLLER).withNewParameters().withApiGroup("ako.vmware.com")
                    .withKind("AviInfraSetting").withName("blue").endParameters().endSpec().build()).create();
            client.resource(ingress("shop", "web", "avi-lb", "shop.example.com", "svc")).create();
            client.resource(ingress("shop", "api", "avi-lb", "api.example.com", "svc")).create();
            client.resource(ingress("shop", "other", "avi-lb", "other.test", "svc")).create();
            client.resource(ingress("shop", "blue", "blue-lb", "blue.test", "svc")).create();
            client.resource(ingress("blue-team", "web", "avi-lb", "team.test", "svc")).create();
        });
        cluster.awaitSynced();
        await().until(() -> cluster.clusterState().ingresses().size() == 5);
    }

    @AfterAll
    void stop() throws Exception {
        cluster.close();
    }

    private String[] shardsOf(String... hosts) {
        return new TreeSet<>(Arrays.stream(hosts).map(cluster::shard).toList()).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(delimiter = '|', value = {
            "exact     | shop.example.com | Exact    | shop.example.com",
            "default   | api.example.com  |          | api.example.com",
            "wildcard  | *.example.com    | Wildcard | shop.example.com,api.example.com",
            "contains  | .test            | Contains | other.test,blue.test,team.test",
            "uppercase | SHOP.example.com | Exact    | shop.example.com"})
    void hostRuleCreateAndDeleteYieldTheShardsOfTheHostsItSelects(String name, String fqdn, String fqdnType, String hosts) {
        GenericKubernetesResource rule = AkoCrds.hostRule("shop", name, fqdn, fqdnType, Map.of());
        String[] expected = shardsOf(hosts.split(","));

        cluster.client.resource(rule).create();
        cluster.awaitKeys("HostRule shop/" + name + " ADDED", expected);
        cluster.client.resource(rule).delete();
        cluster.awaitKeys("HostRule shop/" + name + " DELETED", expected);
    }

    @Test
    void hostRuleNamingASharedVirtualServiceYieldsThatVirtualService() {
        cluster.client.resource(AkoCrds.hostRule("shop", "vs3", "Shared-L7-3", "Contains", Map.of())).create();

        cluster.awaitKeys("HostRule shop/vs3 ADDED", "cluster-1--Shared-L7-3");
    }

    @Test
    void hostRuleChangeYieldsOldAndNewHostsAndAcceptanceYieldsItsHostsOnce() {
        cluster.client.resource(AkoCrds.hostRule("shop", "moving", "shop.example.com", null, Map.of())).create();
        cluster.awaitKeys("HostRule shop/moving ADDED", shardsOf("shop.example.com"));

        editSpec("moving", "api.example.com");
        List<String> expected = new ArrayList<>(List.of(shardsOf("shop.example.com", "api.example.com")));
        cluster.awaitKeys("HostRule shop/moving MODIFIED", expected.toArray(String[]::new));

        writeStatus("moving", Map.of("status", "Accepted"));
        expected.addAll(List.of(shardsOf("api.example.com")));
        cluster.awaitKeys("HostRule shop/moving MODIFIED", expected.toArray(String[]::new));
        writeStatus("moving", Map.of("status", "Accepted", "error", ""));
        // events of one kind arrive in order: the spec change after the second status write proves that write yielded nothing
        editSpec("moving", "other.test");
        expected.addAll(List.of(shardsOf("api.example.com", "other.test")));
        cluster.awaitKeys("HostRule shop/moving MODIFIED", expected.toArray(String[]::new));
    }

    private void writeStatus(String name, Map<String, Object> status) {
        var rules = cluster.client.genericKubernetesResources(AkoCrds.API_VERSION, "HostRule").inNamespace("shop");
        GenericKubernetesResource current = rules.withName(name).get();
        current.setAdditionalProperty("status", status);
        rules.resource(current).updateStatus();
    }

    @Test
    void httpRuleYieldsTheShardOfItsHost() {
        GenericKubernetesResource rule = AkoCrds.httpRule("shop", "lb", "api.example.com", List.of(Map.of("target", "/")));

        cluster.client.resource(rule).create();

        cluster.awaitKeys("HTTPRule shop/lb ADDED", shardsOf("api.example.com"));
    }

    @Test
    void aviInfraSettingYieldsTheShardsOfItsClassesAndAnnotatedNamespacesOnBothPlacements() {
        GenericKubernetesResource setting = AkoCrds.aviInfraSetting("blue", Map.of("seGroup", Map.of("name", "blue-se")));
        List<String> expected = new ArrayList<>(List.of(shardsOf("blue.test", "team.test")));
        expected.addAll(List.of(blueShardsOf("blue.test", "team.test")));

        cluster.client.resource(setting).create();
        // no verdict yet: the Ingresses may be on either placement, so both hear of it
        cluster.awaitKeys("AviInfraSetting blue ADDED", expected.toArray(String[]::new));
        assertThat(cluster.clusterState().aviInfraSetting("blue")).isPresent();

        var settings = cluster.client.genericKubernetesResources(AkoCrds.API_VERSION, "AviInfraSetting");
        GenericKubernetesResource current = settings.withName("blue").get();
        current.setAdditionalProperty("status", Map.of("status", "Accepted"));
        settings.resource(current).updateStatus();
        // Accepted: the Ingresses move to the setting's shards; the default ones are reconciled too, to let go of them
        cluster.awaitKeys("AviInfraSetting blue MODIFIED", expected.toArray(String[]::new));
        assertThat(cluster.clusterState().shardsOf(cluster.clusterState().ingresses().stream()
                .filter(i -> i.getMetadata().getName().equals("blue")).findFirst().orElseThrow())).containsExactly(blueShardsOf("blue.test"));

        cluster.client.resource(setting).delete();
        // gone: back to the default shards, and the setting's shards let go of them
        cluster.awaitKeys("AviInfraSetting blue DELETED", expected.toArray(String[]::new));
    }

    private String[] blueShardsOf(String... hosts) {
        var naming = cluster.clusterState().naming();
        var blue = naming.forInfraSetting("blue", naming.shardSize());
        return new TreeSet<>(Arrays.stream(hosts).map(blue::shardVsName).toList()).toArray(String[]::new);
    }

    private void editSpec(String name, String fqdn) {
        cluster.client.genericKubernetesResources(AkoCrds.API_VERSION, "HostRule").inNamespace("shop").withName(name).edit(r -> {
            r.setAdditionalProperty("spec", Map.of("virtualhost", Map.of("fqdn", fqdn)));
            return r;
        });
    }
}
