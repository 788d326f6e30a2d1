package io.akocamel.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Kubernetes cluster this is: the uid of its {@code kube-system} namespace, which lives as long as the cluster.
 * Every Avi object ako-camel writes carries it, so that two clusters left on the same {@code clusterName} never take
 * each other's objects.
 */
public final class ClusterUid {
    public static final String NAMESPACE = "kube-system";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterUid.class);

    private ClusterUid() {
    }

    /** The uid, or null (logged) when the namespace cannot be read: objects are then owned by cluster name alone. */
    public static String read(KubernetesClient client) {
        String problem;
        try {
            Namespace namespace = client.namespaces().withName(NAMESPACE).get();
            if (namespace != null && namespace.getMetadata().getUid() != null) {
                return namespace.getMetadata().getUid();
            }
            problem = "it was not found";
        } catch (KubernetesClientException e) {
            problem = e.getCode() == 403 ? "access is forbidden: grant 'get' on namespaces to the controller's service account" : e.getMessage();
        }
        LOG.warn("Cannot read namespace {} ({}): Avi objects are owned by clusterName alone, so another Kubernetes cluster "
                + "with the same clusterName would take this cluster's objects for its own", NAMESPACE, problem);
        return null;
    }
}
