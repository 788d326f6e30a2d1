package io.akocamel.model;

import io.akocamel.config.Settings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.akocamel.model.K8s.exact;
import static io.akocamel.model.K8s.implementationSpecific;
import static io.akocamel.model.K8s.ingress;
import static io.akocamel.model.K8s.prefix;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Equal state gives byte-identical JSON (stable checksums, a restart writes nothing), and the builder's memory of
 * earlier builds never changes a result: after any sequence of changes a remembering builder gives exactly what a
 * fresh one gives.
 */
class DeterminismTest {
    private static final Settings LARGE = K8s.settings();

    @Test
    void equalStateGivesByteIdenticalJsonWhateverTheInputOrder() {
        List<HasMetadata> objects = cluster(new Random(1), 40);
        List<HasMetadata> shuffled = new ArrayList<>(objects);
        Collections.shuffle(shuffled, new Random(2));

        String first = render(new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), objects), LARGE));
        String second = render(new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), shuffled), LARGE));

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("sslkeyandcertificate", "DuplicateHostPath");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMALL", "MEDIUM", "LARGE", "DEDICATED"})
    void rememberingBuilderGivesWhatAFreshBuilderGivesAfterAnySequenceOfChanges(String shardSize) {
        Settings settings = K8s.settings("L7Settings.shardVSSize=" + shardSize);
        Random random = new Random(shardSize.hashCode());
        List<HasMetadata> objects = cluster(random, 30);
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), objects);
        ModelBuilder remembering = new ModelBuilder();
        remembering.buildAll(cluster, settings);

        for (int step = 0; step < 120; step++) {
            cluster = cluster.with(change(random, step));
            if (random.nextInt(4) == 0) {
                cluster = cluster.without(ingress("ns-" + random.nextInt(3) + "/ing-" + random.nextInt(30), 0).build());
            }
            for (String shard : ModelBuilder.shardNames(cluster, settings)) {
                if (random.nextBoolean()) {
                    assertThat(render(List.of(remembering.buildShard(shard, cluster, settings))))
                            .as("step %d, shard %s", step, shard)
                            .isEqualTo(render(List.of(new ModelBuilder().buildShard(shard, cluster, settings))));
                }
            }
        }
    }

    @Test
    void changingOneIngressRebuildsOnlyTheObjectsOfItsHost() {
        List<HasMetadata> objects = cluster(new Random(3), 40);
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), objects);
        ModelBuilder builder = new ModelBuilder();
        String shard = Naming.of(LARGE).shardVsName("host-7.test");
        ShardModel before = builder.buildShard(shard, cluster, LARGE);
        assertThat(before.hosts()).contains("host-7.test");

        Ingress changed = ingress("ns-1/changed", 0).rule("host-7.test", prefix("/new", "svc-3")).build();
        ShardModel after = builder.buildShard(shard, cluster.with(changed), LARGE);

        List<String> rebuilt = new ArrayList<>();
        for (AviObject o : after.objects()) {
            if (before.objects().stream().noneMatch(b -> b == o)) {
                rebuilt.add(o.key());
            }
        }
        assertThat(rebuilt).containsExactly("pool/cluster-1--ns-1-host-7.test_new-changed", "httppolicyset/cluster-1--host-7.test");
    }

    @Test
    void privateKeysNeverShowInToString() {
        ShardModel shard = new ModelBuilder().buildAll(ClusterSnapshot.of(K8s.settings(), cluster(new Random(4), 20)), K8s.settings("L7Settings.shardVSSize=SMALL")).get(0);
        AviObject certificate = shard.ofType(AviType.SSLKEYANDCERTIFICATE).get(0);

        assertThat(certificate.body().path("key").asText()).contains("PRIVATE KEY");
        assertThat(certificate.toString()).isEqualTo("sslkeyandcertificate/" + certificate.name());
        assertThat(shard.toString()).doesNotContain("PRIVATE KEY");
        assertThat(shard.warnings().toString()).doesNotContain("PRIVATE KEY");
    }

    /** Every shard as text: objects (type, name, canonical JSON), warnings, status hosts. */
    static String render(List<ShardModel> shards) {
        StringBuilder out = new StringBuilder();
        for (ShardModel shard : shards) {
            out.append("== ").append(shard.vsName()).append('\n');
            shard.objects().forEach(o -> out.append(o.key()).append(' ').append(o.json()).append('\n'));
            shard.warnings().forEach(w -> out.append(w).append('\n'));
            out.append(shard.ingressHosts()).append('\n');
        }
        return out.toString();
    }

    /** Ingresses over 3 namespaces and 12 hosts (TLS, wildcards, host-less rules, default backends, duplicates). */
    static List<HasMetadata> cluster(Random random, int ingresses) {
        List<HasMetadata> objects = new ArrayList<>();
        for (int i = 0; i < ingresses; i++) {
            objects.add(randomIngress(random, "ns-" + i % 3 + "/ing-" + i, i));
        }
        for (int ns = 0; ns < 3; ns++) {
            for (int s = 0; s < 6; s++) {
                objects.addAll(K8s.serviceWithEndpoint("ns-" + ns + "/svc-" + s, "192.168." + ns + "." + (s + 1)));
            }
            objects.add(K8s.tlsSecret("ns-" + ns + "/tls"));
        }
        return objects;
    }

    private static HasMetadata change(Random random, int step) {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> randomIngress(random, "ns-" + random.nextInt(3) + "/ing-" + random.nextInt(35), random.nextInt(60));
            case 3 -> K8s.serviceWithEndpoint("ns-" + random.nextInt(3) + "/svc-" + random.nextInt(7), "10.9." + step + ".1").get(random.nextInt(2));
            case 4 -> random.nextBoolean() ? K8s.tlsSecret("ns-" + random.nextInt(3) + "/tls")
                    : K8s.tlsSecret("ns-" + random.nextInt(3) + "/tls", "broken", null);
            default -> ingress("ns-" + random.nextInt(3) + "/fallback-" + random.nextInt(2), random.nextInt(60))
                    .defaultBackend("svc-" + random.nextInt(7)).build();
        };
    }

    private static Ingress randomIngress(Random random, String ref, int minute) {
        String[] hosts = {"host-1.test", "host-2.test", "host-3.test", "host-7.test", "*.wild.test", "www.wild.test",
                "*.a.wild.test", "foo.com", "noo.com", "bar.com", "", "api.test"};
        K8s.IngressSpecBuilder b = ingress(ref, minute);
        int rules = 1 + random.nextInt(2);
        for (int r = 0; r < rules; r++) {
            String host = hosts[random.nextInt(hosts.length)];
            List<HTTPIngressPath> paths = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(3); p++) {
                String path = List.of("/", "/a", "/a/b", "/a/", "/b", "/api/v1").get(random.nextInt(6));
                String svc = "svc-" + random.nextInt(7);
                paths.add(switch (random.nextInt(3)) {
                    case 0 -> exact(path, svc);
                    case 1 -> prefix(path, svc);
                    default -> implementationSpecific(path, svc);
                });
            }
            b.rule(host, paths.toArray(HTTPIngressPath[]::new));
            if (!host.isEmpty() && random.nextInt(3) == 0) {
                b.tls(random.nextInt(4) == 0 ? "missing" : "tls", host);
            }
        }
        if (random.nextInt(10) == 0) {
            b.defaultBackend("svc-" + random.nextInt(7));
        }
        return b.build();
    }
}
