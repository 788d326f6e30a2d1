package io.akocamel.kube;

import io.akocamel.admission.IngressEligibility;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.akocamel.admission.Ingresses.ingress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A cluster without AKO's CustomResourceDefinitions: their kinds are not watched, everything else works and is complete. */
class UnservedCustomResourcesTest {

    /** Answers 404 for the ako.vmware.com group, as an API server without the definitions does. */
    static final class WithoutAkoCrds extends KubernetesCrudDispatcher {
        final AtomicInteger refused = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getPath().startsWith("/apis/ako.vmware.com/")) {
                refused.incrementAndGet();
                return new MockResponse().setResponseCode(404).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"reason\":\"NotFound\",\"code\":404}");
            }
            return super.dispatch(request);
        }
    }

    @Test
    void customKindsAreSkippedOnceAndTheClusterStateIsComplete() throws Exception {
        WithoutAkoCrds dispatcher = new WithoutAkoCrds();
        try (KubeTestCluster cluster = KubeTestCluster.start(TestSettings.builder(), dispatcher, client -> {
            KubeTestCluster.createNamespace(client, "default", Map.of());
            KubeTestCluster.createIngressClass(client, "avi-lb", IngressEligibility.CONTROLLER, true);
            client.resource(ingress("default", "web", "avi-lb", "web.example.com", "svc")).create();
        })) {
            cluster.awaitSynced();
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.clusterState().ingresses().size() == 1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cluster.reconciles).extracting(KubeTestCluster.Reconcile::key)
                    .contains(cluster.shard("web.example.com")));

            assertThat(cluster.clusterState().watches()).filteredOn(ClusterState.Watch::absent).extracting(w -> w.spec().kind())
                    .containsExactlyInAnyOrder(KubeKind.HOST_RULE, KubeKind.HTTP_RULE, KubeKind.AVI_INFRA_SETTING);
            assertThat(cluster.clusterState().watches()).noneMatch(ClusterState.Watch::stopped);
            assertThat(dispatcher.refused).hasValue(3);
            assertThat(cluster.clusterState().hostRules()).isEmpty();
        }
    }
}
