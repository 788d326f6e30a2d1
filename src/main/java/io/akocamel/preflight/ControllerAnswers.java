package io.akocamel.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.preflight.PreflightRun.Reply;

import java.util.ArrayList;
import java.util.List;

/** What the preflight reads out of the controller's answers: listed names, refs, subnets and DNS domains. */
final class ControllerAnswers {
    private static final int LISTED_NAMES = 20;

    private ControllerAnswers() {
    }

    /** The names in a collection answer, e.g. {@code a, b, c and 3 more}, or {@code none}. */
    static String names(Reply list) {
        return listed(list, false);
    }

    /** As {@link #names}, each with its uuid: {@code a (uuid-1), b (uuid-2)}. */
    static String namesWithUuids(Reply list) {
        return listed(list, true);
    }

    private static String listed(Reply list, boolean withUuid) {
        if (list.error() != null) {
            return "unknown: listing them failed with " + list.error();
        }
        List<String> names = new ArrayList<>();
        JsonNode results = list.body() == null ? null : list.body().path("results");
        if (results != null) {
            results.forEach(o -> names.add(o.path("name").asText() + (withUuid ? " (" + o.path("uuid").asText() + ")" : "")));
        }
        int total = Math.max(names.size(), list.body() == null ? 0 : list.body().path("count").asInt(0));
        if (names.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", names.subList(0, Math.min(LISTED_NAMES, names.size())));
        return total > LISTED_NAMES ? shown + " and " + (total - LISTED_NAMES) + " more" : shown;
    }

    /** {@code /api/<type>/<uuid>?include_name=true} of a stored ref ({@code https://host/api/<type>/<uuid>#name}). */
    static String profilePath(String ref) {
        String withoutName = ref.split("#", 2)[0];
        int api = withoutName.indexOf("/api/");
        return (api >= 0 ? withoutName.substring(api) : withoutName) + "?include_name=true";
    }

    /** The {@code #name} suffix of a ref read with {@code include_name}, or "". */
    static String refName(String ref) {
        int hash = ref.indexOf('#');
        return hash < 0 ? "" : ref.substring(hash + 1);
    }

    /** {@code addr/mask} of every configured subnet of a network. */
    static List<String> subnets(JsonNode network) {
        List<String> subnets = new ArrayList<>();
        network.path("configured_subnets").forEach(s -> {
            JsonNode prefix = s.path("prefix");
            subnets.add(prefix.path("ip_addr").path("addr").asText() + "/" + prefix.path("mask").asInt());
        });
        return subnets;
    }

    /** Internal DNS: {@code internal_profile.dns_service_domain[].domain_name}; Infoblox, AWS, Azure, custom: {@code usable_domains}. */
    static List<String> subDomains(JsonNode profile) {
        List<String> domains = new ArrayList<>();
        profile.path("internal_profile").path("dns_service_domain").forEach(d -> domains.add(d.path("domain_name").asText("")));
        for (String vendor : List.of("infoblox_profile", "aws_profile", "azure_profile", "custom_profile")) {
            profile.path(vendor).path("usable_domains").forEach(d -> domains.add(d.asText("")));
        }
        return domains;
    }
}
