package io.akocamel.kube;

import io.akocamel.admission.IngressEligibility;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.model.ClusterSnapshot;
import io.akocamel.model.ClusterView;
import io.akocamel.model.ModelBuilder;
import io.akocamel.model.ShardModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.akocamel.admission.Ingresses.ingress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live view (informers over a CRUD mock API server) and the offline snapshot, given the same objects, admit the
 * same Ingresses, give the same models and the same warnings: exactly one per problem.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AdmissionEquivalenceTest {
    private static final Settings SETTINGS = SettingsLoader.defaults().values("""
            AKOSettings:
              clusterName: cluster-1
              namespaceSelector: {labelKey: ako-camel, labelValue: "on"}
              blockedNamespaceList: [blocked]
            NetworkSettings:
              vipNetworkList: [{networkName: vip-net, cidr: 10.10.10.0/24}]
            ControllerSettings: {cloudName: Default-Cloud, serviceEngineGroupName: Default-Group, tenantName: admin}
            akoCamel:
              honourLegacyIngressClassAnnotation: true
            """).load();
    private static final String HOST = "web.example.com";

    KubernetesClient client;
    private ClusterState live;

    static Stream<Arguments> cases() {
        return Stream.of(
                row("class by name", true, List.of(), ingress("apps", "web", "avi-lb", HOST, "web")),
                row("our default class", true, List.of(), ingress("apps", "web", null, HOST, "web")),
                row("legacy annotation naming our class", true, List.of(), legacy(ingress("apps", "web", null, HOST, "web"), "avi-lb")),
                row("legacy annotation naming another class", false, List.of(), legacy(ingress("apps", "web", null, HOST, "web"), "nginx")),
                row("class of another controller", false, List.of(), ingress("apps", "web", "nginx", HOST, "web")),
                row("class that does not exist", false, List.of(), ingress("apps", "web", "missing", HOST, "web")),
                row("namespace without the selector label", false, List.of(), ingress("unlabelled", "web", "avi-lb", HOST, "web")),
                row("blocked namespace", false, List.of(), ingress("blocked", "web", "avi-lb", HOST, "web")),
                row("invalid host", true, List.of("apps/web InvalidHost"),
                        extraRule(ingress("apps", "web", "avi-lb", HOST, "web"), "10.0.0.1", "Prefix")),
                row("invalid pathType", true, List.of("apps/web InvalidPathType"),
                        extraRule(ingress("apps", "web", "avi-lb", HOST, "web"), "api.example.com", "Regex")),
                row("ExternalName backend", true, List.of("apps/web UnsupportedServiceType"),
                        ingress("apps", "web", "avi-lb", HOST, "ext"), new ServiceBuilder().withNewMetadata().withNamespace("apps")
                                .withName("ext").endMetadata().withNewSpec().withType("ExternalName").withExternalName("db.example.org")
                                .addNewPort().withPort(80).endPort().endSpec().build()),
                row("missing Service", true, List.of("apps/web ServiceNotFound"), ingress("apps", "web", "avi-lb", HOST, "gone")),
                row("TLS Secret without tls.key", true, List.of("apps/web SecretInvalid"),
                        tls(ingress("apps", "web", "avi-lb", HOST, "web"), "half"), new SecretBuilder().withNewMetadata()
                                .withNamespace("apps").withName("half").endMetadata().withType("kubernetes.io/tls")
                                .addToData("tls.crt", "Y2VydA==").build()),
                row("missing TLS Secret", true, List.of("apps/web SecretNotFound"), tls(ingress("apps", "web", "avi-lb", HOST, "web"), "gone")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothViewsAdmitAlikeAndWarnOncePerProblem(String name, boolean ours, List<String> warnings, List<HasMetadata> objects) {
        List<HasMetadata> all = new ArrayList<>(cluster());
        all.addAll(objects);
        all.forEach(o -> client.resource(o).create());
        live = watching(new ClusterState(SETTINGS, client));
        ClusterSnapshot offline = ClusterSnapshot.of(SETTINGS, all);

        assertThat(live.ingresses()).extracting(i -> i.getMetadata().getName()).as("live Ingresses")
                .containsExactlyElementsOf(ours ? List.of("web") : List.of());
        assertThat(offline.ingresses()).extracting(i -> i.getMetadata().getName()).as("offline Ingresses")
                .containsExactlyElementsOf(ours ? List.of("web") : List.of());
        assertThat(render(live)).as("models").isEqualTo(render(offline));
        assertThat(warnings(live)).as("live warnings").containsExactlyInAnyOrderElementsOf(warnings);
        assertThat(warnings(offline)).as("offline warnings").containsExactlyInAnyOrderElementsOf(warnings);
    }

    @AfterEach
    void stopWatching() {
        if (live != null) {
            live.requiredKinds().forEach(kind -> live.release(WatchSpec.of(kind)));
        }
    }

    private static ClusterState watching(ClusterState state) {
        for (KubeKind kind : state.requiredKinds()) {
            state.watch(WatchSpec.of(kind));
            state.start(WatchSpec.of(kind));
        }
        await().atMost(Duration.ofSeconds(20)).until(state::isComplete);
        return state;
    }

    /** The objects every case shares: our default class, another controller's class, the namespaces, Service web. */
    private static List<HasMetadata> cluster() {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new IngressClassBuilder().withNewMetadata().withName("avi-lb")
                .withAnnotations(Map.of(IngressEligibility.DEFAULT_CLASS_ANNOTATION, "true")).endMetadata()
                .withNewSpec().withController(IngressEligibility.CONTROLLER).endSpec().build());
        objects.add(new IngressClassBuilder().withNewMetadata().withName("nginx").endMetadata()
                .withNewSpec().withController("k8s.io/ingress-nginx").endSpec().build());
        for (String namespace : List.of("apps", "blocked", "unlabelled")) {
            Map<String, String> labels = namespace.equals("unlabelled") ? Map.of() : Map.of("ako-camel", "on");
            objects.add(new NamespaceBuilder().withNewMetadata().withName(namespace).withLabels(labels).endMetadata().build());
        }
        objects.add(new ServiceBuilder().withNewMetadata().withNamespace("apps").withName("web").endMetadata()
                .withNewSpec().withType("ClusterIP").addToSelector("app", "web").addNewPort().withName("http").withPort(80)
                .withNewTargetPort(8080).endPort().endSpec().build());
        objects.add(new EndpointSliceBuilder().withNewMetadata().withNamespace("apps").withName("web-1")
                .addToLabels(KubeIndexes.SERVICE_NAME_LABEL, "web").endMetadata().withAddressType("IPv4")
                .addNewPort().withName("http").withPort(8080).endPort()
                .addNewEndpoint().withAddresses("10.244.1.5").withNewConditions().withReady(true).endConditions().endEndpoint().build());
        return objects;
    }

    private static String render(ClusterView cluster) {
        StringBuilder out = new StringBuilder();
        for (ShardModel shard : new ModelBuilder().buildAll(cluster, SETTINGS)) {
            out.append("== ").append(shard.vsName()).append('\n');
            shard.objects().forEach(o -> out.append(o.key()).append(' ').append(o.json()).append('\n'));
        }
        return out.toString();
    }

    /** {@code namespace/name Reason} of every warning: the model's, of every shard, and what admission cut. */
    private static List<String> warnings(ClusterView cluster) {
        List<String> warnings = new ArrayList<>();
        for (ShardModel shard : new ModelBuilder().buildAll(cluster, SETTINGS)) {
            shard.warnings().forEach(w -> warnings.add(w.ingress() + " " + w.reason()));
        }
        cluster.admissionProblems().forEach((ingress, problems) -> problems.forEach(p -> warnings.add(ingress + " " + p.reason())));
        return warnings;
    }

    private static Arguments row(String name, boolean ours, List<String> warnings, HasMetadata... objects) {
        return Arguments.of(name, ours, warnings, List.of(objects));
    }

    private static Ingress legacy(Ingress ingress, String className) {
        return new IngressBuilder(ingress).editMetadata().addToAnnotations(IngressEligibility.LEGACY_CLASS_ANNOTATION, className)
                .endMetadata().build();
    }

    private static Ingress extraRule(Ingress ingress, String host, String pathType) {
        return new IngressBuilder(ingress).editSpec().addNewRule().withHost(host).withNewHttp().addNewPath().withPath("/")
                .withPathType(pathType).withNewBackend().withNewService().withName("web").withNewPort().withNumber(80).endPort()
                .endService().endBackend().endPath().endHttp().endRule().endSpec().build();
    }

    private static Ingress tls(Ingress ingress, String secretName) {
        return new IngressBuilder(ingress).editSpec().addNewTl().withHosts(HOST).withSecretName(secretName).endTl().endSpec().build();
    }
}
