package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** This cluster's VRF static routes (ClusterIP mode) and their merge with other clusters' routes. */
class StaticRoutesTest {
    private static final String NODES = """
            apiVersion: v1
            kind: Node
            metadata: {name: node-2}
            spec: {podCIDR: 192.168.2.0/24, podCIDRs: [192.168.2.0/24]}
            status: {addresses: [{type: Hostname, address: node-2}, {type: InternalIP, address: 10.20.0.12}]}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: node-1, annotations: {ako.vmware.com/pod-cidrs: "10.244.1.0/24, 10.245.1.0/24"}}
            spec: {podCIDR: 192.168.1.0/24}
            status: {addresses: [{type: InternalIP, address: 10.20.0.11}]}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: node-3, annotations: {k8s.ovn.org/node-subnets: '{"default":["10.128.3.0/23"]}'}}
            spec: {podCIDR: 192.168.3.0/24}
            status: {addresses: [{type: InternalIP, address: 10.20.0.13}]}
            """;

    @Test
    void oneRoutePerPodCidrToTheNodeWithDeterministicIdsAndTheClusterLabel() {
        StaticRoutes.Routes routes = StaticRoutes.build(ClusterSnapshot.of(K8s.settings(), K8s.yaml(NODES)), K8s.settings());

        assertThat(routes.enabled()).isTrue();
        assertThat(routes.vrfName()).isEqualTo("global");
        assertThat(routes.problems()).isEmpty();
        assertThat(routes.routes()).extracting(r -> r.path("route_id").asText() + " " + r.path("prefix").path("ip_addr").path("addr").asText()
                        + "/" + r.path("prefix").path("mask").asInt() + " -> " + r.path("next_hop").path("addr").asText())
                .containsExactly(
                        "cluster-1--node-1--10.244.1.0-24 10.244.1.0/24 -> 10.20.0.11",
                        "cluster-1--node-1--10.245.1.0-24 10.245.1.0/24 -> 10.20.0.11",
                        "cluster-1--node-2--192.168.2.0-24 192.168.2.0/24 -> 10.20.0.12",
                        "cluster-1--node-3--192.168.3.0-24 192.168.3.0/24 -> 10.20.0.13");
        assertThat(AviJson.write(routes.routes().get(0))).isEqualTo("{\"labels\":[{\"key\":\"clustername\",\"value\":\"cluster-1\"}],"
                + "\"next_hop\":{\"addr\":\"10.20.0.11\",\"type\":\"V4\"},\"prefix\":{\"ip_addr\":{\"addr\":\"10.244.1.0\",\"type\":\"V4\"},\"mask\":24},"
                + "\"route_id\":\"cluster-1--node-1--10.244.1.0-24\"}");
    }

    @Test
    void ovnKubernetesNodeSubnetsAreUsedWithThatCni() {
        StaticRoutes.Routes routes = StaticRoutes.build(ClusterSnapshot.of(K8s.settings(), K8s.yaml(NODES)), K8s.settings("AKOSettings.cniPlugin=ovn-kubernetes"));

        assertThat(routes.routes()).extracting(r -> r.path("route_id").asText()).contains("cluster-1--node-3--10.128.3.0-23");
    }

    @Test
    void sameNodesGiveTheSameRoutesAfterARestart() {
        String first = StaticRoutes.build(ClusterSnapshot.of(K8s.settings(), K8s.yaml(NODES)), K8s.settings()).routes().toString();
        String second = StaticRoutes.build(ClusterSnapshot.of(K8s.settings(), K8s.yaml(NODES)), K8s.settings()).routes().toString();

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            L7Settings.serviceType=NodePort                | false | global
            L7Settings.serviceType=NodePortLocal           | false | global
            AKOSettings.disableStaticRouteSync=true        | false | global
            ControllerSettings.vrfName=vrf-blue            | true  | vrf-blue
            """)
    void routesAreOnlyForClusterIpModeUnlessDisabled(String setting, boolean enabled, String vrf) {
        Settings settings = K8s.settings(setting);
        StaticRoutes.Routes routes = StaticRoutes.build(ClusterSnapshot.of(K8s.settings(), K8s.yaml(NODES)), settings);

        assertThat(routes.enabled()).isEqualTo(enabled);
        assertThat(routes.routes()).hasSize(enabled ? 4 : 0);
        assertThat(routes.vrfName()).isEqualTo(vrf);
    }

    @Test
    void nodesThatGiveNoRouteAreReportedWithWhatToFix() {
        StaticRoutes.Routes routes = StaticRoutes.build(ClusterSnapshot.of(K8s.settings(), K8s.yaml("""
                apiVersion: v1
                kind: Node
                metadata: {name: no-ip}
                spec: {podCIDR: 192.168.1.0/24}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: bad-cidr, annotations: {ako.vmware.com/pod-cidrs: "10.244.1.0/33,oops"}}
                status: {addresses: [{type: InternalIP, address: 10.20.0.11}]}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: no-cidr}
                status: {addresses: [{type: InternalIP, address: 10.20.0.12}]}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: v6-cidr}
                spec: {podCIDRs: ["fd00:10::/64"]}
                status: {addresses: [{type: InternalIP, address: 10.20.0.13}]}
                """)), K8s.settings());

        assertThat(routes.routes()).isEmpty();
        assertThat(routes.problems()).containsExactly(
                "node bad-cidr: pod CIDR '10.244.1.0/33' is not a CIDR such as 10.244.1.0/24; fix ako.vmware.com/pod-cidrs or spec.podCIDRs",
                "node bad-cidr: pod CIDR 'oops' is not a CIDR such as 10.244.1.0/24; fix ako.vmware.com/pod-cidrs or spec.podCIDRs",
                "node no-cidr has no pod CIDR, so its pods get no static route; set spec.podCIDRs or the annotation "
                        + "ako.vmware.com/pod-cidrs (comma-separated CIDRs)",
                "node no-ip has no InternalIP address, so its pods get no static route; the kubelet reports it in status.addresses",
                "node v6-cidr: pod CIDR fd00:10::/64 and node address 10.20.0.13 are of different IP families; no route for this CIDR");
    }

    @Test
    void mergeKeepsOtherClustersAndUnlabelledRoutesAndReplacesOurs() {
        JsonNode vrf = AviJson.parse("""
                {"name": "global", "uuid": "vrfcontext-1", "_last_modified": "123", "static_routes": [
                  {"route_id": "manual", "prefix": {"ip_addr": {"addr": "10.0.0.0", "type": "V4"}, "mask": 8},
                   "next_hop": {"addr": "10.1.1.1", "type": "V4"}},
                  {"route_id": "other-1", "prefix": {"ip_addr": {"addr": "10.9.0.0", "type": "V4"}, "mask": 24},
                   "next_hop": {"addr": "10.1.1.2", "type": "V4"}, "labels": [{"key": "clustername", "value": "cluster-2"}]},
                  {"route_id": "cluster-1-stale", "prefix": {"ip_addr": {"addr": "10.8.0.0", "type": "V4"}, "mask": 24},
                   "next_hop": {"addr": "10.1.1.3", "type": "V4"}, "labels": [{"key": "clustername", "value": "cluster-1"}]}
                ]}""");
        String before = AviJson.write(vrf);
        List<ObjectNode> ours = StaticRoutes.build(ClusterSnapshot.of(K8s.settings(), K8s.yaml(NODES)), K8s.settings()).routes();

        ObjectNode merged = StaticRoutes.mergeRoutes(vrf, ours, "cluster-1");

        List<String> ids = new ArrayList<>();
        merged.path("static_routes").forEach(r -> ids.add(r.path("route_id").asText()));
        assertThat(ids).containsExactly("manual", "other-1", "cluster-1--node-1--10.244.1.0-24", "cluster-1--node-1--10.245.1.0-24",
                "cluster-1--node-2--192.168.2.0-24", "cluster-1--node-3--192.168.3.0-24");
        assertThat(merged.path("_last_modified").asText()).isEqualTo("123");
        assertThat(AviJson.write(vrf)).as("input untouched").isEqualTo(before);
    }

    @Test
    void mergingNoRoutesRemovesOnlyOurs() {
        JsonNode vrf = AviJson.parse("""
                {"name": "global", "static_routes": [
                  {"route_id": "a", "labels": [{"key": "clustername", "value": "cluster-1"}]},
                  {"route_id": "b", "labels": [{"key": "clustername", "value": "cluster-10"}]}]}""");

        ObjectNode merged = StaticRoutes.mergeRoutes(vrf, List.of(), "cluster-1");

        assertThat(AviJson.write(merged.path("static_routes"))).isEqualTo("[{\"labels\":[{\"key\":\"clustername\",\"value\":\"cluster-10\"}],\"route_id\":\"b\"}]");
    }
}
