package io.akocamel.avi;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A scripted Avi Controller on WireMock: login sets csrftoken/avi-sessionid/sessionid like a real 20.1 controller. */
final class FakeController implements AutoCloseable {
    final WireMockServer server;

    FakeController() {
        this(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    }

    FakeController(WireMockConfiguration options) {
        server = new WireMockServer(options);
        server.start();
        stubLogins("1");
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Successive logins get session numbers n, n+1, ... (cookies csrf-n and sess-n). */
    void stubLogins(String... sessions) {
        for (int i = 0; i < sessions.length; i++) {
            ScenarioMappingBuilder login = post(urlEqualTo("/login")).inScenario("login")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "login-" + i)
                    .willReturn(login(sessions[i]));
            if (i + 1 < sessions.length) {
                login = login.willSetStateTo("login-" + (i + 1));
            }
            server.stubFor(login);
        }
    }

    /** The CSRF token of login number {@code session}: distinctive, so a test can look for it in logs. */
    static String csrf(String session) {
        return "csrf" + session + "-b71d02e5c3a9";
    }

    static String sessionId(String session) {
        return "sess" + session + "-4f1c9a77d2e8";
    }

    /** The Cookie header a client sends after login number {@code session}. */
    static String cookieHeader(String session) {
        return "csrftoken=" + csrf(session) + "; avi-sessionid=" + sessionId(session) + "; sessionid=" + sessionId(session);
    }

    static ResponseDefinitionBuilder login(String session) {
        return okJson("{\"session_cookie_name\":\"avi-sessionid\",\"version\":{\"Version\":\"22.1.2\"}}")
                .withHeader("Set-Cookie", "csrftoken=" + csrf(session) + "; Max-Age=31449600; Path=/",
                        "avi-sessionid=" + sessionId(session) + "; HttpOnly; Max-Age=86400; Path=/",
                        "sessionid=" + sessionId(session) + "; HttpOnly; Max-Age=86400; Path=/");
    }

    static ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{\"error\":\"" + message + "\"}");
    }

    /** Answers in sequence for one method and URL (path and query); the last answer repeats. */
    void script(String method, String url, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = request(method, urlEqualTo(url)).inScenario(method + " " + url)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i).willReturn(answers[i]);
            server.stubFor(i + 1 < answers.length ? stub.willSetStateTo("answer-" + (i + 1)) : stub);
        }
    }

    /** Every request received, oldest first. */
    List<LoggedRequest> requests() {
        return server.findAll(RequestPatternBuilder.allRequests());
    }

    /** "METHOD /path?query" of every request, oldest first. */
    List<String> calls() {
        return requests().stream().map(r -> r.getMethod().value() + " " + r.getUrl()).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
