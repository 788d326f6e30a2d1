package io.akocamel.avi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.akocamel.model.AviType;
import io.akocamel.testing.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SessionHeadersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final FakeController controller = new FakeController();

    @AfterEach
    void stop() {
        controller.close();
    }

    static AviOperation create(AviType type, String name) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree("{\"name\":\"" + name + "\",\"created_by\":\"ako-cluster-1\"}");
        return new AviOperation(AviMethod.POST, type, name, null, payload, "ck-" + name, "new@0", Set.of());
    }

    @Test
    void everyCallCarriesTheSessionCookiesCsrfTokenVersionTenantAndReferer() throws Exception {
        controller.server.stubFor(post(urlEqualTo("/api/pool")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"p1\",\"uuid\":\"pool-1\",\"created_by\":\"ako-cluster-1\",\"_last_modified\":\"1\"}")));
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
            BatchResult result = camel.apply(new ShardBatch("cluster-1--Shared-L7-0", List.of(create(AviType.POOL, "p1"))));

            assertThat(result.results()).extracting(OperationResult::outcome).containsExactly(Outcome.CREATED);
            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool");
            LoggedRequest login = controller.requests().get(0);
            assertThat(JSON.readTree(login.getBodyAsString())).isEqualTo(JSON.readTree(
                    "{\"username\":\"admin\",\"password\":\"" + TestSettings.PASSWORD + "\"}"));
            assertThat(login.getHeader("Content-Type")).startsWith("application/json");
            assertThat(login.getHeader("X-Avi-Version")).isEqualTo("22.1.2");
            LoggedRequest create = controller.requests().get(1);
            assertThat(create.getHeader("Cookie")).isEqualTo(FakeController.cookieHeader("1"));
            assertThat(create.getHeader("X-CSRFToken")).isEqualTo(FakeController.csrf("1"));
            assertThat(create.getHeader("X-Avi-Version")).isEqualTo("22.1.2");
            assertThat(create.getHeader("X-Avi-Tenant")).isEqualTo("admin");
            assertThat(create.getHeader("Referer")).isEqualTo(controller.url() + "/");
            assertThat(create.getHeader("Content-Type")).startsWith("application/json");
            assertThat(JSON.readTree(create.getBodyAsString())).isEqualTo(JSON.readTree("{\"name\":\"p1\",\"created_by\":\"ako-cluster-1\"}"));
            assertThat(camel.inventory().get(AviType.POOL, "p1")).hasValueSatisfying(p -> assertThat(p.uuid()).isEqualTo("pool-1"));
        }
    }

    @Test
    void aTokenLogsInAsUsernameAndToken() throws Exception {
        controller.server.stubFor(post(urlEqualTo("/api/pool")).willReturn(ErrorPolicyTest.created("p1")));
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().token("tok-3f9a1c77e0").build())) {
            camel.apply(new ShardBatch("cluster-1--Shared-L7-0", List.of(create(AviType.POOL, "p1"))));

            assertThat(JSON.readTree(controller.requests().get(0).getBodyAsString()))
                    .isEqualTo(JSON.readTree("{\"username\":\"admin\",\"token\":\"tok-3f9a1c77e0\"}"));
        }
    }

    @Test
    void aCookieThatACallRenewsIsSentWithTheNextCall() throws Exception {
        controller.server.stubFor(post(urlEqualTo("/api/pool")).willReturn(ErrorPolicyTest.created("p1")
                .withHeader("Set-Cookie", "csrftoken=" + FakeController.csrf("2") + "; Max-Age=31449600; Path=/")));
        controller.server.stubFor(post(urlEqualTo("/api/poolgroup")).willReturn(ErrorPolicyTest.created("g1")));
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
            camel.apply(new ShardBatch("cluster-1--Shared-L7-0", List.of(create(AviType.POOL, "p1"))));
            camel.apply(new ShardBatch("cluster-1--Shared-L7-0", List.of(create(AviType.POOLGROUP, "g1"))));

            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool", "POST /api/poolgroup");
            LoggedRequest next = controller.requests().get(2);
            assertThat(next.getHeader("X-CSRFToken")).isEqualTo(FakeController.csrf("2"));
            assertThat(next.getHeader("Cookie"))
                    .contains("csrftoken=" + FakeController.csrf("2"), "avi-sessionid=" + FakeController.sessionId("1"))
                    .doesNotContain(FakeController.csrf("1"));
        }
    }
}
