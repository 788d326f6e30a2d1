package io.akocamel.model;

import io.akocamel.config.Settings;
import io.akocamel.crd.InfraSetting;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model's entry point: cluster state + settings → the desired Avi objects of a shard VS. A pure function of its
 * arguments; no I/O. Create one per process and reuse it: it remembers the objects of each shard's last build and
 * reuses those whose inputs did not change, which is what makes a single-shard rebuild fast. Thread-safe: different
 * shards may be built in parallel; two builds of the same shard at once are correct too, the second one just does not
 * benefit from the memory of the first.
 */
public final class ModelBuilder {
    /** What the builds of one shard hand on: the settings they were made with, the memo, the previous result. */
    private record Carry(BuildContext ctx, Memo memo, PreviousBuild previous) {
    }

    private final Map<String, Carry> carried = new ConcurrentHashMap<>();

    /** The desired objects, warnings and status hosts of one shard VS (a name from {@link #shardNames}). */
    public ShardModel buildShard(String shardVsName, ClusterView cluster, Settings settings) {
        return buildShard(shardVsName, cluster, settings, Set.of());
    }

    /**
     * The same, with the hosts {@code leftOut} built as if no Ingress named them: the shard without the hosts whose
     * objects the controller refused, so that the others can be written (see {@code reconcile.ShardIsolation}).
     */
    public ShardModel buildShard(String shardVsName, ClusterView cluster, Settings settings, Set<String> leftOut) {
        Naming base = Naming.of(settings);
        Placement placement = placementOfShard(shardVsName, cluster, base);
        BuildContext ctx = BuildContext.of(settings).placed(placement);
        // taken out for the build: a concurrent build of the same shard starts afresh instead of sharing the memo
        Carry previous = carried.remove(shardVsName);
        boolean reusable = previous != null && previous.ctx().equals(ctx);
        Memo memo = reusable ? previous.memo() : new Memo();
        memo.startBuild();
        ShardBuild build = new ShardBuild(ctx, cluster, shardVsName, memo, reusable ? previous.previous() : PreviousBuild.EMPTY, leftOut,
                placement, isWanted(shardVsName, placement, cluster, base));
        ShardModel model = build.build();
        memo.endBuild();
        if (!model.ingressHosts().isEmpty()) {
            // a shard no Ingress is on has nothing worth carrying: a deleted host's dedicated shard leaves no trace
            carried.put(shardVsName, new Carry(ctx, memo, build.next()));
        }
        return model;
    }

    /**
     * The placement whose names name the shard: an Accepted AviInfraSetting's, else the default. (DEDICATED names can
     * coincide, as in AKO: {@code <cluster>--s-a.com-L7-dedicated} is setting {@code s}'s VS of host {@code a.com} and
     * the default VS of host {@code s-a.com}; the setting wins.)
     */
    public static Placement placementOfShard(String shardVsName, ClusterView cluster, Naming base) {
        for (InfraSetting setting : cluster.acceptedInfraSettings()) {
            Placement placement = new Placement(setting, false);
            if (placement.naming(base).namesShard(shardVsName)) {
                return placement;
            }
        }
        return Placement.DEFAULT;
    }

    /**
     * A setting's shard is wanted while an Ingress is placed on the setting; a name that looks like a shared VS of a
     * setting no longer Accepted ({@code <cluster>--Shared-L7-<setting>-<n>}) or a dedicated VS of none is not.
     */
    private static boolean isWanted(String shardVsName, Placement placement, ClusterView cluster, Naming base) {
        if (placement.setting() != null) {
            return cluster.ingresses().stream().anyMatch(i -> cluster.placementOf(i).equals(placement));
        }
        return base.namesShard(shardVsName) || !shardVsName.startsWith(base.clusterName() + "--Shared-L7-")
                || shardVsName.substring(base.clusterName().length() + "--Shared-L7-".length()).chars().allMatch(Character::isDigit);
    }

    /** The shards whose builds carry something to the next one (bounded by the shards Ingresses are on). */
    int carriedShards() {
        return carried.size();
    }

    /**
     * Every shard VS of the cluster, in name order: the full build used by {@code plan} and full syncs. Shards are
     * built in parallel (on the common fork-join pool); they share nothing.
     */
    public List<ShardModel> buildAll(ClusterView cluster, Settings settings) {
        SortedSet<String> names = shardNames(cluster, settings);
        carried.keySet().retainAll(names);
        return names.parallelStream().map(name -> buildShard(name, cluster, settings)).toList();
    }

    /**
     * The shard VSes that should exist. Shared sizes: every {@code <cluster>--Shared-L7-<n>}, with or without hosts (an
     * empty shard VS is kept so that its VIP and DNS stay stable). DEDICATED: one VS per host named in a rule. The same
     * for each AviInfraSetting an Ingress is placed on, with its names and size.
     */
    public static SortedSet<String> shardNames(ClusterView cluster, Settings settings) {
        Naming base = Naming.of(settings);
        SortedSet<String> names = new TreeSet<>();
        if (!base.isDedicated()) {
            names.addAll(base.allSharedVsNames());
        }
        boolean placementsDiffer = !cluster.acceptedInfraSettings().isEmpty();
        for (Ingress ingress : cluster.ingresses()) {
            Placement placement = placementsDiffer ? cluster.placementOf(ingress) : Placement.DEFAULT;
            Naming naming = placement.held() ? base : placement.naming(base);
            if (!naming.isDedicated()) {
                names.addAll(naming.allSharedVsNames());
            } else if (ingress.getSpec() != null && ingress.getSpec().getRules() != null) {
                for (IngressRule rule : ingress.getSpec().getRules()) {
                    if (rule.getHost() != null && Hosts.isValid(rule.getHost())) {
                        names.add(naming.shardVsName(rule.getHost()));
                    }
                }
            }
        }
        return names;
    }
}
