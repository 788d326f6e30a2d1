package io.akocamel.avi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Desired objects of one shard vs the {@link AviInventory} → the minimal ordered writes (bean {@code aviPlanner}). Pure.
 *
 * <ul>
 *   <li>An object whose stamped checksum equals the stored one and whose stored body still holds the desired payload
 *       is not written (so a hand edit is repaired, a hand deletion re-created).</li>
 *   <li>Creates and updates come first, children before the objects that refer to them (refs in the payloads; ties in
 *       {@link AviType} order, so vsvip, certificates, pools, pool groups, policy sets, then VSes, SNI children after
 *       their parent). Deletes follow, parents before children.</li>
 *   <li>An object not owned by this cluster is never written; it and every object that refers to it are reported as
 *       {@link Conflict}s. An object with our cluster name written by another Kubernetes cluster (its
 *       {@code akocamel-cluster-uid} marker) is such an object: {@value #CLUSTER_NAME_IN_USE}.</li>
 *   <li>Owned objects belong to the shard named by their {@code akocamel-shard} marker ({@link Payloads}). A shard's
 *       plan deletes its own objects that are no longer desired, and only when {@code gcAllowed} (this cycle's
 *       Kubernetes lists and inventory were both complete). Owned objects without a shard marker are collected by
 *       {@link #planOrphans}.</li>
 *   <li>vrfcontext is shared: only this cluster's static routes (label {@code clustername=<cluster>}, and no
 *       {@code akocamel-cluster-uid} label of another Kubernetes cluster) are replaced, other routes are kept; without
 *       {@code gcAllowed} no route of ours is removed.</li>
 * </ul>
 */
public final class Planner {
    public static final String ORPHANS = "orphans";
    public static final String FOREIGN = "conflict with an object not owned by this cluster";
    /** The Warning Event reason for an object of another Kubernetes cluster that uses our cluster name. */
    public static final String CLUSTER_NAME_IN_USE = "ClusterNameInUse";
    private static final Set<String> VIP_ALLOCATIONS = Set.of("ip_address", "ip6_address", "floating_ip", "floating_ip6");

    private final String clusterName;
    private final String clusterUid;

    /** A planner that does not know which Kubernetes cluster it serves (every object with our name is ours). */
    public Planner(String clusterName) {
        this(clusterName, null);
    }

    /** @param clusterUid the uid of this Kubernetes cluster's {@code kube-system} namespace, null when unknown */
    public Planner(String clusterName, String clusterUid) {
        this.clusterName = clusterName;
        this.clusterUid = clusterUid;
    }

    public Plan plan(String shardKey, List<AviObject> desired, AviInventory inventory, boolean gcAllowed) {
        Map<String, AviOperation> writes = new LinkedHashMap<>();
        Map<String, Set<String>> refs = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        Set<String> desiredKeys = new HashSet<>();
        Map<String, String> keyOfRef = new HashMap<>();
        desired.forEach(o -> keyOfRef.put(Payloads.refKey(o.type(), o.name()), o.key()));
        for (AviObject object : desired) {
            if (!desiredKeys.add(object.key())) {
                throw new IllegalArgumentException("the model produced " + object.key() + " twice for shard " + shardKey);
            }
            if (object.type() == AviType.VRFCONTEXT) {
                planStaticRoutes(object, inventory, gcAllowed, conflicts).ifPresent(op -> writes.put(op.key(), op));
                continue;
            }
            Optional<StoredObject> stored = inventory.get(object.type(), object.name());
            Payloads.Stamped stamped = Payloads.stamp(object, clusterName, uidFor(stored), shardKey);
            refs.put(object.key(), Payloads.refsOf(stamped.payload()).stream().map(keyOfRef::get).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            if (stored.isEmpty()) {
                writes.put(object.key(), new AviOperation(AviMethod.POST, object.type(), object.name(), null, stamped.payload(),
                        stamped.checksum(), "new@" + inventory.creationBasis(object.type(), object.name()), Set.of()));
            } else if (stored.get().otherCluster()) {
                conflicts.add(new Conflict(object.type(), object.name(), "another Kubernetes cluster ("
                        + Payloads.marker(stored.get().body(), Payloads.CLUSTER_UID_MARKER) + ") uses clusterName '" + clusterName
                        + "' and owns this object; give each cluster its own AKOSettings.clusterName: ako-camel never writes "
                        + "nor deletes another cluster's objects", CLUSTER_NAME_IN_USE));
            } else if (!stored.get().owned()) {
                conflicts.add(new Conflict(object.type(), object.name(), FOREIGN + " (" + Payloads.ownerOf(stored.get().body()) + ")"));
            } else if (!stamped.checksum().equals(stored.get().checksum()) || !Payloads.contains(stored.get().body(), stamped.payload())) {
                writes.put(object.key(), update(object.type(), stamped, stored.get(), inventory.epoch()));
            }
        }
        withholdDependents(writes, refs, conflicts);
        List<AviOperation> operations = new ArrayList<>(orderWrites(writes.values(), refs));
        if (gcAllowed) {
            List<StoredObject> garbage = inventory.ownedByShard(shardKey).stream().filter(o -> !desiredKeys.contains(o.key())).toList();
            operations.addAll(orderDeletes(garbage, inventory, operations));
        }
        return new Plan(shardKey, operations, conflicts);
    }

    /**
     * Deletes owned objects that carry no shard marker (written by AKO, or before markers) and that no shard desires:
     * what AKO left once its objects were adopted. Only with {@code gcAllowed}, and only once the referrer moved: an
     * orphan that an object kept on the controller (desired, marked, not ours) still refers to, directly or through
     * other orphans, is held until a shard's update stops referring to it (so nothing serving traffic loses a child).
     */
    public Plan planOrphans(Set<String> desiredKeysOfEveryShard, AviInventory inventory, boolean gcAllowed) {
        if (!gcAllowed) {
            return new Plan(ORPHANS, List.of(), List.of());
        }
        Map<String, StoredObject> garbage = new HashMap<>();
        inventory.all().stream().filter(o -> o.owned() && o.shard() == null && o.type() != AviType.VRFCONTEXT
                && !desiredKeysOfEveryShard.contains(o.key())).forEach(o -> garbage.put(Payloads.refKey(o.type(), o.name()), o));
        List<StoredObject> kept = inventory.all().stream().filter(o -> !garbage.containsKey(Payloads.refKey(o.type(), o.name())))
                .collect(Collectors.toCollection(ArrayList::new));
        while (!kept.isEmpty()) {
            List<StoredObject> held = new ArrayList<>();
            kept.forEach(o -> storedTargets(o, inventory).stream().map(garbage::remove).filter(Objects::nonNull).forEach(held::add));
            kept = held;
        }
        return new Plan(ORPHANS, orderDeletes(List.copyOf(garbage.values()), inventory, List.of()), List.of());
    }

    /**
     * Our uid; when it is unknown, the one the object already carries, so that a run without it (kube-system unreadable,
     * the {@code plan} command) neither strips the marker nor rewrites every object.
     */
    private String uidFor(Optional<StoredObject> stored) {
        return clusterUid != null ? clusterUid : stored.map(s -> Payloads.marker(s.body(), Payloads.CLUSTER_UID_MARKER)).orElse(null);
    }

    /** The same update against a freshly read object (after 412, or to adopt an existing object of ours after 409). */
    public AviOperation rebase(AviOperation op, ObjectNode fresh) {
        String lastModified = fresh.path("_last_modified").asText(null);
        ObjectNode payload;
        if (op.type() == AviType.VRFCONTEXT) {
            payload = withRoutes(fresh, ourRoutes(op.payload()));
        } else {
            payload = op.payload().deepCopy();
            payload.remove("_last_modified");
            if (op.type() == AviType.VSVIP) {
                preserveAllocations(payload, fresh);
            }
            if (lastModified != null) {
                payload.put("_last_modified", lastModified);
            }
        }
        String uuid = fresh.path("uuid").asText();
        return new AviOperation(AviMethod.PUT, op.type(), op.name(), uuid, payload, op.checksum(), uuid + "@" + lastModified, op.dependsOn());
    }

    /** The create that replaces an update whose object vanished (404 on PUT). */
    public AviOperation recreate(AviOperation op) {
        if (op.type() == AviType.VRFCONTEXT) {
            throw new IllegalArgumentException("a vrfcontext is never created by ako-camel");
        }
        ObjectNode payload = op.payload().deepCopy();
        payload.remove("_last_modified");
        payload.remove("uuid");
        return new AviOperation(AviMethod.POST, op.type(), op.name(), null, payload, op.checksum(), "recreate@" + op.basis(), op.dependsOn());
    }

    private AviOperation update(AviType type, Payloads.Stamped stamped, StoredObject stored, long epoch) {
        ObjectNode payload = stamped.payload().deepCopy();
        if (type == AviType.VSVIP) {
            preserveAllocations(payload, stored.body());
        }
        if (stored.lastModified() != null) {
            payload.put("_last_modified", stored.lastModified());
        }
        String basis = stored.uuid() + "@" + (stored.lastModified() != null ? stored.lastModified() : "epoch" + epoch);
        return new AviOperation(AviMethod.PUT, type, stored.name(), stored.uuid(), payload, stamped.checksum(), basis, Set.of());
    }

    /** A VsVip update keeps the addresses the controller allocated (AKO's GET-then-PUT). */
    private static void preserveAllocations(ObjectNode payload, JsonNode stored) {
        JsonNode storedVips = stored.path("vip");
        JsonNode vips = payload.path("vip");
        for (int i = 0; i < vips.size(); i++) {
            if (!(vips.get(i) instanceof ObjectNode vip)) {
                continue;
            }
            JsonNode match = storedVips.path(i);
            for (JsonNode candidate : storedVips) {
                if (candidate.path("vip_id").asText("0").equals(vip.path("vip_id").asText("0"))) {
                    match = candidate;
                }
            }
            for (String field : VIP_ALLOCATIONS) {
                if (!vip.has(field) && match.has(field)) {
                    vip.set(field, match.get(field).deepCopy());
                }
            }
        }
    }

    // ---- static routes in a shared vrfcontext ----

    private Optional<AviOperation> planStaticRoutes(AviObject object, AviInventory inventory, boolean gcAllowed, List<Conflict> conflicts) {
        Optional<StoredObject> stored = inventory.get(AviType.VRFCONTEXT, object.name());
        if (stored.isEmpty()) {
            conflicts.add(new Conflict(AviType.VRFCONTEXT, object.name(), "vrfcontext " + object.name()
                    + " was not found on the controller; check ControllerSettings.vrfName and cloudName"));
            return Optional.empty();
        }
        Map<String, ObjectNode> wanted = new TreeMap<>();
        for (JsonNode route : object.body().path("static_routes")) {
            ObjectNode labelled = route.deepCopy();
            ArrayNode labels = labelled.putArray("labels");
            labels.addObject().put("key", Payloads.CLUSTER_MARKER).put("value", clusterName);
            if (clusterUid != null) {
                labels.addObject().put("key", Payloads.CLUSTER_UID_MARKER).put("value", clusterUid);
            }
            wanted.put(labelled.path("route_id").asText(), labelled);
        }
        List<JsonNode> storedOurs = ourRoutes(stored.get().body());
        if (!gcAllowed) {
            storedOurs.forEach(route -> wanted.putIfAbsent(route.path("route_id").asText(), (ObjectNode) route.deepCopy()));
        }
        List<ObjectNode> routes = List.copyOf(wanted.values());
        if (sameRoutes(routes, storedOurs)) {
            return Optional.empty();
        }
        ArrayNode checksummed = JsonNodeFactory.instance.arrayNode().addAll(routes);
        StoredObject vrf = stored.get();
        return Optional.of(new AviOperation(AviMethod.PUT, AviType.VRFCONTEXT, vrf.name(), vrf.uuid(), withRoutes(vrf.body(), routes),
                Payloads.checksum(checksummed), vrf.uuid() + "@" + vrf.lastModified(), Set.of()));
    }

    private boolean isOurRoute(JsonNode route) {
        boolean ourName = false;
        for (JsonNode label : route.path("labels")) {
            String key = label.path("key").asText();
            String value = label.path("value").asText();
            if (Payloads.CLUSTER_MARKER.equals(key) && clusterName.equals(value)) {
                ourName = true;
            } else if (Payloads.CLUSTER_UID_MARKER.equals(key) && clusterUid != null && !clusterUid.equals(value)) {
                return false;
            }
        }
        return ourName;
    }

    private List<JsonNode> ourRoutes(JsonNode vrf) {
        List<JsonNode> ours = new ArrayList<>();
        vrf.path("static_routes").forEach(route -> {
            if (isOurRoute(route)) {
                ours.add(route);
            }
        });
        return ours;
    }

    private ObjectNode withRoutes(ObjectNode vrf, List<? extends JsonNode> ours) {
        ObjectNode payload = vrf.deepCopy();
        ArrayNode routes = payload.putArray("static_routes");
        vrf.path("static_routes").forEach(route -> {
            if (!isOurRoute(route)) {
                routes.add(route.deepCopy());
            }
        });
        ours.forEach(route -> routes.add(route.deepCopy()));
        return payload;
    }

    private static boolean sameRoutes(List<ObjectNode> wanted, List<JsonNode> stored) {
        if (wanted.size() != stored.size()) {
            return false;
        }
        Map<String, JsonNode> byId = stored.stream().collect(Collectors.toMap(r -> r.path("route_id").asText(), r -> r, (a, b) -> a));
        return wanted.stream().allMatch(r -> byId.containsKey(r.path("route_id").asText())
                && Payloads.contains(byId.get(r.path("route_id").asText()), r));
    }

    // ---- order and dependencies ----

    /** Writes that refer (directly or not) to a conflicting object are not sent either. */
    private static void withholdDependents(Map<String, AviOperation> writes, Map<String, Set<String>> refs, List<Conflict> conflicts) {
        Set<String> blocked = conflicts.stream().map(Conflict::key).collect(Collectors.toCollection(HashSet::new));
        boolean changed = !blocked.isEmpty();
        while (changed) {
            changed = false;
            for (AviOperation op : List.copyOf(writes.values())) {
                Optional<String> cause = refs.getOrDefault(op.key(), Set.of()).stream().filter(blocked::contains).sorted().findFirst();
                if (cause.isPresent()) {
                    writes.remove(op.key());
                    blocked.add(op.key());
                    conflicts.add(new Conflict(op.type(), op.name(), "not written: it refers to " + cause.get() + ", which is in conflict"));
                    changed = true;
                }
            }
        }
    }

    private static List<AviOperation> orderWrites(Collection<AviOperation> writes, Map<String, Set<String>> refs) {
        Set<String> keys = writes.stream().map(AviOperation::key).collect(Collectors.toSet());
        Function<AviOperation, Set<String>> prerequisites = op -> refs.getOrDefault(op.key(), Set.of()).stream()
                .filter(k -> keys.contains(k) && !k.equals(op.key())).collect(Collectors.toSet());
        Comparator<AviOperation> byTypeThenName = Comparator.comparing((AviOperation op) -> op.type().ordinal()).thenComparing(AviOperation::name);
        return topological(writes, prerequisites, byTypeThenName).stream().map(op -> op.withDependsOn(prerequisites.apply(op))).toList();
    }

    private static List<AviOperation> orderDeletes(List<StoredObject> garbage, AviInventory inventory, List<AviOperation> before) {
        Set<String> deleted = garbage.stream().map(StoredObject::key).collect(Collectors.toSet());
        Set<String> batchKeys = new HashSet<>(deleted);
        before.forEach(op -> batchKeys.add(op.key()));
        // what each object of the batch refers to as the controller holds it now
        Map<String, Set<String>> storedRefs = new HashMap<>();
        for (StoredObject o : inventory.all()) {
            if (!batchKeys.contains(o.key())) {
                continue;
            }
            storedRefs.put(o.key(), storedTargets(o, inventory));
        }
        List<AviOperation> deletes = garbage.stream().map(o -> new AviOperation(AviMethod.DELETE, o.type(), o.name(), o.uuid(), null,
                o.checksum() == null ? "-" : o.checksum(), "delete@" + o.uuid(), Set.of())).toList();
        // Y waits for every X of this batch whose stored body still refers to Y (deleted or rewritten first)
        Function<AviOperation, Set<String>> referrers = op -> storedRefs.entrySet().stream()
                .filter(e -> !e.getKey().equals(op.key()) && e.getValue().contains(Payloads.refKey(op.type(), op.name())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Function<AviOperation, Set<String>> deleteFirst = op -> referrers.apply(op).stream().filter(deleted::contains).collect(Collectors.toSet());
        Comparator<AviOperation> parentsFirst = Comparator.comparing((AviOperation op) -> -op.type().ordinal()).thenComparing(AviOperation::name);
        return topological(deletes, deleteFirst, parentsFirst).stream().map(op -> op.withDependsOn(referrers.apply(op))).toList();
    }

    /** What an object refers to as the controller holds it ({@link Payloads#refKey} form; uuid references resolved). */
    private static Set<String> storedTargets(StoredObject o, AviInventory inventory) {
        Set<String> targets = new HashSet<>();
        for (String ref : Payloads.refsOf(o.body())) {
            int at = ref.indexOf('@');
            if (at < 0) {
                targets.add(ref);
            } else {
                inventory.byUuid(ref.substring(at + 1)).ifPresent(target -> targets.add(Payloads.refKey(target.type(), target.name())));
            }
        }
        return targets;
    }

    /** Kahn's algorithm; among ready operations the comparator decides; a cycle (never expected) ends in comparator order. */
    private static List<AviOperation> topological(Collection<AviOperation> ops, Function<AviOperation, Set<String>> prerequisites,
                                                  Comparator<AviOperation> order) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<AviOperation>> unblocks = new HashMap<>();
        PriorityQueue<AviOperation> ready = new PriorityQueue<>(order);
        for (AviOperation op : ops) {
            Set<String> before = prerequisites.apply(op);
            waiting.put(op.key(), before.size());
            before.forEach(key -> unblocks.computeIfAbsent(key, k -> new ArrayList<>()).add(op));
            if (before.isEmpty()) {
                ready.add(op);
            }
        }
        List<AviOperation> result = new ArrayList<>();
        while (!ready.isEmpty()) {
            AviOperation next = ready.poll();
            result.add(next);
            for (AviOperation after : unblocks.getOrDefault(next.key(), List.of())) {
                if (waiting.merge(after.key(), -1, Integer::sum) == 0) {
                    ready.add(after);
                }
            }
        }
        if (result.size() < ops.size()) {
            ops.stream().filter(op -> waiting.get(op.key()) > 0).sorted(order).forEach(result::add);
        }
        return result;
    }
}
