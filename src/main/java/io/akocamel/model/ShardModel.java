package io.akocamel.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The desired state of one shard VS, computed by {@link ModelBuilder}. Immutable (treat the object bodies as
 * read-only: unchanged objects are shared with later builds).
 */
public final class ShardModel {
    private final String vsName;
    private final List<AviObject> objects;
    private final List<ModelWarning> warnings;
    private final SortedMap<IngressRef, Set<String>> ingressHosts;
    private final Map<String, HostOutput> hostOutputs;

    /** Takes the arguments as they are: the builder hands over unmodifiable lists and maps. */
    ShardModel(String vsName, List<AviObject> objects, List<ModelWarning> warnings, SortedMap<IngressRef, Set<String>> ingressHosts,
               Map<String, HostOutput> hostOutputs) {
        this.vsName = vsName;
        this.objects = objects;
        this.warnings = warnings;
        this.ingressHosts = ingressHosts;
        this.hostOutputs = hostOutputs;
    }

    /** The shard's parent VS, e.g. {@code my-cluster--Shared-L7-0}. */
    public String vsName() {
        return vsName;
    }

    /** The VS whose VS VIP (named like it) serves every host of the shard; Ingress status reports its address. */
    public String vipVsName() {
        return vsName;
    }

    /**
     * The desired Avi objects in create order: by {@link AviType} order, then by name, except that the parent VS comes
     * before its SNI children. Empty only for a DEDICATED VS that serves no host any more (so it should not exist).
     */
    public List<AviObject> objects() {
        return objects;
    }

    /**
     * What is wrong with the Ingresses this shard serves (Warning Events). Warnings about host-less rules and default
     * backends concern every shard and so appear in every shard's model.
     */
    public List<ModelWarning> warnings() {
        return warnings;
    }

    /**
     * For Ingress status: per Ingress (sorted), the hosts this shard serves for it (sorted); the empty string means
     * the Ingress is served without a host (its default backend or its host-less rules).
     */
    public SortedMap<IngressRef, Set<String>> ingressHosts() {
        return ingressHosts;
    }

    /**
     * The host whose own objects (pools, policy set, certificate, SNI child) include {@code objectKey}
     * ({@link AviObject#key()}); empty for the shard's shared objects (parent VS, VS VIP, shard-wide policy sets and
     * pools). A scan: meant for the rare failed write, not for every object.
     */
    public Optional<String> hostOf(String objectKey) {
        for (Map.Entry<String, HostOutput> e : hostOutputs.entrySet()) {
            for (AviObject o : e.getValue().objects()) {
                if (o.key().equals(objectKey)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The keys of a host's own objects (empty for a host this shard does not serve). */
    public Set<String> objectKeysOf(String host) {
        HostOutput output = hostOutputs.get(host);
        Set<String> keys = new TreeSet<>();
        if (output != null) {
            output.objects().forEach(o -> keys.add(o.key()));
        }
        return keys;
    }

    /** The name of a host's policy set in this shard (empty for a host it does not serve). */
    public Optional<String> policySetOf(String host) {
        HostOutput output = hostOutputs.get(host);
        return output == null ? Optional.empty() : Optional.ofNullable(output.setName());
    }

    /** The Ingresses that name a host of this shard (empty for a host it does not serve). */
    public Set<IngressRef> ingressesOf(String host) {
        HostOutput output = hostOutputs.get(host);
        return output == null ? Set.of() : output.ingresses();
    }

    public Optional<AviObject> find(AviType type, String name) {
        return objects.stream().filter(o -> o.type() == type && o.name().equals(name)).findFirst();
    }

    public List<AviObject> ofType(AviType type) {
        List<AviObject> list = new ArrayList<>();
        objects.forEach(o -> {
            if (o.type() == type) {
                list.add(o);
            }
        });
        return Collections.unmodifiableList(list);
    }

    /** Every host the shard serves (its VS VIP's DNS names), sorted. */
    public Set<String> hosts() {
        Set<String> hosts = new TreeSet<>();
        find(AviType.VSVIP, vipVsName()).ifPresent(vip -> vip.body().path("dns_info").forEach(d -> hosts.add(d.path("fqdn").asText())));
        return Collections.unmodifiableSet(hosts);
    }

    /** A summary; never the bodies (certificates carry private keys). */
    @Override
    public String toString() {
        return "ShardModel[" + vsName + ": " + objects.size() + " objects, " + warnings.size() + " warnings, "
                + ingressHosts.size() + " Ingresses]";
    }
}
