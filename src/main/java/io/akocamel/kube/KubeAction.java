package io.akocamel.kube;

/** What happened to a watched object. RESYNC is the informer's periodic re-delivery of an unchanged object. */
public enum KubeAction {
    ADDED, MODIFIED, DELETED, RESYNC
}
