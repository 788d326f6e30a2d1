package io.akocamel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.simulator.AviSimulator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo summary's lines for the HostRules and HTTPRules: each one's status and what it changed on the controller, as
 * the controller holds it (the SNI child's WAF policy and certificates; the pools' algorithm and health monitors).
 */
final class DemoCustomResources {
    private static final String API_VERSION = "ako.vmware.com/v1beta1";

    private final KubernetesClient client;
    private final AviSimulator avi;
    private final String clusterName;

    DemoCustomResources(KubernetesClient client, AviSimulator avi, String clusterName) {
        this.client = client;
        this.avi = avi;
        this.clusterName = clusterName;
    }

    /** One line per resource; empty where there is none. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (GenericKubernetesResource rule : list("HostRule")) {
            String host = String.valueOf(field(rule, "spec", "virtualhost", "fqdn"));
            String effect = avi.find("virtualservice", clusterName + "--" + host).map(vs -> "SNI child " + vs.path("name").asText()
                    + ": WAF policy " + nameOf(vs.path("waf_policy_ref")).orElse("none") + ", certificates " + names(vs.path("ssl_key_and_certificate_refs")))
                    .orElse("no SNI child");
            lines.add(line(rule, host, effect));
        }
        for (GenericKubernetesResource rule : list("HTTPRule")) {
            String host = String.valueOf(field(rule, "spec", "fqdn"));
            List<String> pools = new ArrayList<>();
            for (ObjectNode pool : avi.objects("pool")) {
                if (host.equals(marker(pool, "Host")) && rule.getMetadata().getNamespace().equals(marker(pool, "Namespace"))) {
                    pools.add(marker(pool, "Path") + " " + pool.path("lb_algorithm").asText() + " + " + names(pool.path("health_monitor_refs")));
                }
            }
            pools.sort(null);
            lines.add(line(rule, host, "pools " + (pools.isEmpty() ? "none" : String.join("; ", pools))));
        }
        return lines;
    }

    /** Whether every resource shows a verdict, so that the summary shows the settled state. */
    boolean decided() {
        return List.of("HostRule", "HTTPRule").stream().flatMap(kind -> list(kind).stream()).allMatch(r -> field(r, "status", "status") != null);
    }

    private List<GenericKubernetesResource> list(String kind) {
        return client.genericKubernetesResources(API_VERSION, kind).inAnyNamespace().list().getItems();
    }

    private static String line(GenericKubernetesResource rule, String host, String effect) {
        Object status = field(rule, "status", "status");
        return rule.getKind() + " " + rule.getMetadata().getNamespace() + "/" + rule.getMetadata().getName() + " ("
                + (status == null ? "no status yet" : status) + ") " + host + " -> " + effect;
    }

    private static Object field(GenericKubernetesResource resource, String top, String... path) {
        Object node = resource.getAdditionalProperties().get(top);
        for (String step : path) {
            node = node instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return node;
    }

    private String names(JsonNode refs) {
        List<String> names = new ArrayList<>();
        refs.forEach(ref -> names.add(nameOf(ref).orElse(ref.asText())));
        return String.join(", ", names);
    }

    /** The name of the object a stored reference ({@code .../api/<type>/<uuid>}) points to. */
    private Optional<String> nameOf(JsonNode ref) {
        String url = ref.asText();
        int api = url.indexOf("/api/");
        if (api < 0) {
            return Optional.empty();
        }
        String type = url.substring(api + 5, url.indexOf('/', api + 5) < 0 ? url.length() : url.indexOf('/', api + 5));
        return avi.objects(type).stream().filter(o -> o.path("url").asText().equals(url)).map(o -> o.path("name").asText()).findFirst();
    }

    static String marker(JsonNode object, String key) {
        for (JsonNode marker : object.path("markers")) {
            if (key.equals(marker.path("key").asText()) && marker.path("values").size() > 0) {
                return marker.path("values").get(0).asText();
            }
        }
        return null;
    }
}
