package io.akocamel.it;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.akocamel.avi.LogCapture;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** AKOSettings.logLevel applies at start; enableEvents follows the avi-k8s-config ConfigMap while running. */
class LiveSettingsTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void logLevelAppliesAtStartAndEnableEventsFalseStopsNormalEventsButKeepsWarnings() throws Exception {
        Level before = LogManager.getLogger("io.akocamel").getLevel();
        try (ControllerFixture fixture = ControllerFixture.create(s -> s.set("AKOSettings.logLevel", "DEBUG"))) {
            fixture.startController();
            assertThat(LogManager.getLogger("io.akocamel.reconcile").isDebugEnabled()).as("logLevel DEBUG at start").isTrue();
            fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
            await().atMost(WAIT).until(() -> !reasons(fixture, "shop", "Normal").isEmpty());

            try (LogCapture logs = new LogCapture(Map.of())) {
                setEnableEvents(fixture, "false");
                await().atMost(WAIT).until(() -> logs.text().contains("enableEvents is false"));
            }
            fixture.applyExamples("30-tls.yaml");
            ingress(fixture, "broken", "no-such-service");
            await().atMost(WAIT).until(() -> !fixture.status("secure").isEmpty());
            await().atMost(WAIT).until(() -> !reasons(fixture, "broken", "Warning").isEmpty());

            setEnableEvents(fixture, "true");
            ingress(fixture, "late", "web");
            // Events are written in order by one thread: once late's Synced is there, secure's Normal Events would be too
            await().atMost(WAIT).until(() -> reasons(fixture, "late", "Normal").contains("Synced"));
            assertThat(reasons(fixture, "secure", "Normal")).as("Normal Events while enableEvents was false").isEmpty();
        } finally {
            Configurator.setLevel("io.akocamel", before);
        }
    }

    private static void ingress(ControllerFixture fixture, String name, String service) {
        fixture.client().resource(new IngressBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().addNewRule().withHost(name + ".example.com").withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(service).withNewPort().withNumber(80).endPort().endService()
                .endBackend().endPath().endHttp().endRule().endSpec().build()).create();
    }

    private static List<String> reasons(ControllerFixture fixture, String involved, String type) {
        return fixture.events(involved).stream().filter(e -> type.equals(e.getType())).map(Event::getReason).toList();
    }

    private static void setEnableEvents(ControllerFixture fixture, String value) {
        var configMaps = fixture.client().configMaps().inNamespace("avi-system");
        if (configMaps.withName("avi-k8s-config").get() == null) {
            configMaps.resource(new ConfigMapBuilder().withNewMetadata().withName("avi-k8s-config").withNamespace("avi-system")
                    .endMetadata().addToData("enableEvents", value).build()).create();
        } else {
            configMaps.withName("avi-k8s-config").edit(cm -> new ConfigMapBuilder(cm).addToData("enableEvents", value).build());
        }
    }
}
