package io.akocamel.it;

import io.akocamel.testing.AkoCrds;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** HostRule, HTTPRule and AviInfraSetting status through the real routes against the simulator: Accepted or Rejected as AKO. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomResourceStatusTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private ControllerFixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = ControllerFixture.create();
        AkoCrds.install(fixture.client());
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        fixture.startController();
        await().atMost(WAIT).until(fixture::initialSyncDone);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String kind, String namespace, String name) {
        var resources = fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, kind);
        GenericKubernetesResource resource = namespace == null ? resources.withName(name).get() : resources.inNamespace(namespace).withName(name).get();
        Object status = resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private List<String> warnings(String name) {
        return fixture.events(name).stream().filter(e -> "Warning".equals(e.getType())).map(e -> e.getReason() + ": " + e.getMessage()).toList();
    }

    @Test
    void hostRuleNamingAMissingObjectIsRejectedAndAcceptedAfterTheObjectIsCreatedAndAFullSync() {
        fixture.client().resource(AkoCrds.hostRule("default", "errors", "shop.example.com", null,
                Map.of("errorPageProfile", "shop-errors", "useRegex", true))).create();

        String error = "errorPageProfile: errorpageprofile 'shop-errors' does not exist on the Avi Controller; create it there or correct the name";
        await().atMost(WAIT).untilAsserted(() -> assertThat(status("HostRule", "default", "errors"))
                .isEqualTo(Map.of("status", "Rejected", "error", error)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(warnings("errors")).containsExactly("Rejected: " + error));

        fixture.avi.create("errorpageprofile", "{\"name\":\"shop-errors\"}");
        fixture.fullSyncNow();

        await().atMost(WAIT).untilAsserted(() -> assertThat(status("HostRule", "default", "errors")).isEqualTo(Map.of("status", "Accepted")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(warnings("errors")).contains("Unsupported: ako-camel does not apply "
                + "virtualhost.useRegex yet: the Avi objects are made as if these fields were not set (docs/crds.md lists what is applied)"));
        assertThat(fixture.avi.requestLog()).noneMatch(r -> r.path().startsWith("/api/errorpageprofile") && !"GET".equals(r.method()));
    }

    @Test
    void theOlderHostRuleForAnFqdnWinsAndTheNewerIsRejected() {
        fixture.client().resource(AkoCrds.hostRule("default", "z-older", "secure.example.com", null,
                Map.of("wafPolicy", "System-WAF-Policy"))).create();
        await().atMost(WAIT).untilAsserted(() -> assertThat(status("HostRule", "default", "z-older")).containsEntry("status", "Accepted"));
        Instant olderCreated = Instant.parse(fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "HostRule").inNamespace("default")
                .withName("z-older").get().getMetadata().getCreationTimestamp());
        // creation times have a resolution of one second: let one pass so that the names cannot decide
        await().atMost(WAIT).until(() -> Instant.now().isAfter(olderCreated.plusSeconds(1)));

        fixture.client().resource(AkoCrds.hostRule("default", "a-newer", "secure.example.com", null, Map.of())).create();

        await().atMost(WAIT).untilAsserted(() -> assertThat(status("HostRule", "default", "a-newer")).isEqualTo(Map.of("status", "Rejected",
                "error", "fqdn secure.example.com (Exact) is already configured by the older HostRule default/z-older; "
                        + "remove one of the two or change its fqdn")));
        assertThat(status("HostRule", "default", "z-older")).containsEntry("status", "Accepted");
    }

    @Test
    void httpRuleAndAviInfraSettingAreCheckedAgainstTheController() {
        fixture.client().resource(AkoCrds.httpRule("default", "monitors", "shop.example.com",
                List.of(Map.of("target", "/", "healthMonitors", List.of("example-http-monitor", "no-such-monitor"))))).create();
        fixture.client().resource(AkoCrds.aviInfraSetting("blue", Map.of("seGroup", Map.of("name", "Default-Group"),
                "network", Map.of("vipNetworks", List.of(Map.of("networkName", "vip-network"))), "nsxSettings", Map.of("t1lr", "t1")))).create();

        await().atMost(WAIT).untilAsserted(() -> assertThat(status("HTTPRule", "default", "monitors")).isEqualTo(Map.of("status", "Rejected",
                "error", "paths[/].healthMonitors: healthmonitor 'no-such-monitor' does not exist on the Avi Controller; create it there or correct the name")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status("AviInfraSetting", null, "blue")).isEqualTo(Map.of("status", "Accepted")));
        List<Event> blue = fixture.events("blue");
        assertThat(blue).extracting(Event::getReason).containsOnly("Unsupported");
        assertThat(blue).extracting(Event::getMessage).allMatch(m -> m.startsWith("ako-camel does not apply nsxSettings "));
    }
}
