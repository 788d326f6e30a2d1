package io.akocamel.ops;

import io.akocamel.kube.ClusterState;
import io.akocamel.model.Naming;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The last reconcile result of every shard key, and from it how many of our Ingresses are synced (every shard serving
 * them was last reconciled without failure) or have errors (a shard serving them failed). Skipped reconciles change
 * nothing; an Ingress whose shards were not all reconciled yet counts as neither.
 */
final class IngressSyncState {
    record Counts(int synced, int withErrors) {
    }

    /** Counts are computed at most this often (a scrape reads two gauges; Prometheus scrapes every few seconds at most). */
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final Supplier<ClusterState> cluster;
    private final Map<String, Boolean> succeeded = new ConcurrentHashMap<>();
    private Counts counts = new Counts(0, 0);
    private long countedAt;

    IngressSyncState(Supplier<ClusterState> cluster) {
        this.cluster = cluster;
    }

    void reconciled(String shardKey, String result) {
        switch (result) {
            case "noop", "applied" -> succeeded.put(shardKey, true);
            case "failed", "error" -> succeeded.put(shardKey, false);
            default -> {
                // skipped: nothing was attempted
            }
        }
    }

    /** Shards whose last result is kept (bounded memory: those some Ingress is on, after a count). */
    int shardResults() {
        return succeeded.size();
    }

    synchronized Counts counts() {
        long now = System.nanoTime();
        if (countedAt == 0 || now - countedAt > MAX_AGE_NANOS) {
            counts = count();
            countedAt = now;
        }
        return counts;
    }

    private Counts count() {
        ClusterState state = cluster.get();
        if (state == null) {
            return new Counts(0, 0);
        }
        Set<String> everyShard = null;
        Set<String> inUse = new HashSet<>();
        int synced = 0;
        int withErrors = 0;
        for (Ingress ingress : state.ingresses()) {
            Naming naming = state.namingOf(ingress);
            Set<String> shards = new HashSet<>(naming.shardsOf(ingress));
            if (naming.isOnEveryShard(ingress) && naming.infraSetting() != null) {
                shards.addAll(naming.allSharedVsNames());
            } else if (naming.isOnEveryShard(ingress)) {
                everyShard = everyShard == null ? state.everyShard() : everyShard;
                shards.addAll(everyShard);
            }
            inUse.addAll(shards);
            boolean failed = false;
            boolean allSucceeded = !shards.isEmpty();
            for (String shard : shards) {
                Boolean ok = succeeded.get(shard);
                failed |= Boolean.FALSE.equals(ok);
                allSucceeded &= Boolean.TRUE.equals(ok);
            }
            if (failed) {
                withErrors++;
            } else if (allSucceeded) {
                synced++;
            }
        }
        // the results of shards no Ingress is on any more (deleted hosts' dedicated shards) are not needed
        succeeded.keySet().retainAll(inUse);
        return new Counts(synced, withErrors);
    }
}
