package io.akocamel.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The desired state of one shard VS, computed by {@link ModelBuilder}. Immutable (treat the object bodies as read-only).
 *
 * @param vsName       the shard's parent VS, e.g. {@code my-cluster--Shared-L7-0}
 * @param vipVsName    the VS whose VS VIP (named like it) serves every host of the shard; status reports its address
 * @param objects      the desired Avi objects in create order: by {@link AviType} order, then by name, except that the
 *                     parent VS comes before its SNI children. Empty only for a DEDICATED VS that serves no host any
 *                     more, which therefore should not exist.
 * @param warnings     what is wrong with the Ingresses this shard serves (Warning Events). Warnings about host-less
 *                     rules and default backends concern every shard and so appear in every shard's model.
 * @param ingressHosts for Ingress status: per Ingress, the hosts this shard serves for it; the empty string means the
 *                     Ingress is served without a host (its default backend or host-less rules)
 */
public record ShardModel(String vsName, String vipVsName, List<AviObject> objects, List<ModelWarning> warnings,
                         Map<IngressRef, Set<String>> ingressHosts) {

    public ShardModel {
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
        Map<IngressRef, Set<String>> hosts = new LinkedHashMap<>();
        ingressHosts.forEach((ingress, set) -> hosts.put(ingress, Collections.unmodifiableSet(new TreeSet<>(set))));
        ingressHosts = Collections.unmodifiableMap(hosts);
    }

    public Optional<AviObject> find(AviType type, String name) {
        return objects.stream().filter(o -> o.type() == type && o.name().equals(name)).findFirst();
    }

    public List<AviObject> ofType(AviType type) {
        return objects.stream().filter(o -> o.type() == type).toList();
    }

    /** Every host the shard serves (its VS VIP's DNS names), sorted. */
    public Set<String> hosts() {
        Set<String> hosts = new TreeSet<>();
        find(AviType.VSVIP, vipVsName).ifPresent(vip -> vip.body().path("dns_info").forEach(d -> hosts.add(d.path("fqdn").asText())));
        return hosts;
    }

    /** A summary; never the bodies (certificates carry private keys). */
    @Override
    public String toString() {
        return "ShardModel[" + vsName + ": " + objects.size() + " objects, " + warnings.size() + " warnings, "
                + ingressHosts.size() + " Ingresses]";
    }
}
