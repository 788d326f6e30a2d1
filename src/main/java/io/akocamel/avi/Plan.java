package io.akocamel.avi;

import io.akocamel.model.AviType;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What {@link Planner} decided for one shard: ordered writes, and desired objects it refused to write. */
public record Plan(String shardKey, List<AviOperation> operations, List<Conflict> conflicts) {

    public Plan {
        operations = List.copyOf(operations);
        conflicts = List.copyOf(conflicts);
    }

    /** The body to send to {@code direct:avi-apply}. */
    public ShardBatch batch() {
        return new ShardBatch(shardKey, operations, conflicts);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /**
     * This plan without the deletes of {@code keys} and of every object their stored bodies refer to, transitively:
     * what a host the reconciler holds back still uses on the controller stays there.
     */
    public Plan sparing(Set<String> keys, AviInventory inventory) {
        // references name their target encoded (Payloads.refKey); objects are keyed by their plain name
        Map<String, String> keyOfRef = new HashMap<>();
        inventory.all().forEach(o -> keyOfRef.put(Payloads.refKey(o.type(), o.name()), o.key()));
        Set<String> spared = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(keys);
        while (!next.isEmpty()) {
            String key = next.pop();
            if (!spared.add(key)) {
                continue;
            }
            stored(inventory, key).ifPresent(stored -> Payloads.refsOf(stored.body()).forEach(ref -> {
                int at = ref.indexOf('@');
                String target = at < 0 ? keyOfRef.get(ref) : inventory.byUuid(ref.substring(at + 1)).map(StoredObject::key).orElse(null);
                if (target != null) {
                    next.push(target);
                }
            }));
        }
        return new Plan(shardKey, operations.stream().filter(op -> op.method() != AviMethod.DELETE || !spared.contains(op.key())).toList(),
                conflicts);
    }

    /** The stored object of a {@code type/name} key, if it is of a type ako-camel writes and the controller holds it. */
    private static Optional<StoredObject> stored(AviInventory inventory, String key) {
        int slash = key.indexOf('/');
        for (AviType type : AviType.values()) {
            if (slash > 0 && type.path().equals(key.substring(0, slash))) {
                return inventory.get(type, key.substring(slash + 1));
            }
        }
        return Optional.empty();
    }
}
