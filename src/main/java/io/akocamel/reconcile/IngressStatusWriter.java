package io.akocamel.reconcile;

import io.akocamel.kube.HostVsAnnotation;
import io.akocamel.kube.Leadership;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code status.loadBalancer.ingress[]} of an Ingress, only when the value differs from what the Ingress
 * already shows (so a full sync over unchanged state writes nothing). A replace of the status subresource; when the
 * cached copy is stale (409) it reads the latest Ingress once and tries again. Any other failure is thrown: the
 * reconciler retries the shard ({@link ReconcileRetries}). Then AKO's host-to-VS annotation ({@link HostVsAnnotation}),
 * a patch of its own. A replica that is not the leader writes nothing: the leader shows the status.
 */
public class IngressStatusWriter implements StatusWriter {
    private final KubernetesClient client;
    private final Leadership leadership;
    private final HostVsAnnotation annotation;

    public IngressStatusWriter(KubernetesClient client, Leadership leadership, HostVsAnnotation annotation) {
        this.client = client;
        this.leadership = leadership;
        this.annotation = annotation;
    }

    @Override
    public boolean write(Ingress current, List<IngressLoadBalancerIngress> desired, Map<String, String> vsUuidByHost) {
        boolean written;
        try {
            written = replaceStatus(current, desired);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // our copy was stale: read the latest once and try again
            written = replaceStatus(latest(current), desired);
        }
        return current != null && annotation.show(current, vsUuidByHost) || written;
    }

    private boolean replaceStatus(Ingress current, List<IngressLoadBalancerIngress> desired) {
        if (current == null || Objects.equals(shown(current), desired) || !leadership.isLeader()) {
            return false;
        }
        Ingress updated = new IngressBuilder(current)
                .withNewStatus().withNewLoadBalancer().withIngress(desired).endLoadBalancer().endStatus()
                .build();
        try {
            client.network().v1().ingresses().inNamespace(current.getMetadata().getNamespace()).resource(updated).updateStatus();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false; // deleted meanwhile: nothing to show
            }
            throw e;
        }
    }

    private Ingress latest(Ingress ingress) {
        return client.network().v1().ingresses().inNamespace(ingress.getMetadata().getNamespace())
                .withName(ingress.getMetadata().getName()).get();
    }

    static List<IngressLoadBalancerIngress> shown(Ingress ingress) {
        if (ingress.getStatus() == null || ingress.getStatus().getLoadBalancer() == null
                || ingress.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return ingress.getStatus().getLoadBalancer().getIngress();
    }
}
