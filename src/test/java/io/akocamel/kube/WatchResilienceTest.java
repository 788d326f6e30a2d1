package io.akocamel.kube;

import io.akocamel.admission.IngressEligibility;
import io.akocamel.testing.FaultyCrudDispatcher;
import io.akocamel.testing.TestSettings;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static io.akocamel.admission.Ingresses.ingress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Watches survive what API servers do to them, and the health check tells the truth about them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchResilienceTest {
    final FaultyCrudDispatcher dispatcher = new FaultyCrudDispatcher();
    KubeTestCluster cluster;

    @BeforeAll
    void start() throws Exception {
        dispatcher.failIngressLists = true;
        cluster = KubeTestCluster.start(TestSettings.builder(), dispatcher,
                client -> KubeTestCluster.createIngressClass(client, "avi-lb", IngressEligibility.CONTROLLER, true));
    }

    @AfterAll
    void stop() throws Exception {
        cluster.close();
    }

    @Test
    @Order(1)
    void notReadyUntilAFailingListSucceeds() {
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.clusterState().watches().stream()
                .anyMatch(w -> w.spec().kind() == KubeKind.INGRESS && w.lastError() != null));
        HealthCheck.Result failing = watchHealth(HealthCheckHelper.invokeReadiness(cluster.camel, "full"));
        assertThat(failing.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(failing.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("ingresses"));
        assertThat(cluster.reconciles).noneMatch(KubeTestCluster.Reconcile::fullSync);

        dispatcher.failIngressLists = false;

        await().atMost(Duration.ofSeconds(30)).until(() ->
                watchHealth(HealthCheckHelper.invokeReadiness(cluster.camel, "full")).getState() == HealthCheck.State.UP);
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.reconciles.stream().anyMatch(r -> r.fullSync() && r.kubernetesComplete()));
    }

    @Test
    @Order(2)
    void changeMadeWhileTheWatchIsDownIsSeenAfterReconnect() {
        cluster.client.resource(ingress("default", "moving", "avi-lb", "foo.com", "svc")).create();
        cluster.awaitKeys("Ingress default/moving ADDED", cluster.shard("foo.com"));

        int refused = dispatcher.refusedIngressWatches.get();
        dispatcher.refuseWatches = true;
        dispatcher.closeAllWatches();
        await().until(() -> !dispatcher.ingressWatchOpen() && dispatcher.refusedIngressWatches.get() > refused);
        cluster.client.network().v1().ingresses().inNamespace("default").withName("moving").edit(i -> {
            i.getSpec().getRules().get(0).setHost("bar.com");
            return i;
        });
        dispatcher.refuseWatches = false;

        cluster.awaitKeys("Ingress default/moving MODIFIED", cluster.shard("foo.com"), cluster.shard("bar.com"));
    }

    @Test
    @Order(3)
    void watchGoneRelistsAndMissesNoCreateOrDelete() {
        cluster.client.resource(ingress("default", "old", "avi-lb", "old.example.com", "svc")).create();
        cluster.awaitKeys("Ingress default/old ADDED", cluster.shard("old.example.com"));

        dispatcher.goneIngressWatches.set(1);
        dispatcher.closeAllWatches();
        await().until(() -> dispatcher.goneSent.get() == 1);
        cluster.client.network().v1().ingresses().inNamespace("default").withName("old").delete();
        cluster.client.resource(ingress("default", "new", "avi-lb", "new.example.com", "svc")).create();

        cluster.awaitKeys("Ingress default/old DELETED", cluster.shard("old.example.com"));
        cluster.awaitKeys("Ingress default/new ADDED", cluster.shard("new.example.com"));
        assertThat(dispatcher.ingressLists.get()).as("a relist after 410 Gone").isGreaterThan(dispatcher.ingressListsBeforeGone);
        assertThat(watchHealth(HealthCheckHelper.invokeReadiness(cluster.camel, "full")).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    @Order(4)
    void notLiveWhenAnInformerStops() {
        assertThat(watchHealth(HealthCheckHelper.invokeLiveness(cluster.camel, "full")).getState()).isEqualTo(HealthCheck.State.UP);

        cluster.clusterState().watches().stream().filter(w -> w.spec().kind() == KubeKind.NODE).findFirst().orElseThrow()
                .informer().stop();

        HealthCheck.Result liveness = watchHealth(HealthCheckHelper.invokeLiveness(cluster.camel, "full"));
        assertThat(liveness.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(liveness.getMessage()).hasValue("watch stopped: nodes");
        assertThat(cluster.clusterState().isComplete()).isFalse();
    }

    private static HealthCheck.Result watchHealth(java.util.Collection<HealthCheck.Result> results) {
        return results.stream().filter(r -> r.getCheck().getId().equals("kubernetes-watches")).findFirst().orElseThrow();
    }
}
