package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.testing.AkoCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an Accepted HTTPRule path sets on the pools of the Ingress paths it targets (golden/insecure-multi-path: shop.example.com). */
class HttpRulePoolTest {
    private static final String ROOT = "cluster-1--default-shop.example.com_-shop";
    private static final String API = "cluster-1--default-shop.example.com_api_v1-shop";
    private static final String STATIC = "cluster-1--default-shop.example.com_static_-shop";
    /** The pool fields an HTTPRule can set. */
    private static final List<String> FIELDS = List.of("lb_algorithm", "lb_algorithm_hash", "lb_algorithm_consistent_hash_hdr",
            "health_monitor_refs", "application_persistence_profile_ref", "sni_enabled", "ssl_profile_ref", "pki_profile_ref", "enable_http2");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            none                      | {}                                                                                           | {"health_monitor_refs":["/api/healthmonitor?name=System-TCP"],"sni_enabled":false}
            algorithm                 | {"loadBalancerPolicy":{"algorithm":"LB_ALGORITHM_LEAST_CONNECTIONS"}}                        | {"lb_algorithm":"LB_ALGORITHM_LEAST_CONNECTIONS","health_monitor_refs":["/api/healthmonitor?name=System-TCP"],"sni_enabled":false}
            hash                      | {"loadBalancerPolicy":{"algorithm":"LB_ALGORITHM_CONSISTENT_HASH","hash":"LB_ALGORITHM_CONSISTENT_HASH_URI","hostHeader":"X-Id"}} | {"lb_algorithm":"LB_ALGORITHM_CONSISTENT_HASH","lb_algorithm_hash":"LB_ALGORITHM_CONSISTENT_HASH_URI","health_monitor_refs":["/api/healthmonitor?name=System-TCP"],"sni_enabled":false}
            custom header hash        | {"loadBalancerPolicy":{"algorithm":"LB_ALGORITHM_CONSISTENT_HASH","hash":"LB_ALGORITHM_CONSISTENT_HASH_CUSTOM_HEADER","hostHeader":"X-Id"}} | {"lb_algorithm":"LB_ALGORITHM_CONSISTENT_HASH","lb_algorithm_hash":"LB_ALGORITHM_CONSISTENT_HASH_CUSTOM_HEADER","lb_algorithm_consistent_hash_hdr":"X-Id","health_monitor_refs":["/api/healthmonitor?name=System-TCP"],"sni_enabled":false}
            hash without consistent   | {"loadBalancerPolicy":{"algorithm":"LB_ALGORITHM_ROUND_ROBIN","hash":"LB_ALGORITHM_CONSISTENT_HASH_URI"}} | {"lb_algorithm":"LB_ALGORITHM_ROUND_ROBIN","health_monitor_refs":["/api/healthmonitor?name=System-TCP"],"sni_enabled":false}
            health monitors           | {"healthMonitors":["http-check","my monitor"]}                                               | {"health_monitor_refs":["/api/healthmonitor?name=http-check","/api/healthmonitor?name=my%20monitor"],"sni_enabled":false}
            persistence               | {"applicationPersistence":"cookie-persistence"}                                              | {"application_persistence_profile_ref":"/api/applicationpersistenceprofile?name=cookie-persistence","health_monitor_refs":["/api/healthmonitor?name=System-TCP"],"sni_enabled":false}
            reencrypt                 | {"tls":{"type":"reencrypt"}}                                                                 | {"sni_enabled":true,"ssl_profile_ref":"/api/sslprofile?name=System-Standard","health_monitor_refs":["/api/healthmonitor?name=System-TCP"]}
            reencrypt with profiles   | {"tls":{"type":"reencrypt","sslProfile":"tls13","pkiProfile":"corp-ca"}}                     | {"sni_enabled":true,"ssl_profile_ref":"/api/sslprofile?name=tls13","pki_profile_ref":"/api/pkiprofile?name=corp-ca","health_monitor_refs":["/api/healthmonitor?name=System-TCP"]}
            reencrypt destinationCA   | {"tls":{"type":"reencrypt","destinationCA":"PEM"}}                                           | {"sni_enabled":true,"ssl_profile_ref":"/api/sslprofile?name=System-Standard","pki_profile_ref":"/api/pkiprofile?name=cluster-1--default-shop.example.com_-shop-pkiprofile","health_monitor_refs":["/api/healthmonitor?name=System-TCP"]}
            enableHTTP2               | {"enableHTTP2":true}                                                                         | {"enable_http2":true,"health_monitor_refs":["/api/healthmonitor?name=System-TCP"],"sni_enabled":false}
            """)
    void eachFieldOfAPathGoesOnThePool(String field, String path, String expected) {
        Map<String, Object> fields = AviJson.mapper().convertValue(AviJson.parse(path), Map.class);
        fields.put("target", "/");
        ShardModel shard = build(rule("default", "shop.example.com", fields));

        ObjectNode pool = AviJson.object();
        JsonNode body = shard.find(AviType.POOL, ROOT).orElseThrow().body();
        FIELDS.stream().filter(body::has).forEach(f -> pool.set(f, body.get(f)));
        assertThat(pool).isEqualTo(AviJson.parse(expected));
    }

    @Test
    void aDestinationCaBecomesAPkiProfileOwnedWithThePool() {
        ShardModel shard = build(rule("default", "shop.example.com", Map.of("target", "/", "tls", Map.of("type", "reencrypt", "destinationCA", "PEM"))));

        AviObject profile = shard.find(AviType.PKIPROFILE, ROOT + "-pkiprofile").orElseThrow();
        assertThat(profile.body().path("ca_certs")).isEqualTo(AviJson.parse("[{\"certificate\":\"PEM\"}]"));
        assertThat(profile.body().path("crl_check").asBoolean(true)).isFalse();
        assertThat(profile.body().path("created_by").asText()).isNotEmpty();
        assertThat(shard.objects().indexOf(profile)).isLessThan(shard.objects().indexOf(shard.find(AviType.POOL, ROOT).orElseThrow()));
        assertThat(shard.ofType(AviType.PKIPROFILE)).extracting(AviObject::name) // target / prefixes the three paths: one each
                .containsExactlyInAnyOrder(ROOT + "-pkiprofile", API + "-pkiprofile", STATIC + "-pkiprofile");
    }

    @ParameterizedTest(name = "target {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /        | {'/':'LB_ALGORITHM_ROUND_ROBIN','/api/v1':'LB_ALGORITHM_ROUND_ROBIN','/static/':'LB_ALGORITHM_ROUND_ROBIN'}
            /api     | {'/api/v1':'LB_ALGORITHM_ROUND_ROBIN'}
            /stat    | {'/static/':'LB_ALGORITHM_ROUND_ROBIN'}
            /api/v1/ | {}
            """)
    void aTargetAppliesToTheIngressPathsItPrefixes(String target, String expected) {
        ShardModel shard = build(rule("default", "shop.example.com", Map.of("target", target,
                "loadBalancerPolicy", Map.of("algorithm", "LB_ALGORITHM_ROUND_ROBIN"))));

        assertThat(algorithms(shard)).isEqualTo(AviJson.parse(expected.replace('\'', '"')));
    }

    @Test
    void theLongestMatchingTargetWins() {
        ShardModel shard = build(rule("default", "shop.example.com", Map.of("target", "/api", "loadBalancerPolicy",
                Map.of("algorithm", "LB_ALGORITHM_FEWEST_SERVERS")), Map.of("target", "/", "loadBalancerPolicy", Map.of("algorithm",
                "LB_ALGORITHM_ROUND_ROBIN"))));

        assertThat(algorithms(shard)).isEqualTo(AviJson.parse("{\"/\":\"LB_ALGORITHM_ROUND_ROBIN\",\"/api/v1\":\"LB_ALGORITHM_FEWEST_SERVERS\","
                + "\"/static/\":\"LB_ALGORITHM_ROUND_ROBIN\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another namespace | other   | shop.example.com
            another host      | default | www.example.com
            """)
    void aRuleAppliesOnlyToItsHostInItsNamespace(String why, String namespace, String fqdn) {
        ShardModel shard = build(rule(namespace, fqdn, Map.of("target", "/", "loadBalancerPolicy", Map.of("algorithm", "LB_ALGORITHM_ROUND_ROBIN"))));

        assertThat(algorithms(shard).isEmpty()).isTrue();
    }

    /** Path → lb_algorithm of the pools that have one. */
    private static ObjectNode algorithms(ShardModel shard) {
        ObjectNode out = AviJson.object();
        Map.of("/", ROOT, "/api/v1", API, "/static/", STATIC).forEach((path, pool) -> {
            JsonNode algorithm = shard.find(AviType.POOL, pool).orElseThrow().body().get("lb_algorithm");
            if (algorithm != null) {
                out.set(path, algorithm);
            }
        });
        return out;
    }

    @SafeVarargs
    private static GenericKubernetesResource rule(String namespace, String fqdn, Map<String, Object>... paths) {
        return AkoCrds.httpRule(namespace, "rule", fqdn, List.of(paths));
    }

    private static ShardModel build(GenericKubernetesResource rule) {
        ClusterSnapshot snapshot = ClusterSnapshot.of(K8s.settings(), K8s.yaml(K8s.resource("golden/insecure-multi-path.yaml")));
        return new ModelBuilder().buildAll(new WithRules(snapshot, List.of(), List.of(rule)), K8s.settings("L7Settings.shardVSSize=SMALL"))
                .stream().filter(s -> s.find(AviType.POOL, ROOT).isPresent()).findFirst().orElseThrow();
    }
}
