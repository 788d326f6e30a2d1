package io.akocamel.model;

import io.akocamel.admission.IngressEligibility;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.akocamel.model.K8s.ingress;
import static io.akocamel.model.K8s.prefix;
import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory cluster view used by plan, tests and benchmarks. */
class ClusterSnapshotTest {

    @ParameterizedTest(name = "class {0} (IngressClass controller {1}) → ours: {2}")
    @CsvSource(textBlock = """
            '',       '',                         true
            avi-lb,   ako.vmware.com/avi-lb,      true
            nginx,    k8s.io/ingress-nginx,       false
            missing,  '',                         false
            """)
    void ingressIsOursWithoutClassOrWithAnAviClass(String className, String controller, boolean ours) {
        List<HasMetadata> objects = new ArrayList<>();
        K8s.IngressSpecBuilder b = ingress("default/web", 0).rule("foo.com", prefix("/", "web"));
        if (!className.isEmpty()) {
            b.className(className);
        }
        objects.add(b.build());
        if (!controller.isEmpty()) {
            objects.add(new IngressClassBuilder().withNewMetadata().withName(className).endMetadata()
                    .withNewSpec().withController(controller).endSpec().build());
        }

        assertThat(ClusterSnapshot.of(K8s.settings(), objects).ingresses()).hasSize(ours ? 1 : 0);
    }

    @Test
    void anIngressClassChangeReEvaluatesTheIngressesThatNameIt() {
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), List.of(ingress("default/web", 0).className("avi-lb").rule("foo.com", prefix("/", "web")).build()));
        assertThat(cluster.ingresses()).isEmpty();

        ClusterSnapshot withClass = cluster.with(new IngressClassBuilder().withNewMetadata().withName("avi-lb").endMetadata()
                .withNewSpec().withController(IngressEligibility.CONTROLLER).endSpec().build());

        assertThat(withClass.ingresses()).extracting(i -> i.getMetadata().getName()).containsExactly("web");
        assertThat(withClass.ingressesOfShard("cluster-1--Shared-L7-0", Naming.of(K8s.settings()))).hasSize(1);
    }

    @Test
    void aNamespaceLabelChangeReAdmitsTheIngressesInIt() {
        var settings = K8s.settings("AKOSettings.namespaceSelector.labelKey=ako", "AKOSettings.namespaceSelector.labelValue=yes");
        Naming naming = Naming.of(settings);
        ClusterSnapshot cluster = ClusterSnapshot.of(settings, List.of(ingress("team/web", 0).rule("foo.com", prefix("/", "web")).build(),
                new NamespaceBuilder().withNewMetadata().withName("team").endMetadata().build()));
        assertThat(cluster.ingresses()).isEmpty();
        assertThat(cluster.ingressesOfShard(naming.shardVsName("foo.com"), naming)).isEmpty();

        ClusterSnapshot labelled = cluster.with(new NamespaceBuilder().withNewMetadata().withName("team").addToLabels("ako", "yes").endMetadata().build());

        assertThat(labelled.ingresses()).extracting(i -> i.getMetadata().getName()).containsExactly("web");
        assertThat(labelled.ingressesOfShard(naming.shardVsName("foo.com"), naming)).hasSize(1);
    }

    @Test
    void shardIndexKeptUpToDateThroughChangesMatchesAFreshOne() {
        Naming naming = Naming.of(K8s.settings());
        Random random = new Random(5);
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), List.of());
        naming.allSharedVsNames().forEach(s -> cluster.ingressesOfShard(s, naming)); // build the index, then keep changing
        ClusterSnapshot current = cluster;
        List<Ingress> live = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            Ingress ingress = ingress("ns/ing-" + random.nextInt(40), step)
                    .rule(random.nextInt(5) == 0 ? "" : "host-" + random.nextInt(30) + ".test", prefix("/", "web")).build();
            if (random.nextInt(4) == 0) {
                current = current.without(ingress);
                live.removeIf(i -> i.getMetadata().getName().equals(ingress.getMetadata().getName()));
            } else {
                current = current.with(ingress);
                live.removeIf(i -> i.getMetadata().getName().equals(ingress.getMetadata().getName()));
                live.add(ingress);
            }
        }
        ClusterSnapshot fresh = ClusterSnapshot.of(K8s.settings(), live);
        for (String shard : naming.allSharedVsNames()) {
            assertThat(names(current.ingressesOfShard(shard, naming))).as(shard).isEqualTo(names(fresh.ingressesOfShard(shard, naming)));
        }
        assertThat(names(current.ingresses())).isEqualTo(names(live));
    }

    @Test
    void looksUpServicesSlicesSecretsNodesAndPodsLikeTheInformerStores() {
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), K8s.yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: web-b, namespace: default, labels: {kubernetes.io/service-name: web}}
                addressType: IPv4
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: web-a, namespace: default, labels: {kubernetes.io/service-name: web}}
                addressType: IPv4
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: other, namespace: default, labels: {kubernetes.io/service-name: other}}
                addressType: IPv4
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p1, namespace: default, labels: {app: web, tier: front}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p2, namespace: default, labels: {app: api}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ignored, namespace: default}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: n2}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: n1}
                """));

        assertThat(cluster.service("default", "web")).as("no namespace means default").isPresent();
        assertThat(cluster.endpointSlices("default", "web")).extracting(s -> s.getMetadata().getName()).containsExactly("web-a", "web-b");
        assertThat(cluster.pods("default", java.util.Map.of("app", "web"))).extracting(p -> p.getMetadata().getName()).containsExactly("p1");
        assertThat(cluster.pods("default", java.util.Map.of())).isEmpty();
        assertThat(cluster.nodes()).extracting(n -> n.getMetadata().getName()).containsExactly("n1", "n2");
        assertThat(cluster.secret("default", "none")).isEmpty();

        ClusterSnapshot without = cluster.without(cluster.endpointSlices("default", "web").get(0));
        assertThat(without.endpointSlices("default", "web")).extracting(s -> s.getMetadata().getName()).containsExactly("web-b");
        assertThat(cluster.endpointSlices("default", "web")).as("the original is unchanged").hasSize(2);
    }

    private static Set<String> names(java.util.Collection<Ingress> ingresses) {
        Set<String> names = new HashSet<>();
        ingresses.forEach(i -> names.add(i.getMetadata().getNamespace() + "/" + i.getMetadata().getName()));
        return names;
    }
}
