package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /login} (a JSON or a form body, told apart by their first character since {@code curl -d '{...}'}
 * labels JSON as a form; {@code username} with {@code password} or {@code token}) and
 * {@code POST /logout}, answered like a recorded controller: the login JSON carries {@code version},
 * {@code user}, {@code tenants}, {@code session_cookie_name: "avi-sessionid"}, and sets the cookies {@code csrftoken},
 * {@code avi-sessionid} and {@code sessionid}. Bad credentials: 401 {@code {"error": "Invalid credentials"}}.
 */
final class LoginEndpoint {
    static final String SESSION_COOKIE = "avi-sessionid";
    static final String LEGACY_SESSION_COOKIE = "sessionid";
    static final String CSRF_COOKIE = "csrftoken";
    static final long SESSION_MAX_AGE = 86_400;
    static final long CSRF_MAX_AGE = 31_449_600;
    private static final List<String> CREDENTIAL_FIELDS = List.of("username", "password", "token");

    private final Sessions sessions;
    private final ObjectApi api;
    private final ControllerInfo info;

    LoginEndpoint(Sessions sessions, ObjectApi api, ControllerInfo info) {
        this.sessions = sessions;
        this.api = api;
        this.info = info;
    }

    HttpAnswer login(HttpCall call) {
        Map<String, String> form = credentials(call);
        return sessions.login(form.get("username"), form.get("password"), form.get("token"))
                .map(session -> HttpAnswer.json(200, body(call.baseUrl(), session.username))
                        .cookie(CSRF_COOKIE, session.csrfToken, CSRF_MAX_AGE, false)
                        .cookie(SESSION_COOKIE, session.id, SESSION_MAX_AGE, true)
                        .cookie(LEGACY_SESSION_COOKIE, session.id, SESSION_MAX_AGE, true))
                .orElseGet(() -> HttpAnswer.json(401, Json.error("Invalid credentials")));
    }

    HttpAnswer logout(HttpCall call) {
        sessions.logout(sessionId(call));
        return HttpAnswer.json(200, Json.object())
                .cookie(SESSION_COOKIE, "", 0, true)
                .cookie(LEGACY_SESSION_COOKIE, "", 0, true);
    }

    static String sessionId(HttpCall call) {
        String id = call.cookie().apply(SESSION_COOKIE);
        return id != null ? id : call.cookie().apply(LEGACY_SESSION_COOKIE);
    }

    private static Map<String, String> credentials(HttpCall call) {
        Map<String, String> fields = new HashMap<>();
        String body = call.body().trim();
        if (!body.startsWith("{")) {
            Map<String, List<String>> params = new QueryStringDecoder(body, false).parameters();
            for (String key : CREDENTIAL_FIELDS) {
                if (params.containsKey(key) && !params.get(key).isEmpty()) {
                    fields.put(key, params.get(key).get(0));
                }
            }
            return fields;
        }
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (ApiException e) {
            return fields;
        }
        for (String key : CREDENTIAL_FIELDS) {
            if (json.path(key).isTextual()) {
                fields.put(key, json.path(key).asText());
            }
        }
        return fields;
    }

    private ObjectNode body(String baseUrl, String username) {
        ObjectNode body = Json.object();
        body.put("user_initialized", true);
        body.set("version", info.versionJson());
        body.putObject("user")
                .put("is_superuser", true)
                .put("default_tenant_ref", baseUrl + "/api/tenant/admin")
                .put("name", username)
                .put("username", username)
                .put("full_name", "System Administrator")
                .put("email", "")
                .put("local", true)
                .put("uuid", "user-1")
                .put("ui_property", "");
        ArrayNode tenants = body.putArray("tenants");
        api.listAll(new ObjectApi.Call(TenantScope.ALL, baseUrl), ModelType.TENANT, CollectionQuery.none())
                .forEach(t -> tenants.addObject()
                        .put("url", t.path("url").asText())
                        .put("uuid", t.path("uuid").asText())
                        .put("name", t.path("name").asText())
                        .put("local", t.path("local").asBoolean(true)));
        body.set("system_config", info.systemConfiguration(baseUrl));
        body.putObject("controller").put("api_idle_timeout", 15);
        body.put("session_cookie_name", SESSION_COOKIE);
        return body;
    }
}
