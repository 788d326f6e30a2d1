package io.akocamel.avi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviType;

/**
 * An object as the controller holds it.
 *
 * @param checksum     the checksum stamped on it ({@link Payloads#storedChecksum}), null when none
 * @param lastModified its {@code _last_modified}, null when the controller did not send one
 * @param shard        its {@code akocamel-shard} marker, null when it has none
 * @param owned        created by this cluster ({@link Payloads#isOwned}) and not by another Kubernetes cluster under
 *                     the same cluster name; objects that are not are never written nor deleted
 * @param otherCluster has our cluster name but another Kubernetes cluster's uid ({@link Payloads#madeByAnotherCluster})
 */
public record StoredObject(AviType type, String name, String uuid, ObjectNode body, String checksum, String lastModified,
                           String shard, boolean owned, boolean otherCluster) {

    /** @param clusterUid the uid of this Kubernetes cluster's {@code kube-system} namespace, null when unknown */
    static StoredObject of(AviType type, ObjectNode body, String clusterName, String clusterUid) {
        String name = body.path("name").asText();
        boolean ourName = Payloads.isOwned(type, name, body, clusterName);
        boolean otherCluster = ourName && Payloads.madeByAnotherCluster(body, clusterUid);
        return new StoredObject(type, name, body.path("uuid").asText(null), body,
                Payloads.storedChecksum(type, body), body.path("_last_modified").asText(null),
                Payloads.marker(body, Payloads.SHARD_MARKER), ourName && !otherCluster, otherCluster);
    }

    public String key() {
        return type.path() + "/" + name;
    }

    @Override
    public String toString() {
        return key() + " (" + uuid + (owned ? ", owned" : ", not owned") + (shard == null ? "" : ", shard " + shard) + ")";
    }
}
