package io.akocamel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.testing.AkoCrds;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accepted HostRules and HTTPRules through the real routes: a HostRule's settings on the host's SNI child (its Secret
 * certificate and aliases too) or on the shared VS it names, an HTTPRule's on the pools of the paths it targets, and gone
 * with the resource.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomResourceApplicationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHILD = "cluster-1--secure.example.com";
    private static final String SHOP_ROOT_POOL = "cluster-1--default-shop.example.com_-shop";
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
                "networkSecurityPolicy", "example-network-security-policy",
                "analyticsPolicy", Map.of("fullClientLogs", Map.of("enabled", true, "throttle", "LOW"), "logAllHeaders", true),
                "tls", Map.of("sslProfile", "example-ssl-profile", "sslKeyCertificate", Map.of("name", "example-certificate", "type", "ref"))))).create();

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode vs = fixture.avi("virtualservice", CHILD).orElseThrow();
            assertThat(text(vs, "waf_policy_ref")).isEqualTo(ref("wafpolicy", "System-WAF-Policy"));
            assertThat(text(vs, "application_profile_ref")).isEqualTo(ref("applicationprofile", "example-http-profile"));
            assertThat(text(vs, "analytics_profile_ref")).isEqualTo(ref("analyticsprofile", "example-analytics-profile"));
            assertThat(text(vs, "error_page_profile_ref")).isEqualTo(ref("errorpageprofile", "Custom-Error-Page-Profile"));
            assertThat(text(vs, "ssl_profile_ref")).isEqualTo(ref("sslprofile", "example-ssl-profile"));
            assertThat(text(vs, "network_security_policy_ref")).isEqualTo(ref("networksecuritypolicy", "example-network-security-policy"));
            assertThat(vs.path("analytics_policy").path("full_client_logs").path("throttle").asInt()).isEqualTo(50);
            assertThat(vs.path("analytics_policy").path("all_headers").asBoolean()).isTrue();
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
            assertThat(vs.has("network_security_policy_ref")).isFalse();
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

    @Test
    void httpRuleSettingsGoOnThePoolsOfItsTargetAndLeaveWithTheRule() throws Exception {
        String ca = Files.readString(Path.of("src/test/resources/tls/test-cert.pem"));
        String pki = SHOP_ROOT_POOL + "-pkiprofile";
        fixture.client().resource(AkoCrds.httpRule("default", "shop", "shop.example.com", List.of(Map.of("target", "/",
                "loadBalancerPolicy", Map.of("algorithm", "LB_ALGORITHM_FEWEST_SERVERS"), "healthMonitors", List.of("example-http-monitor"),
                "applicationPersistence", "System-Persistence-Client-IP", "enableHTTP2", true,
                "tls", Map.of("type", "reencrypt", "sslProfile", "example-ssl-profile", "destinationCA", ca))))).create();

        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode pool = fixture.avi("pool", SHOP_ROOT_POOL).orElseThrow();
            assertThat(text(pool, "lb_algorithm")).isEqualTo("LB_ALGORITHM_FEWEST_SERVERS");
            assertThat(pool.path("health_monitor_refs")).extracting(JsonNode::asText).containsExactly(ref("healthmonitor", "example-http-monitor"));
            assertThat(text(pool, "application_persistence_profile_ref")).isEqualTo(ref("applicationpersistenceprofile", "System-Persistence-Client-IP"));
            assertThat(pool.path("enable_http2").asBoolean()).isTrue();
            assertThat(pool.path("sni_enabled").asBoolean()).isTrue();
            assertThat(text(pool, "ssl_profile_ref")).isEqualTo(ref("sslprofile", "example-ssl-profile"));
            assertThat(text(pool, "pki_profile_ref")).isEqualTo(ref("pkiprofile", pki));
        });
        assertThat(fixture.avi("pkiprofile", pki).orElseThrow().path("ca_certs").get(0).path("certificate").asText()).isEqualTo(ca);
        assertThat(fixture.events("shop")).noneMatch(e -> "Unsupported".equals(e.getReason()));

        fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "HTTPRule").inNamespace("default").withName("shop").edit(r -> {
            r.setAdditionalProperty("spec", Map.of("fqdn", "shop.example.com", "paths", List.of(Map.of("target", "/",
                    "tls", Map.of("type", "reencrypt", "pkiProfile", "example-pki-profile")))));
            return r;
        });
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode pool = fixture.avi("pool", SHOP_ROOT_POOL).orElseThrow();
            assertThat(text(pool, "pki_profile_ref")).isEqualTo(ref("pkiprofile", "example-pki-profile"));
            assertThat(text(pool, "ssl_profile_ref")).isEqualTo(ref("sslprofile", "System-Standard"));
            assertThat(pool.path("health_monitor_refs")).extracting(JsonNode::asText).containsExactly(ref("healthmonitor", "System-TCP"));
            assertThat(fixture.avi("pkiprofile", pki)).isEmpty();
        });

        fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "HTTPRule").inNamespace("default").withName("shop").delete();
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode pool = fixture.avi("pool", SHOP_ROOT_POOL).orElseThrow();
            assertThat(pool.path("sni_enabled").asBoolean()).isFalse();
            assertThat(pool.has("pki_profile_ref")).isFalse();
            assertThat(pool.has("ssl_profile_ref")).isFalse();
        });
    }

    /** The object, or an assertion error (so that an await retries while it is not there yet). */
    private ObjectNode present(String type, String name) {
        return fixture.avi(type, name).orElseThrow(() -> new AssertionError(type + " " + name + " is not on the controller"));
    }

    private List<String> dnsNames() {
        return fixture.avi.objects("vsvip").stream().flatMap(vip -> vip.path("dns_info").findValuesAsText("fqdn").stream()).toList();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSecretCertificateMakesAnInsecureHostSecureFollowsTheSecretAndServesTheAliases() throws Exception {
        String child = "cluster-1--names.example.com";
        fixture.client().resource(new IngressBuilder().withNewMetadata().withName("names").withNamespace("default").endMetadata()
                .withNewSpec().addNewRule().withHost("names.example.com").withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName("web").withNewPort().withNumber(80).endPort().endService().endBackend()
                .endPath().endHttp().endRule().endSpec().build()).create();
        fixture.client().resource(AkoCrds.hostRule("default", "names", "names.example.com", null, Map.of("aliases", List.of("names.example.org"),
                "tls", Map.of("sslKeyCertificate", Map.of("name", "names-tls", "type", "secret"))))).create();

        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.events("names")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("Rejected");
            assertThat(e.getMessage()).startsWith("tls.sslKeyCertificate: Secret default/names-tls does not exist");
        }));
        assertThat(fixture.avi("virtualservice", child)).isEmpty();

        String certificate = Files.readString(Path.of("src/test/resources/tls/test-cert.pem"));
        fixture.client().resource(new SecretBuilder().withNewMetadata().withName("names-tls").withNamespace("default").endMetadata()
                .withType("kubernetes.io/tls").withData(Map.of("tls.crt", base64(certificate),
                        "tls.key", base64(Files.readString(Path.of("src/test/resources/tls/test-key.pem"))))).build()).create();
        await().atMost(WAIT).untilAsserted(() -> {
            ObjectNode vs = present("virtualservice", child);
            assertThat(vs.path("vh_domain_name")).extracting(JsonNode::asText).containsExactly("names.example.com", "names.example.org");
            assertThat(present("sslkeyandcertificate", child).at("/certificate/certificate").asText()).isEqualTo(certificate);
            assertThat(dnsNames()).contains("names.example.com", "names.example.org");
        });

        Secret other = fixture.client().secrets().inNamespace("default").withName("secure-tls").get();
        fixture.client().secrets().inNamespace("default").withName("names-tls").edit(s -> {
            s.setData(other.getData());
            return s;
        });
        String otherCertificate = new String(Base64.getDecoder().decode(other.getData().get("tls.crt")), StandardCharsets.UTF_8);
        await().atMost(WAIT).untilAsserted(() -> assertThat(present("sslkeyandcertificate", child)
                .at("/certificate/certificate").asText()).isEqualTo(otherCertificate));

        fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "HostRule").inNamespace("default").withName("names").delete();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.avi("virtualservice", child)).isEmpty();
            assertThat(dnsNames()).contains("names.example.com").doesNotContain("names.example.org");
        });
    }

    @Test
    void tcpSettingsOfAHostRuleNamingASharedVsGoOnItsPortsAndVip() {
        String vs = "cluster-1--Shared-L7-0";
        fixture.client().resource(AkoCrds.hostRule("default", "ports", "Shared-L7-0", "Contains", Map.of("tcpSettings", Map.of(
                "listeners", List.of(Map.of("port", 80), Map.of("port", 8443, "enableSSL", true)), "loadBalancerIP", "10.250.250.199")))).create();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(present("virtualservice", vs).path("services"))
                    .extracting(s -> s.path("port").asInt() + (s.path("enable_ssl").asBoolean() ? "/ssl" : "")).containsExactly("80", "8443/ssl");
            JsonNode vip = present("vsvip", vs).path("vip").get(0);
            assertThat(vip.at("/ip_address/addr").asText()).isEqualTo("10.250.250.199");
            assertThat(vip.path("auto_allocate_ip").asBoolean()).isFalse();
        });
        assertThat(fixture.events("ports")).noneMatch(e -> "Unsupported".equals(e.getReason()));

        fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "HostRule").inNamespace("default").withName("ports").delete();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(present("virtualservice", vs).path("services"))
                    .extracting(s -> s.path("port").asInt() + (s.path("enable_ssl").asBoolean() ? "/ssl" : "")).containsExactly("80", "443/ssl");
            assertThat(present("vsvip", vs).path("vip").get(0).path("auto_allocate_ip").asBoolean()).isTrue();
        });
    }
}
