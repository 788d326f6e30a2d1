package io.akocamel.bench;

import io.akocamel.admission.IngressEligibility;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The benchmark's Kubernetes objects, as issue 15 sets them: Ingress {@code i} has one host {@code app-i.example.com}
 * and 3 Prefix paths to its own 3 Services of 3 ready endpoints each; every fifth Ingress is TLS with its own Secret.
 * Ten namespaces (and kube-system), three nodes, the IngressClass {@code avi-lb}.
 */
final class BenchCluster {
    static final String[] PATHS = {"/", "/api", "/static"};
    private static final int NAMESPACES = 10;

    private final KubernetesClient client;
    private final String certificate = base64Resource("tls/test-cert.pem");
    private final String key = base64Resource("tls/test-key.pem");

    BenchCluster(KubernetesClient client) {
        this.client = client;
    }

    /** The namespaces, nodes and IngressClass. */
    void createBase() {
        baseObjects().forEach(object -> client.resource(object).create());
    }

    /** Ingress {@code i}'s Services, EndpointSlices and (every fifth) TLS Secret. */
    void createBackends(int i) {
        backends(i).forEach(object -> client.resource(object).create());
    }

    /**
     * The whole cluster of {@code count} Ingresses as one JSON List, for {@code kubectl create -f}: the same objects
     * against a controller in a process of its own (memory, see docs/benchmarks.md).
     */
    void writeManifest(Path file, int count) throws IOException {
        List<HasMetadata> items = new ArrayList<>(baseObjects());
        for (int i = 0; i < count; i++) {
            items.addAll(backends(i));
            items.add(ingress(i));
        }
        Files.writeString(file, Serialization.asJson(new KubernetesListBuilder().withItems(items).build()));
    }

    private static List<HasMetadata> baseObjects() {
        List<HasMetadata> base = new ArrayList<>();
        base.add(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata().build());
        for (int n = 0; n < NAMESPACES; n++) {
            base.add(new NamespaceBuilder().withNewMetadata().withName("team-" + n).endMetadata().build());
        }
        for (int n = 0; n < 3; n++) {
            base.add(new NodeBuilder().withNewMetadata().withName("node-" + n).endMetadata()
                    .withNewSpec().withPodCIDR("10." + (200 + n) + ".0.0/16").endSpec()
                    .withNewStatus().addNewAddress().withType("InternalIP").withAddress("192.168.0." + (10 + n)).endAddress().endStatus()
                    .build());
        }
        base.add(new IngressClassBuilder().withNewMetadata().withName("avi-lb").endMetadata()
                .withNewSpec().withController(IngressEligibility.CONTROLLER).endSpec().build());
        return base;
    }

    private List<HasMetadata> backends(int i) {
        List<HasMetadata> backends = new ArrayList<>();
        for (int s = 0; s < PATHS.length; s++) {
            backends.add(new ServiceBuilder().withNewMetadata().withNamespace(namespace(i)).withName(service(i, s)).endMetadata()
                    .withNewSpec().addNewPort().withName("http").withPort(80).withNewTargetPort(8080).endPort().endSpec().build());
            backends.add(slice(i, s, 3));
        }
        if (tls(i)) {
            backends.add(new SecretBuilder().withNewMetadata().withNamespace(namespace(i)).withName("tls-" + i).endMetadata()
                    .withType("kubernetes.io/tls").addToData("tls.crt", certificate).addToData("tls.key", key).build());
        }
        return backends;
    }

    void createIngress(int i) {
        client.resource(ingress(i)).create();
    }

    /** The change "EndpointSlice scale": the second Service of Ingress {@code i} gets a fourth endpoint. */
    void scaleUp(int i) {
        client.resource(slice(i, 1, 4)).update();
    }

    /** The change "path added": Ingress {@code i} gets {@code /v2} to its third Service. */
    void addPath(int i) {
        client.network().v1().ingresses().inNamespace(namespace(i)).withName(name(i))
                .edit(ingress -> new IngressBuilder(ingress).editSpec().editFirstRule().editHttp()
                        .addToPaths(path("/v2", service(i, 2))).endHttp().endRule().endSpec().build());
    }

    void deleteIngress(int i) {
        client.network().v1().ingresses().inNamespace(namespace(i)).withName(name(i)).delete();
    }

    static String namespace(int i) {
        return "team-" + i % NAMESPACES;
    }

    static String name(int i) {
        return "app-" + i;
    }

    private static boolean tls(int i) {
        return i % 5 == 0;
    }

    private static Ingress ingress(int i) {
        String host = "app-" + i + ".example.com";
        List<HTTPIngressPath> paths = new ArrayList<>();
        for (int s = 0; s < PATHS.length; s++) {
            paths.add(path(PATHS[s], service(i, s)));
        }
        IngressBuilder ingress = new IngressBuilder().withNewMetadata().withNamespace(namespace(i)).withName(name(i)).endMetadata()
                .withNewSpec().withIngressClassName("avi-lb").addNewRule().withHost(host).withNewHttp().withPaths(paths).endHttp()
                .endRule().endSpec();
        if (tls(i)) {
            ingress.editSpec().addNewTl().withHosts(host).withSecretName("tls-" + i).endTl().endSpec();
        }
        return ingress.build();
    }

    private static HTTPIngressPath path(String path, String service) {
        return new HTTPIngressPathBuilder().withPath(path).withPathType("Prefix").withNewBackend().withNewService().withName(service)
                .withNewPort().withNumber(80).endPort().endService().endBackend().build();
    }

    private static EndpointSlice slice(int i, int s, int endpoints) {
        EndpointSliceBuilder slice = new EndpointSliceBuilder().withNewMetadata().withNamespace(namespace(i)).withName(service(i, s) + "-1")
                .addToLabels("kubernetes.io/service-name", service(i, s)).endMetadata()
                .withAddressType("IPv4").addNewPort().withName("http").withPort(8080).endPort();
        for (int e = 0; e < endpoints; e++) {
            slice.addNewEndpoint().withAddresses("10." + i / 250 + "." + i % 250 + "." + (s * 4 + e + 1))
                    .withNewConditions().withReady(true).endConditions().withNodeName("node-" + e % 3).endEndpoint();
        }
        return slice.build();
    }

    private static String service(int i, int s) {
        return "svc-" + i + "-" + s;
    }

    /** A test resource (e.g. {@code tls/test-cert.pem}) in base64, as a Secret's data holds it. */
    static String base64Resource(String path) {
        try (InputStream in = BenchCluster.class.getClassLoader().getResourceAsStream(path)) {
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
