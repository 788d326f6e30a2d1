package io.akocamel.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One normalised watch event: what happened to which object. The object is the informer's instance (read-only). */
public record KubeEvent(KubeKind kind, KubeAction action, String namespace, String name, String resourceVersion, HasMetadata object) {

    public static KubeEvent of(KubeKind kind, KubeAction action, HasMetadata object) {
        return new KubeEvent(kind, action, object.getMetadata().getNamespace(), object.getMetadata().getName(),
                object.getMetadata().getResourceVersion(), object);
    }

    /** The informer store key: {@code namespace/name}, or {@code name} for cluster-scoped kinds. */
    public String key() {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /**
     * The idempotency key {@code Kind/namespace/name@resourceVersion}; a deletion ends in {@code -deleted} so that it
     * is never mistaken for a replay of the last version.
     */
    public String id() {
        String id = kind.kindName() + "/" + key() + "@" + resourceVersion;
        return action == KubeAction.DELETED ? id + ResourceVersionRepository.DELETED_SUFFIX : id;
    }

    /** {@code Ingress default/web MODIFIED}. */
    public String cause() {
        return kind.kindName() + " " + key() + " " + action;
    }
}
