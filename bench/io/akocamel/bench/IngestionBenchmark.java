package io.akocamel.bench;

import io.akocamel.app.Components;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.kube.InformerSource;
import io.akocamel.kube.KubeKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Pushes synthetic watch events through the real ingestion routes ({@code routes/kubernetes-watch.camel.yaml}, Camel,
 * the kube-watch component, the idempotent consumer, the cluster state and its indexes) over a cluster of 5,000
 * Ingresses, and prints events/s and the per-event cost. Only the API server is replaced: events enter the informer
 * store and its handlers exactly as fabric8 delivers them. Run: {@code mvn -B -Pbench test-compile exec:java
 * -Dexec.mainClass=io.akocamel.bench.IngestionBenchmark -Dexec.classpathScope=test}.
 */
public final class IngestionBenchmark {
    static final int INGRESSES = 5_000;
    static final int EVENTS = 100_000;
    static final int WARM_UP = 30_000;
    static final int NAMESPACES = 50;
    static final int NODES = 20;
    static final String VALUES = """
            AKOSettings: {clusterName: bench, fullSyncFrequency: "3600"}
            ControllerSettings: {controllerHost: "http://127.0.0.1:1"}
            avicredentials: {username: bench, password: unused}
            NetworkSettings: {vipNetworkList: [{networkName: vip-net, cidr: 10.10.0.0/16}]}
            L7Settings: {serviceType: ClusterIP, shardVSSize: LARGE}
            """;

    /** The figures of one run. */
    public record Result(int ingresses, int objects, int events, double initialReplaySeconds, double eventsPerSecond,
                         double wallClockEventsPerSecond, double p50Micros, double p99Micros, double maxMicros, long shardKeys) {
        public String summary() {
            return String.format("""
                    Ingestion benchmark: %,d Ingresses (%,d objects in the informer stores), %,d synthetic watch events
                      initial replay of every object through the routes: %.2f s
                      throughput: %,.0f events/s (time inside the ingestion pipeline), %,.0f events/s (wall clock, incl. event generation)
                      per-event cost: p50 %.1f us, p99 %.1f us, max %.0f us
                      shard keys handed to seda:reconcile during the measured events: %,d""",
                    ingresses, objects, events, initialReplaySeconds, eventsPerSecond, wallClockEventsPerSecond, p50Micros, p99Micros,
                    maxMicros, shardKeys);
        }
    }

    private IngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(INGRESSES, EVENTS).summary());
    }

    public static Result run(int ingressCount, int eventCount) throws Exception {
        Settings settings = SettingsLoader.defaults().values(VALUES).load();
        Cluster cluster = new Cluster(ingressCount);
        CamelContext camel = new DefaultCamelContext();
        try (KubernetesClient unusedApi = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1/").build()).build()) {
            Components components = new Components(settings, unusedApi);
            components.configure(camel);
            components.cluster().informerSource(cluster);
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    PluginHelper.getResourceLoader(camel).resolveResource("classpath:routes/kubernetes-watch.camel.yaml"),
                    PluginHelper.getResourceLoader(camel).resolveResource("classpath:routes/full-sync.camel.yaml"));
            AtomicLong keys = new AtomicLong();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("seda:reconcile").routeId("bench-reconcile").process(e -> keys.incrementAndGet());
                }
            });

            long startedAt = System.nanoTime();
            camel.start();
            cluster.awaitReplayed();
            double replaySeconds = (System.nanoTime() - startedAt) / 1e9;

            Events events = new Events(cluster, new Random(42));
            for (int i = 0; i < WARM_UP; i++) {
                events.next().run();
            }
            awaitDrained(camel, keys);
            long keysBefore = keys.get();
            long[] costs = new long[eventCount];
            long pipelineNanos = 0;
            long wallStart = System.nanoTime();
            for (int i = 0; i < eventCount; i++) {
                Runnable event = events.next();
                long start = System.nanoTime();
                event.run();
                costs[i] = System.nanoTime() - start;
                pipelineNanos += costs[i];
            }
            long wallNanos = System.nanoTime() - wallStart;
            awaitDrained(camel, keys);
            Arrays.sort(costs);
            long emitted = keys.get() - keysBefore;
            camel.stop();
            return new Result(ingressCount, cluster.objectCount(), eventCount, replaySeconds, eventCount / (pipelineNanos / 1e9),
                    eventCount / (wallNanos / 1e9), costs[eventCount / 2] / 1e3, costs[(int) (eventCount * 0.99)] / 1e3,
                    costs[eventCount - 1] / 1e3, emitted);
        }
    }

    /** Waits until reconcile has taken every key handed over so far. */
    private static void awaitDrained(CamelContext camel, AtomicLong keys) {
        SedaEndpoint reconcile = camel.getEndpoint("seda:reconcile", SedaEndpoint.class);
        long seen = -1;
        while (reconcile.getCurrentQueueSize() > 0 || keys.get() != seen) {
            seen = keys.get();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The synthetic cluster: one informer per kind, preloaded; also the informer source of the cluster state. */
    static final class Cluster implements InformerSource {
        final int ingresses;
        final Map<KubeKind, SyntheticInformer<?>> informers = new EnumMap<>(KubeKind.class);
        final SyntheticInformer<Ingress> ingressInformer = new SyntheticInformer<>(Ingress.class);
        final SyntheticInformer<Service> serviceInformer = new SyntheticInformer<>(Service.class);
        final SyntheticInformer<EndpointSlice> sliceInformer = new SyntheticInformer<>(EndpointSlice.class);
        final SyntheticInformer<Secret> secretInformer = new SyntheticInformer<>(Secret.class);
        final SyntheticInformer<IngressClass> classInformer = new SyntheticInformer<>(IngressClass.class);
        final SyntheticInformer<Namespace> namespaceInformer = new SyntheticInformer<>(Namespace.class);
        final SyntheticInformer<Node> nodeInformer = new SyntheticInformer<>(Node.class);

        Cluster(int ingresses) {
            this.ingresses = ingresses;
            informers.put(KubeKind.INGRESS, ingressInformer);
            informers.put(KubeKind.SERVICE, serviceInformer);
            informers.put(KubeKind.ENDPOINT_SLICE, sliceInformer);
            informers.put(KubeKind.SECRET, secretInformer);
            informers.put(KubeKind.INGRESS_CLASS, classInformer);
            informers.put(KubeKind.NAMESPACE, namespaceInformer);
            informers.put(KubeKind.NODE, nodeInformer);
            classInformer.preload(new IngressClassBuilder().withNewMetadata().withName("avi-lb")
                    .withAnnotations(Map.of("ingressclass.kubernetes.io/is-default-class", "true")).endMetadata()
                    .withNewSpec().withController("ako.vmware.com/avi-lb").endSpec().build());
            for (int n = 0; n < NAMESPACES; n++) {
                namespaceInformer.preload(new NamespaceBuilder().withNewMetadata().withName("team-" + n).withResourceVersion("1").endMetadata().build());
            }
            for (int n = 0; n < NODES; n++) {
                nodeInformer.preload(new NodeBuilder().withNewMetadata().withName("node-" + n).withResourceVersion("1").endMetadata()
                        .withNewSpec().withPodCIDR("10.244." + n + ".0/24").endSpec()
                        .withNewStatus().addNewAddress().withType("InternalIP").withAddress("192.168.0." + (n + 10)).endAddress().endStatus()
                        .build());
            }
            for (int i = 0; i < ingresses; i++) {
                ingressInformer.preload(ingress(i, "app-" + i + ".example.com", "/api", "1"));
                serviceInformer.preload(new ServiceBuilder().withNewMetadata().withNamespace(namespace(i)).withName("svc-" + i)
                        .withResourceVersion("1").endMetadata().withNewSpec().withSelector(Map.of("app", "app-" + i))
                        .addNewPort().withName("http").withPort(80).withNewTargetPort(8080).endPort().endSpec().build());
                sliceInformer.preload(new EndpointSliceBuilder().withNewMetadata().withNamespace(namespace(i)).withName("svc-" + i + "-x1")
                        .withResourceVersion("1").withLabels(Map.of("kubernetes.io/service-name", "svc-" + i)).endMetadata()
                        .withAddressType("IPv4").addNewPort().withName("http").withPort(8080).endPort()
                        .addNewEndpoint().withAddresses("10.1." + (i / 250) + "." + (i % 250)).withNewConditions().withReady(true)
                        .endConditions().endEndpoint().build());
                if (i % 3 == 0) {
                    secretInformer.preload(secret(i, "1", "Y2VydC0x"));
                }
            }
        }

        static String namespace(int i) {
            return "team-" + (i % NAMESPACES);
        }

        static Ingress ingress(int i, String host, String apiPath, String resourceVersion) {
            IngressBuilder builder = new IngressBuilder().withNewMetadata().withNamespace(namespace(i)).withName("app-" + i)
                    .withResourceVersion(resourceVersion).endMetadata().withNewSpec().withIngressClassName("avi-lb")
                    .addNewRule().withHost(host).withNewHttp()
                    .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("svc-" + i)
                    .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                    .addNewPath().withPath(apiPath).withPathType("Prefix").withNewBackend().withNewService().withName("svc-" + i)
                    .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                    .addNewPath().withPath("/health").withPathType("Exact").withNewBackend().withNewService().withName("svc-" + i)
                    .withNewPort().withName("http").endPort().endService().endBackend().endPath()
                    .endHttp().endRule().endSpec();
            if (i % 3 == 0) {
                builder.editSpec().addNewTl().withHosts(host).withSecretName("tls-" + i).endTl().endSpec();
            }
            return builder.build();
        }

        static Secret secret(int i, String resourceVersion, String certificate) {
            return new SecretBuilder().withNewMetadata().withNamespace(namespace(i)).withName("tls-" + i).withResourceVersion(resourceVersion)
                    .endMetadata().withType("kubernetes.io/tls").withData(Map.of("tls.crt", certificate, "tls.key", "a2V5")).build();
        }

        int objectCount() {
            return informers.values().stream().mapToInt(informer -> informer.getStore().list().size()).sum();
        }

        void awaitReplayed() throws Exception {
            CompletableFuture.allOf(informers.values().stream().map(SyntheticInformer::replayed).toArray(CompletableFuture[]::new))
                    .get(5, TimeUnit.MINUTES);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends HasMetadata> SharedIndexInformer<T> informer(io.akocamel.kube.WatchSpec spec, Class<T> type, long resyncMillis) {
            SyntheticInformer<?> informer = spec.coversKind() ? informers.get(spec.kind()) : null;
            if (informer == null) {
                SyntheticInformer<T> empty = new SyntheticInformer<>(type);
                empty.replayed().complete(null);
                return empty;
            }
            return (SharedIndexInformer<T>) informer;
        }
    }

    /** A realistic mix of watch events; building the next object version is not part of the measured cost. */
    static final class Events {
        private final Cluster cluster;
        private final Random random;
        private long resourceVersion = 1_000;

        Events(Cluster cluster, Random random) {
            this.cluster = cluster;
            this.random = random;
        }

        Runnable next() {
            int pick = random.nextInt(100);
            int i = random.nextInt(cluster.ingresses);
            String rv = String.valueOf(++resourceVersion);
            String ns = Cluster.namespace(i);
            if (pick < 50) {
                EndpointSlice slice = new EndpointSliceBuilder(cluster.sliceInformer.get(ns + "/svc-" + i + "-x1"))
                        .editMetadata().withResourceVersion(rv).endMetadata()
                        .editFirstEndpoint().withAddresses("10.2." + random.nextInt(250) + "." + random.nextInt(250)).endEndpoint().build();
                return () -> cluster.sliceInformer.emit(slice);
            }
            Ingress current = cluster.ingressInformer.get(ns + "/app-" + i);
            if (pick < 70) {
                String host = current.getSpec().getRules().get(0).getHost();
                if (random.nextInt(10) == 0) {
                    host = host.startsWith("app-") ? "moved-" + host : host.substring("moved-".length());
                }
                Ingress changed = Cluster.ingress(i, host, "/api/v" + random.nextInt(5), rv);
                return () -> cluster.ingressInformer.emit(changed);
            }
            if (pick < 80) {
                Ingress status = new IngressBuilder(current).editMetadata().withResourceVersion(rv).endMetadata().withNewStatus()
                        .withNewLoadBalancer().withIngress(new IngressLoadBalancerIngressBuilder().withIp("10.10.0." + random.nextInt(250)).build())
                        .endLoadBalancer().endStatus().build();
                return () -> cluster.ingressInformer.emit(status);
            }
            if (pick < 90) {
                Service service = new ServiceBuilder(cluster.serviceInformer.get(ns + "/svc-" + i)).editMetadata().withResourceVersion(rv)
                        .withAnnotations(Map.of("example.com/revision", rv)).endMetadata().build();
                return () -> cluster.serviceInformer.emit(service);
            }
            if (pick < 95) {
                return () -> cluster.ingressInformer.emit(current);
            }
            int tls = i - i % 3;
            Secret rotated = Cluster.secret(tls, rv, "Y2VydC0" + rv);
            return () -> cluster.secretInformer.emit(rotated);
        }
    }

}
