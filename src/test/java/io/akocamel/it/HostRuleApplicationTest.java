package io.akocamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.testing.AkoCrds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An Accepted HostRule on a secure host through the real routes: its settings on the host's SNI child, and gone with it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostRuleApplicationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHILD = "cluster-1--secure.example.com";
    private ControllerFixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = ControllerFixture.create();
        AkoCrds.install(fixture.client());
        fixture.applyExamples();
        fixture.startController();
        await().atMost(WAIT).until(() -> fixture.avi("virtualservice", CHILD).isPresent());
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private String ref(String type, String name) {
        return fixture.avi(type, name).orElseThrow().path("url").asText();
    }

    private static String text(ObjectNode vs, String field) {
        return vs.path(field).asText();
    }

    @Test
    void hostRuleSettingsGoOnTheSniChildAndLeaveWithTheRule() {
        fixture.client().resource(AkoCrds.hostRule("default", "secure", "secure.example.com", null, Map.of(
                "wafPolicy", "System-WAF-Policy", "applicationProfile", "example-http-profile", "analyticsProfile", "example-analytics-profile",
                "errorPageProfile", "Custom-Error-Page-Profile", "icapProfile", List.of("example-icap"), "datascripts", List.of("example-datascript"),
                "httpPolicy", Map.of("policySets", List.of("example-http-policy-set"), "overwrite", false),
                "tls", Map.of("sslProfile", "example-ssl-profile", "sslKeyCertificate", Map.of("name", "example-certificate", "type", "ref"))))).create();

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode vs = fixture.avi("virtualservice", CHILD).orElseThrow();
            assertThat(text(vs, "waf_policy_ref")).isEqualTo(ref("wafpolicy", "System-WAF-Policy"));
            assertThat(text(vs, "application_profile_ref")).isEqualTo(ref("applicationprofile", "example-http-profile"));
            assertThat(text(vs, "analytics_profile_ref")).isEqualTo(ref("analyticsprofile", "example-analytics-profile"));
            assertThat(text(vs, "error_page_profile_ref")).isEqualTo(ref("errorpageprofile", "Custom-Error-Page-Profile"));
            assertThat(text(vs, "ssl_profile_ref")).isEqualTo(ref("sslprofile", "example-ssl-profile"));
            assertThat(vs.path("icap_request_profile_refs")).extracting(JsonNode::asText).containsExactly(ref("icapprofile", "example-icap"));
            assertThat(vs.path("ssl_key_and_certificate_refs")).extracting(JsonNode::asText)
                    .containsExactly(ref("sslkeyandcertificate", "example-certificate"));
            assertThat(vs.path("vs_datascripts")).extracting(d -> d.path("index").asInt() + " " + d.path("vs_datascript_set_ref").asText())
                    .containsExactly("0 " + ref("vsdatascriptset", "example-datascript"));
            assertThat(vs.path("http_policies")).extracting(p -> p.path("http_policy_set_ref").asText())
                    .containsExactly(ref("httppolicyset", "cluster-1--secure.example.com"), ref("httppolicyset", "example-http-policy-set"));
        });
        assertThat(fixture.events("secure")).noneMatch(e -> "Unsupported".equals(e.getReason()));

        fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "HostRule").inNamespace("default").withName("secure").edit(r -> {
            r.setAdditionalProperty("spec", Map.of("virtualhost", Map.of("fqdn", "secure.example.com", "enableVirtualHost", false,
                    "httpPolicy", Map.of("policySets", List.of("example-http-policy-set"), "overwrite", true))));
            return r;
        });
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode vs = fixture.avi("virtualservice", CHILD).orElseThrow();
            assertThat(vs.path("enabled").asBoolean(true)).isFalse();
            assertThat(vs.has("waf_policy_ref")).isFalse();
            assertThat(vs.path("http_policies")).extracting(p -> p.path("http_policy_set_ref").asText())
                    .containsExactly(ref("httppolicyset", "example-http-policy-set"));
        });

        fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "HostRule").inNamespace("default").withName("secure").delete();
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode vs = fixture.avi("virtualservice", CHILD).orElseThrow();
            assertThat(vs.path("enabled").asBoolean(true)).isTrue();
            assertThat(text(vs, "application_profile_ref")).isEqualTo(ref("applicationprofile", "System-Secure-HTTP"));
            assertThat(vs.path("ssl_key_and_certificate_refs")).extracting(JsonNode::asText)
                    .containsExactly(ref("sslkeyandcertificate", "cluster-1--secure.example.com"));
        });
    }

    @Test
    void aHostRuleOnAnInsecureHostIsNotAppliedAndTheIngressIsTold() {
        fixture.client().resource(AkoCrds.hostRule("default", "plain", "shop.example.com", null, Map.of("wafPolicy", "System-WAF-Policy"))).create();

        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.events("shop")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("HostRuleNotApplied");
            assertThat(e.getMessage()).contains("HostRule default/plain is not applied to host 'shop.example.com'");
        }));
        assertThat(fixture.avi.objects("virtualservice")).noneMatch(vs -> vs.has("waf_policy_ref"));
    }
}
