package io.akocamel.avi;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.akocamel.testing.TestSettings;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** The connection state readiness and /api/status report: what the controller answered last, not only the login. */
class ControllerConnectionTest {
    final FakeController controller = new FakeController();

    @AfterEach
    void stop() {
        controller.close();
    }

    void answerReads(ResponseDefinitionBuilder answer) {
        controller.server.stubFor(get(urlPathMatching("/api/.*")).willReturn(answer));
    }

    @Test
    void readinessIsDownWhileCallsFailWithoutAnAnswerOrWithA5xxAndUpAgainAfterTheNextSuccess() throws Exception {
        Map<String, ResponseDefinitionBuilder> failures = Map.of(
                "HTTP 503", FakeController.error(503, "Service Unavailable"),
                "cannot reach the Avi Controller", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
            HealthCheck readiness = camel.controllerHealthCheck();
            for (Map.Entry<String, ResponseDefinitionBuilder> failure : failures.entrySet()) {
                answerReads(okJson(InventoryLoadTest.EMPTY));
                camel.loadInventory();
                assertThat(readiness.call().getState()).isEqualTo(HealthCheck.State.UP);

                answerReads(failure.getValue());
                camel.loadInventory();
                assertThat(camel.components().session().state()).as(failure.getKey()).isEqualTo(AviSession.State.UNREACHABLE);
                assertThat(readiness.call().getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(readiness.call().getMessage()).hasValueSatisfying(m -> assertThat(m).contains(failure.getKey()));

                answerReads(okJson(InventoryLoadTest.EMPTY));
                camel.loadInventory();
                assertThat(camel.components().session().state()).isEqualTo(AviSession.State.CONNECTED);
                assertThat(readiness.call().getState()).isEqualTo(HealthCheck.State.UP);
            }
            assertThat(controller.calls()).filteredOn("POST /login"::equals).as("a failed call is no reason to log in again").hasSize(1);
        }
    }

    @Test
    void aPlainHttpControllerAddressIsWarnedAboutOnce() throws Exception {
        try (LogCapture logs = new LogCapture(Map.of());
             AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
            answerReads(okJson(InventoryLoadTest.EMPTY));
            camel.loadInventory();
            camel.loadInventory();

            assertThat(logs.lines()).filteredOn(line -> line.contains("plain HTTP")).singleElement().asString()
                    .startsWith("WARN").contains(controller.url(), "credentials in clear", "https://");
        }
    }
}
