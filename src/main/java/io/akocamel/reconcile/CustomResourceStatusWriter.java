package io.akocamel.reconcile;

import io.akocamel.crd.Verdict;
import io.akocamel.kube.KubeKind;
import io.akocamel.kube.Leadership;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code status.status} and {@code status.error} of a HostRule, HTTPRule or AviInfraSetting (a replace of the
 * status subresource), only when they differ from what the resource shows and only on the leader. A stale copy (409) or
 * a resource deleted meanwhile (404) is left to the next check, which reads the informer's newer copy.
 */
public class CustomResourceStatusWriter {
    private final KubernetesClient client;
    private final Leadership leadership;

    public CustomResourceStatusWriter(KubernetesClient client, Leadership leadership) {
        this.client = client;
        this.leadership = leadership;
    }

    /** Only the leader shows statuses (and records their Events). */
    public boolean mayWrite() {
        return leadership.isLeader();
    }

    /** Whether it wrote. The informer's instance is not modified. */
    public boolean write(KubeKind kind, GenericKubernetesResource current, Verdict verdict) {
        Map<String, Object> desired = new LinkedHashMap<>();
        desired.put("status", verdict.status());
        if (verdict.error() != null) {
            desired.put("error", verdict.error());
        }
        if (Objects.equals(current.getAdditionalProperties().get("status"), desired) || !leadership.isLeader()) {
            return false;
        }
        GenericKubernetesResource updated = new GenericKubernetesResource();
        updated.setApiVersion(current.getApiVersion());
        updated.setKind(current.getKind());
        updated.setMetadata(current.getMetadata());
        current.getAdditionalProperties().forEach(updated::setAdditionalProperty);
        updated.setAdditionalProperty("status", desired);
        try {
            var resources = client.genericKubernetesResources(kind.definition());
            (kind.clusterScoped() ? resources.resource(updated) : resources.inNamespace(current.getMetadata().getNamespace()).resource(updated))
                    .updateStatus();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404 || e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }
}
