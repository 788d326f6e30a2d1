package io.akocamel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.app.ControllerApp;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.model.Naming;
import io.akocamel.reconcile.InitialSync;
import io.akocamel.simulator.AviSimulator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one-command demo: an embedded Kubernetes API with the manifests of {@code examples/}, the embedded Avi
 * Controller simulator, and the controller with its real routes between them.
 */
public final class Demo implements AutoCloseable {
    /** The demo manifests, applied in this order (packaged from {@code examples/}; a test keeps the list complete). */
    public static final List<String> MANIFESTS = List.of("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml", "30-tls.yaml",
            "40-custom-resources.yaml",
            "50-infra-setting.yaml");
    /** The chart's CustomResourceDefinitions (packaged from {@code helm/ako-camel/crds/}), installed before the examples. */
    public static final List<String> CRDS = List.of("aviinfrasettings.yaml", "hostrules.yaml", "httprules.yaml");

    /** The Ingress the printed hints apply, on one line so that the command can be copied as printed. */
    private static final String HELLO_INGRESS = "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"Ingress\",\"metadata\":{\"name\":\"hello\"},"
            + "\"spec\":{\"rules\":[{\"host\":\"hello.example.com\",\"http\":{\"paths\":[{\"path\":\"/\",\"pathType\":\"Prefix\","
            + "\"backend\":{\"service\":{\"name\":\"web\",\"port\":{\"number\":80}}}}]}}]}}";

    private final EmbeddedKubernetes kube;
    private final AviSimulator avi;
    private final Settings settings;
    private final ControllerApp app;

    private Demo(EmbeddedKubernetes kube, AviSimulator avi, Settings settings, ControllerApp app) {
        this.kube = kube;
        this.avi = avi;
        this.settings = settings;
        this.app = app;
    }

    /** Starts everything on 127.0.0.1 (port 0 = any free port) and waits for the first full reconcile. */
    public static Demo start(int kubernetesPort, int aviPort, int managementPort, Duration timeout) throws Exception {
        EmbeddedKubernetes kube = EmbeddedKubernetes.start(kubernetesPort);
        AviSimulator avi = null;
        try {
            avi = AviSimulator.builder().port(aviPort).build().start();
            applyExamples(kube.client());
            Settings settings = SettingsLoader.defaults()
                    .values(resource("examples/values.yaml"))
                    .override("ControllerSettings.controllerHost", avi.baseUrl())
                    .override("avicredentials.username", AviSimulator.DEFAULT_USERNAME)
                    .override("avicredentials.password", AviSimulator.DEFAULT_PASSWORD)
                    .override("AKOSettings.apiServerPort", String.valueOf(managementPort))
                    .override("AKOSettings.logLevel", "INFO")
                    .load();
            ControllerApp app = ControllerApp.start(settings, kube.client(), null);
            Demo demo = new Demo(kube, avi, settings, app);
            demo.awaitInitialSync(timeout);
            return demo;
        } catch (Exception | Error e) {
            if (avi != null) {
                avi.close();
            }
            kube.close();
            throw e;
        }
    }

    private static void applyExamples(KubernetesClient client) throws IOException {
        List<String> manifests = new ArrayList<>();
        CRDS.forEach(crd -> manifests.add("crds/" + crd));
        MANIFESTS.forEach(manifest -> manifests.add("examples/" + manifest));
        for (String manifest : manifests) {
            try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(manifest)) {
                for (HasMetadata item : client.load(Objects.requireNonNull(in, manifest)).items()) {
                    client.resource(item).create();
                }
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The first full sync, then the verdicts on the custom resources (the summary shows what they changed). */
    private void awaitInitialSync(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InitialSync sync = app.components().initialSync();
        if (!sync.awaitDone(timeout)) {
            throw new IllegalStateException("the initial full sync did not finish within " + timeout.toSeconds()
                    + " s; see the log above for the reason");
        }
        while (!customResources().decided() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private DemoCustomResources customResources() {
        return new DemoCustomResources(kube.client(), avi, settings.akoSettings().clusterName());
    }

    public EmbeddedKubernetes kubernetes() {
        return kube;
    }

    public AviSimulator avi() {
        return avi;
    }

    public ControllerApp app() {
        return app;
    }

    /** A readable account of what the controller made: each Ingress → its VS, VIP, hosts, pools and servers. */
    public void printSummary(PrintWriter out) {
        Naming naming = Naming.of(settings);
        out.println();
        out.println("ako-camel demo: the controller reconciled the example Ingresses onto the embedded Avi Controller.");
        for (Ingress ingress : kube.client().network().v1().ingresses().inAnyNamespace().list().getItems()) {
            String ns = ingress.getMetadata().getNamespace();
            String name = ingress.getMetadata().getName();
            out.println();
            out.println("Ingress " + ns + "/" + name);
            List<IngressLoadBalancerIngress> status = ingress.getStatus() == null || ingress.getStatus().getLoadBalancer() == null
                    ? List.of() : Objects.requireNonNullElse(ingress.getStatus().getLoadBalancer().getIngress(), List.of());
            List<String> anyHost = new ArrayList<>();
            for (IngressLoadBalancerIngress entry : status) {
                String host = entry.getHostname();
                if (host == null) {
                    anyHost.add(entry.getIp());
                    continue;
                }
                String child = settings.akoSettings().clusterName() + "--" + host;
                String vs = servingVs(host).orElse(naming.shardVsName(host));
                out.println("  " + host + " -> VIP " + entry.getIp() + " on " + vs
                        + (avi.find("virtualservice", child).isPresent() ? " (HTTPS via SNI child " + child + ", HTTP redirected)" : ""));
                placement(vs).ifPresent(line -> out.println("    " + line));
            }
            if (!anyHost.isEmpty()) {
                out.println("  (any host) -> default backend on every shared virtual service, VIPs " + String.join(", ", anyHost));
            }
            if (status.isEmpty()) {
                out.println("  (no status yet)");
            }
            Map<String, List<String>> poolsByServers = new TreeMap<>();
            poolsOf(ns, name).forEach((pool, servers) -> poolsByServers.computeIfAbsent(servers, k -> new ArrayList<>()).add(pool));
            poolsByServers.forEach((servers, pools) -> out.println("  pool " + pools.get(0)
                    + (pools.size() > 1 ? " (and " + (pools.size() - 1) + " more, one per shard)" : "") + " -> " + servers));
        }
        List<String> customResources = customResources().lines();
        if (!customResources.isEmpty()) {
            out.println();
            customResources.forEach(out::println);
        }
        out.println();
        String kubectl = "kubectl --server " + kube.url() + " ";
        out.println("Inspect it (a longer session: docs/demo.md):");
        out.println("  " + kubectl + "get ingresses -A -o wide   # CLASS, HOSTS, the ADDRESS the controller wrote, PORTS");
        out.println("  " + kubectl + "get ingresses -w           # leave it running and, in another shell:");
        out.println("  echo '" + HELLO_INGRESS + "' | " + kubectl + "apply --validate=false -f -   # its ADDRESS appears in the watch");
        out.println("  " + kubectl + "describe ingress hello     # rules, backends and the controller's Events");
        out.println("  " + kubectl + "get events                 # Synced, and a Warning for each Ingress the controller refuses");
        out.println("  curl -s -c /tmp/avi -X POST " + avi.baseUrl() + "/login -H 'Content-Type: application/json' "
                + "-d '{\"username\":\"admin\",\"password\":\"" + AviSimulator.DEFAULT_PASSWORD + "\"}' >/dev/null");
        out.println("  curl -s -b /tmp/avi -H 'X-Avi-Version: 22.1.2' '" + avi.baseUrl() + "/api/virtualservice?fields=name,type'");
        out.println("  curl -s http://127.0.0.1:" + settings.akoSettings().apiServerPort() + "/observe/health");
        out.println("  curl -s http://127.0.0.1:" + settings.akoSettings().apiServerPort() + "/observe/metrics");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** The VS whose VIP lists the host in its DNS. */
    private Optional<String> servingVs(String host) {
        return avi.objects("vsvip").stream().filter(vip -> {
            for (JsonNode dns : vip.path("dns_info")) {
                if (host.equals(dns.path("fqdn").asText())) {
                    return true;
                }
            }
            return false;
        }).map(vip -> vip.path("name").asText()).findFirst();
    }

    /** What an AviInfraSetting changed for a VS: its SE group and VIP network, when not the default ones. */
    private Optional<String> placement(String vsName) {
        ObjectNode vs = avi.find("virtualservice", vsName).orElse(null);
        ObjectNode vip = avi.find("vsvip", vsName).orElse(null);
        String seGroup = vs == null ? null : refName(vs.path("se_group_ref").asText());
        if (seGroup == null || seGroup.equals(settings.controllerSettings().serviceEngineGroupName())) {
            return Optional.empty();
        }
        String network = vip == null ? "" : refName(vip.path("vip").path(0).path("ipam_network_subnet").path("network_ref").asText());
        return Optional.of("(AviInfraSetting: SE group " + seGroup + ", VIP network " + network
                + (vs.path("enable_rhi").asBoolean() ? ", route health injection" : "") + ")");
    }

    /** The name in a reference as the controller returns it ({@code .../api/network/<uuid>#<name>}). */
    private static String refName(String ref) {
        return ref.substring(ref.indexOf('#') + 1);
    }

    private Map<String, String> poolsOf(String namespace, String ingressName) {
        Map<String, String> pools = new TreeMap<>();
        for (ObjectNode pool : avi.objects("pool")) {
            if (namespace.equals(DemoCustomResources.marker(pool, "Namespace")) && ingressName.equals(DemoCustomResources.marker(pool, "IngressName"))) {
                List<String> servers = new ArrayList<>();
                pool.path("servers").forEach(s -> servers.add(s.path("ip").path("addr").asText() + ":" + s.path("port").asText()
                        + (s.path("enabled").asBoolean(true) ? "" : " (disabled)")));
                pools.put(pool.path("name").asText(), servers.isEmpty() ? "no servers" : String.join(", ", servers));
            }
        }
        return pools;
    }


    @Override
    public void close() {
        app.close();
        avi.close();
        kube.close();
    }

}
