package io.akocamel.avi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviJson;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;
import io.akocamel.model.NameRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the delivery layer adds to the model's bodies, and how it reads them back. Pure functions.
 *
 * <ul>
 *   <li><b>Markers</b> on every owned object: {@code clustername=<cluster>} (AKO's), {@code akocamel-shard=<shard key>}
 *       — the shard marker tells which shard's reconcile owns (and may garbage-collect) an object — and, when the
 *       Kubernetes cluster's identity is known, {@code akocamel-cluster-uid=<kube-system namespace uid>}: an object
 *       with our cluster name but another cluster's uid belongs to that other cluster.</li>
 *   <li><b>Checksum</b> of the stamped body (SHA-256 of its canonical JSON, 16 hex digits), stored where the schema
 *       has a field for it: {@code cloud_config_cksum} (pool, poolgroup, httppolicyset, virtualservice),
 *       {@code vsvip_cloud_config_cksum} (vsvip). Types without such a field (sslkeyandcertificate, whose {@code key}
 *       is write-only and so cannot be compared) keep it in the marker {@code akocamel-cksum}.
 *       vrfcontext is shared with other clusters and compared canonically (only this cluster's static routes).</li>
 *   <li>{@code created_by} is dropped from types whose schema has no such field (vsvip, vrfcontext); VsVips are
 *       recognised by name prefix {@code <cluster>--} and the clustername marker, as AKO does.</li>
 * </ul>
 */
public final class Payloads {
    public static final String CLUSTER_MARKER = "clustername";
    public static final String SHARD_MARKER = "akocamel-shard";
    public static final String CHECKSUM_MARKER = "akocamel-cksum";
    /** The uid of the {@code kube-system} namespace of the Kubernetes cluster that wrote the object. */
    public static final String CLUSTER_UID_MARKER = "akocamel-cluster-uid";
    /** Fields the controller sets; never part of a checksum or a desired payload. */
    private static final Set<String> SERVER_FIELDS = Set.of("uuid", "url", "_last_modified");
    /** Fields the controller accepts but never returns: not compared when checking for drift. */
    private static final Set<String> WRITE_ONLY = Set.of("key", "key_passphrase", "key_base64", "certificate_base64");
    private static final Pattern NAME_REF = Pattern.compile("^/api/([a-z]+)/?\\?name=([^&]+)(&.*)?$");
    private static final Pattern URL_REF = Pattern.compile("^(?:https?://[^/]+)?/api/([a-z]+)/([^/?#]+)(?:#(.+))?$");

    private Payloads() {
    }

    public record Stamped(ObjectNode payload, String checksum) {
        @Override
        public String toString() {
            return "Stamped[checksum=" + checksum + "]";
        }
    }

    public static Optional<String> checksumField(AviType type) {
        return switch (type) {
            case VSVIP -> Optional.of("vsvip_cloud_config_cksum");
            case POOL, POOLGROUP, HTTPPOLICYSET, VIRTUALSERVICE -> Optional.of("cloud_config_cksum");
            case SSLKEYANDCERTIFICATE, PKIPROFILE, VSDATASCRIPTSET, VRFCONTEXT -> Optional.empty();
        };
    }

    static boolean hasCreatedBy(AviType type) {
        return type != AviType.VSVIP && type != AviType.VRFCONTEXT;
    }

    /** The body to write for a desired object of a shard, and its checksum; {@code clusterUid} null when unknown. */
    public static Stamped stamp(AviObject object, String clusterName, String clusterUid, String shardKey) {
        ObjectNode body = object.body().deepCopy();
        SERVER_FIELDS.forEach(body::remove);
        checksumField(object.type()).ifPresent(body::remove);
        if (!hasCreatedBy(object.type())) {
            body.remove("created_by");
        }
        body.put("name", object.name());
        setMarker(body, CLUSTER_MARKER, clusterName);
        setMarker(body, SHARD_MARKER, shardKey);
        if (clusterUid != null) {
            setMarker(body, CLUSTER_UID_MARKER, clusterUid);
        }
        removeMarker(body, CHECKSUM_MARKER);
        String checksum = checksum(body);
        checksumField(object.type()).ifPresentOrElse(field -> body.put(field, checksum), () -> setMarker(body, CHECKSUM_MARKER, checksum));
        return new Stamped(body, checksum);
    }

    /** The checksum stamped on a stored object, or null. */
    public static String storedChecksum(AviType type, JsonNode body) {
        Optional<String> field = checksumField(type);
        if (field.isPresent()) {
            JsonNode value = body.path(field.get());
            return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
        }
        return marker(body, CHECKSUM_MARKER);
    }

    /** SHA-256 over the canonical JSON (keys sorted at every level), first 16 hex digits. */
    public static String checksum(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(AviJson.write(node).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- markers ----

    /** The first value of marker {@code key}, or null. */
    public static String marker(JsonNode body, String key) {
        for (JsonNode marker : body.path("markers")) {
            if (key.equals(marker.path("key").asText()) && marker.path("values").size() > 0) {
                return marker.path("values").get(0).asText();
            }
        }
        return null;
    }

    static void setMarker(ObjectNode body, String key, String value) {
        removeMarker(body, key);
        ArrayNode markers = body.has("markers") && body.get("markers").isArray() ? (ArrayNode) body.get("markers") : body.putArray("markers");
        ObjectNode marker = markers.addObject();
        marker.put("key", key);
        marker.putArray("values").add(value);
    }

    private static void removeMarker(ObjectNode body, String key) {
        if (body.get("markers") instanceof ArrayNode markers) {
            for (Iterator<JsonNode> it = markers.iterator(); it.hasNext(); ) {
                if (key.equals(it.next().path("key").asText())) {
                    it.remove();
                }
            }
        }
    }

    // ---- ownership ----

    /**
     * True when the object was created by this cluster: {@code created_by == ako-<cluster>}; for types without
     * {@code created_by} (vsvip), a name starting with {@code <cluster>--} and no clustername marker of another cluster.
     */
    public static boolean isOwned(AviType type, String name, JsonNode body, String clusterName) {
        JsonNode createdBy = body.path("created_by");
        if (createdBy.isTextual()) {
            return createdBy.asText().equals("ako-" + clusterName);
        }
        if (hasCreatedBy(type) || type == AviType.VRFCONTEXT) {
            return false;
        }
        String cluster = marker(body, CLUSTER_MARKER);
        return name.startsWith(clusterName + "--") && (cluster == null || cluster.equals(clusterName));
    }

    /**
     * True when the object carries the uid of another Kubernetes cluster than {@code clusterUid}; never when either is
     * unknown (objects written before the marker, or by AKO, stay adoptable).
     */
    public static boolean madeByAnotherCluster(JsonNode body, String clusterUid) {
        String marked = marker(body, CLUSTER_UID_MARKER);
        return clusterUid != null && marked != null && !marked.equals(clusterUid);
    }

    /** Who an object belongs to, for messages. */
    public static String ownerOf(JsonNode body) {
        String uid = marker(body, CLUSTER_UID_MARKER);
        String cluster = uid == null ? "" : ", Kubernetes cluster " + uid;
        if (body.path("created_by").isTextual()) {
            return "created_by " + body.get("created_by").asText() + cluster;
        }
        String name = marker(body, CLUSTER_MARKER);
        return (name != null ? "clustername " + name : "no created_by") + cluster;
    }

    // ---- references ----

    /**
     * The object a reference points at, as its {@linkplain #refKey ref key} {@code type/<encoded name>}, or
     * {@code type@uuid} for a uuid URL without a {@code #name} suffix; empty when the text is not a reference. A name
     * reference is taken as written, never decoded: ours are {@link NameRef} encoded, and a {@code #name} suffix (a
     * plain name, as the controller appends it) is encoded the same way, so the two forms compare equal.
     */
    public static Optional<String> refTarget(String text) {
        Matcher byName = NAME_REF.matcher(text);
        if (byName.matches()) {
            return Optional.of(byName.group(1) + "/" + byName.group(2));
        }
        Matcher byUrl = URL_REF.matcher(text);
        if (byUrl.matches()) {
            return Optional.of(byUrl.group(3) != null ? byUrl.group(1) + "/" + NameRef.encode(byUrl.group(3)) : byUrl.group(1) + "@" + byUrl.group(2));
        }
        return Optional.empty();
    }

    /** How a reference to an object reads in {@link #refTarget}: {@code type/<encoded name>} (its key, for plain names). */
    public static String refKey(AviType type, String name) {
        return type.path() + "/" + NameRef.encode(name);
    }

    /** Every reference target in a body (its own {@code url} excluded), as {@link #refTarget} reads them. */
    public static Set<String> refsOf(JsonNode body) {
        Set<String> refs = new HashSet<>();
        collectRefs(body, text -> refTarget(text).ifPresent(refs::add), true);
        return refs;
    }

    private static void collectRefs(JsonNode node, Consumer<String> refs, boolean top) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!(top && e.getKey().equals("url"))) {
                    collectRefs(e.getValue(), refs, false);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs, false));
        } else if (node.isTextual() && node.asText().contains("/api/")) {
            refs.accept(node.asText());
        }
    }

    // ---- drift ----

    /**
     * True when the stored object still holds everything the desired payload says. Fields the stored object lacks
     * are skipped (write-only or unknown to this controller version), refs compare by type and name, numbers by value.
     */
    public static boolean contains(JsonNode stored, JsonNode desired) {
        if (desired == null || desired.isNull() || desired.isMissingNode()) {
            return true;
        }
        if (desired.isObject()) {
            if (!stored.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode storedValue = stored.get(field.getKey());
                if (WRITE_ONLY.contains(field.getKey()) || SERVER_FIELDS.contains(field.getKey()) || storedValue == null) {
                    continue;
                }
                if (!contains(storedValue, field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!stored.isArray() || stored.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!contains(stored.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isNumber() && stored.isNumber()) {
            return desired.decimalValue().compareTo(stored.decimalValue()) == 0;
        }
        if (desired.isTextual() && stored.isTextual() && desired.asText().contains("/api/")) {
            Optional<String> want = refTarget(desired.asText());
            Optional<String> have = refTarget(stored.asText());
            if (want.isPresent() && have.isPresent()) {
                // a stored uuid URL without #name cannot be compared by name; the checksum still guards it
                return have.get().contains("@") || want.get().equals(have.get());
            }
        }
        // surrounding whitespace is not content (a PEM may come back without its final newline)
        return desired.asText().strip().equals(stored.asText().strip());
    }
}
