package io.akocamel.avi;

import java.util.List;

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
}
