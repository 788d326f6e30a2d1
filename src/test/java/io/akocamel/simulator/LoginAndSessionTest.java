package io.akocamel.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.HttpCookie;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAndSessionTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static AviSimulator avi;

    @BeforeAll
    static void start() {
        avi = AviSimulator.builder().clock(CLOCK).authToken("token-for-tests").build().start();
    }

    @AfterAll
    static void stop() {
        avi.close();
    }

    @Test
    void loginAnswersVersionUserTenantsAndSessionCookieName() {
        AviClient client = new AviClient(avi);
        AviClient.Reply reply = client.login("admin", "avi123");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().path("version").path("Version").asText()).isEqualTo("22.1.2");
        assertThat(reply.json().path("session_cookie_name").asText()).isEqualTo("avi-sessionid");
        assertThat(reply.json().path("user").path("username").asText()).isEqualTo("admin");
        assertThat(reply.json().path("tenants").get(0).path("uuid").asText()).isEqualTo("admin");
        assertThat(reply.json().path("controller").path("api_idle_timeout").asInt()).isEqualTo(15);
    }

    @Test
    void loginSetsCsrfAndBothSessionCookies() {
        AviClient client = new AviClient(avi);
        client.login();

        HttpCookie csrf = client.cookieDetails("csrftoken");
        HttpCookie session = client.cookieDetails("avi-sessionid");
        assertThat(csrf.getValue()).hasSize(32);
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(csrf.getMaxAge()).isEqualTo(31_449_600);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getMaxAge()).isEqualTo(86_400);
        assertThat(client.cookie("sessionid")).isEqualTo(session.getValue());
        assertThat(csrf.getSecure()).isFalse();
    }

    @Test
    void formEncodedLoginIsAcceptedLikeThePythonSdkSendsIt() {
        AviClient client = new AviClient(avi);
        AviClient.Reply reply = client.send("POST", "/login", "username=admin&password=avi123",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(client.get("/api/tenant").status()).isEqualTo(200);
    }

    @Test
    void jsonLoginLabelledAsAFormIsAcceptedLikeCurlDashDSendsIt() {
        AviClient.Reply reply = new AviClient(avi).send("POST", "/login", "{\"username\":\"admin\",\"password\":\"avi123\"}",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(reply.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"admin,wrong", "root,avi123", "'',''"})
    void badCredentialsAre401InvalidCredentials(String username, String password) {
        AviClient.Reply reply = new AviClient(avi).login(username, password);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("Invalid credentials");
    }

    @Test
    void configuredTokenAndIssuedUserTokensLogIn() {
        AviClient first = new AviClient(avi);
        AviClient.Reply withToken = first.send("POST", "/login",
                "{\"username\":\"admin\",\"token\":\"token-for-tests\"}", Map.of());
        assertThat(withToken.status()).isEqualTo(200);

        String issued = first.post("/api/user-token", "{\"hours\":\"2\"}").json().path("token").asText();
        AviClient second = new AviClient(avi);
        assertThat(second.send("POST", "/login", "{\"username\":\"admin\",\"token\":\"" + issued + "\"}", Map.of())
                .status()).isEqualTo(200);
        assertThat(new AviClient(avi).send("POST", "/login", "{\"username\":\"admin\",\"token\":\"forged\"}",
                Map.of()).status()).isEqualTo(401);
    }

    @Test
    void apiWithoutSessionIs401() {
        AviClient.Reply reply = new AviClient(avi).get("/api/pool");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error()).isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    void unsafeMethodWithWrongCsrfTokenIs401PlainText() {
        AviClient client = new AviClient(avi).login();
        AviClient.Reply reply = client.send("POST", "/api/tenant", "{\"name\":\"csrf-test\"}",
                Map.of("X-CSRFToken", "invalid"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo("CSRF token missing or incorrect.");
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        assertThat(avi.find("tenant", "csrf-test")).isEmpty();
    }

    @Test
    void unsafeMethodWithoutCsrfTokenIs401ButReadsNeedNone() {
        AviClient client = new AviClient(avi).login().withoutCsrf();

        AviClient.Reply delete = client.delete("/api/pool/pool-x");
        assertThat(delete.status()).isEqualTo(401);
        assertThat(delete.body()).isEqualTo("CSRF token missing or incorrect.");
        assertThat(client.get("/api/pool").status()).isEqualTo(200);
    }

    @Test
    void authenticatedAnswersResendTheSessionCookies() {
        AviClient client = new AviClient(avi).login();

        assertThat(client.get("/api/cloud").headers().allValues("set-cookie"))
                .anyMatch(c -> c.startsWith("avi-sessionid=" + client.cookie("avi-sessionid")))
                .anyMatch(c -> c.startsWith("sessionid="));
    }

    @Test
    void logoutEndsTheSession() {
        AviClient client = new AviClient(avi).login();
        String session = client.cookie("avi-sessionid");

        assertThat(client.post("/logout", "").status()).isEqualTo(200);

        AviClient replay = new AviClient(avi);
        assertThat(replay.send("GET", "/api/pool", null, Map.of("Cookie", "avi-sessionid=" + session)).status())
                .isEqualTo(401);
    }

    @Test
    void sessionExpiresAfterTheIdleTimeout() {
        AviClient client = new AviClient(avi).login();
        assertThat(client.get("/api/pool").status()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(16));

        assertThat(client.get("/api/pool").status()).isEqualTo(401);
        assertThat(client.login().get("/api/pool").status()).isEqualTo(200);
    }

    @Test
    void expireSessionsEndsEverySessionAtOnce() {
        AviClient client = new AviClient(avi).login();

        avi.expireSessions();

        assertThat(client.get("/api/pool").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/initial-data", "/api/cluster/runtime", "/api/cluster/status", "/api/cluster/runtime/"})
    void infrastructureEndpointsNeedNoLogin(String path) {
        assertThat(new AviClient(avi).get(path).status()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesTheApiVersionAskedFor() {
        AviClient client = new AviClient(avi).login();

        assertThat(client.get("/api/pool").header("AVI_API_VERSION")).isEqualTo("22.1.2");
        assertThat(client.header("X-Avi-Version", "20.1.1").get("/api/pool").header("AVI_API_VERSION"))
                .isEqualTo("20.1.1");
        assertThat(client.header("X-Avi-Version", null).get("/api/pool").header("AVI_API_VERSION"))
                .isEqualTo("16_4_2");
    }

    @ParameterizedTest(name = "X-Avi-Version {0} -> {1}")
    @CsvSource({"22.1.2, 200", "18.2.6, 200", "22.1.3, 400", "30.2.1, 400", "latest, 400"})
    void versionNewerThanTheControllerIsRejected(String version, int status) {
        AviClient.Reply reply = new AviClient(avi).login().header("X-Avi-Version", version).get("/api/pool");

        assertThat(reply.status()).isEqualTo(status);
        if (status == 400) {
            assertThat(reply.error()).contains("Invalid version");
        }
    }

    @Test
    void theControllerVersionIsConfigurable() {
        try (AviSimulator newer = AviSimulator.builder().controllerVersion("30.2.1").build().start()) {
            AviClient client = new AviClient(newer).login().header("X-Avi-Version", "30.2.1");

            assertThat(client.get("/api/initial-data").json().path("version").path("Version").asText())
                    .isEqualTo("30.2.1");
            assertThat(client.get("/api/pool").status()).isEqualTo(200);
        }
    }
}
