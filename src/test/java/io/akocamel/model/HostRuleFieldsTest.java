package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.testing.AkoCrds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the HostRule fields beyond the SNI child's own settings produce (golden/tls: secure.example.com with Secret
 * secure-tls, plain.example.com insecure, one shard VS): Secret certificates, aliases, tcpSettings.
 */
class HostRuleFieldsTest {
    private static final String VS = "cluster-1--Shared-L7-0";

    private static List<ShardModel> build(String fqdn, String fqdnType, String virtualHost) {
        Map<String, Object> fields = AviJson.mapper().convertValue(AviJson.parse(virtualHost), Map.class);
        ClusterSnapshot snapshot = ClusterSnapshot.of(K8s.settings(), K8s.yaml(K8s.resource("golden/tls.yaml")));
        return new ModelBuilder().buildAll(new WithRules(snapshot, List.of(AkoCrds.hostRule("default", "rule", fqdn, fqdnType, fields)), List.of()),
                K8s.settings("L7Settings.shardVSSize=SMALL"));
    }

    private static JsonNode body(List<ShardModel> shards, AviType type, String name) {
        return shards.stream().flatMap(s -> s.find(type, name).stream()).findFirst().orElseThrow(() -> new AssertionError(name + " not built")).body();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            secret on an insecure host makes it secure | plain.example.com  |          | {"tls":{"sslKeyCertificate":{"name":"secure-tls","type":"secret"}}} | VIRTUALSERVICE | cluster-1--plain.example.com  | /ssl_key_and_certificate_refs | ["/api/sslkeyandcertificate?name=cluster-1--plain.example.com"]
            ref on an insecure host makes it secure    | plain.example.com  |          | {"tls":{"sslKeyCertificate":{"name":"avi-cert","type":"ref"}}}      | VIRTUALSERVICE | cluster-1--plain.example.com  | /ssl_key_and_certificate_refs | ["/api/sslkeyandcertificate?name=avi-cert"]
            alternate secret                           | secure.example.com |          | {"tls":{"sslKeyCertificate":{"name":"secure-tls","type":"secret","alternateCertificate":{"name":"secure-tls","type":"secret"}}}} | VIRTUALSERVICE | cluster-1--secure.example.com | /ssl_key_and_certificate_refs | ["/api/sslkeyandcertificate?name=cluster-1--secure.example.com","/api/sslkeyandcertificate?name=cluster-1--secure.example.com-alternate"]
            aliases on the SNI child                   | secure.example.com |          | {"aliases":["www.example.com"]}                                      | VIRTUALSERVICE | cluster-1--secure.example.com | /vh_domain_name               | ["secure.example.com","www.example.com"]
            aliases in the VIP's DNS                   | secure.example.com |          | {"aliases":["www.example.com"]}                                      | VSVIP          | cluster-1--Shared-L7-0        | /dns_info                     | [{"fqdn":"plain.example.com"},{"fqdn":"secure.example.com"},{"fqdn":"www.example.com"}]
            aliases redirected to HTTPS                | secure.example.com |          | {"aliases":["www.example.com"]}                                      | HTTPPOLICYSET  | cluster-1--Shared-L7-0        | /http_request_policy/rules/0/match/host_hdr/value | ["secure.example.com","secure.example.com:80","secure.example.com:443","www.example.com","www.example.com:80","www.example.com:443"]
            aliases of an insecure host routed         | plain.example.com  | Exact    | {"aliases":["plain.example.org"]}                                    | HTTPPOLICYSET  | cluster-1--plain.example.com  | /http_request_policy/rules/0/match/host_hdr/value | ["plain.example.com","plain.example.com:80","plain.example.com:443","plain.example.org","plain.example.org:80","plain.example.org:443"]
            aliases not left to the catch-all          | plain.example.com  | Exact    | {"aliases":["plain.example.org"]}                                    | HTTPPOLICYSET  | cluster-1--Shared-L7-0-catch-all | /http_request_policy/rules/0/match/host_hdr/value | ["plain.example.com","plain.example.com:80","plain.example.com:443","plain.example.org","plain.example.org:80","plain.example.org:443","secure.example.com","secure.example.com:80","secure.example.com:443"]
            tcpSettings listeners on the shared VS     | Shared-L7-0        | Contains | {"tcpSettings":{"listeners":[{"port":8080},{"port":8443,"enableSSL":true}]}} | VIRTUALSERVICE | cluster-1--Shared-L7-0 | /services | [{"port":8080,"port_range_end":8080,"enable_ssl":false},{"port":8443,"port_range_end":8443,"enable_ssl":true}]
            tcpSettings loadBalancerIP                 | Shared-L7-0        | Contains | {"tcpSettings":{"loadBalancerIP":"10.10.10.199"}}                    | VSVIP          | cluster-1--Shared-L7-0        | /vip/0/ip_address             | {"addr":"10.10.10.199","type":"V4"}
            tcpSettings loadBalancerIP not allocated   | Shared-L7-0        | Contains | {"tcpSettings":{"loadBalancerIP":"10.10.10.199"}}                    | VSVIP          | cluster-1--Shared-L7-0        | /vip/0/auto_allocate_ip       | false
            tcpSettings of another VS                  | Shared-L7-1        | Contains | {"tcpSettings":{"loadBalancerIP":"10.10.10.199"}}                    | VSVIP          | cluster-1--Shared-L7-0        | /vip/0/auto_allocate_ip       | true
            """)
    void eachFieldGoesWhereAkoPutsIt(String behaviour, String fqdn, String fqdnType, String virtualHost, AviType type, String name, String pointer,
                                     String expected) {
        assertThat(body(build(fqdn, fqdnType, virtualHost), type, name).at(pointer)).isEqualTo(AviJson.parse(expected));
    }

    @Test
    void theSecretsCertificateIsMadeForTheHost() {
        JsonNode certificate = body(build("plain.example.com", null, "{\"tls\":{\"sslKeyCertificate\":{\"name\":\"secure-tls\",\"type\":\"secret\"}}}"),
                AviType.SSLKEYANDCERTIFICATE, "cluster-1--plain.example.com");

        assertThat(certificate.at("/certificate/certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(certificate.path("key").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aSecretThatIsMissingLeavesTheHostAsItsIngressesMakeIt() {
        List<ShardModel> shards = build("plain.example.com", null, "{\"tls\":{\"sslKeyCertificate\":{\"name\":\"gone\",\"type\":\"secret\"}}}");

        assertThat(shards.stream().flatMap(s -> s.find(AviType.VIRTUALSERVICE, "cluster-1--plain.example.com").stream())).isEmpty();
        assertThat(body(shards, AviType.HTTPPOLICYSET, "cluster-1--plain.example.com")).isNotNull();
    }

    @Test
    void anAliasThatIsAHostOfTheShardIsLeftToThatHost() {
        List<ShardModel> shards = build("secure.example.com", null, "{\"aliases\":[\"plain.example.com\"]}");

        assertThat(body(shards, AviType.VIRTUALSERVICE, "cluster-1--secure.example.com").at("/vh_domain_name")).isEqualTo(AviJson.parse("[\"secure.example.com\"]"));
    }
}
