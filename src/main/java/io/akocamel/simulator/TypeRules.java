package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * What the controller fills in per object type beyond the schema defaults, as seen in recorded POST responses:
 * a VirtualService gets System-HTTP, System-TCP-Proxy, System-Analytics-Profile, Default-Group and VRF global (of its
 * cloud), {@code services[].port_range_end = port}; a VsVip gets VRF global, {@code vip_id "0"} (then "1", ...),
 * {@code auto_allocate_ip false}, {@code east_west_placement false}; a Pool gets {@code vrf_ref} global and each
 * server {@code hostname = ip}.
 */
final class TypeRules {
    private static final Map<String, Map<String, String>> DEFAULT_REFS = Map.of(
            "virtualservice", Map.of(
                    "application_profile_ref", "/api/applicationprofile?name=System-HTTP",
                    "network_profile_ref", "/api/networkprofile?name=System-TCP-Proxy",
                    "analytics_profile_ref", "/api/analyticsprofile?name=System-Analytics-Profile",
                    "se_group_ref", "/api/serviceenginegroup?name=Default-Group",
                    "vrf_context_ref", "/api/vrfcontext?name=global"),
            ModelType.VSVIP, Map.of("vrf_context_ref", "/api/vrfcontext?name=global"),
            "pool", Map.of("vrf_ref", "/api/vrfcontext?name=global"));

    private TypeRules() {
    }

    /** Name refs for absent default refs; they resolve like client refs, inside the object's cloud. */
    static void fillDefaultRefs(ModelType type, ObjectNode body) {
        DEFAULT_REFS.getOrDefault(type.path(), Map.of()).forEach((field, ref) -> {
            if (body.path(field).asText("").isEmpty()) {
                body.put(field, ref);
            }
        });
    }

    static void normalise(ModelType type, ObjectNode body) {
        switch (type.path()) {
            case "virtualservice" -> body.path("services").forEach(service -> {
                if (service instanceof ObjectNode s && !s.has("port_range_end") && s.has("port")) {
                    s.set("port_range_end", s.get("port"));
                }
                if (service instanceof ObjectNode s && !s.has("enable_http2")) {
                    s.put("enable_http2", false);
                }
            });
            case ModelType.VSVIP -> {
                putIfAbsent(body, "east_west_placement", false);
                int index = 0;
                for (JsonNode vip : body.path("vip")) {
                    if (vip instanceof ObjectNode v) {
                        if (!v.has("vip_id")) {
                            v.put("vip_id", String.valueOf(index));
                        }
                        putIfAbsent(v, "auto_allocate_ip", false);
                    }
                    index++;
                }
            }
            case "pool" -> body.path("servers").forEach(server -> {
                if (server instanceof ObjectNode s && !s.has("hostname") && s.path("ip").has("addr")) {
                    s.put("hostname", s.path("ip").path("addr").asText());
                }
            });
            default -> {
            }
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, boolean value) {
        if (!node.has(field)) {
            node.put(field, value);
        }
    }
}
