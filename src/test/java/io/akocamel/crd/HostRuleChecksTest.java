package io.akocamel.crd;

import io.akocamel.model.AviJson;
import io.akocamel.testing.AkoCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A HostRule's Secrets, aliases and tcpSettings are checked as AKO checks them; the first problem rejects the rule. */
class HostRuleChecksTest {
    /** Secret {@code good} is usable, {@code bad} is not; host {@code taken.example.com} is served by Ingress {@code default/web}. */
    private static final ClusterFacts FACTS = new ClusterFacts() {
        @Override
        public String secretProblem(String namespace, String name) {
            return switch (name) {
                case "good" -> null;
                case "bad" -> "is not usable: it has no tls.key";
                default -> "does not exist";
            };
        }

        @Override
        public String ingressOfHost(String host) {
            return "taken.example.com".equals(host) ? "default/web" : null;
        }
    };

    private static String verdict(GenericKubernetesResource... rules) {
        Verdict verdict = Verdicts.decide(List.of(rules), ref -> true, Set.of(), FACTS).get(Verdicts.keyOf(rules[rules.length - 1]));
        return verdict.accepted() ? "Accepted" : verdict.error();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            usable Secret              |          | {"tls":{"sslKeyCertificate":{"name":"good","type":"secret"}}}                 | Accepted
            missing Secret             |          | {"tls":{"sslKeyCertificate":{"name":"gone","type":"secret"}}}                 | tls.sslKeyCertificate: Secret ns/gone does not exist
            unusable Secret            |          | {"tls":{"sslKeyCertificate":{"name":"bad","type":"secret"}}}                  | tls.sslKeyCertificate: Secret ns/bad is not usable: it has no tls.key
            unusable alternate Secret  |          | {"tls":{"sslKeyCertificate":{"name":"good","type":"secret","alternateCertificate":{"name":"bad","type":"secret"}}}} | tls.sslKeyCertificate.alternateCertificate: Secret ns/bad is not usable: it has no tls.key
            aliases                    | Exact    | {"aliases":["www.example.com","shop.example.org"]}                            | Accepted
            aliases without Exact      | Wildcard | {"aliases":["www.example.com"]}                                               | aliases: aliases apply only with fqdnType: Exact (this rule has Wildcard); set fqdnType: Exact or remove the aliases
            alias is the fqdn          |          | {"aliases":["SHOP.example.com"]}                                              | aliases: shop.example.com is the rule's fqdn itself; remove it from aliases
            alias twice                |          | {"aliases":["www.example.com","WWW.example.com"]}                             | aliases: WWW.example.com is listed twice; list each alias once
            alias of an Ingress        |          | {"aliases":["taken.example.com"]}                                             | aliases: taken.example.com is a host of Ingress default/web; an alias must be a name no Ingress serves: remove it from aliases or from the Ingress
            listeners with SSL         |          | {"tcpSettings":{"listeners":[{"port":80},{"port":443,"enableSSL":true}]}}     | Accepted
            listeners without SSL      |          | {"tcpSettings":{"listeners":[{"port":8080}]}}                                 | tcpSettings.listeners: the virtual service must keep an SSL port for its secure hosts; set enableSSL: true on one listener
            loadBalancerIP             |          | {"tcpSettings":{"loadBalancerIP":"10.10.10.1"}}                               | Accepted
            loadBalancerIP not an IPv4 |          | {"tcpSettings":{"loadBalancerIP":"10.10.10"}}                                 | tcpSettings.loadBalancerIP: 10.10.10 is not an IPv4 address; give one of the VIP network's addresses
            """)
    void eachRuleAsAko(String rule, String fqdnType, String virtualHost, String expected) {
        Map<String, Object> fields = AviJson.mapper().convertValue(AviJson.parse(virtualHost), Map.class);
        String fqdn = "Wildcard".equals(fqdnType) ? "*.example.com" : "shop.example.com";

        assertThat(verdict(AkoCrds.hostRule("ns", "r", fqdn, fqdnType, fields))).isEqualTo(expected);
    }

    @Test
    void anAliasServedByAnOlderHostRuleRejectsTheNewer() {
        GenericKubernetesResource older = AkoCrds.hostRule("a", "older", "shop.example.com", null, Map.of("aliases", List.of("www.example.com")));
        older.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");
        GenericKubernetesResource newer = AkoCrds.hostRule("b", "newer", "other.example.com", null, Map.of("aliases", List.of("www.example.com")));
        newer.getMetadata().setCreationTimestamp("2026-01-02T00:00:00Z");

        assertThat(verdict(older, newer)).isEqualTo("aliases: www.example.com is already served by the older HostRule a/older; remove it from one of the two");
    }
}
