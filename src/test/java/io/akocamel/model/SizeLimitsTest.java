package io.akocamel.model;

import io.akocamel.config.Settings;
import io.akocamel.model.ModelWarning.Reason;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What is over a {@link SizeLimits} limit is left out with a Warning on its Ingress; the rest of the shard is as without it. */
class SizeLimitsTest {
    private static final Settings ONE_SHARD = K8s.settings("L7Settings.shardVSSize=SMALL");
    private static final String VS = "cluster-1--Shared-L7-0";

    @Test
    void pathsOverTheLimitOfAHostAreLeftOutAndTheOtherHostsAreUnaffected() {
        List<HasMetadata> small = new ArrayList<>(K8s.serviceWithEndpoint("default/web", "10.244.0.5"));
        small.add(K8s.ingress("default/small", 1).rule("small.test", K8s.prefix("/", "web")).build());
        List<HasMetadata> withHuge = new ArrayList<>(small);
        HTTPIngressPath[] paths = IntStream.range(0, SizeLimits.PATHS_PER_HOST + 3)
                .mapToObj(i -> K8s.exact(String.format("/p%05d", i), "web")).toArray(HTTPIngressPath[]::new);
        withHuge.add(K8s.ingress("default/huge", 2).rule("huge.test", paths).build());

        ShardModel shard = build(withHuge);

        assertThat(shard.warnings()).singleElement().satisfies(w -> {
            assertThat(w.ingress()).isEqualTo(new IngressRef("default", "huge"));
            assertThat(w.reason()).isEqualTo(Reason.SizeLimitExceeded);
            assertThat(w.message()).startsWith("3 paths of host 'huge.test' are not served, from '/p01000' on")
                    .contains(SizeLimits.PATHS_PER_HOST + " paths", "Move paths to another host");
        });
        String hugeSet = shard.find(AviType.HTTPPOLICYSET, "cluster-1--huge.test").orElseThrow().json();
        assertThat(hugeSet).contains("/p00999").doesNotContain("/p01000", "/p01002");
        assertThat(shard.objectKeysOf("huge.test")).filteredOn(k -> k.startsWith("pool/")).hasSize(SizeLimits.PATHS_PER_HOST);
        ShardModel alone = build(small);
        for (String key : alone.objectKeysOf("small.test")) {
            assertThat(object(shard, key).json()).isEqualTo(object(alone, key).json());
        }
    }

    @Test
    void hostsOverTheLimitOfAShardAreThoseOfTheNewestIngresses() {
        List<HasMetadata> cluster = new ArrayList<>(K8s.serviceWithEndpoint("default/web", "10.244.0.5"));
        int hosts = SizeLimits.HOSTS_PER_SHARD + 2;
        for (int i = 0; i < hosts; i++) {
            // the newest Ingresses have the smallest host names: the limit follows age, not names
            cluster.add(K8s.ingress("default/ing-" + i, i).rule(String.format("h%04d.test", hosts - i), K8s.prefix("/", "web")).build());
        }

        ShardModel shard = build(cluster);

        assertThat(shard.hosts()).hasSize(SizeLimits.HOSTS_PER_SHARD).doesNotContain("h0001.test", "h0002.test").contains("h0003.test");
        assertThat(shard.warnings()).extracting(w -> w.ingress().name() + " " + w.reason())
                .containsExactlyInAnyOrder("ing-" + (hosts - 1) + " SizeLimitExceeded", "ing-" + (hosts - 2) + " SizeLimitExceeded");
        assertThat(shard.warnings()).allSatisfy(w -> assertThat(w.message())
                .contains("is not served: virtual service " + VS + " already serves " + SizeLimits.HOSTS_PER_SHARD + " hosts", "DEDICATED"));
    }

    private static ShardModel build(List<HasMetadata> objects) {
        return new ModelBuilder().buildShard(VS, ClusterSnapshot.of(ONE_SHARD, objects), ONE_SHARD);
    }

    private static AviObject object(ShardModel shard, String key) {
        return shard.objects().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }
}
