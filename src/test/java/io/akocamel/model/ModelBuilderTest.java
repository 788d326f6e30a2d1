package io.akocamel.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.model.AviRouter.PortReading;
import io.akocamel.model.AviRouter.SetReading;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.akocamel.model.K8s.ingress;
import static io.akocamel.model.K8s.prefix;
import static org.assertj.core.api.Assertions.assertThat;

/** Shard-level behaviour: ownership, references, order, empty shards, DEDICATED, status hosts, no pool groups. */
class ModelBuilderTest {
    private static final Pattern NAME_REF = Pattern.compile("\"/api/(vsvip|sslkeyandcertificate|pool|poolgroup|httppolicyset|virtualservice)\\?name=([^\"]+)\"");

    @Test
    void emptyClusterStillHasEveryShardVsWithItsVipAndA404() {
        List<ShardModel> shards = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), List.of()), K8s.settings());

        assertThat(shards).hasSize(8);
        for (ShardModel shard : shards) {
            assertThat(shard.objects()).extracting(AviObject::key).containsExactly("vsvip/" + shard.vsName(),
                    "httppolicyset/" + shard.vsName() + "-catch-all", "virtualservice/" + shard.vsName());
            assertThat(new AviRouter(List.of(shard)).route("http://any.test/", SetReading.EVERY_SET_RUNS, PortReading.HOST_PORT_KEPT))
                    .isEqualTo(AviRouter.NOT_FOUND);
        }
    }

    @Test
    void everyObjectIsMarkedAsThisClustersAndEveryNameRefResolvesInItsShard() {
        List<ShardModel> shards = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), DeterminismTest.cluster(new Random(9), 40)), K8s.settings());

        for (ShardModel shard : shards) {
            for (AviObject o : shard.objects()) {
                JsonNode body = o.body();
                assertThat(body.path("name").asText()).isEqualTo(o.name());
                assertThat(body.path("markers").get(0).toString()).as(o.key()).isEqualTo("{\"key\":\"clustername\",\"values\":[\"cluster-1\"]}");
                assertThat(body.path("tenant_ref").asText()).as(o.key()).isEqualTo("/api/tenant?name=admin");
                if (o.type() != AviType.VSVIP) { // the Avi VsVip schema has no created_by: its name and marker say whose it is
                    assertThat(body.path("created_by").asText()).as(o.key()).isEqualTo("ako-cluster-1");
                }
                Matcher ref = NAME_REF.matcher(o.json());
                while (ref.find()) {
                    assertThat(shard.find(AviType.fromPath(ref.group(1)), ref.group(2))).as(o.key() + " → " + ref.group()).isPresent();
                }
            }
        }
    }

    @Test
    void objectsComeInCreateOrderWithTheParentBeforeItsChildren() {
        ShardModel shard = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), List.of(
                ingress("default/a", 0).tls("tls", "0.example.test").rule("0.example.test", prefix("/", "web")).build(),
                ingress("default/b", 0).rule("b.test", prefix("/", "web")).build(),
                K8s.tlsSecret("default/tls"))), K8s.settings("L7Settings.shardVSSize=SMALL")).get(0);

        assertThat(shard.objects()).extracting(AviObject::key).containsExactly(
                "vsvip/cluster-1--Shared-L7-0",
                "sslkeyandcertificate/cluster-1--0.example.test",
                "pool/cluster-1--default-0.example.test_-a",
                "pool/cluster-1--default-b.test_-b",
                "httppolicyset/cluster-1--0.example.test",
                "httppolicyset/cluster-1--Shared-L7-0",
                "httppolicyset/cluster-1--Shared-L7-0-catch-all",
                "httppolicyset/cluster-1--b.test",
                "virtualservice/cluster-1--Shared-L7-0",
                "virtualservice/cluster-1--0.example.test");
    }

    @Test
    void parentPoliciesRunHostSetsPreciseThenLongerWildcardsThenRedirectThenCatchAll() {
        ShardModel shard = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), List.of(
                ingress("default/a", 0).rule("*.w.test", prefix("/", "web")).rule("*.x.w.test", prefix("/", "web"))
                        .rule("b.test", prefix("/", "web")).rule("a.test", prefix("/", "web")).build(),
                ingress("default/t", 0).tls("tls", "t.test").rule("t.test", prefix("/", "web")).build(),
                K8s.tlsSecret("default/tls"))), K8s.settings("L7Settings.shardVSSize=SMALL")).get(0);

        List<String> sets = new ArrayList<>();
        shard.find(AviType.VIRTUALSERVICE, shard.vsName()).orElseThrow().body().path("http_policies")
                .forEach(p -> sets.add(p.path("index").asInt() + " " + p.path("http_policy_set_ref").asText().replace("/api/httppolicyset?name=", "")));
        assertThat(sets).containsExactly("11 cluster-1--a.test", "12 cluster-1--b.test", "13 cluster-1--*.x.w.test", "14 cluster-1--*.w.test",
                "15 cluster-1--Shared-L7-0", "16 cluster-1--Shared-L7-0-catch-all");
    }

    @Test
    void statusListsTheHostsServedPerIngressAndAnEmptyHostForDefaultBackendOrHostlessRules() {
        ShardModel shard = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), List.of(
                ingress("default/hosts", 0).rule("a.test", prefix("/", "web")).rule("b.test", prefix("/", "web")).build(),
                ingress("default/fallback", 1).defaultBackend("web").build(),
                ingress("default/later-fallback", 2).defaultBackend("web").build(),
                ingress("default/hostless", 3).rule("", prefix("/x", "web")).build(),
                ingress("default/no-secret", 4).tls("gone", "s.test").rule("s.test", prefix("/", "web")).build())),
                K8s.settings("L7Settings.shardVSSize=SMALL")).get(0);

        assertThat(shard.ingressHosts()).isEqualTo(Map.of(
                new IngressRef("default", "hosts"), Set.of("a.test", "b.test"),
                new IngressRef("default", "fallback"), Set.of(""),
                new IngressRef("default", "hostless"), Set.of("")));
        assertThat(shard.hosts()).containsExactly("a.test", "b.test");
    }

    @Test
    void dedicatedVsExistsPerHostAndIsEmptyOnceItsHostIsGone() {
        var settings = K8s.settings("L7Settings.shardVSSize=DEDICATED");
        var a = ingress("default/a", 0).rule("a.test", prefix("/", "web")).build();
        var b = ingress("default/b", 0).rule("b.test", prefix("/", "web")).build();
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), List.of(a, b));
        ModelBuilder builder = new ModelBuilder();

        assertThat(ModelBuilder.shardNames(cluster, settings)).containsExactly("cluster-1--a.test-L7-dedicated", "cluster-1--b.test-L7-dedicated");
        assertThat(builder.buildShard("cluster-1--b.test-L7-dedicated", cluster, settings).hosts()).containsExactly("b.test");

        ClusterSnapshot withoutB = cluster.without(b);
        assertThat(ModelBuilder.shardNames(withoutB, settings)).containsExactly("cluster-1--a.test-L7-dedicated");
        assertThat(builder.buildShard("cluster-1--b.test-L7-dedicated", withoutB, settings).objects()).isEmpty();
    }

    @Test
    void tenThousandChurnedDedicatedHostsLeaveNothingCarried() {
        var settings = K8s.settings("L7Settings.shardVSSize=DEDICATED");
        List<HasMetadata> ingresses = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ingresses.add(ingress("default/i" + i, 0).rule("h" + i + ".test", prefix("/", "web")).build());
        }
        ClusterSnapshot created = ClusterSnapshot.of(settings, ingresses);
        ModelBuilder builder = new ModelBuilder();
        List<String> shards = List.copyOf(ModelBuilder.shardNames(created, settings));
        shards.forEach(shard -> builder.buildShard(shard, created, settings));
        assertThat(builder.carriedShards()).isEqualTo(10_000);

        ClusterSnapshot deleted = ClusterSnapshot.of(settings, List.of());
        shards.forEach(shard -> builder.buildShard(shard, deleted, settings));

        assertThat(builder.carriedShards()).isZero();
    }

    @Test
    void poolNamesThatAkosFormWouldShareGetAHashAndBothHostsReachTheirBackends() {
        // namespace a-b + host c.test and namespace a + host b-c.test both give cluster-1--a-b-c.test_x-ing
        var settings = K8s.settings("L7Settings.shardVSSize=SMALL");
        List<io.fabric8.kubernetes.api.model.HasMetadata> objects = new ArrayList<>(List.of(
                ingress("a-b/ing", 0).rule("c.test", prefix("/x", "one")).build(),
                ingress("a/ing", 1).rule("b-c.test", prefix("/x", "two")).build()));
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), objects);
        ModelBuilder remembering = new ModelBuilder();
        remembering.buildAll(cluster, settings);

        ShardModel shard = remembering.buildShard("cluster-1--Shared-L7-0", cluster, settings);

        assertThat(shard.ofType(AviType.POOL)).extracting(AviObject::name)
                .containsExactly("cluster-1--a-b-c.test_x-ing", "cluster-1--a-b-c.test_x-ing-" + String.format("%08x", Naming.fnv1a32("a-b/ing|c.test|PREFIX|/x")));
        AviRouter router = new AviRouter(List.of(shard));
        assertThat(router.route("http://b-c.test/x", SetReading.EVERY_SET_RUNS, PortReading.HOST_PORT_KEPT)).isEqualTo("svc:a/two");
        assertThat(router.route("http://c.test/x", SetReading.EVERY_SET_RUNS, PortReading.HOST_PORT_KEPT)).isEqualTo("svc:a-b/one");
        assertThat(DeterminismTest.render(List.of(shard)))
                .isEqualTo(DeterminismTest.render(List.of(new ModelBuilder().buildShard("cluster-1--Shared-L7-0", cluster, settings))));
    }

    @ParameterizedTest(name = "noPGForSNI: {0}")
    @ValueSource(strings = {"true", "false"})
    void rulesSwitchToPoolsWithoutPoolGroupsWhateverNoPGForSniSays(String noPGForSni) {
        List<ShardModel> shards = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), List.of(
                ingress("default/a", 0).rule("a.test", prefix("/", "web")).build())),
                K8s.settings("L7Settings.shardVSSize=SMALL", "L7Settings.noPGForSNI=" + noPGForSni));

        assertThat(shards.get(0).ofType(AviType.POOLGROUP)).isEmpty();
        assertThat(shards.get(0).find(AviType.HTTPPOLICYSET, "cluster-1--a.test").orElseThrow().json())
                .contains("\"action\":\"HTTP_SWITCHING_SELECT_POOL\",\"pool_ref\":\"/api/pool?name=cluster-1--default-a.test_-a\"");
        assertThat(new AviRouter(shards).route("http://a.test/", SetReading.FIRST_SET_DECIDES, PortReading.HOST_PORT_KEPT)).isEqualTo("svc:default/web");
    }
}
