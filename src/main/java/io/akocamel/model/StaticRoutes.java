package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.config.ServiceType;
import io.akocamel.config.Settings;
import io.akocamel.util.Cidr;
import io.fabric8.kubernetes.api.model.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * This cluster's static routes for the VRF in ClusterIP mode: one route per node pod CIDR to the node's address, so
 * Service Engines reach pod IPs. Pure. Route ids are deterministic ({@link #routeId}), unlike AKO's random ones, so a
 * restart changes nothing. Merging with other clusters' routes on the controller's VRF is {@link #mergeRoutes}.
 */
public final class StaticRoutes {
    public static final String CLUSTER_LABEL = "clustername";

    /**
     * @param enabled  false in NodePort / NodePortLocal mode or with {@code disableStaticRouteSync}: leave the VRF alone
     * @param vrfName  the VRF to write: {@code ControllerSettings.vrfName}, else {@code global}
     * @param routes   this cluster's routes sorted by route_id (empty when disabled)
     * @param problems nodes that give no route, with what to fix (for logs)
     */
    public record Routes(boolean enabled, String vrfName, List<ObjectNode> routes, List<String> problems) {
        public Routes {
            routes = List.copyOf(routes);
            problems = List.copyOf(problems);
        }
    }

    private StaticRoutes() {
    }

    public static boolean enabled(Settings settings) {
        return settings.l7Settings().serviceType() == ServiceType.ClusterIP && !settings.akoSettings().disableStaticRouteSync();
    }

    public static String vrfName(Settings settings) {
        String vrf = settings.controllerSettings().vrfName();
        return vrf == null || vrf.isEmpty() ? "global" : vrf;
    }

    /** {@code <cluster>--<node>--<cidr with / as ->}, e.g. {@code cluster-1--node-1--192.168.1.0-24}. */
    public static String routeId(String clusterName, String nodeName, String cidr) {
        return clusterName + "--" + nodeName + "--" + cidr.replace('/', '-');
    }

    public static Routes build(ClusterView cluster, Settings settings) {
        if (!enabled(settings)) {
            return new Routes(false, vrfName(settings), List.of(), List.of());
        }
        String clusterName = settings.akoSettings().clusterName();
        String cni = settings.akoSettings().cniPlugin();
        List<ObjectNode> routes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Node node : cluster.nodes()) {
            String name = node.getMetadata().getName();
            String ip = NodeAddresses.ip(node, cni);
            List<String> cidrs = NodeAddresses.podCidrs(node, cni);
            if (ip == null) {
                problems.add("node " + name + " has no InternalIP address, so its pods get no static route; "
                        + "the kubelet reports it in status.addresses");
                continue;
            }
            if (cidrs.isEmpty()) {
                problems.add("node " + name + " has no pod CIDR, so its pods get no static route; set spec.podCIDRs "
                        + "or the annotation " + NodeAddresses.POD_CIDRS + " (comma-separated CIDRs)");
            }
            for (String cidr : cidrs) {
                if (Cidr.parse(cidr).isEmpty()) {
                    problems.add("node " + name + ": pod CIDR '" + cidr + "' is not a CIDR such as 10.244.1.0/24; fix "
                            + NodeAddresses.POD_CIDRS + " or spec.podCIDRs");
                } else if ((cidr.indexOf(':') >= 0) != (ip.indexOf(':') >= 0)) {
                    problems.add("node " + name + ": pod CIDR " + cidr + " and node address " + ip
                            + " are of different IP families; no route for this CIDR");
                } else {
                    routes.add(route(routeId(clusterName, name, cidr), cidr, ip, clusterName));
                }
            }
        }
        routes.sort(Comparator.comparing(r -> r.path("route_id").asText()));
        return new Routes(true, vrfName(settings), routes, problems);
    }

    private static ObjectNode route(String id, String cidr, String nextHop, String clusterName) {
        ObjectNode route = AviJson.object();
        route.put("route_id", id);
        Specs.prefix(route.putObject("prefix"), cidr);
        Specs.ipAddr(route.putObject("next_hop"), nextHop);
        ObjectNode label = route.putArray("labels").addObject();
        label.put("key", CLUSTER_LABEL);
        label.put("value", clusterName);
        return route;
    }

    /**
     * The VRF body to PUT back: {@code existingVrfBody} (as read from the controller) with its static routes
     * labelled {@code clustername=<clusterName>} replaced by {@code ourRoutes}; routes without that label (other
     * clusters', hand-made ones) are kept as they are, in their order, before ours. The input is not modified.
     */
    public static ObjectNode mergeRoutes(JsonNode existingVrfBody, List<? extends JsonNode> ourRoutes, String clusterName) {
        ObjectNode merged = AviJson.object();
        existingVrfBody.properties().forEach(f -> merged.set(f.getKey(), f.getValue().deepCopy()));
        ArrayNode routes = merged.putArray("static_routes");
        for (JsonNode route : existingVrfBody.path("static_routes")) {
            if (!isOurs(route, clusterName)) {
                routes.add(route.deepCopy());
            }
        }
        ourRoutes.forEach(r -> routes.add(r.deepCopy()));
        return merged;
    }

    private static boolean isOurs(JsonNode route, String clusterName) {
        for (JsonNode label : route.path("labels")) {
            if (CLUSTER_LABEL.equals(label.path("key").asText()) && clusterName.equals(label.path("value").asText())) {
                return true;
            }
        }
        return false;
    }
}
