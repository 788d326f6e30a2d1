package io.akocamel.model;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** An Ingress's identity, {@code namespace/name}; sorts by namespace, then name. */
public record IngressRef(String namespace, String name) implements Comparable<IngressRef> {

    /** The Ingress's identity; no namespace means {@code default}, as for kubectl. */
    public static IngressRef of(HasMetadata ingress) {
        String namespace = ingress.getMetadata().getNamespace();
        return new IngressRef(namespace == null || namespace.isEmpty() ? "default" : namespace, ingress.getMetadata().getName());
    }

    @Override
    public int compareTo(IngressRef o) {
        int c = namespace.compareTo(o.namespace);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
