package io.akocamel.config;

/** How pool servers are found for an Ingress backend (AKO's {@code L7Settings.serviceType}). */
public enum ServiceType {
    ClusterIP, NodePort, NodePortLocal
}
