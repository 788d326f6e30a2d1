package io.akocamel.kube;

/** Message headers of the Kubernetes ingestion routes and of the shard keys they hand to reconcile. */
public final class KubeHeaders {
    /** {@link KubeKind#kindName()} of the watched object, e.g. {@code Ingress}. */
    public static final String KIND = "AkoKind";
    /** {@link KubeAction} name: ADDED, MODIFIED, DELETED or RESYNC. */
    public static final String ACTION = "AkoAction";
    /** Namespace of the object; absent for cluster-scoped kinds. */
    public static final String NAMESPACE = "AkoNamespace";
    public static final String NAME = "AkoName";
    public static final String RESOURCE_VERSION = "AkoResourceVersion";
    /** {@code Kind/namespace/name@resourceVersion} (deletions end in {@code @<rv>-deleted}): the idempotency key. */
    public static final String EVENT_ID = "AkoEventId";
    /** Short human cause of a shard key, e.g. {@code Ingress default/web MODIFIED} or {@code full sync}. */
    public static final String CAUSE = "AkoCause";
    /** {@code true} on shard keys emitted by the periodic full sync. */
    public static final String FULL_SYNC = "AkoFullSync";
    /** On full-sync keys: {@code true} only when every informer has listed completely and none is stopped. */
    public static final String KUBERNETES_COMPLETE = "AkoKubernetesComplete";
    /** On a coalesced shard key: how many requests for it were merged into one reconcile. */
    public static final String COALESCED = "AkoCoalesced";
    /** {@code namespace/name} of Ingresses that stopped being ours in this event (their status is cleared). */
    public static final String RELEASED_INGRESSES = "AkoReleasedIngresses";
    /** {@code true} when the event changed something a custom resource's verdict depends on (a Secret a HostRule names). */
    public static final String READMIT = "AkoReadmit";

    private KubeHeaders() {
    }
}
