package io.akocamel.kube.watch;

import io.akocamel.kube.ClusterState;
import io.akocamel.kube.KubeKind;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code kube-watch:<kind>}: a consumer of Kubernetes watch events built on the fabric8 informers of a
 * {@link ClusterState} (the composition root binds the component under this name with the controller's): an initial
 * LIST, then WATCH, a full relist on 410 Gone, and a periodic resync. Kinds: ingresses, ingressclasses, services,
 * endpointslices, nodes, secrets, pods, namespaces, configmaps.
 * <p>
 * Options: {@code namespace} (default all), {@code name} (one object), {@code labelSelector}, {@code fieldSelector}
 * (Kubernetes selector syntax) and {@code resyncPeriod} (milliseconds; default {@code akoCamel.kubernetesResyncSeconds},
 * 0 = none). Endpoints with the same options share one informer.
 */
public class KubeWatchComponent extends DefaultComponent {
    private final ClusterState clusterState;

    public KubeWatchComponent(ClusterState clusterState) {
        this.clusterState = clusterState;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KubeWatchEndpoint endpoint = new KubeWatchEndpoint(uri, this, KubeKind.fromPlural(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The cluster state whose informers the endpoints run. */
    public ClusterState getClusterState() {
        return clusterState;
    }
}
