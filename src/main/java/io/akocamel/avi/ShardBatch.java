package io.akocamel.avi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The indexes of the operations in levels that may each go out in parallel: an operation comes one level after the
     * last operation of this batch it depends on, and deletes come after every create and update (as in the planned
     * order, which the planner built so that what an operation depends on comes before it). The first operation goes
     * alone: a controller that is down, out of addresses or refusing the credentials then costs one call, and stops the
     * batch before anything else is sent, as a sequential batch would.
     */
    public List<List<Integer>> levels() {
        Map<String, Integer> levelOf = new HashMap<>();
        List<List<Integer>> levels = new ArrayList<>();
        if (!operations.isEmpty()) {
            levelOf.put(operations.get(0).key(), 0);
            levels.add(List.of(0));
        }
        int firstDeleteLevel = 0;
        boolean deleting = false;
        for (int i = 1; i < operations.size(); i++) {
            AviOperation op = operations.get(i);
            if (op.method() == AviMethod.DELETE && !deleting) {
                deleting = true;
                firstDeleteLevel = levels.size();
            }
            int level = deleting ? firstDeleteLevel : 1;
            for (String dependency : op.dependsOn()) {
                Integer before = levelOf.get(dependency);
                if (before != null) {
                    level = Math.max(level, before + 1);
                }
            }
            levelOf.put(op.key(), level);
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(i);
        }
        return levels;
    }
}
