package io.akocamel.reconcile;

import io.akocamel.crd.ClusterFacts;
import io.akocamel.crd.Verdicts;
import io.akocamel.testing.AkoCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which settings of a resource are named in the Warning {@code Unsupported}: those ako-camel does not apply. */
class AppliedSettingsTest {

    private static List<String> notApplied(GenericKubernetesResource resource) {
        return Verdicts.decide(List.of(resource), ref -> true, CustomResourceAdmission.APPLIED, ClusterFacts.NONE).get(Verdicts.keyOf(resource)).notApplied();
    }

    @Test
    void everyHostRuleFieldButTheUnappliedOnesIsApplied() {
        GenericKubernetesResource rule = AkoCrds.hostRule("default", "all", "shop.example.com", "Exact", Map.ofEntries(
                Map.entry("enableVirtualHost", true), Map.entry("wafPolicy", "w"), Map.entry("applicationProfile", "a"),
                Map.entry("analyticsProfile", "a"), Map.entry("errorPageProfile", "e"), Map.entry("icapProfile", List.of("i")),
                Map.entry("datascripts", List.of("d")), Map.entry("httpPolicy", Map.of("policySets", List.of("p"), "overwrite", true)),
                Map.entry("networkSecurityPolicy", "n"), Map.entry("analyticsPolicy", Map.of("logAllHeaders", true)),
                Map.entry("tls", Map.of("sslProfile", "s", "termination", "edge", "sslKeyCertificate", Map.of("name", "c", "type", "secret",
                        "alternateCertificate", Map.of("name", "c2", "type", "ref")))),
                Map.entry("aliases", List.of("www.example.com")), Map.entry("tcpSettings", Map.of("loadBalancerIP", "10.0.0.1")),
                Map.entry("useRegex", true), Map.entry("applicationRootPath", "/app"), Map.entry("gslb", Map.of("fqdn", "g.example.com")),
                Map.entry("l7Rule", "l")));

        assertThat(notApplied(rule)).containsExactly("virtualhost.applicationRootPath", "virtualhost.gslb", "virtualhost.l7Rule",
                "virtualhost.useRegex");
    }

    @Test
    void everyHttpRuleFieldIsApplied() {
        GenericKubernetesResource rule = AkoCrds.httpRule("default", "all", "shop.example.com", List.of(Map.of("target", "/",
                "loadBalancerPolicy", Map.of("algorithm", "LB_ALGORITHM_CONSISTENT_HASH", "hash", "LB_ALGORITHM_CONSISTENT_HASH_URI"),
                "healthMonitors", List.of("h"), "applicationPersistence", "p", "enableHTTP2", true,
                "tls", Map.of("type", "reencrypt", "sslProfile", "s", "destinationCA", "PEM"))));

        assertThat(notApplied(rule)).isEmpty();
    }
}
