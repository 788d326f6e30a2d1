package io.akocamel.it;

import io.akocamel.model.Naming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EndToEndTest {
    private ControllerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = ControllerFixture.create();
        fixture.applyExamples();
        fixture.startController();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void exampleIngressesGetVirtualServicesAndStatus() {
        String shard = Naming.of(fixture.settings).shardVsName("shop.example.com");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(fixture.status("shop")).singleElement().satisfies(e -> {
                assertThat(e.getHostname()).isEqualTo("shop.example.com");
                assertThat(e.getIp()).startsWith("10.10.10.");
            });
            assertThat(fixture.avi("virtualservice", shard)).isPresent();
        });
    }
}
