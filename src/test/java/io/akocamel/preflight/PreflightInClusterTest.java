package io.akocamel.preflight;

import io.akocamel.app.Components;
import io.akocamel.kube.EventRecorder;
import io.akocamel.simulator.AviSimulator;
import io.akocamel.simulator.RecordedRequest;
import io.akocamel.testing.AkoCrds;
import io.akocamel.testing.MockKubernetes;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The preflight in a cluster: the real Kubernetes routes (informers, full sync, event recorder) on fabric8's mock API
 * server, the delivery and preflight routes against the simulator, and the controller's own pod {@code avi-system/ako-0}.
 */
class PreflightInClusterTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final List<String> KUBE_ROUTES = List.of("kubernetes-watch.camel.yaml", "full-sync.camel.yaml");

    MockKubernetes kube;
    KubernetesClient client;
    Pod pod;
    AviSimulator avi;
    PreflightCamel camel;

    @BeforeEach
    void kubernetes() {
        kube = MockKubernetes.start();
        client = kube.client();
        pod = client.resource(new PodBuilder().withNewMetadata().withName("ako-0").withNamespace("avi-system").endMetadata().build()).create();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        if (avi != null) {
            avi.close();
        }
        kube.close();
    }

    private List<Event> podEvents(String type, String reason) {
        return client.v1().events().inNamespace("avi-system").list().getItems().stream()
                .filter(e -> type.equals(e.getType()) && reason.equals(e.getReason()) && "ako-0".equals(e.getInvolvedObject().getName()))
                .toList();
    }

    @Test
    void aMissingSeGroupOfAnAcceptedAviInfraSettingIsReportedWithoutClosingTheWriteGate() throws Exception {
        AkoCrds.install(client);
        var settings = client.genericKubernetesResources(AkoCrds.API_VERSION, "AviInfraSetting");
        GenericKubernetesResource setting = settings.resource(AkoCrds.aviInfraSetting("fast", Map.of("seGroup", Map.of("name", "missing-se"),
                "network", Map.of("vipNetworks", List.of(Map.of("networkName", "example-vip-network")))))).create();
        setting.setAdditionalProperty("status", Map.of("status", "Accepted"));
        settings.resource(setting).updateStatus();
        avi = AviSimulator.builder().port(0).password(TestSettings.PASSWORD).build().start();
        camel = PreflightCamel.start(PreflightTest.settings(avi.baseUrl()).build(), KUBE_ROUTES, client,
                Map.of(Components.POD_NAME, "ako-0", Components.POD_NAMESPACE, "avi-system"));
        await().atMost(WAIT).until(() -> !camel.components().cluster().acceptedInfraSettings().isEmpty());

        PreflightResult result = camel.check();

        assertThat(result.passed()).isTrue();
        assertThat(result.infraSettingProblems()).containsExactly("AviInfraSetting fast seGroup.name: there is no SE group 'missing-se' in "
                + "cloud 'vcenter-cloud'; the setting is Rejected and the Ingresses that name it stay on the default virtual services until "
                + "it is created there or the setting is corrected (nothing else waits for it)");
    }

    @Test
    void aSetUpFixedWhileRunningIsReconciledWithoutRestartAndTheProblemIsAnEventOnTheOwnPod() throws Exception {
        avi = AviSimulator.builder().port(0).password(TestSettings.PASSWORD).without("serviceenginegroup", "Default-Group").build().start();
        camel = PreflightCamel.start(PreflightTest.settings(avi.baseUrl()).build(), KUBE_ROUTES, client,
                Map.of(Components.POD_NAME, "ako-0", Components.POD_NAMESPACE, "avi-system"));

        await().atMost(WAIT).until(() -> !podEvents("Warning", Preflight.FAILED_REASON).isEmpty());
        Event warning = podEvents("Warning", Preflight.FAILED_REASON).get(0);
        assertThat(warning.getMessage()).startsWith("ControllerSettings.serviceEngineGroupName: there is no SE group 'Default-Group' "
                + "in cloud 'vcenter-cloud' (the cloud has: example-se-group)");
        assertThat(warning.getInvolvedObject().getKind()).isEqualTo("Pod");
        assertThat(warning.getInvolvedObject().getUid()).isEqualTo(pod.getMetadata().getUid());
        assertThat(warning.getSource().getComponent()).isEqualTo(EventRecorder.COMPONENT);
        // the first full sync runs once the informers have listed: its keys meet the closed gate
        await().atMost(WAIT).until(() -> camel.reconciles.stream().anyMatch(r -> "full sync".equals(r.cause())));
        assertThat(camel.applied).isEmpty();
        assertThat(avi.requestLog()).noneMatch(RecordedRequest::isWrite);
        assertThat(podEvents("Normal", Preflight.VALIDATED_REASON)).isEmpty();

        avi.create("serviceenginegroup", "{\"name\":\"Default-Group\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\"}");

        await().atMost(WAIT).until(() -> camel.preflight().passed());
        await().atMost(WAIT).until(() -> camel.fullSyncsAsked.get() == 1);
        await().atMost(WAIT).until(() -> camel.applied.stream().anyMatch(r -> r.shardKey().equals(PreflightCamel.SHARD)));
        assertThat(avi.requestLog()).filteredOn(RecordedRequest::isWrite)
                .anySatisfy(r -> assertThat(r.toString()).startsWith("POST /api/pool"));
        await().atMost(WAIT).until(() -> !podEvents("Normal", Preflight.PASSED_REASON).isEmpty());
        assertThat(podEvents("Normal", Preflight.VALIDATED_REASON)).singleElement().satisfies(e -> assertThat(e.getMessage())
                .startsWith("User input validation completed"));
        assertThat(camel.readiness().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aCloudWithoutDnsProfileIsServedByDefaultAndTheOwnPodWarnsThatDnsIsNotRegistered() throws Exception {
        avi = AviSimulator.builder().port(0).password(TestSettings.PASSWORD).without("ipamdnsproviderprofile", "vcenter-dns").build().start();
        camel = PreflightCamel.start(PreflightTest.settings(avi.baseUrl()).build(), KUBE_ROUTES, client,
                Map.of(Components.POD_NAME, "ako-0", Components.POD_NAMESPACE, "avi-system"));

        await().atMost(WAIT).until(() -> camel.applied.stream().anyMatch(r -> r.shardKey().equals(PreflightCamel.SHARD)));
        await().atMost(WAIT).until(() -> !podEvents("Warning", Preflight.DNS_NOT_REGISTERED_REASON).isEmpty());
        assertThat(podEvents("Warning", Preflight.DNS_NOT_REGISTERED_REASON)).singleElement().satisfies(e -> assertThat(e.getMessage())
                .startsWith("ControllerSettings.cloudName: cloud 'vcenter-cloud' has no DNS profile: Ingress hosts are served, "
                        + "but DNS is not registered"));
        assertThat(podEvents("Warning", Preflight.FAILED_REASON)).isEmpty();
    }
}
