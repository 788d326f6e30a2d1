package io.akocamel.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The controller's own pod, the object its Events about itself are recorded on (so {@code kubectl describe pod} lists
 * them): read once for its uid. Without a pod name and namespace (a run outside a cluster) no Event is recorded.
 */
public final class ControllerPod implements PodEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerPod.class);

    private final KubernetesClient client;
    private final EventSink events;
    private final String name;
    private final String namespace;
    private volatile Pod pod;

    /** Empty name or namespace: not in a pod. */
    public ControllerPod(KubernetesClient client, EventSink events, String name, String namespace) {
        this.client = client;
        this.events = events;
        this.name = name;
        this.namespace = namespace;
    }

    @Override
    public void warning(String reason, String message) {
        Pod own = pod();
        if (own != null) {
            events.warning(own, reason, message);
        }
    }

    @Override
    public void normal(String reason, String message) {
        Pod own = pod();
        if (own != null) {
            events.normal(own, reason, message);
        }
    }

    /** The pod, or null outside a cluster. */
    private Pod pod() {
        if (pod != null) {
            return pod;
        }
        if (name.isBlank() || namespace.isBlank()) {
            return null;
        }
        try {
            Pod found = client.pods().inNamespace(namespace).withName(name).get();
            if (found != null) {
                pod = found;
                return found;
            }
        } catch (KubernetesClientException e) {
            LOG.debug("cannot read the controller's pod {}/{} ({}); its Events carry no uid", namespace, name, e.getMessage());
        }
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build();
    }
}
