package io.akocamel.model;

import io.akocamel.config.ShardSize;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.akocamel.model.K8s.ingress;
import static io.akocamel.model.K8s.prefix;
import static org.assertj.core.api.Assertions.assertThat;

/** AKO's names and FNV-1a host sharding, including AKO's own test vectors. */
class NamingTest {
    private static final Naming LARGE = new Naming("cluster-1", ShardSize.LARGE);
    private static final Naming DEDICATED = new Naming("cluster-1", ShardSize.DEDICATED);

    @ParameterizedTest(name = "{0} with {1} → shard {2}")
    @CsvSource(textBlock = """
            foo.com,          LARGE,  0
            noo.com,          LARGE,  0
            bar.com,          LARGE,  1
            shop.example.com, LARGE,  6
            *.noo.com,        LARGE,  4
            api.test,         LARGE,  7
            shop.example.com, MEDIUM, 2
            api.test,         MEDIUM, 3
            bar.com,          SMALL,  0
            api.test,         SMALL,  0
            """)
    void hostLandsOnTheShardAkoPicks(String host, ShardSize size, int shard) {
        assertThat(Naming.shardNumber(host, size.shards())).isEqualTo(shard);
        assertThat(new Naming("cluster-1", size).shardVsName(host)).isEqualTo("cluster-1--Shared-L7-" + shard);
    }

    @Test
    void fnv1aMatchesAkosHashOfFooCom() {
        assertThat(Naming.fnv1a32("foo.com")).isEqualTo(0x41ad0598);
    }

    @Test
    void fnv1aHashesUtf8BytesOfNonAsciiText() {
        assertThat(Naming.fnv1a32("é")).isEqualTo(fnvOfBytes(new byte[] {(byte) 0xc3, (byte) 0xa9}));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            shard VS                  | cluster-1--Shared-L7-0
            dedicated VS              | cluster-1--foo.com-L7-dedicated
            SNI child                 | cluster-1--foo.com
            certificate               | cluster-1--foo.com
            host policy set           | cluster-1--foo.com
            pool for /                | cluster-1--default-foo.com_-web
            pool for /a/b             | cluster-1--default-foo.com_a_b-web
            pool for no path          | cluster-1--default-foo.com-web
            dedicated pool            | cluster-1--default-foo.com_-web-L7-dedicated
            host-less pool            | cluster-1--Shared-L7-0--default-_health-web
            default backend pool      | cluster-1--Shared-L7-0--default-default-backend-web
            redirect policy set       | cluster-1--Shared-L7-0
            catch-all policy set      | cluster-1--Shared-L7-0-catch-all
            """)
    void objectNamesFollowAko(String what, String expected) {
        String vs = "cluster-1--Shared-L7-0";
        String name = switch (what) {
            case "shard VS" -> LARGE.shardVsName("foo.com");
            case "dedicated VS" -> DEDICATED.shardVsName("foo.com");
            case "SNI child" -> LARGE.sniChildName("foo.com");
            case "certificate" -> LARGE.certificateName("foo.com");
            case "host policy set" -> LARGE.hostPolicySetName("foo.com");
            case "pool for /" -> LARGE.poolName("default", "foo.com", "/", "web");
            case "pool for /a/b" -> LARGE.poolName("default", "foo.com", "/a/b", "web");
            case "pool for no path" -> LARGE.poolName("default", "foo.com", "", "web");
            case "dedicated pool" -> DEDICATED.poolName("default", "foo.com", "/", "web");
            case "host-less pool" -> LARGE.hostlessPoolName(vs, "default", "/health", "web");
            case "default backend pool" -> LARGE.defaultBackendPoolName(vs, "default", "web");
            case "redirect policy set" -> LARGE.redirectPolicySetName(vs);
            case "catch-all policy set" -> LARGE.catchAllPolicySetName(vs);
            default -> throw new IllegalArgumentException(what);
        };
        assertThat(name).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            shard VS           | cluster-1--Shared-L7-fast-0
            SNI child          | cluster-1--fast-foo.com
            host policy set    | cluster-1--fast-foo.com
            pool for /         | cluster-1--fast-default-foo.com_-web
            dedicated VS       | cluster-1--fast-foo.com-L7-dedicated
            every shared VS    | [cluster-1--Shared-L7-fast-0, cluster-1--Shared-L7-fast-1, cluster-1--Shared-L7-fast-2, cluster-1--Shared-L7-fast-3]
            """)
    void anAviInfraSettingsNameIsInsertedAsAkoInsertsIt(String what, String expected) {
        Naming fast = LARGE.forInfraSetting("fast", ShardSize.MEDIUM);
        String name = switch (what) {
            case "shard VS" -> fast.shardVsName("foo.com");
            case "SNI child" -> fast.sniChildName("foo.com");
            case "host policy set" -> fast.hostPolicySetName("foo.com");
            case "pool for /" -> fast.poolName("default", "foo.com", "/", "web");
            case "dedicated VS" -> LARGE.forInfraSetting("fast", ShardSize.DEDICATED).shardVsName("foo.com");
            case "every shared VS" -> fast.allSharedVsNames().toString();
            default -> throw new IllegalArgumentException(what);
        };
        assertThat(name).isEqualTo(expected);
        assertThat(fast.namesShard("cluster-1--Shared-L7-fast-3")).isTrue();
        assertThat(fast.namesShard("cluster-1--Shared-L7-3")).isFalse();
    }

    @Test
    void everySharedVsNameOfTheShardSize() {
        assertThat(LARGE.allSharedVsNames()).hasSize(8).contains("cluster-1--Shared-L7-0", "cluster-1--Shared-L7-7");
        assertThat(new Naming("c", ShardSize.MEDIUM).allSharedVsNames()).containsExactly("c--Shared-L7-0", "c--Shared-L7-1",
                "c--Shared-L7-2", "c--Shared-L7-3");
        assertThat(new Naming("c", ShardSize.SMALL).allSharedVsNames()).containsExactly("c--Shared-L7-0");
        assertThat(DEDICATED.allSharedVsNames()).isEmpty();
    }

    @Test
    void namesLongerThan255CharactersGetADeterministicBoundedForm() {
        String long1 = "x".repeat(300);
        String long2 = "x".repeat(299) + "y";
        assertThat(Naming.bounded(long1)).hasSize(255).startsWith("x".repeat(246) + "-").isEqualTo(Naming.bounded(long1));
        assertThat(Naming.bounded(long2)).hasSize(255).isNotEqualTo(Naming.bounded(long1));
        assertThat(Naming.bounded("short")).isEqualTo("short");
        String emoji = "x".repeat(245) + "\uD83D\uDE00".repeat(10);
        assertThat(Naming.bounded(emoji)).as("a character outside the BMP is not cut in half").hasSize(254).startsWith("x".repeat(245) + "-");
    }

    @Test
    void boundedPoolNameKeepsTheFullIdentityInItsMarkers() {
        String host = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + ".example.com";
        String path = "/" + "p".repeat(80);
        Ingress ing = ingress("some-long-namespace/some-long-ingress-name", 0).rule(host, prefix(path, "web")).build();
        ShardModel shard = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), List.of(ing)), K8s.settings("L7Settings.shardVSSize=SMALL")).get(0);

        AviObject pool = shard.ofType(AviType.POOL).get(0);
        assertThat(pool.name()).hasSize(255);
        assertThat(pool.body().path("markers").toString()).contains(host, path, "some-long-namespace", "some-long-ingress-name");
    }

    @Test
    void ingressIsOnTheShardsOfItsRuleAndTlsHostsAndOnEveryShardWithAHostlessRuleOrDefaultBackend() {
        Ingress hosts = ingress("default/a", 0).rule("foo.com", prefix("/", "web")).tls("s", "bar.com").build();
        Ingress hostless = ingress("default/b", 0).rule("", prefix("/", "web")).build();
        Ingress fallback = ingress("default/c", 0).defaultBackend("web").build();

        assertThat(LARGE.shardsOf(hosts)).containsExactly("cluster-1--Shared-L7-0", "cluster-1--Shared-L7-1");
        assertThat(LARGE.isOnEveryShard(hosts)).isFalse();
        assertThat(LARGE.isOnEveryShard(hostless)).isTrue();
        assertThat(LARGE.isOnEveryShard(fallback)).isTrue();
    }

    private static int fnvOfBytes(byte[] bytes) {
        int hash = 0x811c9dc5;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }
}
