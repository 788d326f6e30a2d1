package io.akocamel.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Adapts Vert.x requests to the endpoints: reads the body, applies the faults (latency as a timer, then outage and
 * error rate), dispatches {@code /login}, {@code /logout}, {@code /api/...} and the admin paths, writes the answer with
 * the {@code AVI_API_VERSION} header (the {@code X-Avi-Version} asked for, else {@code 16_4_2} as a recorded controller
 * answered), and records the call. Request bodies and credentials are never logged.
 */
final class HttpFront {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    static final String DEFAULT_API_VERSION_HEADER = "16_4_2";

    private final Vertx vertx;
    private final boolean https;
    private final LoginEndpoint login;
    private final ApiEndpoint api;
    private final AdminEndpoint admin;
    private final Faults faults;
    private final RequestLog requestLog;
    private final Clock clock;
    private volatile int port;

    HttpFront(Vertx vertx, boolean https, LoginEndpoint login, ApiEndpoint api, AdminEndpoint admin, Faults faults,
              RequestLog requestLog, Clock clock) {
        this.vertx = vertx;
        this.https = https;
        this.login = login;
        this.api = api;
        this.admin = admin;
        this.faults = faults;
        this.requestLog = requestLog;
        this.clock = clock;
    }

    void listeningOn(int port) {
        this.port = port;
    }

    void handle(HttpServerRequest request) {
        request.body().onComplete(body -> {
            if (body.failed()) {
                request.response().setStatusCode(400).end();
                return;
            }
            HttpCall call = toCall(request, body.result().toString(StandardCharsets.UTF_8));
            if (call.path().startsWith(AdminEndpoint.PREFIX)) {
                write(request.response(), admin.handle(call));
                return;
            }
            long latency = faults.latency().toMillis();
            if (latency > 0) {
                vertx.setTimer(latency, timer -> answer(request, call));
            } else {
                answer(request, call);
            }
        });
    }

    private void answer(HttpServerRequest request, HttpCall call) {
        HttpAnswer answer;
        try {
            answer = route(call);
        } catch (ApiException e) {
            answer = HttpAnswer.error(e);
        } catch (RuntimeException e) {
            LOG.error("Simulator failed on {} {}", call.method(), call.path(), e);
            answer = HttpAnswer.json(500, Json.error("Internal error: " + e.getClass().getSimpleName()));
        }
        String version = call.header().apply("X-Avi-Version");
        answer.header("AVI_API_VERSION", version != null ? version : DEFAULT_API_VERSION_HEADER);
        write(request.response(), answer);
        String query = request.query() == null ? "" : request.query();
        requestLog.add(new RecordedRequest(clock.instant(), call.method(), call.path(), query, answer.status(),
                call.header().apply("X-Avi-Tenant"), answer.objectName()));
        LOG.debug("{} {} -> {}", call.method(), call.path(), answer.status());
    }

    private HttpAnswer route(HttpCall call) {
        if (faults.inOutage()) {
            return HttpAnswer.json(503, Json.error("Service Unavailable"));
        }
        if (faults.nextCallFails()) {
            return HttpAnswer.json(faults.errorStatus(), Json.error("Injected fault"));
        }
        String path = call.path().endsWith("/") && call.path().length() > 1
                ? call.path().substring(0, call.path().length() - 1) : call.path();
        if (path.equals("/login") && call.method().equals("POST")) {
            return login.login(call);
        }
        if (path.equals("/logout") && call.method().equals("POST")) {
            return login.logout(call);
        }
        if (call.path().startsWith(Ref.PREFIX)) {
            return api.handle(call);
        }
        return HttpAnswer.json(404, Json.error("Unknown path " + call.method() + " " + call.path()));
    }

    private HttpCall toCall(HttpServerRequest request, String body) {
        return new HttpCall(request.method().name(), request.path(), QueryString.parse(request.query()), request::getHeader,
                name -> {
                    Cookie cookie = request.getCookie(name);
                    return cookie == null ? null : cookie.getValue();
                },
                body, baseUrl(request.authority()), https);
    }

    private String baseUrl(HostAndPort authority) {
        String scheme = https ? "https://" : "http://";
        if (authority == null) {
            return scheme + "127.0.0.1:" + port;
        }
        return scheme + authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
    }

    private void write(HttpServerResponse response, HttpAnswer answer) {
        response.setStatusCode(answer.status());
        if (answer.contentType() != null) {
            response.putHeader("Content-Type", answer.contentType());
        }
        answer.headers().forEach(response::putHeader);
        for (HttpAnswer.SetCookie set : answer.cookies()) {
            Cookie cookie = Cookie.cookie(set.name(), set.value()).setPath("/").setMaxAge(set.maxAgeSeconds())
                    .setHttpOnly(set.httpOnly()).setSecure(https);
            if (https) {
                cookie.setSameSite(CookieSameSite.NONE);
            }
            response.addCookie(cookie);
        }
        response.end(answer.body());
    }
}
