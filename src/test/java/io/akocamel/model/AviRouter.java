package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * A small evaluator of Avi request matching, owned by the tests: it sends a request through the generated objects
 * and tells which backend Service answers ({@code svc:<namespace>/<name>}), {@code 404}, or {@code redirect:HTTPS:443}.
 *
 * <p>Semantics modelled: the client resolves the host to the VS whose VIP lists it in dns_info; HTTPS picks the SNI
 * child whose vh_domain_name is the SNI name; the policy sets of the VS run in index order, the rules of a set in
 * index order, and the first rule whose every matcher holds acts. What Avi does not document is a parameter, so that
 * tests can require the same answer under every reading: whether sets after a switching set still run
 * ({@link SetReading}) and whether a port in the Host header is stripped before matching ({@link PortReading}).
 * Any matcher or criterion this class does not know fails the test instead of being ignored.
 */
final class AviRouter {
    enum SetReading {
        /** The first set whose rule acts decides. */
        FIRST_SET_DECIDES,
        /** Every set runs; the configuration is only correct if at most one set acts on any request. */
        EVERY_SET_RUNS
    }

    enum PortReading { HOST_PORT_KEPT, HOST_PORT_STRIPPED }

    static final String NOT_FOUND = "404";
    static final String REDIRECT = "redirect:HTTPS:443";

    private final Map<String, AviObject> byKey = new HashMap<>();
    private final List<ShardModel> shards;

    AviRouter(List<ShardModel> shards) {
        this.shards = shards;
        shards.forEach(s -> s.objects().forEach(o -> {
            if (byKey.put(o.key(), o) != null) {
                throw new AssertionError("two shards hold " + o.key());
            }
        }));
    }

    /** {@code url} like {@code http://foo.com/a/b?q=1} or {@code https://foo.com:443/x}. */
    String route(String url, SetReading sets, PortReading ports) {
        boolean https = url.startsWith("https://");
        String rest = url.substring(https ? 8 : 7);
        int slash = rest.indexOf('/');
        String hostHeader = slash < 0 ? rest : rest.substring(0, slash);
        String pathAndQuery = slash < 0 ? "/" : rest.substring(slash);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q); // Avi matches the path without the query
        String hostName = hostHeader.replaceFirst(":\\d+$", "");
        String matchedHost = ports == PortReading.HOST_PORT_STRIPPED ? hostName : hostHeader;

        AviObject vs = virtualServiceFor(hostName.toLowerCase(Locale.ROOT), https);
        return evaluate(vs, matchedHost, path, https ? 443 : 80, sets);
    }

    private AviObject virtualServiceFor(String host, boolean https) {
        ShardModel shard = shards.stream().filter(s -> s.hosts().contains(host)).findFirst()
                .or(() -> shards.stream().filter(s -> s.hosts().stream().anyMatch(h -> h.startsWith("*.") && host.endsWith(h.substring(1))))
                        .max(Comparator.comparingInt(s -> s.hosts().stream().filter(h -> h.startsWith("*.") && host.endsWith(h.substring(1)))
                                .mapToInt(String::length).max().orElse(0))))
                .orElse(shards.get(0));
        AviObject parent = get("virtualservice", shard.vsName());
        if (https) {
            AviObject wildcardChild = null;
            for (AviObject child : shard.ofType(AviType.VIRTUALSERVICE)) {
                if (!child.body().path("type").asText().equals("VS_TYPE_VH_CHILD")) {
                    continue;
                }
                for (JsonNode domain : child.body().path("vh_domain_name")) {
                    String d = domain.asText();
                    if (d.equals(host)) {
                        return child;
                    }
                    if (d.startsWith("*.") && host.endsWith(d.substring(1)) && (wildcardChild == null
                            || d.length() > wildcardChild.body().path("vh_domain_name").get(0).asText().length())) {
                        wildcardChild = child;
                    }
                }
            }
            if (wildcardChild != null) {
                return wildcardChild;
            }
        }
        return parent;
    }

    private String evaluate(AviObject vs, String host, String path, int port, SetReading reading) {
        List<JsonNode> policies = sortedBy(vs.body().path("http_policies"), "index");
        List<String> acted = new ArrayList<>();
        for (JsonNode policy : policies) {
            AviObject set = resolve(policy.path("http_policy_set_ref").asText());
            for (JsonNode rule : sortedBy(set.body().path("http_request_policy").path("rules"), "index")) {
                if (rule.path("enable").asBoolean(true) && matches(rule.path("match"), host, path, port)) {
                    acted.add(set.name() + " → " + action(rule));
                    break;
                }
            }
            if (reading == SetReading.FIRST_SET_DECIDES && !acted.isEmpty()) {
                break;
            }
        }
        if (acted.size() > 1) {
            throw new AssertionError("several policy sets act on " + host + path + ": " + acted);
        }
        return acted.isEmpty() ? "no rule" : acted.get(0).substring(acted.get(0).indexOf(" → ") + 3);
    }

    private boolean matches(JsonNode match, String host, String path, int port) {
        for (var field : match.properties()) {
            JsonNode m = field.getValue();
            boolean ok = switch (field.getKey()) {
                case "host_hdr" -> header(m, host);
                case "hdrs" -> StreamSupport.stream(m.spliterator(), false).allMatch(h -> {
                    if (!h.path("hdr").asText().equalsIgnoreCase("Host")) {
                        throw new AssertionError("header matcher on an unexpected header: " + h);
                    }
                    return header(h, host);
                });
                case "path" -> path(m, path);
                case "vs_port" -> {
                    if (!m.path("match_criteria").asText().equals("IS_IN")) {
                        throw new AssertionError("unknown vs_port criteria: " + m);
                    }
                    yield StreamSupport.stream(m.path("ports").spliterator(), false).anyMatch(p -> p.asInt() == port);
                }
                default -> throw new AssertionError("matcher not modelled: " + field.getKey());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean header(JsonNode m, String value) {
        boolean sensitive = caseOf(m);
        String v = sensitive ? value : value.toLowerCase(Locale.ROOT);
        List<String> values = StreamSupport.stream(m.path("value").spliterator(), false)
                .map(n -> sensitive ? n.asText() : n.asText().toLowerCase(Locale.ROOT)).toList();
        return switch (m.path("match_criteria").asText()) {
            case "HDR_EQUALS" -> values.contains(v);
            case "HDR_DOES_NOT_EQUAL" -> !values.contains(v);
            case "HDR_ENDS_WITH" -> values.stream().anyMatch(v::endsWith);
            case "HDR_DOES_NOT_END_WITH" -> values.stream().noneMatch(v::endsWith);
            default -> throw new AssertionError("header criteria not modelled: " + m);
        };
    }

    private static boolean path(JsonNode m, String path) {
        boolean sensitive = caseOf(m);
        String p = sensitive ? path : path.toLowerCase(Locale.ROOT);
        List<String> values = StreamSupport.stream(m.path("match_str").spliterator(), false)
                .map(n -> sensitive ? n.asText() : n.asText().toLowerCase(Locale.ROOT)).toList();
        return switch (m.path("match_criteria").asText()) {
            case "EQUALS" -> values.contains(p);
            case "BEGINS_WITH" -> values.stream().anyMatch(p::startsWith);
            default -> throw new AssertionError("path criteria not modelled (Avi's default CONTAINS must never be relied on): " + m);
        };
    }

    private static boolean caseOf(JsonNode m) {
        String c = m.path("match_case").asText();
        if (!c.equals("SENSITIVE") && !c.equals("INSENSITIVE")) {
            throw new AssertionError("match_case must be explicit (Avi's default is INSENSITIVE): " + m);
        }
        return c.equals("SENSITIVE");
    }

    private String action(JsonNode rule) {
        if (rule.has("redirect_action")) {
            JsonNode r = rule.get("redirect_action");
            return "redirect:" + r.path("protocol").asText() + ":" + r.path("port").asInt();
        }
        JsonNode s = rule.path("switching_action");
        return switch (s.path("action").asText()) {
            case "HTTP_SWITCHING_SELECT_LOCAL" -> s.path("status_code").asText().replace("HTTP_LOCAL_RESPONSE_STATUS_CODE_", "");
            case "HTTP_SWITCHING_SELECT_POOLGROUP" -> {
                AviObject group = resolve(s.path("pool_group_ref").asText());
                yield service(resolve(group.body().path("members").get(0).path("pool_ref").asText()));
            }
            case "HTTP_SWITCHING_SELECT_POOL" -> service(resolve(s.path("pool_ref").asText()));
            default -> throw new AssertionError("action not modelled: " + rule);
        };
    }

    private static String service(AviObject pool) {
        String namespace = null;
        String service = null;
        for (JsonNode marker : pool.body().path("markers")) {
            switch (marker.path("key").asText()) {
                case "Namespace" -> namespace = marker.path("values").get(0).asText();
                case "ServiceName" -> service = marker.path("values").get(0).asText();
                default -> {
                }
            }
        }
        return "svc:" + namespace + "/" + service;
    }

    /** Resolves a name ref {@code /api/<type>?name=<encoded name>} as the controller does; a dangling ref fails the test. */
    private AviObject resolve(String ref) {
        int q = ref.indexOf("?name=");
        if (!ref.startsWith("/api/") || q < 0) {
            throw new AssertionError("not a name ref: " + ref);
        }
        return get(ref.substring(5, q), URLDecoder.decode(ref.substring(q + 6), StandardCharsets.UTF_8));
    }

    private AviObject get(String type, String name) {
        AviObject o = byKey.get(type + "/" + name);
        if (o == null) {
            throw new AssertionError("dangling reference to " + type + "/" + name);
        }
        return o;
    }

    private static List<JsonNode> sortedBy(JsonNode array, String field) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        list.sort(Comparator.comparingInt(n -> n.path(field).asInt()));
        return list;
    }
}
