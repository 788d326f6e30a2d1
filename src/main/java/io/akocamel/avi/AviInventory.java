package io.akocamel.avi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviType;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the controller holds of this cluster (bean {@code aviInventory}): every owned object of the types in use, the
 * shared VRF context(s) whose static routes this cluster manages, and any foreign object met under one of our names.
 * Loaded by {@code direct:avi-inventory-load} (paged), refreshed per object by {@code direct:avi-inventory-refresh}, and
 * kept current by the delivery route from every write's response. Thread-safe.
 */
public final class AviInventory {
    private final String clusterName;
    private final String clusterUid;
    private final ConcurrentMap<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> keyByUuid = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final ConcurrentMap<String, Long> forgotten = new ConcurrentHashMap<>();
    private volatile boolean complete;
    private volatile boolean read;
    private volatile boolean current = true;

    /** An inventory that does not know which Kubernetes cluster it serves (every object with our name is ours). */
    public AviInventory(String clusterName) {
        this(clusterName, null);
    }

    /** @param clusterUid the uid of this Kubernetes cluster's {@code kube-system} namespace, null when unknown */
    public AviInventory(String clusterName, String clusterUid) {
        this.clusterName = clusterName;
        this.clusterUid = clusterUid;
    }

    public Optional<StoredObject> get(AviType type, String name) {
        return Optional.ofNullable(objects.get(type.path() + "/" + name));
    }

    /** Owned objects of one type, by name. */
    public List<StoredObject> owned(AviType type) {
        return objects.values().stream().filter(o -> o.owned() && o.type() == type).sorted(Comparator.comparing(StoredObject::name)).toList();
    }

    /** How many objects this cluster owns. */
    public int ownedCount() {
        return (int) objects.values().stream().filter(StoredObject::owned).count();
    }

    /** Owned objects whose shard marker is {@code shardKey}. */
    public List<StoredObject> ownedByShard(String shardKey) {
        return objects.values().stream().filter(o -> o.owned() && shardKey.equals(o.shard())).sorted(Comparator.comparing(StoredObject::key)).toList();
    }

    /** Every shard key found on owned objects: shards that exist on the controller, whether or not still desired. */
    public Set<String> shardKeys() {
        Set<String> keys = new TreeSet<>();
        objects.values().stream().filter(o -> o.owned() && o.shard() != null).forEach(o -> keys.add(o.shard()));
        return keys;
    }

    public Collection<StoredObject> all() {
        return List.copyOf(objects.values());
    }

    public Optional<StoredObject> byUuid(String uuid) {
        String key = keyByUuid.get(uuid);
        return key == null ? Optional.empty() : Optional.ofNullable(objects.get(key));
    }

    /** The first VIP address of a VsVip ({@code vip[0].ip_address.addr}), once the controller has allocated it. */
    public Optional<String> vipAddress(String vsVipName) {
        return get(AviType.VSVIP, vsVipName).filter(StoredObject::owned)
                .map(StoredObject::vipAddress).filter(addr -> !addr.isEmpty());
    }

    /** True when the last load read every query to its last page. Garbage collection needs it. */
    public boolean isComplete() {
        return complete;
    }

    /**
     * True once a load read every query to its last page. Until then nothing is planned against the inventory: a
     * partly read controller would look empty where the read failed, and every create would meet a 409.
     */
    public boolean isRead() {
        return read;
    }

    /**
     * Read, and not marked stale since the last load ({@link #staleUntilNextLoad}). Writes are planned only against a
     * current inventory.
     */
    public boolean isCurrent() {
        return read && current;
    }

    /**
     * What the controller holds may have changed without this inventory seeing it (another replica was the leader):
     * nothing is planned against it until the next load.
     */
    public void staleUntilNextLoad() {
        current = false;
    }

    /** Incremented on every load and refresh: part of a create's idempotency key (see {@link AviOperation#basis()}). */
    public long epoch() {
        return epoch.get();
    }

    public int size() {
        return objects.size();
    }

    /** Takes an object as the controller returned it (after a write or a read). */
    public StoredObject record(AviType type, JsonNode body) {
        if (!(body instanceof ObjectNode object) || !body.hasNonNull("name")) {
            throw new IllegalArgumentException("not an Avi object of type " + type.path());
        }
        StoredObject stored = StoredObject.of(type, object, clusterName, clusterUid);
        StoredObject previous = objects.put(stored.key(), stored);
        if (previous != null && previous.uuid() != null) {
            keyByUuid.remove(previous.uuid());
        }
        if (stored.uuid() != null) {
            keyByUuid.put(stored.uuid(), stored.key());
        }
        return stored;
    }

    public void forget(AviType type, String name) {
        forgotten.merge(type.path() + "/" + name, 1L, Long::sum);
        StoredObject removed = objects.remove(type.path() + "/" + name);
        if (removed != null && removed.uuid() != null) {
            keyByUuid.remove(removed.uuid());
        }
    }

    /**
     * A create's idempotency basis: the epoch and how often the object was forgotten (deleted) in it, so that an object
     * deleted and wanted again is created again rather than taken for a duplicate of its first creation.
     */
    public synchronized String creationBasis(AviType type, String name) {
        return epoch.get() + "/" + forgotten.getOrDefault(type.path() + "/" + name, 0L);
    }

    /** Names forgotten since the last observation (bounded memory: they go at the next one). */
    int forgottenNames() {
        return forgotten.size();
    }

    /** An observation of the controller (a load or a refresh) happened. */
    synchronized void observed() {
        epoch.incrementAndGet();
        // a basis names its epoch: the counts of the previous one can never be reused, so they go (bounded memory)
        forgotten.clear();
    }

    /**
     * Replaces what a load read: for each completely read type, its objects become exactly those read; types whose
     * read failed keep their previous objects, and the inventory is marked incomplete. A failed load before the first
     * complete one changes nothing: the inventory stays unread.
     */
    public void replace(Map<AviType, List<ObjectNode>> readByType, boolean allComplete) {
        if (!allComplete && !read) {
            return;
        }
        readByType.forEach((type, bodies) -> {
            // record first, then drop what was not read: an object that exists is never missing in between
            Set<String> read = new HashSet<>();
            bodies.forEach(body -> read.add(record(type, body).key()));
            objects.values().stream().filter(o -> o.type() == type && !read.contains(o.key())).toList()
                    .forEach(o -> forget(o.type(), o.name()));
        });
        complete = allComplete;
        read = true;
        current = true;
        observed();
    }
}
