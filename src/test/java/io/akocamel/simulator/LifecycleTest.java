package io.akocamel.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    @Test
    void aPortInUseIsAClearError() {
        try (AviSimulator first = AviSimulator.builder().build().start()) {
            AviSimulator second = AviSimulator.builder().port(first.port()).build();

            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void startingTwiceIsRefused() {
        try (AviSimulator avi = AviSimulator.builder().build().start()) {
            assertThatThrownBy(avi::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        }
    }

    @Test
    void closeStopsServing() {
        AviSimulator avi = AviSimulator.builder().build().start();
        AviClient client = new AviClient(avi);
        assertThat(client.get("/api/initial-data").status()).isEqualTo(200);

        avi.close();

        assertThatThrownBy(() -> client.get("/api/initial-data")).hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void theBaseUrlIsKnownOnlyOnceStarted() {
        AviSimulator avi = AviSimulator.builder().build();

        assertThatThrownBy(avi::baseUrl).isInstanceOf(IllegalStateException.class);
        assertThat(avi.toString()).contains("not started");
    }

    @Test
    void badBuilderSettingsAreRejected() {
        assertThatThrownBy(() -> AviSimulator.builder().controllerVersion("latest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("22.1.2");
        assertThatThrownBy(() -> AviSimulator.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    }
}
