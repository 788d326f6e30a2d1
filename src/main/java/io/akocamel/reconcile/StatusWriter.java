package io.akocamel.reconcile;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;

import java.util.List;
import java.util.Map;

/**
 * Shows the load-balancer addresses of an Ingress in its status, and AKO's host-to-VS annotation with them
 * ({@link IngressStatusWriter} on a cluster).
 */
@FunctionalInterface
public interface StatusWriter {
    /**
     * @param current the Ingress as last seen; null when it is gone
     * @param desired      the entries it should show, in order; empty clears the status
     * @param vsUuidByHost the UUID of the VS serving each host of {@code desired}; empty removes the annotation
     * @return true when a write was made (false when the Ingress already showed both)
     * @throws RuntimeException when the write failed (the shard is retried)
     */
    boolean write(Ingress current, List<IngressLoadBalancerIngress> desired, Map<String, String> vsUuidByHost);
}
