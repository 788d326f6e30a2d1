package io.akocamel.it;

import io.akocamel.kubeapi.IndexedCrudDispatcher;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.app.Components;
import io.akocamel.app.ControllerApp;
import io.akocamel.app.RouteContract;
import io.akocamel.config.Settings;
import io.akocamel.simulator.AviSimulator;
import io.akocamel.testing.AkoCrds;
import io.akocamel.testing.FreePort;
import io.akocamel.testing.MockKubernetes;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The whole product for integration tests: the mock Kubernetes API, the Avi simulator, and the controller with
 * its real routes, configured with short timings so tests run fast. Other test packages extend it.
 */
public class ControllerFixture implements AutoCloseable {
    public final MockKubernetes kube;
    public final AviSimulator avi;
    public final Settings settings;
    public final int managementPort;
    private ControllerApp app;
    private final List<ControllerApp> replicas = new ArrayList<>();
    private final List<KubernetesClient> replicaClients = new ArrayList<>();

    /** The controller reaches the simulator at {@code controllerUrl} (its own URL, or a proxy in front of it). */
    protected ControllerFixture(AviSimulator avi, String controllerUrl, String password) {
        this(avi, controllerUrl, password, new IndexedCrudDispatcher(), UnaryOperator.identity());
    }

    /**
     * @param kubernetes how the mock Kubernetes API answers (e.g. with injected faults)
     * @param adjust     changes the fixture's settings (shard size, cluster name, ...)
     */
    protected ControllerFixture(AviSimulator avi, String controllerUrl, String password, KubernetesCrudDispatcher kubernetes,
                                UnaryOperator<TestSettings.Builder> adjust) {
        this.kube = MockKubernetes.start(kubernetes);
        this.avi = avi;
        this.managementPort = FreePort.find();
        this.settings = adjust.apply(TestSettings.builder().controller(controllerUrl).credentials(avi.username(), password).seedCloud()
                .set("AKOSettings.layer7Only", "true").set("AKOSettings.apiServerPort", String.valueOf(managementPort))
                .debounce(Duration.ofMillis(20)).retry(Duration.ofMillis(20), Duration.ofMillis(100), 3).slowRetry(Duration.ofSeconds(1)))
                .build();
    }

    static ControllerFixture create() {
        return create(new IndexedCrudDispatcher(), UnaryOperator.identity());
    }

    /** A started controller on the examples without custom resources, with AKO's custom resource definitions installed. */
    static ControllerFixture startedWithCustomResourceDefinitions() throws Exception {
        ControllerFixture fixture = create();
        AkoCrds.install(fixture.client());
        fixture.applyExamples();
        return fixture.startController();
    }

    /** With a Kubernetes API that answers through {@code kubernetes} (e.g. one that injects faults). */
    static ControllerFixture create(KubernetesCrudDispatcher kubernetes) {
        return create(kubernetes, UnaryOperator.identity());
    }

    static ControllerFixture create(UnaryOperator<TestSettings.Builder> adjust) {
        return create(new IndexedCrudDispatcher(), adjust);
    }

    static ControllerFixture create(KubernetesCrudDispatcher kubernetes, UnaryOperator<TestSettings.Builder> adjust) {
        AviSimulator avi = AviSimulator.builder().build().start();
        return new ControllerFixture(avi, avi.baseUrl(), AviSimulator.DEFAULT_PASSWORD, kubernetes, adjust);
    }

    public ControllerFixture startController() throws Exception {
        app = ControllerApp.start(settings, kube.client(), null);
        return this;
    }

    /** The controller as if it ran in pod {@code namespace/name} (created here): its own Events go to that pod. */
    public ControllerFixture startControllerInPod(String namespace, String name) throws Exception {
        return startControllerInPod(namespace, name, UnaryOperator.identity());
    }

    /** The same, with more of the builder (e.g. a routes directory). */
    public ControllerFixture startControllerInPod(String namespace, String name, UnaryOperator<ControllerApp.Builder> adjust) throws Exception {
        kube.client().resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build()).create();
        app = adjust.apply(inPod(kube.client(), namespace, name)).start();
        return this;
    }

    /** The whole controller, told it runs as pod {@code namespace/name}, with the management endpoints. */
    private ControllerApp.Builder inPod(KubernetesClient client, String namespace, String name) {
        return ControllerApp.builder(settings).kubernetes(client).management()
                .property(Components.POD_NAME, name).property(Components.POD_NAMESPACE, namespace);
    }

    /**
     * One more replica of the controller, as pod {@code avi-system/podName} (no Pod object: the election needs only the
     * Lease), with its own Kubernetes client (User-Agent {@code podName}) and management port; closed with the fixture.
     */
    public ControllerApp startReplica(String podName) throws Exception {
        KubernetesClient client = kube.client(podName);
        int port = FreePort.find();
        ControllerApp replica = inPod(client, "avi-system", podName)
                .property("camel.management.port", String.valueOf(port)).property("camel.server.port", String.valueOf(port)).start();
        replicas.add(replica);
        replicaClients.add(client);
        return replica;
    }

    public void stopController() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    public ControllerApp app() {
        return app;
    }

    public KubernetesClient client() {
        return kube.client();
    }

    /**
     * Creates the manifests of examples/ (or the files named). Without names, the files of AKO's custom resources are
     * left out: they need the definitions ({@code AkoCrds.install}) and would claim the hosts a test gives its own rules.
     */
    public void applyExamples(String... files) {
        try (Stream<Path> all = Files.list(Path.of("examples"))) {
            List<Path> chosen = all.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("values.yaml"))
                    .filter(p -> files.length == 0 ? !holdsCustomResources(p) : List.of(files).contains(p.getFileName().toString()))
                    .sorted().toList();
            for (Path file : chosen) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (HasMetadata item : kube.client().load(in).items()) {
                        kube.client().resource(item).create();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsCustomResources(Path file) {
        try {
            return Files.readString(file).contains("apiVersion: " + AkoCrds.GROUP + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Ingress ingress(String name) {
        return kube.client().network().v1().ingresses().inNamespace("default").withName(name).get();
    }

    public List<IngressLoadBalancerIngress> status(String name) {
        Ingress ingress = ingress(name);
        if (ingress == null || ingress.getStatus() == null || ingress.getStatus().getLoadBalancer() == null
                || ingress.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return ingress.getStatus().getLoadBalancer().getIngress();
    }

    public Optional<ObjectNode> avi(String type, String name) {
        return avi.find(type, name);
    }

    public long aviWrites() {
        return avi.requestLog().stream().filter(r -> r.isWrite()).count();
    }

    /** The writes the simulator received since the last {@link #clearAviLog()}, as "METHOD /api/type". */
    public List<String> aviWriteLog() {
        return avi.requestLog().stream().filter(r -> r.isWrite())
                .map(r -> r.method() + " " + r.path().replaceAll("^(/api/[a-z]+).*", "$1")).toList();
    }

    public void clearAviLog() {
        avi.clearRequestLog();
    }

    /** Owned objects on the controller: every name this cluster gives starts with {@code cluster-1--}. */
    public List<String> ownedObjects(String type) {
        return avi.objects(type).stream().map(o -> o.path("name").asText()).filter(n -> n.startsWith("cluster-1--")).sorted().toList();
    }

    public void fullSyncNow() {
        app.context().createProducerTemplate().sendBody(RouteContract.FULL_SYNC_NOW, null);
    }

    public boolean initialSyncDone() {
        return app != null && app.components().initialSync().isDone();
    }

    public List<io.fabric8.kubernetes.api.model.Event> events(String involvedName) {
        return kube.client().v1().events().inAnyNamespace().list().getItems().stream()
                .filter(e -> involvedName.equals(e.getInvolvedObject().getName())).toList();
    }

    @Override
    public void close() {
        stopController();
        replicas.forEach(ControllerApp::close);
        replicaClients.forEach(KubernetesClient::close);
        avi.close();
        kube.close();
    }
}
