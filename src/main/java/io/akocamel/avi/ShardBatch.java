package io.akocamel.avi;

import java.util.List;

/**
 * The body of {@code direct:avi-apply}: one shard's ordered operations, and the conflicts the planner found (carried
 * through so that the {@link BatchResult} is the one place the status routes read warnings from).
 */
public record ShardBatch(String shardKey, List<AviOperation> operations, List<Conflict> conflicts) {

    public ShardBatch {
        operations = List.copyOf(operations);
        conflicts = List.copyOf(conflicts);
    }

    public ShardBatch(String shardKey, List<AviOperation> operations) {
        this(shardKey, operations, List.of());
    }
}
