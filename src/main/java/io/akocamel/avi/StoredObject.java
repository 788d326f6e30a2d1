package io.akocamel.avi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * An object as the controller holds it.
 *
 * @param json         its body as the controller sent it, kept as compact JSON text ({@link #body()} reads it): tens of
 *                     thousands of objects as Jackson trees took about ten times the memory
 * @param checksum     the checksum stamped on it ({@link Payloads#storedChecksum}), null when none
 * @param lastModified its {@code _last_modified}, null when the controller did not send one
 * @param shard        its {@code akocamel-shard} marker, null when it has none
 * @param owned        created by this cluster ({@link Payloads#isOwned}) and not by another Kubernetes cluster under
 *                     the same cluster name; objects that are not are never written nor deleted
 * @param otherCluster has our cluster name but another Kubernetes cluster's uid ({@link Payloads#madeByAnotherCluster})
 * @param vipAddress   a VsVip's first allocated address ({@code vip[0].ip_address.addr}), asked for every Ingress's
 *                     status; empty for other types and before allocation
 */
public record StoredObject(AviType type, String name, String uuid, Json json, String checksum, String lastModified,
                           String shard, boolean owned, boolean otherCluster, String vipAddress) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** UTF-8 JSON text, compared by content. */
    public record Json(byte[] utf8) {
        static Json of(ObjectNode body) {
            try {
                return new Json(MAPPER.writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a JSON tree as text", e);
            }
        }

        ObjectNode tree() {
            try {
                return (ObjectNode) MAPPER.readTree(utf8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back JSON written from a tree", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Json json && Arrays.equals(utf8, json.utf8);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(utf8);
        }

        @Override
        public String toString() {
            return utf8.length + " bytes of JSON";
        }
    }

    /** @param clusterUid the uid of this Kubernetes cluster's {@code kube-system} namespace, null when unknown */
    static StoredObject of(AviType type, ObjectNode body, String clusterName, String clusterUid) {
        String name = body.path("name").asText();
        boolean ourName = Payloads.isOwned(type, name, body, clusterName);
        boolean otherCluster = ourName && Payloads.madeByAnotherCluster(body, clusterUid);
        String vip = type == AviType.VSVIP ? body.path("vip").path(0).path("ip_address").path("addr").asText("") : "";
        return new StoredObject(type, name, body.path("uuid").asText(null), Json.of(body),
                Payloads.storedChecksum(type, body), body.path("_last_modified").asText(null),
                Payloads.marker(body, Payloads.SHARD_MARKER), ourName && !otherCluster, otherCluster, vip);
    }

    /** The body, read from its JSON text: a tree of its own, which the caller may change. */
    public ObjectNode body() {
        return json.tree();
    }

    public String key() {
        return type.path() + "/" + name;
    }

    @Override
    public String toString() {
        return key() + " (" + uuid + (owned ? ", owned" : ", not owned") + (shard == null ? "" : ", shard " + shard) + ")";
    }
}
