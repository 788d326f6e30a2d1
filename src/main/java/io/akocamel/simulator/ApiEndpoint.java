package io.akocamel.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringEncoder;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything under {@code /api/}.
 * <ul>
 * <li>Unauthenticated: {@code GET /api/initial-data}, {@code /api/cluster/runtime}, {@code /api/cluster/status}.</li>
 * <li>Everything else needs a live session cookie (else 401 {@code Authentication credentials were not provided.});
 * unsafe methods need {@code X-CSRFToken} equal to the session's token (else 401, plain text
 * {@code CSRF token missing or incorrect.}), and over HTTPS a {@code Referer} (Django's check; else 401).</li>
 * <li>{@code X-Avi-Version} newer than the controller, or not a version: 400 {@code Invalid version ...}. It is checked
 * on authenticated calls only, so a client can always discover the version from {@code /api/initial-data}.</li>
 * <li>{@code X-Avi-Tenant: <name>} or {@code X-Avi-Tenant-UUID: <uuid>} choose the tenant (default admin; {@code *}
 * all tenants); an unknown tenant is 403 {@code Tenant '<name>' does not exist!}.</li>
 * <li>{@code /api/<type>[/]}: GET a page, POST to create (201 + {@code Location}, header {@code Slug} forces the uuid);
 * {@code /api/<type>/<uuid>[/]}: GET, PUT, PATCH, DELETE (204); other methods 405.</li>
 * <li>Also: {@code GET /api/cluster}, {@code GET /api/systemconfiguration}, {@code POST /api/user-token}.</li>
 * </ul>
 * Authenticated answers re-send the session cookies, as the controller does.
 */
final class ApiEndpoint {
    static final String CSRF_FAILURE = "CSRF token missing or incorrect.";
    static final String NO_CREDENTIALS = "Authentication credentials were not provided.";

    private final ObjectApi api;
    private final Sessions sessions;
    private final Faults faults;
    private final ControllerInfo info;

    ApiEndpoint(ObjectApi api, Sessions sessions, Faults faults, ControllerInfo info) {
        this.api = api;
        this.sessions = sessions;
        this.faults = faults;
        this.info = info;
    }

    HttpAnswer handle(HttpCall call) {
        List<String> segments = Arrays.stream(call.path().substring(Ref.PREFIX.length()).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        String joined = String.join("/", segments);
        if (call.method().equals("GET")) {
            switch (joined) {
                case "initial-data":
                    return HttpAnswer.json(200, Json.object().set("version", info.versionJson()));
                case "cluster/runtime":
                    return HttpAnswer.json(200, info.clusterRuntime(faults.clusterState()));
                case "cluster/status":
                    return HttpAnswer.json(200, info.clusterStatus(faults.clusterState()));
                default:
                    break;
            }
        }
        Optional<Sessions.Session> session = sessions.use(LoginEndpoint.sessionId(call));
        if (session.isEmpty()) {
            return HttpAnswer.json(401, Json.error(NO_CREDENTIALS));
        }
        if (call.unsafe()) {
            String token = call.header().apply("X-CSRFToken");
            if (token == null || !token.equals(session.get().csrfToken)) {
                return HttpAnswer.text(401, CSRF_FAILURE);
            }
            if (call.https() && call.header().apply("Referer") == null) {
                return HttpAnswer.text(401, "CSRF Failed: Referer checking failed - no Referer.");
            }
        }
        HttpAnswer answer;
        try {
            answer = route(call, segments, joined);
        } catch (ApiException e) {
            answer = HttpAnswer.error(e);
        }
        return answer.cookie(LoginEndpoint.SESSION_COOKIE, session.get().id, LoginEndpoint.SESSION_MAX_AGE, true)
                .cookie(LoginEndpoint.LEGACY_SESSION_COOKIE, session.get().id, LoginEndpoint.SESSION_MAX_AGE, true);
    }

    private HttpAnswer route(HttpCall call, List<String> segments, String joined) {
        String version = call.header().apply("X-Avi-Version");
        if (version != null && !info.accepts(version)) {
            throw new ApiException(400, "Invalid version " + version + ": this controller runs version "
                    + info.version() + " and accepts API versions up to it");
        }
        ObjectApi.Call context = new ObjectApi.Call(scope(call), call.baseUrl());
        switch (joined) {
            case "cluster":
                return requireGet(call, () -> HttpAnswer.json(200, info.cluster(call.baseUrl())));
            case "systemconfiguration":
                return requireGet(call, () -> HttpAnswer.json(200, info.systemConfiguration(call.baseUrl())));
            case "user-token":
                if (!call.method().equals("POST")) {
                    throw notAllowed(call);
                }
                return HttpAnswer.json(200, Json.object().put("token", sessions.issueToken()));
            default:
                break;
        }
        if (segments.isEmpty() || segments.size() > 2) {
            throw new ApiException(404, "Unknown API path " + call.path());
        }
        String type = segments.get(0);
        ModelType.require(type);
        if (call.method().equals(segments.size() == 1 ? "POST" : "PUT")) {
            Optional<String> rejection = faults.writeRejection(type, Json.parse(call.body()).path("name").asText());
            if (rejection.isPresent()) {
                throw new ApiException(400, rejection.get());
            }
        }
        return segments.size() == 1 ? collection(call, context, type) : item(call, context, type, segments.get(1));
    }

    private HttpAnswer collection(HttpCall call, ObjectApi.Call context, String type) {
        switch (call.method()) {
            case "GET": {
                CollectionQuery query = new CollectionQuery(call.params());
                ObjectApi.Page page = api.list(context, type, query);
                ObjectNode body = Json.object().put("count", page.count());
                ArrayNode results = body.putArray("results");
                page.results().forEach(results::add);
                if (page.hasNext()) {
                    body.put("next", nextPageUrl(call, query.page));
                }
                return HttpAnswer.json(200, body);
            }
            case "POST": {
                ObjectNode created = api.create(context, type, Json.parse(call.body()), call.header().apply("Slug"));
                return HttpAnswer.json(201, created).header("Location", created.path("url").asText())
                        .about(created.path("name").asText());
            }
            default:
                throw notAllowed(call);
        }
    }

    private HttpAnswer item(HttpCall call, ObjectApi.Call context, String type, String uuid) {
        return switch (call.method()) {
            case "GET" -> about(api.get(context, type, uuid, new CollectionQuery(call.params())));
            case "PUT" -> about(api.replace(context, type, uuid, Json.parse(call.body())));
            case "PATCH" -> about(api.patch(context, type, uuid, Json.parse(call.body())));
            case "DELETE" -> HttpAnswer.empty(204).about(api.delete(context, type, uuid));
            default -> throw notAllowed(call);
        };
    }

    private static HttpAnswer about(ObjectNode object) {
        return HttpAnswer.json(200, object).about(object.path("name").asText());
    }

    private TenantScope scope(HttpCall call) {
        String uuid = call.header().apply("X-Avi-Tenant-UUID");
        String name = call.header().apply("X-Avi-Tenant");
        if (uuid != null && !uuid.isBlank()) {
            return api.tenantScopeByUuid(uuid.trim())
                    .orElseThrow(() -> new ApiException(403, "Tenant '" + uuid.trim() + "' does not exist!"));
        }
        if (name == null || name.isBlank()) {
            return TenantScope.ADMIN;
        }
        if (name.trim().equals("*")) {
            return TenantScope.ALL;
        }
        return api.tenantScopeByName(name.trim())
                .orElseThrow(() -> new ApiException(403, "Tenant '" + name.trim() + "' does not exist!"));
    }

    /** The same request with {@code page} + 1, absolute, as the controller's {@code next}. */
    private static String nextPageUrl(HttpCall call, int page) {
        QueryStringEncoder next = new QueryStringEncoder(call.baseUrl() + call.path());
        call.params().forEach((key, values) -> {
            if (!key.equals("page")) {
                values.forEach(value -> next.addParam(key, value));
            }
        });
        next.addParam("page", String.valueOf(page + 1));
        return next.toString();
    }

    private static HttpAnswer requireGet(HttpCall call, Supplier<HttpAnswer> answer) {
        if (!call.method().equals("GET")) {
            throw notAllowed(call);
        }
        return answer.get();
    }

    private static ApiException notAllowed(HttpCall call) {
        return new ApiException(405, "Method '" + call.method() + "' not allowed");
    }
}
