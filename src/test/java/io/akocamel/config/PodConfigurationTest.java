package io.akocamel.config;

import io.akocamel.testing.MockKubernetes;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PodConfigurationTest {
    private static final String NS = "avi-system";

    private final MockKubernetes kube = MockKubernetes.start();
    private final KubernetesClient client = kube.client();
    private final List<String> restarts = new CopyOnWriteArrayList<>();
    private PodConfiguration.SecretWatch watch;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        kube.close();
    }

    private void createConfigMap() {
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("avi-k8s-config").endMetadata()
                .withData(Map.of("clusterName", "cluster-1", "layer7Only", "true", "controllerIP", "10.0.0.10",
                        "vipNetworkList", "[{\"networkName\":\"vip-network\",\"cidr\":\"10.10.10.0/24\"}]",
                        "serviceType", "NodePort", "nodeKey", "node-role", "nodeValue", "worker", "logLevel", "INFO"))
                .build()).create();
    }

    private static Secret aviSecret(String password) {
        return new SecretBuilder().withNewMetadata().withName("avi-secret").endMetadata()
                .withData(Map.of("username", b64("admin"), "password", b64(password))).build();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private PodConfiguration readPod() {
        PodConfiguration pod = new PodConfiguration(client, NS);
        pod.readInto(SettingsLoader.defaults());
        return pod;
    }

    @Test
    void configMapKeysAndSecretCredentialsBecomeTheSettings() {
        createConfigMap();
        client.secrets().inNamespace(NS).resource(aviSecret("avi123")).create();

        Settings s = new PodConfiguration(client, NS).readInto(SettingsLoader.defaults()).load();

        assertThat(s.akoSettings().clusterName()).isEqualTo("cluster-1");
        assertThat(s.akoSettings().layer7Only()).isTrue();
        assertThat(s.akoSettings().logLevel()).isEqualTo("INFO");
        assertThat(s.controllerSettings().controllerHost()).isEqualTo("10.0.0.10");
        assertThat(s.networkSettings().vipNetworkList()).containsExactly(new Settings.VipNetwork("vip-network", "", "10.10.10.0/24", ""));
        assertThat(s.l7Settings().serviceType()).isEqualTo(ServiceType.NodePort);
        assertThat(s.nodePortSelector()).isEqualTo(new Settings.NodePortSelector("node-role", "worker"));
        assertThat(s.aviCredentials().username()).isEqualTo("admin");
        assertThat(s.aviCredentials().password().reveal()).isEqualTo("avi123");
    }

    @Test
    void environmentStillOverridesTheConfigMap() {
        createConfigMap();
        client.secrets().inNamespace(NS).resource(aviSecret("avi123")).create();

        Settings s = new PodConfiguration(client, NS).readInto(SettingsLoader.defaults()).environment(Map.of("CLUSTER_NAME", "from-env")).load();

        assertThat(s.akoSettings().clusterName()).isEqualTo("from-env");
    }

    @Test
    void missingConfigMapIsAConfigurationErrorThatSaysHowToFixIt() {
        assertThatThrownBy(() -> new PodConfiguration(client, NS).readInto(SettingsLoader.defaults()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("ConfigMap avi-k8s-config not found in namespace avi-system")
                .hasMessageContaining("install the Helm chart");
    }

    @Test
    void missingSecretLeavesTheCredentialsToTheEnvironment() {
        createConfigMap();

        Settings s = new PodConfiguration(client, NS).readInto(SettingsLoader.defaults())
                .environment(Map.of("AVI_USERNAME", "env-user", "AVI_PASSWORD", "env-pass")).load();

        assertThat(s.aviCredentials().username()).isEqualTo("env-user");
    }

    @Test
    void secretThatIsNotBase64IsAnErrorThatDoesNotShowTheValue() {
        createConfigMap();
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("avi-secret").endMetadata()
                .withData(Map.of("username", b64("admin"), "password", "not base64 s3cr3t!")).build()).create();

        assertThatThrownBy(() -> new PodConfiguration(client, NS).readInto(SettingsLoader.defaults()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("key 'password' is not valid base64")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void passwordChangeSignalsOneRestartWithoutShowingThePassword() {
        createConfigMap();
        client.secrets().inNamespace(NS).resource(aviSecret("avi123")).create();
        watch = readPod().watchAviSecret(restarts::add);

        client.secrets().inNamespace(NS).resource(aviSecret("new-Passw0rd")).update();
        client.secrets().inNamespace(NS).resource(aviSecret("third-Passw0rd")).update();

        await().until(() -> !restarts.isEmpty());
        assertThat(restarts).containsExactly("Secret avi-secret in namespace avi-system was updated; restarting to use the new credentials");
    }

    @Test
    void updateThatKeepsTheDataIsNotAChange() {
        createConfigMap();
        client.secrets().inNamespace(NS).resource(aviSecret("avi123")).create();
        watch = readPod().watchAviSecret(restarts::add);

        client.secrets().inNamespace(NS).withName("avi-secret").edit(s -> new SecretBuilder(s).editMetadata().addToLabels("team", "lb").endMetadata().build());
        client.secrets().inNamespace(NS).withName("avi-secret").delete();

        // the restart is signalled once: had the label edit counted, the reason would be "updated"
        await().until(() -> !restarts.isEmpty());
        assertThat(restarts).singleElement().asString().contains("was deleted");
    }

    @Test
    void secretCreatedAfterAStartWithoutItSignalsARestart() {
        createConfigMap();
        watch = readPod().watchAviSecret(restarts::add);

        client.secrets().inNamespace(NS).resource(aviSecret("avi123")).create();

        await().until(() -> !restarts.isEmpty());
        assertThat(restarts).singleElement().asString().contains("was created");
    }

    @Test
    void watchingBeforeReadingIsAProgrammingError() {
        assertThatThrownBy(() -> new PodConfiguration(client, NS).watchAviSecret(restarts::add))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void podNamespaceComesFromTheDownwardApiVariable() {
        assertThat(PodConfiguration.forPod(client, Map.of("POD_NAMESPACE", "avi-system"))).hasValueSatisfying(p ->
                assertThat(p.namespace()).isEqualTo("avi-system"));
        assertThat(PodConfiguration.forPod(client, Map.of())).isEmpty();
    }
}
