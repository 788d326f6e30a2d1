package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents of an API server ({@code /version}, {@code /api}, {@code /api/v1}, {@code /apis},
 * {@code /apis/GROUP}, {@code /apis/GROUP/VERSION}) for the kinds of a catalogue: what kubectl's RESTMapper reads.
 */
final class DiscoveryDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

    private DiscoveryDocuments() {
    }

    /** The document at {@code path} (no query), or empty when the path is not a discovery path of this catalogue. */
    static Optional<String> at(String path, ApiCatalogue catalogue, String serverAddress) {
        Map<String, List<String>> groups = catalogue.groups();
        String[] parts = path.replaceAll("/+$", "").split("/");
        if (path.equals("/version")) {
            return Optional.of("{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\",\"platform\":\"linux/amd64\"}");
        }
        if (path.equals("/api")) {
            ObjectNode versions = JSON.createObjectNode().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
            return Optional.of(versions.toString());
        }
        if (path.equals("/api/v1")) {
            return Optional.of(resourceList(catalogue, "v1"));
        }
        if (path.equals("/apis")) {
            ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
            ArrayNode items = list.putArray("groups");
            groups.forEach((group, versions) -> {
                if (!group.isEmpty()) {
                    items.add(group(group, versions));
                }
            });
            return Optional.of(list.toString());
        }
        if (parts.length == 3 && parts[1].equals("apis") && groups.containsKey(parts[2]) && !parts[2].isEmpty()) {
            return Optional.of(group(parts[2], groups.get(parts[2])).put("kind", "APIGroup").put("apiVersion", "v1").toString());
        }
        if (parts.length == 4 && parts[1].equals("apis") && groups.getOrDefault(parts[2], List.of()).contains(parts[3]) && !parts[2].isEmpty()) {
            return Optional.of(resourceList(catalogue, parts[2] + "/" + parts[3]));
        }
        return Optional.empty();
    }

    private static ObjectNode group(String name, List<String> versions) {
        ObjectNode group = JSON.createObjectNode().put("name", name);
        ArrayNode served = group.putArray("versions");
        versions.forEach(v -> served.addObject().put("groupVersion", name + "/" + v).put("version", v));
        group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0)).put("version", versions.get(0));
        return group;
    }

    private static String resourceList(ApiCatalogue catalogue, String groupVersion) {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (ApiResource r : catalogue.resources()) {
            if (!r.groupVersion().equals(groupVersion)) {
                continue;
            }
            ObjectNode resource = resources.addObject().put("name", r.plural()).put("singularName", r.singular())
                    .put("namespaced", r.namespaced()).put("kind", r.kind());
            VERBS.forEach(resource.putArray("verbs")::add);
            if (!r.shortNames().isEmpty()) {
                r.shortNames().forEach(resource.putArray("shortNames")::add);
            }
            if (r.hasStatus()) {
                ObjectNode status = resources.addObject().put("name", r.plural() + "/status").put("singularName", "")
                        .put("namespaced", r.namespaced()).put("kind", r.kind());
                STATUS_VERBS.forEach(status.putArray("verbs")::add);
            }
        }
        return list.toString();
    }
}
