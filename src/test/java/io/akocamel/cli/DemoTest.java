package io.akocamel.cli;

import io.akocamel.testing.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DemoTest {
    private static Demo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = Demo.start(0, 0, FreePort.find(), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void manifestListCoversEveryExample() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("values.yaml")).sorted())
                    .containsExactlyElementsOf(Demo.MANIFESTS);
        }
    }

    @Test
    void summaryShowsEachIngressWithItsVipAndPools() {
        StringWriter out = new StringWriter();
        demo.printSummary(new PrintWriter(out));

        assertThat(out.toString())
                .contains("Ingress default/shop", "shop.example.com -> VIP 10.10.10.", "pool cluster-1--default-shop.example.com_api_v1-shop -> 192.168.1.20:9090")
                .contains("Ingress default/secure", "secure.example.com -> VIP 10.10.10.", "HTTPS via SNI child cluster-1--secure.example.com")
                .contains("Ingress default/fallback", "(any host) -> default backend on every shared virtual service, VIPs 10.10.10.")
                .contains("kubectl --server " + demo.kubernetes().url());
    }

    @Test
    void reactsToAnIngressAppliedWithKubectl() throws Exception {
        Kubectl.assumeInstalled();
        Path manifest = Files.createTempFile("ing", ".yaml");
        Files.writeString(manifest, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: blog, namespace: default}
                spec:
                  rules:
                  - host: blog.example.com
                    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
                """);

        assertThat(kubectl("apply", "--validate=false", "-f", manifest.toString())).contains("created");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(demo.avi().objects("pool")).anySatisfy(p -> assertThat(p.path("name").asText()).contains("blog.example.com")));
        assertThat(kubectl("get", "ingress", "blog", "-o", "jsonpath={.status.loadBalancer.ingress[0].hostname}"))
                .isEqualTo("blog.example.com");
    }

    private static String kubectl(String... args) throws IOException, InterruptedException {
        return Kubectl.run(demo.kubernetes().url(), args);
    }
}
