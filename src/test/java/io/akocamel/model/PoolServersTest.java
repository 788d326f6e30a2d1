package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool servers of a backend in each routing mode (ClusterIP, NodePort, NodePortLocal), read from the pool body.
 * A server is written {@code ip:port} + {@code  disabled} when not enabled + {@code  @node}.
 */
class PoolServersTest {

    static Stream<Arguments> backends() {
        return Stream.of(
                // ClusterIP: EndpointSlice addresses, the endpoint port of the Service port (by name or target port)
                row("ClusterIP, port by number", "ClusterIP", "number: 80", service("ClusterIP", "{name: http, port: 80, targetPort: 8080}")
                        + slice("web-1", "IPv4", "[{name: http, port: 8080}]", "{addresses: [192.168.1.10], conditions: {ready: true}, nodeName: n1}"),
                        "192.168.1.10:8080 @n1"),
                row("ClusterIP, port by name", "ClusterIP", "name: http", service("ClusterIP", "{name: http, port: 80, targetPort: 8080}")
                        + slice("web-1", "IPv4", "[{name: http, port: 8080}]", "{addresses: [192.168.1.10], nodeName: n1}"),
                        "192.168.1.10:8080 @n1"),
                row("ClusterIP, named target port", "ClusterIP", "number: 80", service("ClusterIP", "{name: http, port: 80, targetPort: web}")
                        + slice("web-1", "IPv4", "[{name: http, port: 9000}]", "{addresses: [192.168.1.10]}"),
                        "192.168.1.10:9000"),
                row("ClusterIP, one unnamed port", "ClusterIP", "number: 80", service("ClusterIP", "{port: 80, targetPort: 8080}")
                        + slice("web-1", "IPv4", "[{port: 8080}]", "{addresses: [192.168.1.10]}"),
                        "192.168.1.10:8080"),
                row("ClusterIP, the port of a multi-port Service", "ClusterIP", "name: https",
                        service("ClusterIP", "{name: http, port: 80, targetPort: 8080}, {name: https, port: 443, targetPort: 8443}")
                                + slice("web-1", "IPv4", "[{name: http, port: 8080}, {name: https, port: 8443}]", "{addresses: [192.168.1.10]}"),
                        "192.168.1.10:8443"),
                row("ClusterIP, not ready and terminating endpoints are disabled", "ClusterIP", "number: 80",
                        service("ClusterIP", "{name: http, port: 80, targetPort: 8080}")
                                + slice("web-1", "IPv4", "[{name: http, port: 8080}]", "{addresses: [192.168.1.10], conditions: {ready: true}}",
                                "{addresses: [192.168.1.11], conditions: {ready: false}}",
                                "{addresses: [192.168.1.12], conditions: {ready: true, terminating: true}}",
                                "{addresses: [192.168.1.13]}"),
                        "192.168.1.10:8080, 192.168.1.11:8080 disabled, 192.168.1.12:8080 disabled, 192.168.1.13:8080"),
                row("ClusterIP, several slices merged, first address of each endpoint, duplicates once", "ClusterIP", "number: 80",
                        service("ClusterIP", "{name: http, port: 80, targetPort: 8080}")
                                + slice("web-1", "IPv4", "[{name: http, port: 8080}]", "{addresses: [192.168.1.20, 192.168.9.9]}", "{addresses: [192.168.1.10]}")
                                + slice("web-2", "IPv4", "[{name: http, port: 8080}]", "{addresses: [192.168.1.10]}", "{addresses: [192.168.1.15]}")
                                + slice("web-3", "FQDN", "[{name: http, port: 8080}]", "{addresses: [db.example.org]}"),
                        "192.168.1.10:8080, 192.168.1.15:8080, 192.168.1.20:8080"),
                row("ClusterIP, IPv6 endpoints", "ClusterIP", "number: 80", service("ClusterIP", "{name: http, port: 80, targetPort: 8080}")
                        + slice("web-1", "IPv6", "[{name: http, port: 8080}]", "{addresses: [\"fd00::10\"]}"),
                        "fd00::10:8080 (V6)"),
                row("ClusterIP, no endpoints yet", "ClusterIP", "number: 80", service("ClusterIP", "{name: http, port: 80, targetPort: 8080}"), ""),

                // NodePort: every (selected) node with the nodePort; Local: only the nodes with an endpoint
                row("NodePort, every node", "NodePort", "number: 80", service("NodePort", "{name: http, port: 80, targetPort: 8080, nodePort: 30080}")
                        + NODES, "10.20.0.11:30080 @n1, 10.20.0.12:30080 @n2, 10.20.0.13:30080 @n3"),
                row("NodePort, nodePortSelector", "NodePort;nodePortSelector.key=avi;nodePortSelector.value=yes", "number: 80",
                        service("NodePort", "{name: http, port: 80, targetPort: 8080, nodePort: 30080}") + NODES,
                        "10.20.0.11:30080 @n1, 10.20.0.13:30080 @n3"),
                row("NodePort, externalTrafficPolicy Local", "NodePort", "number: 80",
                        service("NodePort", "{name: http, port: 80, targetPort: 8080, nodePort: 30080}", "externalTrafficPolicy: Local") + NODES
                                + slice("web-1", "IPv4", "[{name: http, port: 8080}]", "{addresses: [192.168.2.10], conditions: {ready: true}, nodeName: n2}",
                                "{addresses: [192.168.3.10], conditions: {ready: false}, nodeName: n3}"),
                        "10.20.0.12:30080 @n2, 10.20.0.13:30080 disabled @n3"),
                row("NodePort, a LoadBalancer Service has node ports too", "NodePort", "number: 80",
                        service("LoadBalancer", "{name: http, port: 80, targetPort: 8080, nodePort: 31000}") + NODES,
                        "10.20.0.11:31000 @n1, 10.20.0.12:31000 @n2, 10.20.0.13:31000 @n3"),
                row("NodePort, calico's node address", "NodePort;AKOSettings.cniPlugin=calico", "number: 80",
                        service("NodePort", "{name: http, port: 80, targetPort: 8080, nodePort: 30080}") + """
                                ---
                                apiVersion: v1
                                kind: Node
                                metadata: {name: n1, annotations: {projectcalico.org/IPv4Address: 10.30.0.1/24}}
                                status: {addresses: [{type: InternalIP, address: 10.20.0.11}]}
                                ---
                                apiVersion: v1
                                kind: Node
                                metadata: {name: n2}
                                status: {addresses: [{type: Hostname, address: n2}]}
                                """, "10.30.0.1:30080 @n1"),
                row("NodePort, antrea's node address", "NodePort;AKOSettings.cniPlugin=antrea", "number: 80",
                        service("NodePort", "{name: http, port: 80, targetPort: 8080, nodePort: 30080}") + """
                                ---
                                apiVersion: v1
                                kind: Node
                                metadata: {name: n1, annotations: {node.antrea.io/transport-addresses: "fd00::1,10.40.0.1"}}
                                status: {addresses: [{type: InternalIP, address: 10.20.0.11}]}
                                """, "10.40.0.1:30080 @n1"),

                // NodePortLocal: the pods' nodeportlocal.antrea.io entries for the target port
                row("NodePortLocal, numeric target port", "NodePortLocal", "number: 80",
                        service("ClusterIP", "{name: http, port: 80, targetPort: 8080}")
                                + pod("web-1", "n1", "True", "[{\"podPort\":8080,\"nodeIP\":\"10.20.0.11\",\"nodePort\":61001},{\"podPort\":9090,\"nodeIP\":\"10.20.0.11\",\"nodePort\":61002}]")
                                + pod("web-2", "n2", "True", "[{\"podPort\":8080,\"nodeIP\":\"10.20.0.12\",\"nodePort\":61003}]"),
                        "10.20.0.11:61001 @n1, 10.20.0.12:61003 @n2"),
                row("NodePortLocal, named target port", "NodePortLocal", "number: 80",
                        service("ClusterIP", "{name: http, port: 80, targetPort: web-port}")
                                + pod("web-1", "n1", "True", "[{\"podPort\":8080,\"nodeIP\":\"10.20.0.11\",\"nodePort\":61001}]"),
                        "10.20.0.11:61001 @n1"),
                row("NodePortLocal, pods not ready, without or with a broken annotation are skipped", "NodePortLocal", "number: 80",
                        service("ClusterIP", "{name: http, port: 80, targetPort: 8080}")
                                + pod("web-1", "n1", "False", "[{\"podPort\":8080,\"nodeIP\":\"10.20.0.11\",\"nodePort\":61001}]")
                                + pod("web-2", "n2", "True", "not json")
                                + pod("web-3", "n3", "True", null)
                                + pod("web-4", "n4", "True", "[{\"podPort\":8080,\"nodeIP\":\"10.20.0.14\",\"nodePort\":61004}]"),
                        "10.20.0.14:61004 @n4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void poolServersComeFromTheRoutingMode(String name, String mode, String port, String yaml, String expected) {
        List<HasMetadata> objects = new ArrayList<>(K8s.yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ing, namespace: default}
                spec:
                  rules:
                  - host: pool.test
                    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {%s}}}}]}
                """.formatted(port)));
        objects.addAll(K8s.yaml(yaml));
        List<String> settings = new ArrayList<>(List.of("L7Settings.shardVSSize=SMALL"));
        String[] modeAndMore = mode.split(";");
        settings.add("L7Settings.serviceType=" + modeAndMore[0]);
        settings.addAll(List.of(modeAndMore).subList(1, modeAndMore.length));

        ShardModel shard = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), objects), K8s.settings(settings.toArray(String[]::new))).get(0);

        assertThat(shard.warnings()).isEmpty();
        AviObject pool = shard.find(AviType.POOL, "cluster-1--default-pool.test_-ing").orElseThrow();
        List<String> servers = new ArrayList<>();
        for (JsonNode s : pool.body().path("servers")) {
            servers.add(s.path("ip").path("addr").asText() + ":" + s.path("port").asInt()
                    + (s.path("ip").path("type").asText().equals("V6") ? " (V6)" : "")
                    + (s.path("enabled").asBoolean() ? "" : " disabled")
                    + (s.has("server_node") ? " @" + s.path("server_node").asText() : ""));
        }
        assertThat(String.join(", ", servers)).isEqualTo(expected);
    }

    private static final String NODES = """
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: n1, labels: {avi: "yes"}}
            status: {addresses: [{type: InternalIP, address: 10.20.0.11}]}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: n2, labels: {avi: "no"}}
            status: {addresses: [{type: InternalIP, address: 10.20.0.12}]}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: n3, labels: {avi: "yes"}}
            status: {addresses: [{type: ExternalIP, address: 1.2.3.4}, {type: InternalIP, address: 10.20.0.13}]}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: n4}
            status: {addresses: [{type: Hostname, address: n4}]}
            """;

    private static Arguments row(String name, String mode, String port, String yaml, String expected) {
        return Arguments.of(name, mode, port, yaml, expected);
    }

    private static String service(String type, String ports, String... more) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: default}
                spec:
                  type: %s
                  selector: {app: web}
                  ports: [%s]
                """.formatted(type, ports) + (more.length == 0 ? "" : "  " + more[0] + "\n");
    }

    private static String slice(String name, String addressType, String ports, String... endpoints) {
        return """
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: %s, namespace: default, labels: {kubernetes.io/service-name: web}}
                addressType: %s
                ports: %s
                endpoints: [%s]
                """.formatted(name, addressType, ports, String.join(", ", endpoints));
    }

    private static String pod(String name, String node, String ready, String annotation) {
        return """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: default
                  labels: {app: web}
                  annotations: {%s}
                spec:
                  nodeName: %s
                  containers: [{name: web, image: web, ports: [{name: web-port, containerPort: 8080}]}]
                status:
                  conditions: [{type: Ready, status: "%s"}]
                """.formatted(name, annotation == null ? "" : "nodeportlocal.antrea.io: '" + annotation + "'", node, ready);
    }
}
