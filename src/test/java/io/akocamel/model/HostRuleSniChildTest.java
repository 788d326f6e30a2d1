package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.testing.AkoCrds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an Accepted HostRule field sets on the SNI child of a secure host (golden/tls: secure.example.com), field by field. */
class HostRuleSniChildTest {
    private static final String CHILD = "cluster-1--secure.example.com";
    private static final List<String> FIELDS = List.of("ssl_key_and_certificate_refs", "network_security_policy_ref", "analytics_policy");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            none                  | {}                                                                                      | {"ssl_key_and_certificate_refs":["/api/sslkeyandcertificate?name=cluster-1--secure.example.com"]}
            alternateCertificate  | {"tls":{"sslKeyCertificate":{"name":"rsa","type":"ref","alternateCertificate":{"name":"ec","type":"ref"}}}} | {"ssl_key_and_certificate_refs":["/api/sslkeyandcertificate?name=rsa","/api/sslkeyandcertificate?name=ec"]}
            networkSecurityPolicy | {"networkSecurityPolicy":"allow-office"}                                               | {"ssl_key_and_certificate_refs":["/api/sslkeyandcertificate?name=cluster-1--secure.example.com"],"network_security_policy_ref":"/api/networksecuritypolicy?name=allow-office"}
            analyticsPolicy       | {"analyticsPolicy":{"fullClientLogs":{"enabled":true,"throttle":"LOW","duration":30},"logAllHeaders":true}} | {"ssl_key_and_certificate_refs":["/api/sslkeyandcertificate?name=cluster-1--secure.example.com"],"analytics_policy":{"full_client_logs":{"enabled":true,"throttle":50,"duration":30},"all_headers":true}}
            analyticsPolicy default | {"analyticsPolicy":{"fullClientLogs":{"enabled":true}}}                              | {"ssl_key_and_certificate_refs":["/api/sslkeyandcertificate?name=cluster-1--secure.example.com"],"analytics_policy":{"full_client_logs":{"enabled":true,"throttle":10,"duration":0},"all_headers":false}}
            """)
    void eachFieldGoesOnTheSniChild(String field, String virtualHost, String expected) {
        Map<String, Object> fields = AviJson.mapper().convertValue(AviJson.parse(virtualHost), Map.class);
        ClusterSnapshot snapshot = ClusterSnapshot.of(K8s.settings(), K8s.yaml(K8s.resource("golden/tls.yaml")));
        List<ShardModel> shards = new ModelBuilder().buildAll(new WithRules(snapshot,
                List.of(AkoCrds.hostRule("default", "rule", "secure.example.com", null, fields)), List.of()), K8s.settings("L7Settings.shardVSSize=SMALL"));

        JsonNode body = shards.stream().flatMap(s -> s.find(AviType.VIRTUALSERVICE, CHILD).stream()).findFirst().orElseThrow().body();
        ObjectNode child = AviJson.object();
        FIELDS.stream().filter(body::has).forEach(f -> child.set(f, body.get(f)));
        assertThat(child).isEqualTo(AviJson.parse(expected));
    }
}
