package io.akocamel.preflight;

import io.akocamel.simulator.AviSimulator;
import io.akocamel.simulator.RecordedRequest;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The preflight route against the embedded Avi Controller simulator: real HTTP, real delivery session and routes. */
class PreflightTest {
    AviSimulator avi;
    PreflightCamel camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        if (avi != null) {
            avi.close();
        }
    }

    private void start(UnaryOperator<AviSimulator.Builder> simulator, UnaryOperator<TestSetup> setup) throws Exception {
        avi = simulator.apply(AviSimulator.builder().port(0).password(TestSetup.PASSWORD)).build().start();
        camel = PreflightCamel.start(setup.apply(TestSetup.controller(avi.baseUrl())).build());
    }

    List<String> writes() {
        return avi.requestLog().stream().filter(RecordedRequest::isWrite).map(RecordedRequest::toString).toList();
    }

    @Test
    void theSeedsSetUpPassesAndOpensTheWriteGate() throws Exception {
        start(s -> s, s -> s);

        await().atMost(Duration.ofSeconds(10)).until(() -> camel.preflight().state() != Preflight.State.NOT_RUN);
        assertThat(camel.preflight().problems()).isEmpty();
        assertThat(camel.preflight().passed()).isTrue();
        assertThat(camel.readiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(writes()).isEmpty();

        camel.reconcile("cluster-1--Shared-L7-0");
        await().atMost(Duration.ofSeconds(10)).until(() -> !camel.applied.isEmpty());
        assertThat(writes()).singleElement().asString().startsWith("POST /api/pool");
    }
}
