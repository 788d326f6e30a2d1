package io.akocamel.avi;

import java.util.List;
import java.util.Set;

/**
 * The body of {@code direct:avi-apply}: one shard's ordered operations, and the conflicts the planner found (carried
 * through so that the {@link BatchResult} is the one place the status routes read warnings from).
 *
 * @param held objects the batch leaves out on purpose because an earlier batch of the same reconcile failed on them
 *             (a host isolated by the reconciler): still failing, so their dead letters stay
 */
public record ShardBatch(String shardKey, List<AviOperation> operations, List<Conflict> conflicts, Set<String> held) {

    public ShardBatch {
        operations = List.copyOf(operations);
        conflicts = List.copyOf(conflicts);
        held = Set.copyOf(held);
    }

    public ShardBatch(String shardKey, List<AviOperation> operations, List<Conflict> conflicts) {
        this(shardKey, operations, conflicts, Set.of());
    }

    public ShardBatch(String shardKey, List<AviOperation> operations) {
        this(shardKey, operations, List.of());
    }

    public ShardBatch holding(Set<String> keys) {
        return new ShardBatch(shardKey, operations, conflicts, keys);
    }
}
