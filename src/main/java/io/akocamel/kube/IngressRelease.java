package io.akocamel.kube;

import io.akocamel.admission.IngressEligibility;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerStatus;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;

/**
 * Clears {@code status.loadBalancer} and AKO's host-to-VS annotation ({@link HostVsAnnotation}) of an Ingress that
 * stopped being ours (class changed or deleted, namespace filtered out), so that it no longer advertises our VIP. Decided again from the current state when it runs: an Ingress that
 * became ours again meanwhile, or whose status is already empty, is left alone. Releases missed while the controller
 * was stopped are found at the next full sync ({@link #releaseShowing}).
 */
public final class IngressRelease {
    private static final Logger LOG = LoggerFactory.getLogger(IngressRelease.class);

    private final ClusterState state;
    private final KubernetesClient client;
    private final Leadership leadership;
    private final HostVsAnnotation annotation;

    /** @param leadership only the leader clears a status */
    public IngressRelease(ClusterState state, KubernetesClient client, Leadership leadership, HostVsAnnotation annotation) {
        this.state = state;
        this.client = client;
        this.leadership = leadership;
        this.annotation = annotation;
    }

    /** @param ingressKey {@code namespace/name} */
    public void clearStatus(String ingressKey) {
        Ingress current = state.get(KubeKind.INGRESS, ingressKey);
        if (current == null || !hasLoadBalancerStatus(current) && !annotated(current)) {
            return;
        }
        IngressEligibility.Verdict verdict = state.eligibility(current);
        if (verdict.isOurs() || !leadership.isLeader()) {
            return;
        }
        try {
            annotation.show(current, Map.of());
            if (!hasLoadBalancerStatus(current)) {
                return;
            }
            client.network().v1().ingresses().inNamespace(current.getMetadata().getNamespace()).withName(current.getMetadata().getName())
                    .editStatus(ingress -> {
                        ingress.setStatus(new IngressStatus(new IngressLoadBalancerStatus()));
                        return ingress;
                    });
            LOG.info("Cleared the load-balancer status of Ingress {}: it is no longer ours ({})", ingressKey, verdict.reason());
        } catch (KubernetesClientException e) {
            LOG.warn("Could not clear the status of Ingress {} that is no longer ours: {} (check RBAC: patch on ingresses/status)",
                    ingressKey, e.getMessage());
        }
    }

    /**
     * Clears the status of every Ingress that is not ours but still shows one of {@code addresses} (this cluster's
     * VIPs): it stopped being ours while the controller was not watching. Only on complete lists: on partial ones an
     * Ingress of ours could look foreign (its IngressClass not listed yet). An Ingress of another controller that
     * shows none of our VIPs is never touched.
     */
    public void releaseShowing(Set<String> addresses) {
        if (addresses.isEmpty() || !state.isComplete()) {
            return;
        }
        for (Ingress ingress : state.<Ingress>list(KubeKind.INGRESS)) {
            if (showsAny(ingress, addresses) && !state.eligibility(ingress).isOurs()) {
                clearStatus(KubeIndexes.keyOf(ingress));
            }
        }
    }

    private static boolean showsAny(Ingress ingress, Set<String> addresses) {
        return hasLoadBalancerStatus(ingress)
                && ingress.getStatus().getLoadBalancer().getIngress().stream().anyMatch(e -> addresses.contains(e.getIp()));
    }

    private static boolean annotated(Ingress ingress) {
        return ingress.getMetadata().getAnnotations() != null && ingress.getMetadata().getAnnotations().containsKey(HostVsAnnotation.NAME);
    }

    private static boolean hasLoadBalancerStatus(Ingress ingress) {
        return ingress.getStatus() != null && ingress.getStatus().getLoadBalancer() != null
                && ingress.getStatus().getLoadBalancer().getIngress() != null
                && !ingress.getStatus().getLoadBalancer().getIngress().isEmpty();
    }
}
