package io.akocamel.kube;

import io.akocamel.kubeapi.IndexedCrudDispatcher;
import io.akocamel.admission.IngressEligibility;
import io.akocamel.admission.Ingresses;
import io.akocamel.app.ControllerApp;
import io.akocamel.config.Settings;
import io.akocamel.model.Naming;
import io.akocamel.testing.MockKubernetes;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The test bed: fabric8's Kubernetes mock in CRUD mode, and Camel Main running the real route files
 * {@code routes/kubernetes-watch.camel.yaml} and {@code routes/full-sync.camel.yaml}. The reconcile route is not
 * loaded: a test-only consumer of {@code seda:reconcile} records every shard key with its headers.
 */
final class KubeTestCluster implements AutoCloseable {
    /** One shard key as reconcile receives it. */
    record Reconcile(String key, String cause, boolean fullSync, Boolean kubernetesComplete) {
    }

    private final MockKubernetes kube;
    final KubernetesClient client;
    final Settings settings;
    final Naming naming;
    final ControllerApp app;
    final CamelContext camel;
    final List<Reconcile> reconciles = new CopyOnWriteArrayList<>();
    private final AtomicInteger sentinels = new AtomicInteger();

    private KubeTestCluster(TestSettings.Builder builder, KubernetesCrudDispatcher dispatcher, Consumer<KubernetesClient> before)
            throws Exception {
        kube = MockKubernetes.start(dispatcher);
        client = kube.client();
        // the Avi side is built but never called: none of the delivery routes is loaded
        settings = builder.controller("127.0.0.1:1").build();
        naming = Naming.of(settings);
        before.accept(client);
        app = ControllerApp.builder(settings).kubernetes(client)
                .routeFiles("full-sync.camel.yaml", "kubernetes-watch.camel.yaml")
                .addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:reconcile").routeId("test-reconcile-recorder").process(e -> reconciles.add(new Reconcile(
                        e.getMessage().getBody(String.class), e.getMessage().getHeader(KubeHeaders.CAUSE, String.class),
                        Boolean.TRUE.equals(e.getMessage().getHeader(KubeHeaders.FULL_SYNC, Boolean.class)),
                        e.getMessage().getHeader(KubeHeaders.KUBERNETES_COMPLETE, Boolean.class))));
            }
        }).start();
        camel = app.context();
    }

    static KubeTestCluster start(TestSettings.Builder settings, Consumer<KubernetesClient> before) throws Exception {
        return start(settings, new IndexedCrudDispatcher(), before);
    }

    static KubeTestCluster start(TestSettings.Builder settings, KubernetesCrudDispatcher dispatcher, Consumer<KubernetesClient> before)
            throws Exception {
        return new KubeTestCluster(settings, dispatcher, before);
    }

    /** {@code values} over {@link TestSettings}' base. */
    static KubeTestCluster start(String values, KubernetesCrudDispatcher dispatcher, Consumer<KubernetesClient> before) throws Exception {
        return start(TestSettings.builder().values(values), dispatcher, before);
    }

    ClusterState clusterState() {
        return app.components().cluster();
    }

    void awaitSynced() {
        await().atMost(Duration.ofSeconds(20)).until(() -> clusterState().isComplete());
    }

    String shard(String host) {
        return naming.shardVsName(host);
    }

    /** The keys emitted for a cause, in arrival order. */
    List<String> keysFor(String cause) {
        List<String> keys = new ArrayList<>();
        for (Reconcile r : reconciles) {
            if (cause.equals(r.cause())) {
                keys.add(r.key());
            }
        }
        return keys;
    }

    /** Waits until exactly these keys (in any order, each once) have been emitted for the cause. */
    void awaitKeys(String cause, String... expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(keysFor(cause)).containsExactlyInAnyOrder(expected));
    }

    /**
     * Proves that nothing was emitted for a cause: events of one kind are processed in order, so once a later
     * sentinel Ingress has produced its key, an earlier Ingress event has been fully processed.
     */
    void assertNoKeysAfterIngressBarrier(String cause) {
        String name = "sentinel-" + sentinels.incrementAndGet();
        String host = name + ".sentinel.example.com";
        client.resource(Ingresses.ingress("default", name, "avi-lb", host, "sentinel-svc")).create();
        awaitKeys("Ingress default/" + name + " ADDED", shard(host));
        assertThat(keysFor(cause)).as("keys for %s", cause).isEmpty();
    }

    static void createNamespace(KubernetesClient client, String name, Map<String, String> labels) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build()).create();
    }

    static void createIngressClass(KubernetesClient client, String name, String controller, boolean isDefault) {
        Map<String, String> annotations = isDefault ? Map.of(IngressEligibility.DEFAULT_CLASS_ANNOTATION, "true") : Map.of();
        client.resource(new IngressClassBuilder().withNewMetadata().withName(name).withAnnotations(annotations).endMetadata()
                .withNewSpec().withController(controller).endSpec().build()).create();
    }

    /** Warning Events recorded on an object, by reason. */
    List<Event> warnings(String namespace, String objectName) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType()) && objectName.equals(e.getInvolvedObject().getName()))
                .toList();
    }

    /** An Ingress with one Prefix path on {@code /} per host, all to one Service port 80. */
    @Override
    public void close() throws Exception {
        app.close();
        kube.close();
    }
}
