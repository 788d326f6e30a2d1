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
import java.util.List;
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
    void crdListCoversTheChartsCustomResourceDefinitions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("helm/ako-camel/crds"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactlyElementsOf(Demo.CRDS);
        }
    }

    @Test
    void kubectlGetHostRulesPrintsTheChartsColumns() throws Exception {
        Kubectl.assumeInstalled();

        assertThat(Kubectl.succeeds(url(), "api-resources", "--api-group=ako.vmware.com"))
                .containsPattern("hostrules +hostrule,hr +ako.vmware.com/v1beta1 +true +HostRule")
                .containsPattern("httprules +httprule +ako.vmware.com/v1beta1 +true +HTTPRule")
                .containsPattern("aviinfrasettings +ako.vmware.com/v1beta1 +false +AviInfraSetting");
        assertThat(Kubectl.run(url(), "get", "hostrules", "-A")).containsPattern("default +secure-waf +secure.example.com +Accepted");
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
    void summaryShowsWhatTheExampleHostRuleAndHttpRuleChanged() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            StringWriter out = new StringWriter();
            demo.printSummary(new PrintWriter(out));
            assertThat(out.toString())
                    .contains("HostRule default/secure-waf (Accepted) secure.example.com -> SNI child cluster-1--secure.example.com: "
                            + "WAF policy System-WAF-Policy, certificates example-certificate")
                    .contains("HTTPRule default/shop-balancing (Accepted) shop.example.com -> pools / LB_ALGORITHM_LEAST_CONNECTIONS + "
                            + "example-http-monitor; /api/v1 LB_ALGORITHM_LEAST_CONNECTIONS + example-http-monitor");
        });
    }

    @Test
    void summaryShowsWhatTheAviInfraSettingChanged() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            StringWriter out = new StringWriter();
            demo.printSummary(new PrintWriter(out));
            assertThat(out.toString()).contains("Ingress default/fast", "fast.example.com -> VIP 10.20.20.", "on cluster-1--Shared-L7-fast-lane-0",
                    "(AviInfraSetting: SE group example-se-group, VIP network example-vip-network, route health injection)");
        });
    }

    @Test
    void reactsToAnIngressAppliedWithKubectl() throws Exception {
        Kubectl.assumeInstalled();
        Path manifest = Kubectl.ingressManifest("blog", "blog.example.com");

        assertThat(kubectl("apply", "--validate=false", "-f", manifest.toString())).contains("created");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(demo.avi().objects("pool")).anySatisfy(p -> assertThat(p.path("name").asText()).contains("blog.example.com")));
        assertThat(kubectl("get", "ingress", "blog", "-o", "jsonpath={.status.loadBalancer.ingress[0].hostname}"))
                .isEqualTo("blog.example.com");
    }

    @Test
    void kubectlGetWideShowsTheAddressTheControllerWrote() throws Exception {
        Kubectl.assumeInstalled();
        String vip = demo.kubernetes().client().network().v1().ingresses().inNamespace("default").withName("shop").get()
                .getStatus().getLoadBalancer().getIngress().get(0).getIp();

        assertThat(Kubectl.succeeds(url(), "get", "ingresses", "-A", "-o", "wide"))
                .containsPattern("NAMESPACE +NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE")
                .containsPattern("default +shop +<none> +shop.example.com +" + vip.replace(".", "\\.") + " +80 +\\d+\\S*")
                .containsPattern("default +secure +<none> +secure.example.com +10\\.10\\.10\\.\\d+ +80, 443 ");
    }

    @Test
    void kubectlDescribeListsTheSyncedEventOfAnIngress() throws Exception {
        Kubectl.assumeInstalled();

        assertThat(Kubectl.succeeds(url(), "describe", "ingress", "shop"))
                .contains("Name:             shop", "shop.example.com", "web:80 (192.168.1.10:8080,192.168.2.10:8080)")
                .containsPattern("Normal +Synced +\\S+ +avi-kubernetes-operator +Served by virtual service cluster-1--Shared-L7-\\d+ at");
    }

    @Test
    void kubectlGetEventsShowsTypeReasonAndMessage() throws Exception {
        Kubectl.assumeInstalled();

        assertThat(Kubectl.succeeds(url(), "get", "events"))
                .containsPattern("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE")
                .containsPattern("Normal +Synced +ingress/shop +Served by virtual service");
    }

    @Test
    void kubectlApiResourcesListsTheServedKinds() throws Exception {
        Kubectl.assumeInstalled();

        assertThat(Kubectl.succeeds(url(), "api-resources"))
                .containsPattern("ingresses +ing +networking.k8s.io/v1 +true +Ingress")
                .containsPattern("ingressclasses +networking.k8s.io/v1 +false +IngressClass")
                .containsPattern("endpointslices +discovery.k8s.io/v1 +true +EndpointSlice")
                .containsPattern("services +svc +v1 +true +Service")
                .containsPattern("leases +coordination.k8s.io/v1 +true +Lease");
    }

    @Test
    void kubectlGetWatchPrintsALineWhenAnIngressGetsItsAddress() throws Exception {
        Kubectl.assumeInstalled();
        StringBuffer output = new StringBuffer();
        Process watch = Kubectl.watch(url(), output, "get", "ingresses", "-w");
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(output.toString()).contains("shop.example.com"));
            Path manifest = Kubectl.ingressManifest("news", "news.example.com");
            Kubectl.succeeds(url(), "apply", "--validate=false", "-f", manifest.toString());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(output.toString()).containsPattern("news +<none> +news.example.com +10\\.10\\.10\\.\\d+ +80 "));
        } finally {
            watch.destroy();
        }
    }

    @Test
    void everyKubectlCommandTheDemoPrintsWorksAsPrinted() throws Exception {
        Kubectl.assumeInstalled();
        StringWriter summary = new StringWriter();
        demo.printSummary(new PrintWriter(summary));
        List<String> commands = summary.toString().lines().map(String::strip).filter(line -> line.contains("kubectl --server "))
                .map(line -> line.replaceAll(" +#.*$", "")).toList();

        assertThat(commands).hasSize(5).anyMatch(c -> c.endsWith("get ingresses -w"));
        for (String command : commands.stream().filter(c -> !c.endsWith(" -w")).toList()) {
            ProcessBuilder shell = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
            shell.environment().put("KUBECONFIG", "/dev/null");
            Process p = shell.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as("%s%n%s", command, out).isZero();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kubectl("describe", "ingress", "hello"))
                .containsPattern("Address: +10\\.10\\.10\\.\\d+").containsPattern("Normal +Synced"));
    }

    private static String url() {
        return demo.kubernetes().url();
    }

    private static String kubectl(String... args) throws IOException, InterruptedException {
        return Kubectl.run(demo.kubernetes().url(), args);
    }
}
