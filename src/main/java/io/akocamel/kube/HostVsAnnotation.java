package io.akocamel.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.util.Map;
import java.util.TreeMap;

/**
 * AKO's {@value #NAME} annotation on an Ingress: a JSON object from each host it serves to the UUID of the virtual
 * service serving that host (the SNI child for a TLS host, else the shared or dedicated VS), written as AKO writes it
 * (compact, hosts sorted) with a merge patch of the annotation alone, so that AMKO and other tools that read it find
 * it. Removed when the Ingress is served by no VS. Only the leader writes.
 */
public final class HostVsAnnotation {
    public static final String NAME = "ako.vmware.com/host-fqdn-vs-uuid-map";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final Leadership leadership;

    public HostVsAnnotation(KubernetesClient client, Leadership leadership) {
        this.client = client;
        this.leadership = leadership;
    }

    /**
     * Shows {@code vsUuidByHost} on the Ingress (empty: removes the annotation), unless it already does.
     *
     * @return true when a write was made
     */
    public boolean show(Ingress current, Map<String, String> vsUuidByHost) {
        Map<String, String> wanted = new TreeMap<>(vsUuidByHost);
        String shown = current.getMetadata().getAnnotations() == null ? null : current.getMetadata().getAnnotations().get(NAME);
        boolean same = wanted.isEmpty() ? shown == null : wanted.equals(parse(shown));
        if (same || !leadership.isLeader()) {
            return false;
        }
        ObjectNode patch = JSON.createObjectNode();
        ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
        if (wanted.isEmpty()) {
            annotations.putNull(NAME);
        } else {
            annotations.put(NAME, JSON.valueToTree(wanted).toString());
        }
        try {
            // resource(...).patch sends the patch alone; withName(...).patch reads the Ingress first
            client.network().v1().ingresses().inNamespace(current.getMetadata().getNamespace()).resource(current)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false; // deleted meanwhile
            }
            throw e;
        }
    }

    /** The map an annotation value holds; null when absent or not a JSON object of strings (it is rewritten). */
    static Map<String, String> parse(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return new TreeMap<>(JSON.readValue(value, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
