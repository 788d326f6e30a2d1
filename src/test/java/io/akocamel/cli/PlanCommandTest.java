package io.akocamel.cli;

import io.akocamel.simulator.AviSimulator;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AkoCamel.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void offlinePlanPrintsTheAviObjectsOfTheManifests() {
        int code = run("plan", "--values", "examples/values.yaml", "-f", "examples");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString())
                .contains("\"type\" : \"pool\"", "cluster-1--default-shop.example.com_api_v1-shop")
                .contains("\"type\" : \"virtualservice\"", "cluster-1--secure.example.com", "VS_TYPE_VH_CHILD")
                .doesNotContain("BEGIN PRIVATE KEY");
    }

    @Test
    void offlinePlanRedactsTheKeyOfACertificateMadeFromASecret() {
        // without examples/40-custom-resources.yaml, whose HostRule gives secure.example.com an Avi certificate instead
        int code = run("plan", "--values", "examples/values.yaml", "-f", "examples/30-tls.yaml");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).contains("\"type\" : \"sslkeyandcertificate\"", "<redacted private key>").doesNotContain("BEGIN PRIVATE KEY");
    }

    @Test
    void offlinePlanPlacesTheIngressesOfAnAviInfraSettingAndSaysItTookTheSettingAsAccepted() {
        int code = run("plan", "--values", "examples/values.yaml", "-f", "examples/50-infra-setting.yaml");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).contains("\"shard\" : \"cluster-1--Shared-L7-fast-lane-0\"", "/api/serviceenginegroup?name=example-se-group",
                "/api/network?name=example-vip-network", "cluster-1--fast-lane-default-fast.example.com_-fast");
        assertThat(err.toString()).contains("note: AviInfraSetting/fast-lane is taken as Accepted");
    }

    @Test
    void offlinePlanWarnsAboutWhatAdmissionCutFromAnIngress() throws Exception {
        Path manifest = Files.createTempFile("ingress", ".yaml");
        Files.writeString(manifest, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: bad, namespace: default}
                spec:
                  rules:
                  - host: 10.0.0.1
                    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
                """);

        int code = run("plan", "--values", "examples/values.yaml", "-f", manifest.toString());

        assertThat(code).isEqualTo(0);
        assertThat(err.toString()).contains("warning: InvalidHost default/bad: spec.rules[0].host \"10.0.0.1\" is an IP address");
    }

    @Test
    void controllerPlanListsTheWritesAndAppliesNothing() throws Exception {
        try (AviSimulator avi = AviSimulator.builder().build().start()) {
            Path values = Files.createTempFile("values", ".yaml");
            Files.writeString(values, Files.readString(Path.of("examples/values.yaml"))
                    .replace("controllerHost: \"10.0.0.10\"", "controllerHost: \"" + avi.baseUrl() + "\""));

            int code = run("plan", "--values", values.toString(), "-f", "examples/20-ingresses.yaml", "--controller");

            assertThat(code).isEqualTo(0);
            assertThat(out.toString()).contains("# controller " + avi.baseUrl() + ": ").contains(" objects owned by cluster cluster-1")
                    .contains("POST vsvip cluster-1--Shared-L7-", "POST virtualservice cluster-1--Shared-L7-")
                    .contains("writes; nothing was applied")
                    .contains("vcenter-cloud").doesNotContain("PROBLEM");
            assertThat(avi.requestLog()).noneMatch(r -> r.isWrite());
        }
    }
}
