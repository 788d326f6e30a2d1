package io.akocamel.crd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;
import java.util.Map;

/**
 * The settings of an AviInfraSetting that ako-camel applies to the shared virtual services of the Ingresses that name
 * it: the SE group, the VIP networks, route health injection and BGP peers, the ports, the shard size (null fields and
 * empty lists: not set, the values' settings apply).
 */
public record InfraSetting(String name, String seGroup, List<VipNetwork> vipNetworks, Boolean enableRhi, List<String> bgpPeerLabels,
                           List<Listener> listeners, String shardSize) {

    /** By name, or by uuid when no name is given. */
    public record VipNetwork(String networkName, String networkUUID, String cidr, String v6cidr) {
    }

    public record Listener(int port, boolean enableSsl, boolean enableHttp2) {
    }

    /** The fields (as {@link Verdicts#settingsOf} names them) this record carries; the others get a Warning {@code Unsupported}. */
    public static final List<String> APPLIED = List.of("AviInfraSetting.seGroup", "AviInfraSetting.network.vipNetworks",
            "AviInfraSetting.network.enableRhi", "AviInfraSetting.network.bgpPeerLabels", "AviInfraSetting.network.listeners",
            "AviInfraSetting.l7Settings");

    public static InfraSetting of(GenericKubernetesResource setting) {
        Map<String, Object> spec = AkoResources.spec(setting);
        Map<String, Object> network = AviReferences.map(spec.get("network"));
        List<VipNetwork> vips = list(network.get("vipNetworks")).stream()
                .map(n -> new VipNetwork(text(n.get("networkName")), text(n.get("networkUUID")), text(n.get("cidr")), text(n.get("v6cidr"))))
                .filter(n -> n.networkName() != null || n.networkUUID() != null).toList();
        List<Listener> listeners = list(network.get("listeners")).stream().filter(l -> l.get("port") instanceof Number)
                .map(l -> new Listener(((Number) l.get("port")).intValue(), Boolean.TRUE.equals(l.get("enableSSL")), Boolean.TRUE.equals(l.get("enableHTTP2"))))
                .toList();
        List<String> peers = network.get("bgpPeerLabels") instanceof List<?> labels
                ? labels.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
        return new InfraSetting(setting.getMetadata().getName(), text(AviReferences.map(spec.get("seGroup")).get("name")), vips,
                network.get("enableRhi") instanceof Boolean b ? b : null, peers, listeners,
                text(AviReferences.map(spec.get("l7Settings")).get("shardSize")));
    }

    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> items ? items.stream().map(AviReferences::map).toList() : List.of();
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }
}
