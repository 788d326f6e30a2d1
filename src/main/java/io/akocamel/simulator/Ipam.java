package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Avi's internal IPAM for VsVips. A vip with {@code auto_allocate_ip: true} and no {@code ip_address} gets the lowest
 * free address of its VIP network's static VIP ranges ({@code STATIC_IPS_FOR_VIP} or {@code _VIP_AND_SE}; the legacy
 * {@code static_ranges} too). The VIP network is {@code ipam_network_subnet.network_ref}, else the first usable
 * network of the cloud's IPAM profile; with {@code ipam_network_subnet.subnet} only that configured subnet is used.
 * Addresses in use are read from the stored VsVips, so deleting a VsVip releases its address; a PUT keeps the address
 * of the vip with the same {@code vip_id}. IPv4 only.
 */
final class Ipam {
    static final String NO_FREE_IPS = "No available free IPs";

    private final ObjectStore store;

    Ipam(ObjectStore store) {
        this.store = store;
    }

    /** Call inside the store's write lock. {@code previous} is the stored version on PUT/PATCH, else null. */
    void allocate(ObjectNode vsvip, StoredObject previous, String cloudUuid) {
        Map<String, JsonNode> previousVips = new HashMap<>();
        if (previous != null) {
            previous.body().path("vip").forEach(vip -> previousVips.put(vip.path("vip_id").asText(), vip));
        }
        ArrayNode vips = vsvip.withArrayProperty("vip");
        rejectChangedVipIds(vips, previousVips);
        Set<Long> used = addressesInUse(previous);
        for (JsonNode node : vips) {
            ObjectNode vip = (ObjectNode) node;
            if (!vip.path("auto_allocate_ip").asBoolean(false)) {
                continue;
            }
            String kept = previousVips.getOrDefault(vip.path("vip_id").asText(), Json.object())
                    .path("ip_address").path("addr").asText(null);
            String asked = vip.path("ip_address").path("addr").asText(null);
            if (asked != null && kept != null && !asked.equals(kept)) {
                throw new ApiException(400, "If a new preferred IP is needed, please recreate the VIP");
            }
            if (asked == null) {
                long address = kept != null ? toLong(kept) : free(vip, cloudUuid, used);
                vip.set("ip_address", Json.object().put("addr", toText(address)).put("type", "V4"));
                vip.put("avi_allocated_vip", true);
                used.add(address);
            }
        }
    }

    private static void rejectChangedVipIds(ArrayNode vips, Map<String, JsonNode> previousVips) {
        Set<String> ids = new HashSet<>();
        vips.forEach(vip -> ids.add(vip.path("vip_id").asText()));
        if (!previousVips.isEmpty() && ids.size() == previousVips.size() && !ids.equals(previousVips.keySet())) {
            throw new ApiException(400, "Changing an existing VIP's vip_id is not supported");
        }
    }

    private Set<Long> addressesInUse(StoredObject except) {
        Set<Long> used = new HashSet<>();
        for (StoredObject vsvip : store.all(ModelType.require(ModelType.VSVIP))) {
            if (except == null || !vsvip.uuid().equals(except.uuid())) {
                vsvip.body().path("vip").forEach(vip -> {
                    String addr = vip.path("ip_address").path("addr").asText(null);
                    if (isV4(addr)) {
                        used.add(toLong(addr));
                    }
                });
            }
        }
        return used;
    }

    private long free(ObjectNode vip, String cloudUuid, Set<Long> used) {
        JsonNode subnetChoice = vip.path("ipam_network_subnet");
        StoredObject network = Optional.ofNullable(subnetChoice.path("network_ref").asText(null))
                .flatMap(store::get)
                .or(() -> usableNetworkOfCloud(cloudUuid))
                .orElseThrow(() -> new ApiException(400, "No IPAM network for the VIP: set "
                        + "ipam_network_subnet.network_ref or give the cloud an IPAM profile with a usable network"));
        JsonNode wanted = subnetChoice.path("subnet");
        boolean anySubnet = wanted.isMissingNode() || wanted.isNull();
        boolean subnetFound = anySubnet;
        for (JsonNode subnet : network.body().path("configured_subnets")) {
            if (!anySubnet && !samePrefix(subnet.path("prefix"), wanted)) {
                continue;
            }
            subnetFound = true;
            for (JsonNode range : vipRanges(subnet)) {
                long begin = toLong(range.path("begin").path("addr").asText());
                long end = toLong(range.path("end").path("addr").asText());
                for (long address = begin; address <= end; address++) {
                    if (!used.contains(address)) {
                        return address;
                    }
                }
            }
        }
        if (!subnetFound) {
            throw new ApiException(400, "Subnet " + wanted.path("ip_addr").path("addr").asText() + "/"
                    + wanted.path("mask").asText() + " not found in network " + network.name());
        }
        throw new ApiException(400, NO_FREE_IPS);
    }

    private Optional<StoredObject> usableNetworkOfCloud(String cloudUuid) {
        return store.get(new Ref(ModelType.CLOUD, String.valueOf(cloudUuid)).path())
                .map(cloud -> cloud.body().path("ipam_provider_ref").asText(null))
                .flatMap(store::get)
                .flatMap(profile -> {
                    Set<String> networks = new LinkedHashSet<>();
                    JsonNode internal = profile.body().path("internal_profile");
                    internal.path("usable_networks").forEach(n -> networks.add(n.path("nw_ref").asText()));
                    internal.path("usable_network_refs").forEach(n -> networks.add(n.asText()));
                    return networks.stream().map(store::get).flatMap(Optional::stream).findFirst();
                });
    }

    private static Iterable<JsonNode> vipRanges(JsonNode subnet) {
        ArrayNode ranges = Json.MAPPER.createArrayNode();
        subnet.path("static_ip_ranges").forEach(r -> {
            String type = r.path("type").asText("STATIC_IPS_FOR_VIP_AND_SE");
            if (type.equals("STATIC_IPS_FOR_VIP") || type.equals("STATIC_IPS_FOR_VIP_AND_SE")) {
                ranges.add(r.path("range"));
            }
        });
        subnet.path("static_ranges").forEach(ranges::add);
        return ranges;
    }

    private static boolean samePrefix(JsonNode prefix, JsonNode wanted) {
        return prefix.path("ip_addr").path("addr").asText().equals(wanted.path("ip_addr").path("addr").asText())
                && prefix.path("mask").asInt() == wanted.path("mask").asInt();
    }

    static boolean isV4(String text) {
        return text != null && text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    static long toLong(String v4) {
        if (!isV4(v4)) {
            throw new ApiException(400, "Invalid IPv4 address '" + v4 + "'");
        }
        long value = 0;
        for (String octet : v4.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    static String toText(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }
}
