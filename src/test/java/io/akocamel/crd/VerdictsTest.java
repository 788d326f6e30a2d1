package io.akocamel.crd;

import io.akocamel.testing.AkoCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    private static GenericKubernetesResource created(GenericKubernetesResource resource, String timestamp) {
        resource.getMetadata().setCreationTimestamp(timestamp);
        return resource;
    }

    @Test
    void theOlderHostRuleWinsWhateverTheNames() {
        GenericKubernetesResource older = created(AkoCrds.hostRule("b", "z", "shop.example.com", null, Map.of()), "2026-01-01T00:00:00Z");
        GenericKubernetesResource newer = created(AkoCrds.hostRule("a", "a", "SHOP.example.com", "Exact", Map.of()), "2026-01-02T00:00:00Z");

        Map<String, Verdict> verdicts = Verdicts.decide(List.of(newer, older), ref -> true, Set.of(), ClusterFacts.NONE);

        assertThat(verdicts.get("HostRule/b/z").accepted()).isTrue();
        assertThat(verdicts.get("HostRule/a/a").error())
                .isEqualTo("fqdn shop.example.com (Exact) is already configured by the older HostRule b/z; remove one of the two or change its fqdn");
    }

    @Test
    void aRejectedHostRuleClaimsNoHost() {
        GenericKubernetesResource older = created(AkoCrds.hostRule("ns", "older", "shop.example.com", null, Map.of("wafPolicy", "gone")),
                "2026-01-01T00:00:00Z");
        GenericKubernetesResource newer = created(AkoCrds.hostRule("ns", "newer", "shop.example.com", null, Map.of()), "2026-01-02T00:00:00Z");

        Map<String, Verdict> verdicts = Verdicts.decide(List.of(older, newer), ref -> !ref.name().equals("gone"), Set.of(), ClusterFacts.NONE);

        assertThat(verdicts.get("HostRule/ns/older").status()).isEqualTo("Rejected");
        assertThat(verdicts.get("HostRule/ns/newer").status()).isEqualTo("Accepted");
    }

    @Test
    void httpRulesConflictOnlyOnTheSamePathTarget() {
        GenericKubernetesResource first = created(AkoCrds.httpRule("ns", "first", "shop.example.com", List.of(Map.of("target", "/api"))),
                "2026-01-01T00:00:00Z");
        GenericKubernetesResource other = created(AkoCrds.httpRule("ns", "other", "shop.example.com", List.of(Map.of("target", "/web"))),
                "2026-01-02T00:00:00Z");
        GenericKubernetesResource same = created(AkoCrds.httpRule("ns", "same", "shop.example.com", List.of(Map.of("target", "/api"))),
                "2026-01-03T00:00:00Z");

        Map<String, Verdict> verdicts = Verdicts.decide(List.of(same, other, first), ref -> true, Set.of(), ClusterFacts.NONE);

        assertThat(verdicts).extractingFromEntries(e -> e.getKey() + " " + e.getValue().status()).containsExactly(
                "HTTPRule/ns/first Accepted", "HTTPRule/ns/other Accepted", "HTTPRule/ns/same Rejected");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ref    | tls.sslKeyCertificate: sslkeyandcertificate 'shop-cert'",
            "secret | "})
    void onlyACertificateOfTypeRefNamesAnAviObject(String type, String reference) {
        GenericKubernetesResource rule = AkoCrds.hostRule("ns", "r", "shop.example.com", null,
                Map.of("tls", Map.of("sslKeyCertificate", Map.of("name", "shop-cert", "type", type))));

        assertThat(AviReferences.of(rule)).extracting(r -> r.field() + ": " + r.type() + " '" + r.name() + "'")
                .containsExactlyElementsOf(reference == null ? List.of() : List.of(reference));
    }

    @Test
    void anAviInfraSettingNamesTheFieldsThisModeDoesNotApply() {
        GenericKubernetesResource setting = AkoCrds.aviInfraSetting("fast", Map.of("seGroup", Map.of("name", "se"),
                "network", Map.of("vipNetworks", List.of(Map.of("networkName", "vip")), "enableRhi", true, "enablePublicIP", true,
                        "nodeNetworks", List.of(Map.of("networkName", "nodes"))), "nsxSettings", Map.of("t1lr", "t1")));

        Verdict verdict = Verdicts.decide(List.of(setting), ref -> true, Set.copyOf(InfraSetting.APPLIED), ClusterFacts.NONE).get("AviInfraSetting/fast");

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.notApplied()).containsExactly("network.enablePublicIP", "network.nodeNetworks", "nsxSettings");
    }

    @Test
    void bgpPeerLabelsWithoutRouteHealthInjectionRejectTheSettingAsAkoDoes() {
        GenericKubernetesResource setting = AkoCrds.aviInfraSetting("fast", Map.of("network", Map.of("bgpPeerLabels", List.of("peer1"))));

        Verdict verdict = Verdicts.decide(List.of(setting), ref -> true, Set.copyOf(InfraSetting.APPLIED), ClusterFacts.NONE).get("AviInfraSetting/fast");

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.error()).isEqualTo("network.bgpPeerLabels: BGP peer labels apply only with route health injection; set "
                + "network.enableRhi: true, or remove the labels");
    }

    @Test
    void everySettingNotAppliedIsNamedAndTheSelectorsAreNot() {
        GenericKubernetesResource rule = AkoCrds.hostRule("ns", "r", "shop.example.com", "Exact",
                Map.of("wafPolicy", "waf", "useRegex", true, "aliases", List.of("www.example.com")));

        Verdict verdict = Verdicts.decide(List.of(rule), ref -> true, Set.of("HostRule.virtualhost.wafPolicy"), ClusterFacts.NONE).get("HostRule/ns/r");

        assertThat(verdict.notApplied()).containsExactly("virtualhost.aliases", "virtualhost.useRegex");
    }
}
