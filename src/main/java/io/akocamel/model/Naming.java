package io.akocamel.model;

import io.akocamel.config.Settings;
import io.akocamel.config.ShardSize;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * AKO's object names and host sharding. Pure. Names longer than Avi's 255 characters are cut to a deterministic
 * bounded form (see {@link #bounded}); the objects' markers still carry the full identity.
 */
public final class Naming implements ClusterView.ShardNamer {
    /** Longest object name Avi accepts. */
    public static final int MAX_NAME_LENGTH = 255;
    private static final String DEDICATED_SUFFIX = "-L7-dedicated";

    private final String clusterName;
    private final ShardSize shardSize;
    /** The AviInfraSetting whose VSes these names are for, or null: the default placement. */
    private final String infraSetting;

    public Naming(String clusterName, ShardSize shardSize) {
        this(clusterName, shardSize, null);
    }

    private Naming(String clusterName, ShardSize shardSize, String infraSetting) {
        this.clusterName = clusterName;
        this.shardSize = shardSize;
        this.infraSetting = infraSetting;
    }

    /**
     * The names of an AviInfraSetting's objects, as AKO names them: the setting inserted after {@code <cluster>--}
     * ({@code <cluster>--<setting>-<host>}), and in shared VS names after {@code Shared-L7-}
     * ({@code <cluster>--Shared-L7-<setting>-<n>}).
     */
    public Naming forInfraSetting(String setting, ShardSize size) {
        return new Naming(clusterName, size, setting);
    }

    public static Naming of(Settings settings) {
        return new Naming(settings.akoSettings().clusterName(), settings.l7Settings().shardVSSize());
    }

    /** FNV-1a 32-bit over the UTF-8 bytes, as AKO's {@code utils.Hash}. */
    public static int fnv1a32(String s) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return fnv1a32(s.getBytes(StandardCharsets.UTF_8));
            }
            hash ^= c;
            hash *= 0x01000193;
        }
        return hash;
    }

    private static int fnv1a32(byte[] bytes) {
        int hash = 0x811c9dc5;
        for (byte b : bytes) {
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
            return bounded(prefix() + host + DEDICATED_SUFFIX);
        }
        return sharedVsName(shardNumber(host, shardSize.shards()));
    }

    /** The n-th shared VS: {@code <cluster>--Shared-L7-<n>}, with a setting {@code <cluster>--Shared-L7-<setting>-<n>}. */
    public String sharedVsName(int n) {
        return bounded(clusterName + "--Shared-L7-" + (infraSetting == null ? "" : infraSetting + "-") + n);
    }

    /** Whether a VS name is one of these names' shard VSes (DEDICATED: by its prefix and suffix). */
    public boolean namesShard(String vsName) {
        if (shardSize == ShardSize.DEDICATED) {
            return vsName.startsWith(prefix()) && vsName.endsWith(DEDICATED_SUFFIX);
        }
        return allSharedVsNames().contains(vsName);
    }

    private String prefix() {
        return clusterName + "--" + (infraSetting == null ? "" : infraSetting + "-");
    }

    /** Every shared VS name of this cluster (empty for DEDICATED, whose VSes follow the hosts). */
    public Set<String> allSharedVsNames() {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < shardSize.shards(); i++) {
            names.add(sharedVsName(i));
        }
        return names;
    }

    /** The SNI child VS of a TLS host: {@code <cluster>--<host>}. */
    public String sniChildName(String host) {
        return bounded(prefix() + host);
    }

    /** The certificate of a TLS host, made from its Secret: {@code <cluster>--<host>}. */
    public String certificateName(String host) {
        return bounded(prefix() + host);
    }

    /** The second certificate of a TLS host, made from its HostRule's {@code alternateCertificate} Secret: {@code <cluster>--<host>-alternate}. */
    public String alternateCertificateName(String host) {
        return bounded(prefix() + host + "-alternate");
    }

    /**
     * The HTTPPolicySet with a host's rules (on the parent for an insecure host, on the SNI child for a TLS host):
     * {@code <cluster>--<host>}. AKO names its SNI sets {@code <cluster>--<namespace>-<host>} because it keeps one per
     * namespace; ako-camel merges a host's rules across namespaces into one set, so the name carries the host only.
     */
    public String hostPolicySetName(String host) {
        return bounded(prefix() + host);
    }

    /** The PKI profile made of an HTTPRule's {@code destinationCA} for one pool, named as AKO names it. */
    static String pkiProfileName(String poolName) {
        return bounded(poolName + "-pkiprofile");
    }

    /**
     * The pool of one Ingress path, AKO's SNI form for every host:
     * {@code <cluster>--<namespace>-<host><path with / as _>-<ingress>} (+ {@code -L7-dedicated} for DEDICATED).
     */
    public String poolName(String namespace, String host, String path, String ingressName) {
        return bounded(prefix() + namespace + "-" + host + pathPart(path) + "-" + ingressName + dedicatedSuffix());
    }

    /** The pool of a host-less rule's path, one per shard VS: {@code <vs>--<namespace>-<path with / as _>-<ingress>}. */
    public String hostlessPoolName(String vsName, String namespace, String path, String ingressName) {
        return bounded(vsName + "--" + namespace + "-" + pathPart(path) + "-" + ingressName);
    }

    /** The pool of the default backend, one per shard VS: {@code <vs>--<namespace>-default-backend-<ingress>}. */
    public String defaultBackendPoolName(String vsName, String namespace, String ingressName) {
        return bounded(vsName + "--" + namespace + "-default-backend-" + ingressName);
    }

    /** The parent's HTTP-to-HTTPS redirect set for its TLS hosts: named like the VS, as AKO does. */
    public String redirectPolicySetName(String vsName) {
        return vsName;
    }

    /** The parent's last set: host-less rules, the default backend and the 404 for hosts no other set serves. */
    public String catchAllPolicySetName(String vsName) {
        return bounded(vsName + "-catch-all");
    }

    /**
     * {@code name}, or when longer than 255 characters its first 246 characters + {@code -} + 8 hex digits of its hash
     * (245 when the 246th would split a character outside the BMP in half: the name stays valid UTF-16).
     */
    public static String bounded(String name) {
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        String hash = String.format("%08x", fnv1a32(name));
        int cut = MAX_NAME_LENGTH - hash.length() - 1;
        if (Character.isHighSurrogate(name.charAt(cut - 1))) {
            cut--;
        }
        return name.substring(0, cut) + "-" + hash;
    }

    private static String pathPart(String path) {
        return path == null ? "" : path.replace('/', '_');
    }

    private String dedicatedSuffix() {
        return shardSize == ShardSize.DEDICATED ? DEDICATED_SUFFIX : "";
    }

    public boolean isDedicated() {
        return shardSize == ShardSize.DEDICATED;
    }

    public String clusterName() {
        return clusterName;
    }

    public ShardSize shardSize() {
        return shardSize;
    }

    /** The AviInfraSetting these names are for, or null. */
    public String infraSetting() {
        return infraSetting;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Naming n && n.clusterName.equals(clusterName) && n.shardSize == shardSize && Objects.equals(n.infraSetting, infraSetting);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusterName, shardSize, infraSetting);
    }
}
