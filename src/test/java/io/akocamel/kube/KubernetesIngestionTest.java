package io.akocamel.kube;

import io.akocamel.kubeapi.IndexedCrudDispatcher;
import io.akocamel.admission.IngressEligibility;
import io.akocamel.admission.IngressValidation;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerStatus;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.akocamel.admission.Ingresses.ingress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real ingestion routes against the CRUD mock: which change yields which shard keys (ClusterIP mode, LARGE). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesIngestionTest {
    static final String VALUES = """
            AKOSettings:
              clusterName: cluster-1
              fullSyncFrequency: "3600"
              namespaceSelector:
                labelKey: ako-camel
                labelValue: "on"
              blockedNamespaceList: [blocked]
            NetworkSettings:
              vipNetworkList:
                - networkName: vip-net
                  cidr: 10.10.10.0/24
            akoCamel:
              honourLegacyIngressClassAnnotation: true
            """;
    static final Map<String, String> SELECTED = Map.of("ako-camel", "on");

    KubeTestCluster cluster;
    final AtomicInteger namespaces = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        cluster = KubeTestCluster.start(VALUES, new IndexedCrudDispatcher(), client -> {
            KubeTestCluster.createNamespace(client, "default", SELECTED);
            KubeTestCluster.createNamespace(client, "pre", SELECTED);
            KubeTestCluster.createIngressClass(client, "avi-lb", IngressEligibility.CONTROLLER, true);
            KubeTestCluster.createIngressClass(client, "nginx", "k8s.io/ingress-nginx", false);
            client.resource(ingress("pre", "web", "avi-lb", "pre.example.com", "svc")).create();
        });
        cluster.awaitSynced();
        await().until(() -> cluster.clusterState().get(KubeKind.INGRESS_CLASS, "nginx") != null
                && cluster.clusterState().get(KubeKind.INGRESS_CLASS, "avi-lb") != null);
    }

    @AfterAll
    void stop() throws Exception {
        cluster.close();
    }

    private String namespace(String prefix) {
        String name = prefix + "-" + namespaces.incrementAndGet();
        KubeTestCluster.createNamespace(cluster.client, name, SELECTED);
        await().until(() -> cluster.clusterState().get(KubeKind.NAMESPACE, name) != null);
        return name;
    }

    @Test
    void ingressCreatedBeforeStartIsSeenAtStart() {
        // informers list concurrently: the Ingress, its IngressClass or its Namespace may be the last to arrive
        Set<String> startCauses = Set.of("Ingress pre/web ADDED", "IngressClass avi-lb ADDED", "Namespace pre ADDED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cluster.reconciles)
                .filteredOn(r -> startCauses.contains(r.cause()) && r.key().equals(cluster.shard("pre.example.com"))).isNotEmpty());
        assertThat(cluster.clusterState().ingresses()).extracting(i -> i.getMetadata().getName() + "@" + i.getMetadata().getNamespace())
                .contains("web@pre");
    }

    @Test
    void ingressChangeYieldsShardsOfOldAndNewHosts() {
        String ns = namespace("lifecycle");
        assertThat(cluster.shard("foo.com")).isNotEqualTo(cluster.shard("bar.com"));
        cluster.client.resource(ingress(ns, "web", "avi-lb", "foo.com", "svc")).create();
        cluster.awaitKeys("Ingress " + ns + "/web ADDED", cluster.shard("foo.com"));

        cluster.client.network().v1().ingresses().inNamespace(ns).withName("web").edit(i -> {
            i.getSpec().getRules().get(0).setHost("bar.com");
            return i;
        });
        cluster.awaitKeys("Ingress " + ns + "/web MODIFIED", cluster.shard("foo.com"), cluster.shard("bar.com"));
        assertThat(namesOnShard(cluster.shard("bar.com"))).contains(ns + "/web");
        assertThat(namesOnShard(cluster.shard("foo.com"))).doesNotContain(ns + "/web");

        cluster.client.network().v1().ingresses().inNamespace(ns).withName("web").delete();
        cluster.awaitKeys("Ingress " + ns + "/web DELETED", cluster.shard("bar.com"));
    }

    @Test
    void ingressWithoutHostIsOnEveryShard() {
        String ns = namespace("hostless");
        Ingress catchAll = new IngressBuilder(ingress(ns, "all", "avi-lb", "unused", "svc")).editSpec()
                .editFirstRule().withHost(null).endRule().endSpec().build();
        cluster.client.resource(catchAll).create();
        cluster.awaitKeys("Ingress " + ns + "/all ADDED", cluster.naming.allSharedVsNames().toArray(String[]::new));
        for (String shard : cluster.naming.allSharedVsNames()) {
            assertThat(namesOnShard(shard)).contains(ns + "/all");
        }
    }

    @Test
    void statusOnlyUpdateYieldsNothing() {
        String ns = namespace("status");
        cluster.client.resource(ingress(ns, "web", "avi-lb", "status.example.com", "svc")).create();
        cluster.awaitKeys("Ingress " + ns + "/web ADDED", cluster.shard("status.example.com"));

        writeStatus(ns, "web", "10.10.10.5");
        cluster.client.network().v1().ingresses().inNamespace(ns).withName("web").edit(i -> {
            i.getMetadata().setAnnotations(Map.of("ako.vmware.com/host-fqdn-vs-uuid-map", "{\"status.example.com\":\"virtualservice-1\"}"));
            return i;
        });

        cluster.assertNoKeysAfterIngressBarrier("Ingress " + ns + "/web MODIFIED");
    }

    @Test
    void serviceChangeYieldsShardsOfIngressesUsingIt() {
        String ns = namespace("svc");
        cluster.client.resource(ingress(ns, "web", "avi-lb", "svc.example.com", "backend")).create();
        cluster.awaitKeys("Ingress " + ns + "/web ADDED", cluster.shard("svc.example.com"));

        cluster.client.resource(new ServiceBuilder().withNewMetadata().withNamespace(ns).withName("backend").endMetadata()
                .withNewSpec().addNewPort().withPort(80).withNewTargetPort(8080).endPort().withSelector(Map.of("app", "web")).endSpec()
                .build()).create();
        cluster.awaitKeys("Service " + ns + "/backend ADDED", cluster.shard("svc.example.com"));

        cluster.client.services().inNamespace(ns).withName("backend").edit(s -> {
            s.getSpec().getPorts().get(0).setTargetPort(new io.fabric8.kubernetes.api.model.IntOrString(9090));
            return s;
        });
        cluster.awaitKeys("Service " + ns + "/backend MODIFIED", cluster.shard("svc.example.com"));

        cluster.client.services().inNamespace(ns).withName("backend").delete();
        cluster.awaitKeys("Service " + ns + "/backend DELETED", cluster.shard("svc.example.com"));
    }

    @Test
    void endpointSliceChangeYieldsShardsOfIngressesUsingItsService() {
        String ns = namespace("slice");
        cluster.client.resource(ingress(ns, "web", "avi-lb", "slice.example.com", "backend")).create();
        cluster.awaitKeys("Ingress " + ns + "/web ADDED", cluster.shard("slice.example.com"));

        cluster.client.resource(new EndpointSliceBuilder().withNewMetadata().withNamespace(ns).withName("backend-abc")
                .withLabels(Map.of("kubernetes.io/service-name", "backend")).endMetadata().withAddressType("IPv4")
                .addNewEndpoint().withAddresses("10.1.0.1").withNewConditions().withReady(true).endConditions().endEndpoint()
                .addNewPort().withPort(8080).withName("http").endPort().build()).create();
        cluster.awaitKeys("EndpointSlice " + ns + "/backend-abc ADDED", cluster.shard("slice.example.com"));
        assertThat(cluster.clusterState().endpointSlices(ns, "backend")).hasSize(1);

        cluster.client.discovery().v1().endpointSlices().inNamespace(ns).withName("backend-abc").edit(s -> {
            s.getEndpoints().get(0).setAddresses(List.of("10.1.0.2"));
            return s;
        });
        cluster.awaitKeys("EndpointSlice " + ns + "/backend-abc MODIFIED", cluster.shard("slice.example.com"));

        cluster.client.discovery().v1().endpointSlices().inNamespace(ns).withName("backend-abc").delete();
        cluster.awaitKeys("EndpointSlice " + ns + "/backend-abc DELETED", cluster.shard("slice.example.com"));
    }

    @Test
    void secretChangeYieldsShardsOfIngressesWhoseTlsUsesIt() {
        String ns = namespace("tls");
        Ingress secure = new IngressBuilder(ingress(ns, "web", "avi-lb", "secure.example.com", "backend")).editSpec()
                .addNewTl().withHosts("secure.example.com").withSecretName("web-tls").endTl().endSpec().build();
        cluster.client.resource(secure).create();
        cluster.awaitKeys("Ingress " + ns + "/web ADDED", cluster.shard("secure.example.com"));

        cluster.client.resource(tlsSecret(ns, "web-tls", "Y2VydA==", "a2V5")).create();
        cluster.awaitKeys("Secret " + ns + "/web-tls ADDED", cluster.shard("secure.example.com"));
        assertThat(cluster.clusterState().secret(ns, "web-tls")).isPresent();

        cluster.client.secrets().inNamespace(ns).withName("web-tls").edit(s -> {
            s.getData().put("tls.crt", "bmV3LWNlcnQ=");
            return s;
        });
        cluster.awaitKeys("Secret " + ns + "/web-tls MODIFIED", cluster.shard("secure.example.com"));

        cluster.client.secrets().inNamespace(ns).withName("web-tls").delete();
        cluster.awaitKeys("Secret " + ns + "/web-tls DELETED", cluster.shard("secure.example.com"));
    }

    @Test
    void ingressClassCreateUpdateDeleteYieldsShardsOfItsIngresses() {
        String ns = namespace("class");
        String shard = cluster.shard("team.example.com");
        cluster.client.resource(ingress(ns, "web", "team-lb", "team.example.com", "svc")).create();
        cluster.assertNoKeysAfterIngressBarrier("Ingress " + ns + "/web ADDED");

        KubeTestCluster.createIngressClass(cluster.client, "team-lb", IngressEligibility.CONTROLLER, false);
        cluster.awaitKeys("IngressClass team-lb ADDED", shard);
        writeStatus(ns, "web", "10.10.10.6");

        setController("team-lb", "example.com/other");
        cluster.awaitKeys("IngressClass team-lb MODIFIED", shard);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(loadBalancer(ns, "web")).isEmpty());
        assertThat(cluster.clusterState().ingresses()).noneMatch(i -> i.getMetadata().getNamespace().equals(ns));

        setController("team-lb", IngressEligibility.CONTROLLER);
        cluster.awaitKeys("IngressClass team-lb MODIFIED", shard, shard);

        cluster.client.network().v1().ingressClasses().withName("team-lb").delete();
        cluster.awaitKeys("IngressClass team-lb DELETED", shard);
    }

    @Test
    void namespaceCreatedWithTheSelectorLabelBringsItsIngressesInAndDeletedTakesThemOut() {
        String ns = "ghost-" + namespaces.incrementAndGet();
        cluster.client.resource(ingress(ns, "web", "avi-lb", "ghost.example.com", "svc")).create();
        cluster.assertNoKeysAfterIngressBarrier("Ingress " + ns + "/web ADDED");

        KubeTestCluster.createNamespace(cluster.client, ns, SELECTED);
        cluster.awaitKeys("Namespace " + ns + " ADDED", cluster.shard("ghost.example.com"));

        cluster.client.namespaces().withName(ns).delete();
        cluster.awaitKeys("Namespace " + ns + " DELETED", cluster.shard("ghost.example.com"));
    }

    @Test
    void akoConfigMapIsWatchedAndYieldsNoShardKey() {
        NotifyBuilder seen = new NotifyBuilder(cluster.camel).fromRoute("kube-watch-ako-configmap").whenDone(1).create();
        cluster.client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("avi-system").withName("avi-k8s-config")
                .endMetadata().withData(Map.of("logLevel", "INFO")).build()).create();

        assertThat(seen.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(cluster.keysFor("ConfigMap avi-system/avi-k8s-config ADDED")).isEmpty();
    }

    @Test
    void namespaceLabelChangeBringsItsIngressesInAndOut() {
        String ns = "late-" + namespaces.incrementAndGet();
        KubeTestCluster.createNamespace(cluster.client, ns, Map.of());
        await().until(() -> cluster.clusterState().get(KubeKind.NAMESPACE, ns) != null);
        cluster.client.resource(ingress(ns, "web", "avi-lb", "late.example.com", "svc")).create();
        cluster.assertNoKeysAfterIngressBarrier("Ingress " + ns + "/web ADDED");

        cluster.client.namespaces().withName(ns).edit(n -> {
            n.getMetadata().setLabels(SELECTED);
            return n;
        });
        cluster.awaitKeys("Namespace " + ns + " MODIFIED", cluster.shard("late.example.com"));
        writeStatus(ns, "web", "10.10.10.7");

        cluster.client.namespaces().withName(ns).edit(n -> {
            n.getMetadata().setLabels(Map.of("ako-camel", "off"));
            return n;
        });
        cluster.awaitKeys("Namespace " + ns + " MODIFIED", cluster.shard("late.example.com"), cluster.shard("late.example.com"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(loadBalancer(ns, "web")).isEmpty());
    }

    @Test
    void nodeChangeYieldsStaticRoutesInClusterIpMode() {
        cluster.client.resource(new NodeBuilder().withNewMetadata().withName("node-a").endMetadata()
                .withNewSpec().withPodCIDR("10.244.1.0/24").endSpec()
                .withNewStatus().addNewAddress().withType("InternalIP").withAddress("192.168.1.10").endAddress().endStatus()
                .build()).create();
        cluster.awaitKeys("Node node-a ADDED", ClusterState.STATIC_ROUTES_KEY);

        cluster.client.nodes().withName("node-a").editStatus(n -> {
            n.getStatus().setConditions(List.of(new io.fabric8.kubernetes.api.model.NodeConditionBuilder().withType("Ready")
                    .withStatus("True").withLastHeartbeatTime("2026-11-25T10:00:00Z").build()));
            return n;
        });
        cluster.client.nodes().withName("node-a").editStatus(n -> {
            n.getStatus().getAddresses().get(0).setAddress("192.168.1.11");
            return n;
        });
        // the heartbeat came first on the same watch and yielded nothing: exactly one key for two updates
        cluster.awaitKeys("Node node-a MODIFIED", ClusterState.STATIC_ROUTES_KEY);

        cluster.client.nodes().withName("node-a").delete();
        cluster.awaitKeys("Node node-a DELETED", ClusterState.STATIC_ROUTES_KEY);
    }

    @Test
    void fullSyncAtStartEmitsEveryShardAndStaticRoutesWithCompleteState() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cluster.reconciles)
                .filteredOn(KubeTestCluster.Reconcile::fullSync)
                .allMatch(r -> Boolean.TRUE.equals(r.kubernetesComplete()) && r.cause().equals("full sync"))
                .extracting(KubeTestCluster.Reconcile::key)
                .containsExactlyInAnyOrder("cluster-1--Shared-L7-0", "cluster-1--Shared-L7-1", "cluster-1--Shared-L7-2",
                        "cluster-1--Shared-L7-3", "cluster-1--Shared-L7-4", "cluster-1--Shared-L7-5", "cluster-1--Shared-L7-6",
                        "cluster-1--Shared-L7-7", ClusterState.STATIC_ROUTES_KEY));
    }

    static Stream<Arguments> eligibilityTable() {
        return Stream.of(
                Arguments.of("class-ours", "selected", "avi-lb", null, true),
                Arguments.of("class-of-other-controller", "selected", "nginx", null, false),
                Arguments.of("class-missing", "selected", "missing", null, false),
                Arguments.of("no-class-with-our-default-class", "selected", null, null, true),
                Arguments.of("legacy-annotation-naming-our-class", "selected", null, "avi-lb", true),
                Arguments.of("legacy-annotation-naming-other-class", "selected", null, "nginx", false),
                Arguments.of("class-name-beats-legacy-annotation", "selected", "nginx", "avi-lb", false),
                Arguments.of("namespace-without-selector-label", "unselected", "avi-lb", null, false),
                Arguments.of("namespace-blocked", "blocked", "avi-lb", null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eligibilityTable")
    void eligibility(String row, String namespaceKind, String className, String legacyAnnotation, boolean ours) {
        String ns = switch (namespaceKind) {
            case "selected" -> namespace("elig");
            case "blocked" -> ensureNamespace("blocked", SELECTED);
            default -> ensureNamespace("unselected", Map.of());
        };
        String host = row + ".elig.example.com";
        Ingress ingress = ingress(ns, row, className, host, "svc");
        if (legacyAnnotation != null) {
            ingress.getMetadata().setAnnotations(Map.of(IngressEligibility.LEGACY_CLASS_ANNOTATION, legacyAnnotation));
        }
        cluster.client.resource(ingress).create();

        String cause = "Ingress " + ns + "/" + row + " ADDED";
        if (ours) {
            cluster.awaitKeys(cause, cluster.shard(host));
        } else {
            cluster.assertNoKeysAfterIngressBarrier(cause);
        }
        assertThat(cluster.clusterState().ingresses()).extracting(i -> i.getMetadata().getName())
                .as("eligible Ingresses").is(ours ? containing(row) : notContaining(row));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("rule-without-http", "web", IngressValidation.RULE_WITHOUT_HTTP, (Function<String, List<HasMetadata>>) ns ->
                        List.of(new IngressBuilder(ingress(ns, "web", "avi-lb", "good1.bad.example.com", "svc")).editSpec()
                                .addNewRule().withHost("nohttp.bad.example.com").endRule().endSpec().build()),
                        "good1.bad.example.com"),
                Arguments.of("path-without-path-type", "web", IngressValidation.INVALID_PATH_TYPE, (Function<String, List<HasMetadata>>) ns ->
                        List.of(new IngressBuilder(ingress(ns, "web", "avi-lb", "good2.bad.example.com", "svc")).editSpec().editFirstRule()
                                .editHttp().addNewPath().withPath("/typeless").withNewBackend().withNewService().withName("svc")
                                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule().endSpec().build()),
                        "good2.bad.example.com"),
                Arguments.of("unknown-backend-kind", "web", IngressValidation.UNSUPPORTED_BACKEND, (Function<String, List<HasMetadata>>) ns ->
                        List.of(new IngressBuilder(ingress(ns, "web", "avi-lb", "good3.bad.example.com", "svc")).editSpec().editFirstRule()
                                .editHttp().addNewPath().withPath("/static").withPathType("Prefix").withNewBackend()
                                .withNewResource("k8s.example.com", "StorageBucket", "assets").endBackend()
                                .endPath().endHttp().endRule().endSpec().build()),
                        "good3.bad.example.com"),
                Arguments.of("host-is-an-ip", "web", IngressValidation.INVALID_HOST, (Function<String, List<HasMetadata>>) ns ->
                        List.of(withExtraHost(ingress(ns, "web", "avi-lb", "good4.bad.example.com", "svc"), "10.0.0.1")),
                        "good4.bad.example.com"),
                Arguments.of("host-with-a-port", "web", IngressValidation.INVALID_HOST, (Function<String, List<HasMetadata>>) ns ->
                        List.of(withExtraHost(ingress(ns, "web", "avi-lb", "good5.bad.example.com", "svc"), "port.bad.example.com:8080")),
                        "good5.bad.example.com"),
                Arguments.of("star-alone-as-host", "web", IngressValidation.INVALID_HOST, (Function<String, List<HasMetadata>>) ns ->
                        List.of(withExtraHost(ingress(ns, "web", "avi-lb", "good6.bad.example.com", "svc"), "*")),
                        "good6.bad.example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputYieldsWarningEventAndTheRestIsServed(String row, String warnedObject, String reason,
                                                      Function<String, List<HasMetadata>> objects, String goodHost) {
        String ns = namespace(row);
        objects.apply(ns).forEach(o -> cluster.client.resource(o).create());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cluster.warnings(ns, warnedObject))
                .extracting(io.fabric8.kubernetes.api.model.Event::getReason).contains(reason));
        cluster.awaitKeys("Ingress " + ns + "/web ADDED", cluster.shard(goodHost));
        Ingress served = cluster.clusterState().ingresses().stream().filter(i -> i.getMetadata().getNamespace().equals(ns))
                .findFirst().orElseThrow();
        assertThat(served.getSpec().getRules()).extracting(r -> r.getHost()).containsExactly(goodHost);
        assertThat(served.getSpec().getRules().get(0).getHttp().getPaths()).extracting(p -> p.getPath()).containsExactly("/");
    }

    private static Ingress withExtraHost(Ingress ingress, String host) {
        return new IngressBuilder(ingress).editSpec().addNewRule().withHost(host).withNewHttp().addNewPath().withPath("/")
                .withPathType("Prefix").withNewBackend().withNewService().withName("svc").withNewPort().withNumber(80).endPort()
                .endService().endBackend().endPath().endHttp().endRule().endSpec().build();
    }

    private String ensureNamespace(String name, Map<String, String> labels) {
        if (cluster.clusterState().get(KubeKind.NAMESPACE, name) == null) {
            KubeTestCluster.createNamespace(cluster.client, name, labels);
            await().until(() -> cluster.clusterState().get(KubeKind.NAMESPACE, name) != null);
        }
        return name;
    }

    private static org.assertj.core.api.Condition<List<? extends String>> containing(String name) {
        return new org.assertj.core.api.Condition<>(names -> names.contains(name), "containing %s", name);
    }

    private static org.assertj.core.api.Condition<List<? extends String>> notContaining(String name) {
        return new org.assertj.core.api.Condition<>(names -> !names.contains(name), "not containing %s", name);
    }

    @Test
    void noRouteFailedOnAnyEvent() {
        var managed = cluster.camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        assertThat(managed.getManagedRoute("kube-ingest").getExchangesFailed()).isZero();
    }

    static io.fabric8.kubernetes.api.model.Secret tlsSecret(String ns, String name, String crt, String key) {
        var data = new java.util.HashMap<String, String>();
        if (crt != null) {
            data.put("tls.crt", crt);
        }
        if (key != null) {
            data.put("tls.key", key);
        }
        return new SecretBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withType("kubernetes.io/tls").withData(data).build();
    }

    private List<String> namesOnShard(String shard) {
        return cluster.clusterState().ingressesOfShard(shard, cluster.naming).stream()
                .map(i -> i.getMetadata().getNamespace() + "/" + i.getMetadata().getName()).toList();
    }

    private void setController(String className, String controller) {
        cluster.client.network().v1().ingressClasses().withName(className).edit(c -> {
            c.getSpec().setController(controller);
            return c;
        });
    }

    private void writeStatus(String ns, String name, String ip) {
        cluster.client.network().v1().ingresses().inNamespace(ns).withName(name).editStatus(i -> {
            i.setStatus(new IngressStatus(new IngressLoadBalancerStatus(List.of(
                    new IngressLoadBalancerIngressBuilder().withIp(ip).build()))));
            return i;
        });
        await().until(() -> !loadBalancer(ns, name).isEmpty());
    }

    private List<?> loadBalancer(String ns, String name) {
        Ingress current = cluster.client.network().v1().ingresses().inNamespace(ns).withName(name).get();
        if (current.getStatus() == null || current.getStatus().getLoadBalancer() == null
                || current.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return current.getStatus().getLoadBalancer().getIngress();
    }
}
