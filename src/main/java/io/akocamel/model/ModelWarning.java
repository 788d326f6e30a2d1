package io.akocamel.model;

/**
 * Something wrong with an Ingress (or what it refers to) that the model worked around: the rest of the Ingress and
 * every other Ingress are still served. Becomes a Warning Event on the Ingress and a log line; the message says what
 * is wrong and how to fix it.
 */
public record ModelWarning(String namespace, String ingressName, Reason reason, String message) {

    /** The Event reason; the names are what {@code kubectl describe ingress} shows. */
    public enum Reason {
        /** Same host, path and path type as an older Ingress (or earlier in the same one): the older one wins. */
        DuplicateHostPath,
        /** The backend Service does not exist: its pool has no servers. */
        ServiceNotFound,
        /** The backend port matches no port of the Service (or has no nodePort in NodePort mode): no servers. */
        PortNotResolved,
        /** The Service's type cannot serve in the configured routing mode (ExternalName, ClusterIP in NodePort mode). */
        UnsupportedServiceType,
        /** The TLS Secret does not exist: the host is not served. */
        SecretNotFound,
        /** The TLS Secret lacks a PEM certificate or private key: the host is not served. */
        SecretInvalid,
        /** A host of spec.tls that no rule of any Ingress serves: its certificate is not used. */
        TlsHostWithoutRule,
        /** A rule, path or backend that the Ingress specification or ako-camel does not accept: it is skipped. */
        InvalidRule,
        /** Another, older Ingress already provides the default backend: this one is not used. */
        DefaultBackendConflict,
        /** An ImplementationSpecific path that looks like a regular expression: it is served, matched as a Prefix. */
        PathMatchedAsPrefix,
        /** An Accepted HostRule selects a host without TLS: its settings apply to secure hosts (SNI children) only. */
        HostRuleNotApplied,
        /** More paths for a host, or more hosts on a shard VS, than {@link SizeLimits} allows: the excess is not served. */
        SizeLimitExceeded
    }

    public IngressRef ingress() {
        return new IngressRef(namespace, ingressName);
    }

    @Override
    public String toString() {
        return reason + " " + namespace + "/" + ingressName + ": " + message;
    }
}
