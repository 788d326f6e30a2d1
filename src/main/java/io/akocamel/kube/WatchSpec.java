package io.akocamel.kube;

/**
 * What one informer lists and watches. {@code null} namespace means all namespaces; {@code name} restricts the watch
 * to one object; selectors use the Kubernetes string forms ({@code app=web,tier!=db}); {@code resyncMillis} 0 disables
 * the periodic re-delivery and a negative value means the configured default ({@code akoCamel.kubernetesResyncSeconds}).
 */
public record WatchSpec(KubeKind kind, String namespace, String name, String labelSelector, String fieldSelector, long resyncMillis) {

    public static WatchSpec of(KubeKind kind) {
        return new WatchSpec(kind, null, null, null, null, -1);
    }

    /** A spec that watches the whole kind (not one named object): its informer's store is the cluster state of the kind. */
    public boolean coversKind() {
        return name == null;
    }

    public WatchSpec withResync(long millis) {
        return new WatchSpec(kind, namespace, name, labelSelector, fieldSelector, millis);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.plural());
        if (namespace != null) {
            sb.append(" in ").append(namespace);
        }
        if (name != null) {
            sb.append(" named ").append(name);
        }
        if (labelSelector != null) {
            sb.append(" labels ").append(labelSelector);
        }
        if (fieldSelector != null) {
            sb.append(" fields ").append(fieldSelector);
        }
        return sb.toString();
    }
}
