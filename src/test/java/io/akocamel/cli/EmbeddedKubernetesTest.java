package io.akocamel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedKubernetesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What kubectl get sends. */
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    private EmbeddedKubernetes kube;

    @BeforeEach
    void start() {
        kube = EmbeddedKubernetes.start(0);
    }

    @AfterEach
    void stop() {
        kube.close();
    }

    @Test
    void servesDiscoveryDocumentsForKubectl() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String apis = http.send(HttpRequest.newBuilder(URI.create(kube.url() + "/apis")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String networking = http.send(HttpRequest.newBuilder(URI.create(kube.url() + "/apis/networking.k8s.io/v1")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(apis).contains("\"name\":\"networking.k8s.io\"", "\"name\":\"discovery.k8s.io\"");
        assertThat(networking).contains("\"name\":\"ingresses\"", "\"kind\":\"Ingress\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/apis/networking.k8s.io,            APIGroup,        networking.k8s.io/v1",
            "/apis/discovery.k8s.io,             APIGroup,        discovery.k8s.io/v1",
            "/apis/coordination.k8s.io,          APIGroup,        coordination.k8s.io/v1",
            "/apis/events.k8s.io,                APIGroup,        events.k8s.io/v1",
            "/apis/networking.k8s.io/v1,         APIResourceList, ingresses/status",
            "/api/v1,                            APIResourceList, services/status"})
    void answersEveryServedGroupWithItsDiscoveryDocument(String path, String kind, String expected) throws Exception {
        JsonNode document = JSON.readTree(get(path, "application/json").body());

        assertThat(document.path("kind").asText()).isEqualTo(kind);
        if (kind.equals("APIGroup")) {
            assertThat(document.path("preferredVersion").path("groupVersion").asText()).isEqualTo(expected);
        } else {
            assertThat(document.path("resources")).extracting(r -> r.path("name").asText()).contains(expected);
        }
    }

    @Test
    void listsIngressesAsTheTableKubectlPrints() throws Exception {
        kube.client().network().v1().ingresses().inNamespace("default").resource(new IngressBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withIngressClassName("avi-lb").addNewTl().endTl().addNewRule().withHost("web.example.com").endRule().endSpec()
                .withNewStatus().withNewLoadBalancer().addNewIngress().withIp("10.10.10.5").withHostname("web.example.com").endIngress()
                .endLoadBalancer().endStatus().build()).create();

        JsonNode table = JSON.readTree(get("/apis/networking.k8s.io/v1/namespaces/default/ingresses", TABLE).body());

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions")).extracting(c -> c.path("name").asText())
                .containsExactly("Name", "Class", "Hosts", "Address", "Ports", "Age");
        JsonNode row = table.path("rows").get(0);
        assertThat(row.path("cells")).extracting(JsonNode::asText).containsExactly("web", "avi-lb", "web.example.com", "10.10.10.5", "80, 443", "0s");
        assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(row.path("object").path("metadata").path("namespace").asText()).isEqualTo("default");
    }

    @Test
    void findsEventsByTheFieldsDescribeSelects() throws Exception {
        for (String about : List.of("shop", "blog")) {
            kube.client().v1().events().inNamespace("default").resource(new EventBuilder().withNewMetadata().withName(about + ".1").endMetadata()
                    .withNewInvolvedObject().withKind("Ingress").withName(about).withNamespace("default").withUid("uid-" + about).endInvolvedObject()
                    .withType("Normal").withReason("Synced").withMessage("served").build()).create();
        }

        JsonNode list = JSON.readTree(get("/api/v1/namespaces/default/events?fieldSelector="
                + "involvedObject.name%3Dshop%2CinvolvedObject.namespace%3Ddefault%2CinvolvedObject.kind%3DIngress%2CinvolvedObject.uid%3Duid-shop&limit=500",
                "application/json").body());

        assertThat(list.path("kind").asText()).isEqualTo("EventList");
        assertThat(list.path("items")).extracting(e -> e.path("metadata").path("name").asText()).containsExactly("shop.1");
    }

    @Test
    void streamsAWatchAsTableLinesOverHttp() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        String listVersion = JSON.readTree(get("/apis/networking.k8s.io/v1/namespaces/default/ingresses", TABLE).body())
                .path("metadata").path("resourceVersion").asText();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(kube.url()
                        + "/apis/networking.k8s.io/v1/namespaces/default/ingresses?watch=true&resourceVersion=" + listVersion)).header("Accept", TABLE).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(lines::add));
        var ingresses = kube.client().network().v1().ingresses().inNamespace("default");

        Ingress created = ingresses.resource(new IngressBuilder().withNewMetadata().withName("blog").endMetadata()
                .withNewSpec().addNewRule().withHost("blog.example.com").endRule().endSpec().build()).create();
        JsonNode added = JSON.readTree(lines.poll(10, TimeUnit.SECONDS));
        created.setStatus(new IngressStatusBuilder().withNewLoadBalancer().addNewIngress().withIp("10.10.10.9").endIngress().endLoadBalancer().build());
        ingresses.resource(created).updateStatus();
        JsonNode modified = JSON.readTree(lines.poll(10, TimeUnit.SECONDS));

        assertThat(added.path("type").asText()).isEqualTo("ADDED");
        assertThat(added.path("object").path("columnDefinitions")).hasSize(6);
        assertThat(added.path("object").path("rows").get(0).path("cells").get(3).asText()).isEmpty();
        assertThat(modified.path("type").asText()).isEqualTo("MODIFIED");
        assertThat(modified.path("object").path("rows").get(0).path("cells")).extracting(JsonNode::asText)
                .startsWith("blog", "<none>", "blog.example.com", "10.10.10.9");
    }

    @Test
    void servesTheKindsOfAStoredCustomResourceDefinition() throws Exception {
        kube.client().apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("hostrules.ako.vmware.com").endMetadata()
                .withNewSpec().withGroup("ako.vmware.com").withScope("Namespaced")
                .withNewNames().withPlural("hostrules").withKind("HostRule").withShortNames("hr").endNames()
                .addNewVersion().withName("v1beta1").withServed(true).withStorage(true)
                .addNewAdditionalPrinterColumn().withName("Status").withType("string").withJsonPath(".status.status").endAdditionalPrinterColumn()
                .endVersion().endSpec().build()).create();
        kube.client().genericKubernetesResources("ako.vmware.com/v1beta1", "HostRule").inNamespace("default").resource(new GenericKubernetesResourceBuilder()
                .withApiVersion("ako.vmware.com/v1beta1").withKind("HostRule").withNewMetadata().withName("shop").endMetadata()
                .addToAdditionalProperties("status", java.util.Map.of("status", "Accepted")).build()).create();

        JsonNode resources = JSON.readTree(get("/apis/ako.vmware.com/v1beta1", "application/json").body());
        JsonNode table = JSON.readTree(get("/apis/ako.vmware.com/v1beta1/namespaces/default/hostrules", TABLE).body());

        assertThat(resources.path("resources").get(0).path("shortNames")).extracting(JsonNode::asText).containsExactly("hr");
        assertThat(table.path("columnDefinitions")).extracting(c -> c.path("name").asText()).containsExactly("Name", "Status");
        assertThat(table.path("rows").get(0).path("cells")).extracting(JsonNode::asText).containsExactly("shop", "Accepted");
    }

    @Test
    void aClientOfThePublicPortWatchesAsTheControllerDoes() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (KubernetesClient outside = new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty()).withMasterUrl(kube.url()).build()).build();
             var informer = outside.network().v1().ingresses().inAnyNamespace().inform(new ResourceEventHandler<>() {
                 @Override
                 public void onAdd(Ingress ingress) {
                     seen.add(ingress.getMetadata().getName());
                 }

                 @Override
                 public void onUpdate(Ingress before, Ingress after) {
                 }

                 @Override
                 public void onDelete(Ingress ingress, boolean unknown) {
                 }
             })) {
            kube.client().network().v1().ingresses().inNamespace("default").resource(new IngressBuilder().withNewMetadata().withName("late").endMetadata()
                    .build()).create();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen).containsExactly("late"));
        }
    }

    @Test
    void storesObjectsLikeAnApiServer() {
        kube.client().services().inNamespace("default")
                .resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata().build()).create();

        assertThat(kube.client().services().inNamespace("default").withName("web").get()).isNotNull();
    }

    @Test
    void kubectlAppliesAndListsIngresses() throws Exception {
        Kubectl.assumeInstalled();
        Path manifest = Kubectl.ingressManifest("web", "web.example.com");

        assertThat(kubectl("apply", "--validate=false", "-f", manifest.toString())).contains("ingress.networking.k8s.io/web created");
        assertThat(kubectl("get", "ingresses", "-A")).contains("web");
        assertThat(kube.client().network().v1().ingresses().inNamespace("default").withName("web").get().getSpec().getRules())
                .hasSize(1);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(kube.url() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String kubectl(String... args) throws IOException, InterruptedException {
        return Kubectl.run(kube.url(), args);
    }
}
