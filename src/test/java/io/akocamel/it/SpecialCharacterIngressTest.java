package io.akocamel.it;

import io.akocamel.model.Naming;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 13's report end to end: a legal path with '%' no longer stops its shard; both Ingresses of the shard are served. */
class SpecialCharacterIngressTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private ControllerFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void ingressWithAPercentPathAndItsShardNeighbourAreBothServed() throws Exception {
        fixture = ControllerFixture.create();
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml");
        fixture.startController();
        Naming naming = Naming.of(fixture.settings);
        String shard = naming.shardVsName("sale.example.com");
        String neighbourHost = IntStream.range(0, 1000).mapToObj(i -> "neighbour-" + i + ".example.com")
                .filter(h -> naming.shardVsName(h).equals(shard)).findFirst().orElseThrow();

        create(ingress("sale", "sale.example.com", path("/sale-50%", "Prefix"), path("/api/.*", "ImplementationSpecific")));
        create(ingress("neighbour", neighbourHost, path("/", "Prefix")));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.status("sale")).singleElement().satisfies(s -> assertThat(s.getIp()).isNotEmpty());
            assertThat(fixture.status("neighbour")).singleElement().satisfies(s -> assertThat(s.getIp()).isNotEmpty());
            assertThat(fixture.events("sale")).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("PathMatchedAsPrefix"));
        });
        assertThat(fixture.ownedObjects("pool")).contains("cluster-1--default-sale.example.com_sale-50%-sale");
        assertThat(fixture.avi.requestLog()).allSatisfy(r -> assertThat(r.status()).as("%s %s", r.method(), r.path()).isLessThan(400));
    }

    private void create(Ingress ingress) {
        fixture.client().network().v1().ingresses().inNamespace("default").resource(ingress).create();
    }

    private static Ingress ingress(String name, String host, HTTPIngressPath... paths) {
        return new IngressBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().addNewRule().withHost(host).withNewHttp().addToPaths(paths).endHttp().endRule().endSpec().build();
    }

    private static HTTPIngressPath path(String path, String type) {
        return new HTTPIngressPathBuilder().withPath(path).withPathType(type).withNewBackend().withNewService().withName("web")
                .withNewPort().withNumber(80).endPort().endService().endBackend().build();
    }
}
