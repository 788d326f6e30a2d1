package io.akocamel.cli;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKubernetesTest {
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

    @Test
    void storesObjectsLikeAnApiServer() {
        kube.client().services().inNamespace("default")
                .resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata().build()).create();

        assertThat(kube.client().services().inNamespace("default").withName("web").get()).isNotNull();
    }

    @Test
    void kubectlAppliesAndListsIngresses() throws Exception {
        Kubectl.assumeInstalled();
        Path manifest = Files.createTempFile("ing", ".yaml");
        Files.writeString(manifest, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: default}
                spec:
                  rules:
                  - host: web.example.com
                    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
                """);

        assertThat(kubectl("apply", "--validate=false", "-f", manifest.toString())).contains("ingress.networking.k8s.io/web created");
        assertThat(kubectl("get", "ingresses", "-A")).contains("web");
        assertThat(kube.client().network().v1().ingresses().inNamespace("default").withName("web").get().getSpec().getRules())
                .hasSize(1);
    }

    private String kubectl(String... args) throws IOException, InterruptedException {
        return Kubectl.run(kube.url(), args);
    }
}
