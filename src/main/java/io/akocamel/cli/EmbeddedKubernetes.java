package io.akocamel.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.stream.Collectors;

/**
 * The embedded Kubernetes API of the demo and of {@code run --embedded-kubernetes}: fabric8's mock server in CRUD mode
 * on 127.0.0.1, plus the discovery documents kubectl needs ({@code /version}, {@code /api}, {@code /apis}, resource
 * lists), so that {@code kubectl --server http://127.0.0.1:PORT} can get, apply, label and delete the kinds
 * ako-camel watches. Server-side apply and {@code get -w} are not supported by the mock.
 */
public final class EmbeddedKubernetes implements AutoCloseable {
    private static final String[] QUERIES = {"", "?timeout=32s"};

    private record Kind(String plural, String kind, boolean namespaced, String shortName) {
    }

    /** Kinds served, per group version. */
    private static final Map<String, List<Kind>> RESOURCES = Map.of(
            "v1", List.of(
                    new Kind("namespaces", "Namespace", false, "ns"),
                    new Kind("nodes", "Node", false, "no"),
                    new Kind("services", "Service", true, "svc"),
                    new Kind("secrets", "Secret", true, ""),
                    new Kind("configmaps", "ConfigMap", true, "cm"),
                    new Kind("pods", "Pod", true, "po"),
                    new Kind("events", "Event", true, "ev"),
                    new Kind("endpoints", "Endpoints", true, "ep")),
            "networking.k8s.io/v1", List.of(
                    new Kind("ingresses", "Ingress", true, "ing"),
                    new Kind("ingressclasses", "IngressClass", false, "")),
            "discovery.k8s.io/v1", List.of(
                    new Kind("endpointslices", "EndpointSlice", true, "")),
            "coordination.k8s.io/v1", List.of(
                    new Kind("leases", "Lease", true, "")));

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private EmbeddedKubernetes(KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
    }

    /** Starts on 127.0.0.1:port (0 = any free port). */
    public static EmbeddedKubernetes start(int port) {
        // expectations (the discovery stubs) and the CRUD store share one map: stubs answer first, CRUD the rest
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        var server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kubernetes API on 127.0.0.1:" + port, e);
        }
        stubDiscovery(server);
        return new EmbeddedKubernetes(server);
    }

    private static void stubDiscovery(KubernetesMockServer server) {
        String address = "127.0.0.1:" + server.getPort();
        stub(server, "/version", """
                {"major":"1","minor":"32","gitVersion":"v1.32.0","platform":"linux/amd64"}""");
        stub(server, "/api", """
                {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"%s"}]}"""
                .formatted(address));
        String groups = RESOURCES.keySet().stream().filter(gv -> gv.contains("/")).sorted().map(gv -> {
            String group = gv.substring(0, gv.indexOf('/'));
            String version = gv.substring(gv.indexOf('/') + 1);
            return """
                    {"name":"%s","versions":[{"groupVersion":"%s","version":"%s"}],"preferredVersion":{"groupVersion":"%s","version":"%s"}}"""
                    .formatted(group, gv, version, gv, version);
        }).collect(Collectors.joining(","));
        stub(server, "/apis", "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + groups + "]}");
        RESOURCES.forEach((groupVersion, kinds) -> {
            String resources = kinds.stream().map(k -> """
                    {"name":"%s","singularName":"%s","namespaced":%s,"kind":"%s","verbs":["create","delete","get","list","patch","update","watch"]%s}"""
                    .formatted(k.plural(), k.kind().toLowerCase(), k.namespaced(), k.kind(), k.shortName().isEmpty() ? "" : ",\"shortNames\":[\"" + k.shortName() + "\"]"))
                    .collect(Collectors.joining(","));
            String path = groupVersion.equals("v1") ? "/api/v1" : "/apis/" + groupVersion;
            stub(server, path, "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + groupVersion
                    + "\",\"resources\":[" + resources + "]}");
        });
    }

    private static void stub(KubernetesMockServer server, String path, String json) {
        for (String query : QUERIES) {
            server.expect().get().withPath(path + query).andReturn(200, json).always();
        }
    }

    public KubernetesClient client() {
        return client;
    }

    public int port() {
        return server.getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
