package io.akocamel.it;

import io.akocamel.app.ControllerApp;
import io.akocamel.app.RouteContract;
import io.akocamel.kube.LeaseElection;
import io.akocamel.testing.FaultyCrudDispatcher;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the controller (pods ako-0 and ako-1, no Pod objects: only the Lease) against one Kubernetes API and
 * one Avi Controller: one leader writes, the follower stays warm and takes over.
 */
class HighAvailabilityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(3);
    private final FaultyCrudDispatcher kubernetes = new FaultyCrudDispatcher();
    private ControllerFixture fixture;
    private ControllerApp first;
    private ControllerApp second;

    @BeforeEach
    void twoReplicasOnTheExamples() throws Exception {
        fixture = ControllerFixture.create(kubernetes, settings -> settings.set("akoCamel.leaderElection.leaseDuration", "5s")
                .set("akoCamel.leaderElection.renewDeadline", "3s").set("akoCamel.leaderElection.retryPeriod", "200ms"));
        fixture.applyExamples();
        first = fixture.startReplica("ako-0");
        second = fixture.startReplica("ako-1");
        await().atMost(WAIT).until(() -> !fixture.status("shop").isEmpty() && !fixture.status("secure").isEmpty());
        await().atMost(WAIT).until(() -> ready(first) && ready(second));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void exactlyOneReplicaWritesAndBothAreReady() throws Exception {
        assertThat(leader(first)).isTrue();
        assertThat(leader(second)).isFalse();
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("ako-0");
        assertThat(aviWrites(second)).as("the follower's Avi writes").isZero();
        assertThat(aviWrites(first)).isPositive();
        assertThat(kubernetes.writesBy("ako-1")).as("the follower's Kubernetes writes (status, Events, Lease)").isEmpty();
        assertThat(kubernetes.writesBy("ako-0")).anyMatch(w -> w.contains("/ingresses/shop/status"));
        assertThat(apiStatus(first)).contains("\"role\":\"leader\"");
        assertThat(apiStatus(second)).contains("\"role\":\"follower\"");
        assertThat(metric(first, "ako.leader")).isEqualTo(1.0);
        assertThat(metric(second, "ako.leader")).isEqualTo(0.0);
        assertThat(leaderEvents("ako-0")).singleElement().satisfies(e -> assertThat(e.getMessage()).startsWith("ako-0 became the leader"));
    }

    @Test
    void whenTheLeaderStopsTheFollowerTakesOverWithinTheLeaseDurationAndWritesNothingWhenNothingChanged() {
        fixture.clearAviLog();
        long stopped = System.nanoTime();

        first.close();

        await().atMost(LEASE).until(() -> leader(second));
        Duration takeover = Duration.ofNanos(System.nanoTime() - stopped);
        // the takeover's full sync: every key reconciled again, none with a write
        await().atMost(WAIT).until(() -> leaderEvents("ako-1").size() == 1 && reconciles(second, "noop") > 0);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> fixture.aviWrites() == 0);
        assertThat(reconciles(second, "applied")).isZero();
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("ako-1");
        System.out.println("takeover after a graceful stop: " + takeover.toMillis() + " ms");
    }

    @Test
    void aChangeMadeDuringTheHandoverIsAppliedExactlyOnce() {
        fixture.clearAviLog();

        first.close();
        fixture.client().network().v1().ingresses().inNamespace("default").resource(new IngressBuilder()
                .withNewMetadata().withName("late").withNamespace("default").endMetadata()
                .withNewSpec().withIngressClassName("avi-lb").addNewRule().withHost("late.example.com").withNewHttp().addNewPath()
                .withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("web").withNewPort().withNumber(80)
                .endPort().endService().endBackend().endPath().endHttp().endRule().endSpec().build()).create();

        await().atMost(WAIT).until(() -> !fixture.status("late").isEmpty());
        assertThat(leader(second)).isTrue();
        List<String> writes = fixture.avi.requestLog().stream().filter(r -> r.isWrite()).map(r -> r.method() + " " + r.path()).toList();
        assertThat(writes).as("each write once").doesNotHaveDuplicates().containsOnlyOnce("POST /api/pool");
    }

    @Test
    void aLeaderCutOffFromTheLeaseStopsWritingWithinTheRenewDeadlineAndTheFollowerRepairs() throws Exception {
        double writesBefore = aviWrites(first);
        long cut = System.nanoTime();

        kubernetes.leasesUnreachableFor.add("ako-0");

        await().atMost(RENEW_DEADLINE.plusMillis(300)).until(() -> !leader(first));
        Duration stoppedWriting = Duration.ofNanos(System.nanoTime() - cut);
        // the Avi Controller is still reachable: a TLS host's virtual service deleted by hand is seen by both replicas and
        // put back by the new leader only
        String sniChild = fixture.avi.objects("virtualservice").stream().filter(vs -> vs.has("vh_parent_vs_ref"))
                .map(vs -> vs.path("name").asText()).findFirst().orElseThrow();
        fixture.avi.delete("virtualservice", sniChild);
        first.context().createProducerTemplate().sendBody(RouteContract.FULL_SYNC_NOW, null);
        await().atMost(WAIT).until(() -> leader(second) && fixture.avi("virtualservice", sniChild).isPresent());
        assertThat(aviWrites(first)).as("writes by the replica cut off from the Lease").isEqualTo(writesBefore);
        System.out.println("stopped writing " + stoppedWriting.toMillis() + " ms after losing the Lease API");
    }

    private Lease lease() {
        return fixture.client().leases().inNamespace("avi-system").withName(LeaseElection.LEASE).get();
    }

    private List<Event> leaderEvents(String pod) {
        return fixture.events(pod).stream().filter(e -> LeaseElection.EVENT_REASON.equals(e.getReason()) && "Normal".equals(e.getType())).toList();
    }

    private static boolean leader(ControllerApp replica) {
        return replica.components().leadership().isLeader();
    }

    private static boolean ready(ControllerApp replica) {
        return replica.components().initialSync().isDone();
    }

    private static double reconciles(ControllerApp replica, String result) {
        return meters(replica).find("ako.reconciles").tag("result", result).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double aviWrites(ControllerApp replica) {
        return meters(replica).find("ako.avi.calls").counters().stream().filter(c -> !"GET".equals(c.getId().getTag("method")))
                .mapToDouble(Counter::count).sum();
    }

    private static double metric(ControllerApp replica, String name) {
        return meters(replica).get(name).gauge().value();
    }

    private static MeterRegistry meters(ControllerApp replica) {
        return replica.context().getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
    }

    private static String apiStatus(ControllerApp replica) throws Exception {
        int port = Integer.parseInt(replica.context().getPropertiesComponent().resolveProperty("camel.server.port").orElseThrow());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
