package io.akocamel.kube;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's own StatefulSet ({@code ako}, the name the chart and AKO give it), where the leader writes
 * {@link DeletionStatus#ANNOTATION}; a follower writes nothing.
 */
public final class ControllerStatefulSet implements DeletionStatus {
    /** AKO's StatefulSet name, kept by the chart. */
    public static final String NAME = "ako";
    private static final Logger LOG = LoggerFactory.getLogger(ControllerStatefulSet.class);

    private final KubernetesClient client;
    private final Leadership leadership;
    private final String namespace;

    public ControllerStatefulSet(KubernetesClient client, Leadership leadership, String namespace) {
        this.client = client;
        this.leadership = leadership;
        this.namespace = namespace;
    }

    @Override
    public void set(String status) {
        patch("\"" + status + "\"", status);
    }

    @Override
    public void clear() {
        patch("null", "removed");
    }

    private void patch(String value, String described) {
        if (!leadership.isLeader()) {
            return;
        }
        StatefulSet named = new StatefulSetBuilder().withNewMetadata().withName(NAME).withNamespace(namespace).endMetadata().build();
        try {
            // resource(...).patch sends the patch alone; withName(...).patch reads the StatefulSet first
            client.apps().statefulSets().inNamespace(namespace).resource(named).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"annotations\":{\"" + ANNOTATION + "\":" + value + "}}}");
            LOG.info("StatefulSet {}/{}: annotation {} {}", namespace, NAME, ANNOTATION, described);
        } catch (KubernetesClientException e) {
            LOG.warn("Could not annotate StatefulSet {}/{} with {} ({}): {} (check RBAC: get/patch on statefulsets named {})",
                    namespace, NAME, ANNOTATION, described, e.getMessage(), NAME);
        }
    }
}
