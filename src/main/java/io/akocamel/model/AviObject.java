package io.akocamel.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One desired Avi object: its type, its name (unique per type and tenant) and the exact JSON body to write.
 * Bodies are built deterministically (sorted fields and lists, stable indices) so equal state gives byte-identical
 * JSON ({@link #json()}). Treat the body as read-only: the model reuses unchanged objects between builds.
 */
public record AviObject(AviType type, String name, ObjectNode body) {

    /** Identity across types, e.g. {@code pool/cluster-1--foo.com_-default-web}. */
    public String key() {
        return type.path() + "/" + name;
    }

    /** The body as compact JSON with sorted fields: byte-identical for equal content. */
    public String json() {
        return AviJson.write(body);
    }

    /** Type and name only: certificate bodies carry private keys, which must never reach a log line. */
    @Override
    public String toString() {
        return key();
    }
}
