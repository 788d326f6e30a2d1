package io.akocamel.avi;

import com.fasterxml.jackson.databind.JsonNode;
import io.akocamel.config.Settings;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;
import io.akocamel.model.ClusterSnapshot;
import io.akocamel.model.ModelBuilder;
import io.akocamel.model.ModelWarning;
import io.akocamel.model.Naming;
import io.akocamel.model.ShardModel;
import io.akocamel.simulator.AviSimulator;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code bad-input/names-*.yaml} (special characters in paths, hosts, namespaces, Ingress and Service names;
 * regex-looking paths) with a neighbour Ingress on the same shard: the model's objects reach the simulator through
 * the real delivery routes with 2xx only, every name reference resolves to the object of that exact name, a reload
 * plans nothing, and the neighbour is programmed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecialCharacterNamesTest {
    private static final Path CORPUS = Path.of("src/test/resources/bad-input");

    private AviSimulator avi;
    private AviCamel camel;
    private Settings settings;
    private Naming naming;
    private final Planner planner = new Planner(TestSettings.CLUSTER);

    @BeforeAll
    void start() throws Exception {
        avi = AviSimulator.builder().port(0).password(TestSettings.PASSWORD).build().start();
        settings = TestSettings.builder().controller(avi.baseUrl()).seedCloud().quickRetries().build();
        naming = Naming.of(settings);
        camel = AviCamel.start(settings);
    }

    @AfterAll
    void stop() {
        camel.close();
        avi.close();
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("names-")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyNameIsWrittenAndEveryReferenceResolves(String file) {
        List<HasMetadata> objects = yaml(read(CORPUS.resolve(file)));
        Ingress ingress = objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).findFirst().orElseThrow();
        String shard = naming.shardsOf(ingress).iterator().next();
        String neighbourHost = hostOnShard(shard);
        objects.addAll(yaml(webService("shop", "192.168.1.10")));
        objects.addAll(yaml(webService("other", "192.168.1.11")));
        objects.add(neighbour(neighbourHost));
        ShardModel model = new ModelBuilder().buildShard(shard, ClusterSnapshot.of(settings, objects), settings);

        assertThat(camel.loadInventory().complete()).isTrue();
        avi.clearRequestLog();
        BatchResult result = camel.apply(planner.plan(shard, model.objects(), camel.inventory(), true).batch());

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(avi.requestLog()).allSatisfy(r -> assertThat(r.status()).as("%s %s?%s", r.method(), r.path(), r.query()).isLessThan(400));
        for (AviObject desired : model.objects()) {
            JsonNode stored = avi.find(desired.type().path(), desired.name()).orElseThrow(() -> new AssertionError("missing " + desired));
            assertThat(namedRefs(stored)).as("refs of %s", desired).containsAll(expectedTargets(desired, model));
        }
        assertThat(avi.find("pool", naming.poolName("other", neighbourHost, "/neighbour", "neighbour"))).isPresent();
        assertThat(camel.loadInventory().complete()).isTrue();
        assertThat(planner.plan(shard, model.objects(), camel.inventory(), true).operations()).as("after a reload").isEmpty();
        assertThat(model.warnings().stream().filter(w -> w.reason() == ModelWarning.Reason.PathMatchedAsPrefix))
                .as("regex warnings").hasSize(file.startsWith("names-regex-") ? 1 : 0);
    }

    /** The names a desired object refers to among the objects of its shard (each must come back as {@code #name}). */
    private static List<String> expectedTargets(AviObject desired, ShardModel model) {
        Map<String, String> byRef = model.objects().stream()
                .collect(Collectors.toMap(o -> Payloads.refKey(o.type(), o.name()), o -> o.type().path() + "#" + o.name()));
        return Payloads.refsOf(desired.body()).stream().filter(byRef::containsKey).map(byRef::get).toList();
    }

    /** Every uuid URL of a stored body as {@code type#name} (the simulator renders refs with their names). */
    private static List<String> namedRefs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isContainerNode()) {
            node.forEach(child -> refs.addAll(namedRefs(child)));
        } else if (node.isTextual() && node.asText().matches("https?://[^/]+/api/[a-z]+/[^#]+#.*")) {
            String text = node.asText();
            String type = text.replaceFirst("https?://[^/]+/api/([a-z]+)/.*", "$1");
            refs.add(type + text.substring(text.indexOf('#')));
        }
        return refs;
    }

    private String hostOnShard(String shard) {
        for (int i = 0; ; i++) {
            String host = "neighbour-" + i + ".example.com";
            if (naming.shardVsName(host).equals(shard)) {
                return host;
            }
        }
    }

    /** Service {@code web} in a namespace, with one ready endpoint. */
    private static String webService(String namespace, String ip) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: %1$s}
                spec: {type: ClusterIP, ports: [{name: http, port: 80, targetPort: 8080, protocol: TCP}]}
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: web-1, namespace: %1$s, labels: {kubernetes.io/service-name: web}}
                addressType: IPv4
                ports: [{name: http, port: 8080, protocol: TCP}]
                endpoints: [{addresses: [%2$s], conditions: {ready: true}}]
                """.formatted(namespace, ip);
    }

    /** Ingress other/neighbour, older than every case: host → /neighbour → other/web. */
    private static Ingress neighbour(String host) {
        return new IngressBuilder().withNewMetadata().withName("neighbour").withNamespace("other")
                .withCreationTimestamp("2024-01-01T00:00:00Z").endMetadata()
                .withNewSpec().addNewRule().withHost(host).withNewHttp().addToPaths(new HTTPIngressPathBuilder()
                        .withPath("/neighbour").withPathType("Prefix").withNewBackend().withNewService().withName("web")
                        .withNewPort().withNumber(80).endPort().endService().endBackend().build()).endHttp().endRule().endSpec().build();
    }

    @SuppressWarnings("unchecked")
    private static List<HasMetadata> yaml(String text) {
        Object parsed = Serialization.unmarshal(text);
        return parsed instanceof List<?> list ? new ArrayList<>((List<HasMetadata>) list) : new ArrayList<>(List.of((HasMetadata) parsed));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
