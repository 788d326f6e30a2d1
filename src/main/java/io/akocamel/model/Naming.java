package io.akocamel.model;

import io.akocamel.config.Settings;
import io.akocamel.config.ShardSize;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/** AKO's object names and host sharding. Pure. */
public final class Naming implements ClusterView.ShardNamer {
    private final String clusterName;
    private final ShardSize shardSize;

    public Naming(String clusterName, ShardSize shardSize) {
        this.clusterName = clusterName;
        this.shardSize = shardSize;
    }

    public static Naming of(Settings settings) {
        return new Naming(settings.akoSettings().clusterName(), settings.l7Settings().shardVSSize());
    }

    /** FNV-1a 32-bit over the UTF-8 bytes, as AKO's {@code utils.Hash}. */
    public static int fnv1a32(String s) {
        int hash = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x01000193;
        }
        return hash;
    }

    /** AKO's {@code utils.Bkt}: the shard number of a host for a shard count (a power of two). */
    public static int shardNumber(String host, int shards) {
        return shards <= 1 ? 0 : fnv1a32(host) & (shards - 1);
    }

    /** The name of the VS that serves a host: {@code <cluster>--Shared-L7-<n>}, or the dedicated VS per host. */
    public String shardVsName(String host) {
        if (shardSize == ShardSize.DEDICATED) {
            return clusterName + "--" + host + "-L7-dedicated";
        }
        return clusterName + "--Shared-L7-" + shardNumber(host, shardSize.shards());
    }

    /** Every shared VS name of this cluster (empty for DEDICATED, whose VSes follow the hosts). */
    public Set<String> allSharedVsNames() {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < shardSize.shards(); i++) {
            names.add(clusterName + "--Shared-L7-" + i);
        }
        return names;
    }

    public String clusterName() {
        return clusterName;
    }

    public ShardSize shardSize() {
        return shardSize;
    }

    @Override
    public Set<String> shardsOf(Ingress ingress) {
        Set<String> shards = new TreeSet<>();
        if (ingress.getSpec() == null) {
            return shards;
        }
        if (ingress.getSpec().getRules() != null) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHost() != null && !rule.getHost().isEmpty()) {
                    shards.add(shardVsName(rule.getHost()));
                }
            }
        }
        if (ingress.getSpec().getTls() != null) {
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                if (tls.getHosts() != null) {
                    tls.getHosts().stream().filter(h -> h != null && !h.isEmpty()).forEach(h -> shards.add(shardVsName(h)));
                }
            }
        }
        return shards;
    }

    @Override
    public boolean isOnEveryShard(Ingress ingress) {
        if (ingress.getSpec() == null) {
            return false;
        }
        if (ingress.getSpec().getDefaultBackend() != null) {
            return true;
        }
        return ingress.getSpec().getRules() != null
                && ingress.getSpec().getRules().stream().anyMatch(r -> r.getHost() == null || r.getHost().isEmpty());
    }
}
