package io.akocamel.helm;

import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class HelmChartTest {
    private static final List<String> AKO_ENV = List.of("CTRL_IPADDRESS", "CTRL_VERSION", "CNI_PLUGIN", "SHARD_VS_SIZE",
            "PASSTHROUGH_SHARD_SIZE", "FULL_SYNC_INTERVAL", "CLOUD_NAME", "TENANT_NAME", "VRF_NAME", "CLUSTER_NAME",
            "DEFAULT_DOMAIN", "DISABLE_STATIC_ROUTE_SYNC", "NAMESPACE_SYNC_LABEL_KEY", "NAMESPACE_SYNC_LABEL_VALUE",
            "DEFAULT_ING_CONTROLLER", "SEG_NAME", "NODE_NETWORK_LIST", "VIP_NETWORK_LIST", "AKO_API_PORT", "SERVICE_TYPE",
            "BLOCKED_NS_LIST");
    private static final List<String> AKO_CAMEL_ENV = List.of("AKO_CAMEL_INSECURE", "AKO_CAMEL_LEGACY_CLASS_ANNOTATION",
            "AKO_CAMEL_INGRESS_CLASS_NAME", "AKO_CAMEL_WORKERS", "AKO_CAMEL_AVI_SESSIONS", "AKO_CAMEL_DEBOUNCE_MILLIS", "AKO_CAMEL_MAX_DEBOUNCE_MILLIS", "AKO_CAMEL_CALL_TIMEOUT_SECONDS",
            "AKO_CAMEL_RETRY_INITIAL_MILLIS", "AKO_CAMEL_RETRY_MAX_MILLIS", "AKO_CAMEL_RETRY_MAX_ATTEMPTS",
            "AKO_CAMEL_RETRY_SLOW_SECONDS", "AKO_CAMEL_RESYNC_SECONDS", "AKO_CAMEL_LOG_FORMAT", "AKO_CAMEL_BRAKE_MAX_SHARE",
            "AKO_CAMEL_BRAKE_MIN_OBJECTS", "AKO_CAMEL_LEASE_DURATION", "AKO_CAMEL_RENEW_DEADLINE", "AKO_CAMEL_RETRY_PERIOD",
            "AKO_CAMEL_REQUIRE_DNS_PROFILE", "AKO_CAMEL_ROUTES_RELOAD", "AKO_CAMEL_ROUTES_DIR");

    /** The three value sets of the issue: the chart's defaults, the seed's values (both routing modes), AKO's defaults. */
    static Stream<Arguments> valueSets() {
        UnaryOperator<TemplateCommand> defaults = t -> t;
        UnaryOperator<TemplateCommand> seed = t -> t.withValuesFile(Chart.SEED_VALUES);
        UnaryOperator<TemplateCommand> seedNodePort = t -> t.withValuesFile(Chart.SEED_VALUES)
                .set("L7Settings.serviceType", "NodePort").set("nodePortSelector.key", "node-role").set("nodePortSelector.value", "ingress");
        UnaryOperator<TemplateCommand> akoDefaults = t -> t.withValuesFile(Chart.AKO_DEFAULT_VALUES);
        return Stream.of(
                arguments("chart defaults", "avi-system", defaults),
                arguments("seed values, ClusterIP", "avi-system", seed),
                arguments("seed values, NodePort", "ako-ns", seedNodePort),
                arguments("AKO's default values", "avi-system", akoDefaults));
    }

    private static Container container(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<String> envNames(StatefulSet sts) {
        return container(sts).getEnv().stream().map(EnvVar::getName).toList();
    }

    @Test
    void lintStrictPasses() {
        LintResult lint = Chart.helm().lint().strict().call();

        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void statefulSetAkoRunsOnePodInTheReleaseNamespace(String name, String namespace, UnaryOperator<TemplateCommand> values) {
        Chart.Rendered chart = Chart.template(namespace, values);
        StatefulSet sts = chart.statefulSet();

        assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
        assertThat(sts.getSpec().getServiceName()).isEqualTo("ako");
        assertThat(sts.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("ako-sa");
        assertThat(container(sts).getImage()).isEqualTo("ako-camel:0.1.0");
        assertThat(container(sts).getCommand()).containsExactly("java");
        assertThat(container(sts).getArgs()).endsWith("-jar", "/app/ako-camel.jar", "run");
        assertThat(chart.objects()).filteredOn(o -> !(o instanceof ClusterRole) && !(o instanceof ClusterRoleBinding) && !(o instanceof IngressClass))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(o.getKind() + " " + o.getMetadata().getName()).isEqualTo(namespace));
        assertThat(chart.get(ClusterRoleBinding.class, "ako-crb").getSubjects().get(0).getNamespace()).isEqualTo(namespace);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void environmentHasAkosNamesFromTheConfigMapAndThePodsIdentity(String name, String namespace, UnaryOperator<TemplateCommand> values) {
        Chart.Rendered chart = Chart.template(namespace, values);
        StatefulSet sts = chart.statefulSet();
        List<String> expected = new ArrayList<>(List.of("POD_NAME", "POD_NAMESPACE"));
        expected.addAll(AKO_ENV);
        if (name.contains("NodePort")) {
            expected.addAll(List.of("NODE_KEY", "NODE_VALUE"));
        }
        expected.addAll(AKO_CAMEL_ENV);

        assertThat(envNames(sts)).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, String> fieldRefs = new HashMap<>();
        container(sts).getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null)
                .forEach(e -> fieldRefs.put(e.getName(), e.getValueFrom().getFieldRef().getFieldPath()));
        assertThat(fieldRefs).containsExactlyInAnyOrderEntriesOf(Map.of("POD_NAME", "metadata.name", "POD_NAMESPACE", "metadata.namespace"));
        assertThat(container(sts).getEnv()).filteredOn(e -> AKO_ENV.contains(e.getName()))
                .allSatisfy(e -> assertThat(e.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("avi-k8s-config"));
        assertThat(chart.containerEnvironment()).containsEntry("AKO_CAMEL_ROUTES_DIR", "/etc/ako-camel/routes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void probesUseTheManagementHealthEndpointsOnTheApiServerPort(String name, String namespace, UnaryOperator<TemplateCommand> values) {
        Container ako = container(Chart.template(namespace, values).statefulSet());

        assertThat(ako.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("management");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertThat(ako.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/live");
        assertThat(ako.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(ako.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/ready");
        assertThat(ako.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(ako.getStartupProbe().getHttpGet().getPath()).isEqualTo("/observe/health/live");
        assertThat(ako.getArgs()).contains("-Dcamel.management.enabled=true", "-Dcamel.management.port=8080");
    }

    @Test
    void managementPortFollowsApiServerPort() {
        Chart.Rendered chart = Chart.template(t -> t.set("AKOSettings.apiServerPort", 9090));
        Container ako = container(chart.statefulSet());

        assertThat(ako.getPorts().get(0).getContainerPort()).isEqualTo(9090);
        assertThat(ako.getArgs()).contains("-Dcamel.management.port=9090");
        assertThat(chart.aviConfig()).containsEntry("apiServerPort", "9090");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void podIsHardened(String name, String namespace, UnaryOperator<TemplateCommand> values) {
        StatefulSet sts = Chart.template(namespace, values).statefulSet();
        PodSpec pod = sts.getSpec().getTemplate().getSpec();
        Container ako = container(sts);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(ako.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(ako.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(ako.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(ako.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(ako.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("tmp");
            assertThat(v.getEmptyDir()).isNotNull();
        });
        assertThat(ako.getResources().getLimits()).containsOnlyKeys("cpu", "memory");
    }

    @Test
    void theDefaultResourcesAreTheMeasuredOnesAndAnAkoValuesFileKeepsItsOwn() {
        Container defaults = container(Chart.template("avi-system", t -> t).statefulSet());
        assertThat(defaults.getResources().getLimits()).hasToString("{cpu=2, memory=1536Mi}");
        assertThat(defaults.getResources().getRequests()).hasToString("{cpu=500m, memory=1Gi}");
        assertThat(defaults.getArgs()).contains("-XX:MaxRAMPercentage=60.0");

        Container ako = container(Chart.template("avi-system", t -> t.withValuesFile(Chart.AKO_DEFAULT_VALUES)).statefulSet());
        assertThat(ako.getResources().getLimits()).hasToString("{cpu=350m, memory=400Mi}");
        assertThat(ako.getResources().getRequests()).hasToString("{cpu=200m, memory=300Mi}");
    }

    @Test
    void securityContextValuesOverrideTheHardenedDefaultsFieldByField() {
        StatefulSet sts = Chart.template(t -> t.set("securityContext.readOnlyRootFilesystem", false)
                .set("podSecurityContext.runAsUser", 2000)).statefulSet();

        assertThat(container(sts).getSecurityContext().getReadOnlyRootFilesystem()).isFalse();
        assertThat(container(sts).getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(sts.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(2000L);
        assertThat(sts.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    }

    static Stream<Arguments> routingModes() {
        return Stream.of(arguments("ClusterIP", false), arguments("NodePort", false), arguments("NodePortLocal", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routingModes")
    void clusterRoleGrantsExactlyWhatTheControllerUses(String serviceType, boolean readsPods) {
        ClusterRole role = Chart.template(t -> t.withValuesFile(Chart.SEED_VALUES).set("L7Settings.serviceType", serviceType))
                .get(ClusterRole.class, "ako-cr");
        List<String> expected = new ArrayList<>(List.of(
                "networking.k8s.io ingresses get,list,watch",
                "networking.k8s.io ingressclasses get,list,watch",
                "networking.k8s.io ingresses/status update,patch",
                "core services get,list,watch",
                "core nodes get,list,watch",
                "core secrets get,list,watch",
                "core namespaces get,list,watch",
                "discovery.k8s.io endpointslices get,list,watch",
                "ako.vmware.com hostrules get,list,watch",
                "ako.vmware.com httprules get,list,watch",
                "ako.vmware.com aviinfrasettings get,list,watch",
                "ako.vmware.com hostrules/status update",
                "ako.vmware.com httprules/status update",
                "ako.vmware.com aviinfrasettings/status update",
                "core configmaps[avi-k8s-config] get,list,watch",
                "core events create,patch"));
        if (readsPods) {
            expected.add("core pods get,list,watch");
        }

        assertThat(grants(role.getRules())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void noRoleUsesAWildcard() {
        List<PolicyRule> rules = Chart.template(t -> t.set("L7Settings.serviceType", "NodePortLocal"))
                .get(ClusterRole.class, "ako-cr").getRules();

        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*");
            assertThat(rule.getApiGroups()).doesNotContain("*");
        });
    }

    @ParameterizedTest(name = "replicaCount={0}")
    @CsvSource({"1, '[ako-0]'", "2, '[ako-0,ako-1]'"})
    void theLeaseTheOwnPodsAndStatefulSetAreGrantedInTheReleaseNamespaceOnly(int replicas, String pods) {
        Chart.Rendered chart = Chart.template("ako-ns", t -> t.set("replicaCount", replicas));
        Role role = chart.get(Role.class, "ako-role");
        RoleBinding binding = chart.get(RoleBinding.class, "ako-rb");

        assertThat(chart.statefulSet().getSpec().getReplicas()).isEqualTo(replicas);
        assertThat(role.getMetadata().getNamespace()).isEqualTo("ako-ns");
        assertThat(grants(role.getRules())).containsExactlyInAnyOrder(
                "coordination.k8s.io leases[ako-lease-lock] get,update",
                "coordination.k8s.io leases create",
                "core pods" + pods + " get",
                "apps statefulsets[ako] get,patch");
        assertThat(binding.getRoleRef().getName()).isEqualTo("ako-role");
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo("ako-sa");
            assertThat(s.getNamespace()).isEqualTo("ako-ns");
        });
        assertThat(grants(chart.get(ClusterRole.class, "ako-cr").getRules())).noneMatch(g -> g.contains("leases"));
        assertThat(chart.objects()).extracting(HasMetadata::getKind).containsOnlyOnce("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
    }

    /** One "group resource[names] verbs" line per group and resource of each rule. */
    private static List<String> grants(List<PolicyRule> rules) {
        List<String> grants = new ArrayList<>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    String names = rule.getResourceNames() == null || rule.getResourceNames().isEmpty() ? "" : rule.getResourceNames().toString()
                            .replace(" ", "");
                    grants.add((group.isEmpty() ? "core" : group) + " " + resource + names + " " + String.join(",", rule.getVerbs()));
                }
            }
        }
        return grants;
    }

    @ParameterizedTest(name = "defaultIngController={0}")
    @CsvSource({"true, true", "'\"true\"', true", "false, false", "'\"false\"', false"})
    void ingressClassAviLbIsTheDefaultClassWhenDefaultIngControllerIsTrue(String setting, boolean isDefault) {
        String values = "L7Settings:\n  defaultIngController: " + setting + "\n";
        IngressClass ingressClass = Chart.template(t -> t.withValuesFile(writeValues(values))).get(IngressClass.class, "avi-lb");

        assertThat(ingressClass.getSpec().getController()).isEqualTo("ako.vmware.com/avi-lb");
        if (isDefault) {
            assertThat(ingressClass.getMetadata().getAnnotations()).containsEntry("ingressclass.kubernetes.io/is-default-class", "true");
        } else {
            assertThat(ingressClass.getMetadata().getAnnotations()).isNullOrEmpty();
        }
    }

    private static Path writeValues(String yaml) {
        try {
            Path file = Files.createTempFile("values", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void ingressClassNameFollowsAkoCamelIngressClassName() {
        Chart.Rendered chart = Chart.template(t -> t.set("akoCamel.ingressClassName", "avi-camel"));

        assertThat(chart.find(IngressClass.class, "avi-camel")).isPresent();
        assertThat(chart.containerEnvironment()).containsEntry("AKO_CAMEL_INGRESS_CLASS_NAME", "avi-camel");
    }

    @Test
    void configMapHoldsAkosKeysAsStrings() {
        Map<String, String> config = Chart.template(t -> t.withValuesFile(Chart.SEED_VALUES)).aviConfig();

        assertThat(config).containsEntry("clusterName", "cluster-1").containsEntry("layer7Only", "true")
                .containsEntry("controllerIP", "10.0.0.10").containsEntry("controllerVersion", "22.1.2")
                .containsEntry("cloudName", "vcenter-cloud").containsEntry("serviceEngineGroupName", "Default-Group")
                .containsEntry("tenantName", "admin").containsEntry("serviceType", "ClusterIP")
                .containsEntry("vipNetworkList", "[{\"cidr\":\"10.10.10.0/24\",\"networkName\":\"vip-network\"}]")
                .containsEntry("apiServerPort", "8080").containsEntry("fullSyncFrequency", "1800")
                .doesNotContainKeys("nodeKey", "nodeValue");
    }

    @Test
    void defaultDomainFallsBackToL4SettingsAsInAko() {
        assertThat(Chart.template(t -> t.set("L4Settings.defaultDomain", "l4.example.com")).aviConfig())
                .containsEntry("defaultDomain", "l4.example.com");
        assertThat(Chart.template(t -> t.set("L4Settings.defaultDomain", "l4.example.com").set("NetworkSettings.defaultDomain", "net.example.com"))
                .aviConfig()).containsEntry("defaultDomain", "net.example.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no credentials                  |               |            |            | false",
            "user without password or token  | admin         |            |            | false",
            "user and password               | admin         | avi123     |            | true",
            "user and token                  | admin         |            | tok-1      | true"})
    void secretAviSecretIsRenderedOnlyWithUserAndPasswordOrToken(String name, String user, String password, String token, boolean rendered) {
        Chart.Rendered chart = Chart.template(t -> t.set("avicredentials.username", user == null ? "" : user)
                .set("avicredentials.password", password == null ? "" : password).set("avicredentials.authtoken", token == null ? "" : token));

        assertThat(chart.find(Secret.class, "avi-secret").isPresent()).as(name).isEqualTo(rendered);
        if (rendered) {
            Map<String, String> expected = new HashMap<>(Map.of("username", user));
            if (password != null) {
                expected.put("password", password);
            }
            if (token != null) {
                expected.put("authtoken", token);
            }
            assertThat(chart.aviSecret()).isEqualTo(expected);
        }
    }

    @Test
    void replicaCountAboveTwoIsRefused() {
        assertThatThrownBy(() -> Chart.template(t -> t.set("replicaCount", 3)))
                .hasMessageContaining("replicaCount must be 1 or 2");
    }

    @Test
    void everyRenderedObjectCarriesTheReleaseLabels() {
        List<HasMetadata> objects = Chart.template(t -> t).objects();

        assertThat(objects).extracting(HasMetadata::getKind).contains("ServiceAccount", "ConfigMap", "ClusterRole",
                "ClusterRoleBinding", "Service", "StatefulSet", "IngressClass");
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/instance", Chart.RELEASE).containsEntry("app.kubernetes.io/name", "ako-camel"));
        assertThat(objects).filteredOn(o -> o instanceof ConfigMap).extracting(o -> o.getMetadata().getName())
                .containsExactlyInAnyOrder("avi-k8s-config", "ako-camel-routes");
    }

    @Test
    void imageRunsAsTheUserThePodExpects() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        long podUser = Chart.template(t -> t).statefulSet().getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser();

        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "COPY --chown=root:root target/ako-camel.jar /app/ako-camel.jar")
                .containsPattern("(?m)^USER " + podUser + ":" + podUser + "$");
    }

    @Test
    void imageComesFromAkoCamelImageAndPullSecretsFromAkosImageKey() {
        StatefulSet sts = Chart.template(t -> t.withValuesFile(Chart.AKO_DEFAULT_VALUES)
                .set("akoCamel.image.repository", "registry.example.com/lb/ako-camel").set("akoCamel.image.tag", "1.2.3")
                .set("image.pullSecrets[0].name", "regcred")).statefulSet();

        assertThat(container(sts).getImage()).isEqualTo("registry.example.com/lb/ako-camel:1.2.3");
        assertThat(sts.getSpec().getTemplate().getSpec().getImagePullSecrets()).singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("regcred"));
    }
}
