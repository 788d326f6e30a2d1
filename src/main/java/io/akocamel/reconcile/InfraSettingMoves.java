package io.akocamel.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.avi.AviInventory;
import io.akocamel.model.AviType;
import io.akocamel.model.ClusterView;
import io.akocamel.model.ModelBuilder;
import io.akocamel.model.Naming;
import io.akocamel.model.Placement;
import io.akocamel.model.ShardModel;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the reconciler asks when Ingresses are placed on AviInfraSettings: which Ingresses a shard serves, whether a
 * shard must wait for a setting's verdict, and which hosts left a shard for a VS that does not serve them yet.
 */
final class InfraSettingMoves {
    private InfraSettingMoves() {
    }

    /** The names of an Ingress's objects: of the AviInfraSetting it is placed on, else the default ones. */
    static Naming namingOf(Ingress ingress, ClusterView view, Naming base) {
        Placement placement = view.placementOf(ingress);
        return placement.held() ? base : placement.naming(base);
    }

    /** The Ingresses a shard serves: those of its hosts (and host-less ones) placed where the shard is. */
    static Collection<Ingress> ingressesOf(String key, ClusterView view, Naming base) {
        if (view.acceptedInfraSettings().isEmpty()) {
            return view.ingressesOfShard(key, base);
        }
        Placement placement = ModelBuilder.placementOfShard(key, view, base);
        return view.ingressesOfShard(key, placement.naming(base)).stream().filter(i -> view.placementOf(i).equals(placement)).toList();
    }

    /**
     * Why the shard waits, when an Ingress on it (or to go on it) names an AviInfraSetting whose verdict is not known
     * yet: building it now would move or delete what that Ingress has, on partial information.
     */
    static Optional<String> heldBy(String key, ClusterView view, Naming base) {
        if (!view.holdsInfraSettings()) {
            return Optional.empty();
        }
        for (Ingress ingress : view.ingresses()) {
            Placement placement = view.placementOf(ingress);
            if (placement.held() && (on(key, ingress, base) || on(key, ingress, placement.naming(base)))) {
                return Optional.of("Ingress " + ingress.getMetadata().getNamespace() + "/" + ingress.getMetadata().getName() + " names "
                        + "AviInfraSetting " + placement.settingName() + ", which is not Accepted or Rejected yet; this shard waits for "
                        + "its verdict (the setting's status change reconciles it)");
            }
        }
        return Optional.empty();
    }

    private static boolean on(String key, Ingress ingress, Naming naming) {
        return naming.shardsOf(ingress).contains(key) || naming.isOnEveryShard(ingress) && naming.allSharedVsNames().contains(key);
    }

    /**
     * The VSes that hosts of this shard's VIP (as the controller holds it) moved to, and that do not list them in
     * their own VIP's DNS yet.
     */
    static Set<String> destinationsNotServing(String key, ShardModel model, ClusterView view, Naming base, AviInventory inventory) {
        return destinations(key, model, view, base, inventory, false);
    }

    /** The VSes that hosts of this shard's VIP (as the controller holds it) moved to, whether their VIP lists them yet or not. */
    static Set<String> destinations(String key, ShardModel model, ClusterView view, Naming base, AviInventory inventory) {
        return destinations(key, model, view, base, inventory, true);
    }

    private static Set<String> destinations(String key, ShardModel model, ClusterView view, Naming base, AviInventory inventory,
                                            boolean servingToo) {
        Set<String> left = fqdns(inventory, key);
        if (left.isEmpty()) {
            return Set.of();
        }
        model.ingressHosts().values().forEach(left::removeAll);
        Set<String> destinations = new TreeSet<>();
        if (left.isEmpty()) {
            return destinations;
        }
        Map<String, Set<String>> fqdnsByVs = new HashMap<>();
        for (Ingress ingress : view.ingresses()) {
            if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
                continue;
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHost() != null && left.contains(rule.getHost())) {
                    String destination = namingOf(ingress, view, base).shardVsName(rule.getHost());
                    if (!destination.equals(key) && (servingToo
                            || !fqdnsByVs.computeIfAbsent(destination, vs -> fqdns(inventory, vs)).contains(rule.getHost()))) {
                        destinations.add(destination);
                    }
                }
            }
        }
        return destinations;
    }

    /** The fqdns in the DNS of a VS's VIP on the controller. */
    private static Set<String> fqdns(AviInventory inventory, String vsName) {
        Set<String> fqdns = new HashSet<>();
        inventory.get(AviType.VSVIP, vsName).ifPresent(vip -> {
            for (JsonNode dns : vip.body().path("dns_info")) {
                fqdns.add(dns.path("fqdn").asText());
            }
        });
        return fqdns;
    }
}
