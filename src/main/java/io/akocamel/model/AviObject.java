package io.akocamel.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One desired Avi object: its type, its name (unique per type and tenant) and the exact JSON body to write.
 * Bodies are built deterministically (sorted lists, stable indices) so equal state gives byte-identical JSON.
 */
public record AviObject(AviType type, String name, ObjectNode body) {

    /** Identity across types, e.g. {@code pool/cluster-1--foo.com_-default-web}. */
    public String key() {
        return type.path() + "/" + name;
    }
}
