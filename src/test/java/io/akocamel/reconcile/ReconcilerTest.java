package io.akocamel.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.avi.AviDelivery;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviMethod;
import io.akocamel.avi.AviOperation;
import io.akocamel.avi.BatchResult;
import io.akocamel.avi.OperationResult;
import io.akocamel.avi.Outcome;
import io.akocamel.avi.DeletionBrake;
import io.akocamel.avi.Planner;
import io.akocamel.avi.ShardBatch;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.kube.EventSink;
import io.akocamel.kube.Leadership;
import io.akocamel.model.AviType;
import io.akocamel.model.ClusterSnapshot;
import io.akocamel.model.Naming;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler on its own, with plain fakes for the cluster, the controller, Events and status. */
class ReconcilerTest {
    static final String HOST = "shop.example.com";
    static final String VIP = "10.10.10.7";
    static final String MANIFESTS = """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: avi-lb}
            spec: {controller: ako.vmware.com/avi-lb}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {type: ClusterIP, ports: [{port: 80, targetPort: 8080}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1, namespace: shop, labels: {kubernetes.io/service-name: web}}
            addressType: IPv4
            endpoints: [{addresses: [10.244.1.5], conditions: {ready: true}}]
            ports: [{port: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec:
              ingressClassName: avi-lb
              rules:
                - host: shop.example.com
                  http:
                    paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
            """;

    final Settings settings = settings(false);
    final String shard = Naming.of(settings).shardVsName(HOST);
    final AviInventory inventory = new AviInventory("cluster-1");
    final FakeController controller = new FakeController(inventory);
    final RecordedEvents events = new RecordedEvents();
    final Map<String, List<IngressLoadBalancerIngress>> statuses = new HashMap<>();
    final AtomicBoolean kubernetesComplete = new AtomicBoolean(true);
    final AtomicBoolean writesAllowed = new AtomicBoolean(true);
    final AtomicBoolean leader = new AtomicBoolean(true);
    ClusterSnapshot cluster = ClusterSnapshot.of(settings, objects(MANIFESTS));
    DnsDomainCheck dns = DnsDomainCheck.NONE;

    @Test
    void anIngressIsDeliveredThenShownInItsStatusWithASyncedEvent() {
        inventoryRead();

        ReconcileResult result = reconciler().reconcile(shard, false);

        assertThat(result.result()).isEqualTo("APPLIED");
        assertThat(controller.sent()).contains("POST pool", "POST vsvip", "POST virtualservice", "POST httppolicyset").doesNotContain("POST poolgroup");
        assertThat(statuses.get("shop/shop")).singleElement()
                .satisfies(e -> assertThat(e.getIp()).isEqualTo(VIP))
                .satisfies(e -> assertThat(e.getHostname()).isEqualTo(HOST));
        assertThat(events.normal).singleElement().asString().startsWith("shop/shop Synced Served by virtual service " + shard);
    }

    @Test
    void unchangedStateIsANoopWithNoWriteNoStatusAndNoEvent() {
        inventoryRead();
        Reconciler reconciler = reconciler();
        reconciler.reconcile(shard, false);
        controller.batches.clear();
        events.normal.clear();

        ReconcileResult again = reconciler.reconcile(shard, true);

        assertThat(again.result()).isEqualTo("NOOP");
        assertThat(controller.batches).isEmpty();
        assertThat(events.normal).isEmpty();
    }

    @Test
    void aRequestForARunningKeyReturnsAtOnceAndTheRunningReconcileAsksForOneRerun() {
        inventoryRead();
        List<ReconcileResult> whileRunning = new ArrayList<>();
        Reconciler[] reconciler = new Reconciler[1];
        reconciler[0] = new Reconciler(settings, clusterSide(), aviSide(batch -> {
            whileRunning.add(reconciler[0].reconcile(shard, false));
            whileRunning.add(reconciler[0].reconcile(shard, true));
            return controller.apply(batch);
        }), dns, new RuntimeConfig(settings), new InitialSync());

        ReconcileResult result = reconciler[0].reconcile(shard, false);

        assertThat(whileRunning).extracting(ReconcileResult::result).containsExactly("SKIPPED", "SKIPPED");
        assertThat(whileRunning.get(0).skippedBecause()).contains("being reconciled by another worker");
        assertThat(result.result()).isEqualTo("APPLIED");
        assertThat(result.rerun()).as("one rerun, counting for the full sync").isEqualTo(Rerun.FULL_SYNC);
        assertThat(reconciler[0].busyKeys()).isEmpty();
        assertThat(reconciler[0].reconcile(shard, false).rerun()).isEqualTo(Rerun.NONE);
    }

    @Test
    void nothingIsWrittenWhileTheWriteGateIsClosed() {
        inventoryRead();
        writesAllowed.set(false);

        ReconcileResult result = reconciler().reconcile(shard, false);

        assertThat(result.result()).isEqualTo("SKIPPED");
        assertThat(result.skippedBecause()).contains("set-up check has not passed");
        assertThat(controller.batches).isEmpty();
        assertThat(statuses).isEmpty();
    }

    @Test
    void aFollowerWritesNothingAndCountsItsFullSyncKeysAsSynced() {
        inventoryRead();
        leader.set(false);
        InitialSync initialSync = new InitialSync();
        initialSync.started(List.of(shard));

        ReconcileResult result = new Reconciler(settings, clusterSide(), aviSide(), dns, new RuntimeConfig(settings), initialSync)
                .reconcile(shard, true);

        assertThat(result.skippedBecause()).contains("this replica is a follower");
        assertThat(controller.batches).isEmpty();
        assertThat(statuses).isEmpty();
        assertThat(events.normal).isEmpty();
        assertThat(initialSync.isDone()).as("a warm follower is ready").isTrue();
    }

    @Test
    void aNewLeaderPlansNothingUntilItHasReadTheInventoryAgain() {
        inventoryRead();
        inventory.staleUntilNextLoad();

        ReconcileResult stale = reconciler().reconcile(shard, false);
        inventoryRead();
        ReconcileResult fresh = reconciler().reconcile(shard, false);

        assertThat(stale.skippedBecause()).contains("not since this replica became the leader");
        assertThat(fresh.result()).isEqualTo("APPLIED");
        assertThat(controller.batches).hasSize(1);
    }

    @Test
    void nothingIsWrittenBeforeTheAviInventoryWasRead() {
        ReconcileResult result = reconciler().reconcile(shard, false);

        assertThat(result.skippedBecause()).contains("inventory has not been read yet");
        assertThat(controller.batches).isEmpty();
    }

    @Test
    void ownedObjectsNoLongerWantedAreDeletedOnlyWhenTheKubernetesListsAreComplete() {
        inventoryRead();
        Reconciler reconciler = reconciler();
        reconciler.reconcile(shard, false);
        cluster = cluster.without(cluster.ingresses().iterator().next());
        kubernetesComplete.set(false);
        controller.batches.clear();

        reconciler().reconcile(shard, true);
        assertThat(controller.sent()).noneMatch(call -> call.startsWith("DELETE"));

        kubernetesComplete.set(true);
        reconciler().reconcile(shard, true);
        assertThat(controller.sent()).contains("DELETE httppolicyset", "DELETE pool");
    }

    @Test
    void aHostOutsideTheDnsDomainsIsRoutedWithAWarning() {
        inventoryRead();
        dns = host -> Optional.of("host " + host + " is outside every DNS sub-domain");

        reconciler().reconcile(shard, false);

        assertThat(controller.sent()).contains("POST httppolicyset");
        assertThat(events.warnings).containsExactly("shop/shop HostOutsideDnsDomains host shop.example.com is outside every DNS sub-domain");
    }

    @Test
    void deleteConfigRemovesEveryOwnedObjectAndClearsTheStatus() {
        inventoryRead();
        reconciler().reconcile(shard, false);
        controller.batches.clear();

        new Reconciler(settings(true), clusterSide(), aviSide(), dns, new RuntimeConfig(settings(true)), new InitialSync()).reconcile(shard, false);

        assertThat(controller.sent()).contains("DELETE virtualservice", "DELETE vsvip", "DELETE pool").noneMatch(c -> c.startsWith("POST"));
        assertThat(statuses.get("shop/shop")).isEmpty();
        assertThat(events.normal).last().asString().isEqualTo("shop/shop Removed Removed from the Avi Controller (deleteConfig)");
    }

    @Test
    void nothingIsWrittenNotEvenAnUpdateWhileAKubernetesListIsIncomplete() {
        inventoryRead();
        kubernetesComplete.set(false);

        ReconcileResult result = reconciler().reconcile(shard, true);

        assertThat(result.result()).isEqualTo("SKIPPED");
        assertThat(result.skippedBecause()).contains("Kubernetes lists are incomplete");
        assertThat(controller.batches).isEmpty();
        assertThat(statuses).isEmpty();
    }

    @Test
    void aReconcileThatThrowsEndsWithAnErrorToRetry() {
        inventoryRead();
        AviDelivery throwing = batch -> {
            throw new IllegalStateException("boom");
        };

        ReconcileResult result = new Reconciler(settings, clusterSide(), aviSide(throwing), dns, new RuntimeConfig(settings), new InitialSync()).reconcile(shard, false);

        assertThat(result.result()).isEqualTo("FAILED");
        assertThat(result.error()).contains("the reconcile failed", "boom");
    }

    @Test
    void aFailedStatusWriteEndsWithAnErrorToRetry() {
        inventoryRead();
        Reconciler.Cluster failingStatus = new Reconciler.Cluster(cluster, kubernetesComplete::get, events, (ingress, desired, vsUuids) -> {
            throw new IllegalStateException("API server unavailable");
        }, Reconciler.MissedReleases.NONE, Leadership.SOLE);

        ReconcileResult result = new Reconciler(settings, failingStatus, aviSide(), dns, new RuntimeConfig(settings), new InitialSync())
                .reconcile(shard, false);

        assertThat(controller.sent()).contains("POST virtualservice");
        assertThat(result.result()).isEqualTo("FAILED");
        assertThat(result.error()).isEqualTo("the status of Ingress shop/shop could not be written (API server unavailable)");
    }

    @Test
    void aVsVipMissingFromTheInventoryKeepsTheVipTheIngressShows() {
        inventoryRead();
        Ingress showing = cluster.ingresses().iterator().next();
        showing.setStatus(new IngressStatusBuilder().withNewLoadBalancer().addNewIngress().withIp(VIP).withHostname(HOST).endIngress()
                .endLoadBalancer().build());

        assertThat(reconciler().statusOf(showing)).singleElement().satisfies(e -> assertThat(e.getIp()).isEqualTo(VIP));
        showing.setStatus(null);
        assertThat(reconciler().statusOf(showing)).as("nothing known, nothing shown").isEmpty();
    }

    @Test
    void aHostWhoseTlsSecretIsMissingShowsNoVip() {
        cluster = ClusterSnapshot.of(settings, objects(MANIFESTS.replace("  rules:", "  tls: [{hosts: [shop.example.com], secretName: missing}]\n  rules:")));
        inventoryRead();

        reconciler().reconcile(shard, false);

        assertThat(inventory.vipAddress(shard)).hasValue(VIP);
        assertThat(statuses.get("shop/shop")).isEmpty();
        assertThat(events.warnings).anyMatch(w -> w.startsWith("shop/shop SecretNotFound"));
    }

    @Test
    void aFullSyncOnCompleteListsReleasesIngressesStillShowingOurVips() {
        inventoryRead();
        reconciler().reconcile(shard, false);
        List<Set<String>> released = new ArrayList<>();
        Reconciler.Cluster recording = new Reconciler.Cluster(cluster, kubernetesComplete::get, events, (ingress, desired, vsUuids) -> false,
                released::add, Leadership.SOLE);
        Reconciler reconciler = new Reconciler(settings, recording, aviSide(), dns, new RuntimeConfig(settings), new InitialSync());

        reconciler.fullSyncKeys(List.of(shard), false);
        assertThat(released).as("not on incomplete lists").isEmpty();

        reconciler.fullSyncKeys(List.of(shard), true);
        assertThat(released).containsExactly(Set.of(VIP));
    }

    // ---- the fakes ----

    private Reconciler reconciler() {
        return new Reconciler(settings, clusterSide(), aviSide(), dns, new RuntimeConfig(settings), new InitialSync());
    }

    private Reconciler.Cluster clusterSide() {
        return new Reconciler.Cluster(cluster, kubernetesComplete::get, events, (ingress, desired, vsUuids) -> {
            String key = ingress.getMetadata().getNamespace() + "/" + ingress.getMetadata().getName();
            return !desired.equals(statuses.put(key, desired));
        }, Reconciler.MissedReleases.NONE, leader::get);
    }

    private Reconciler.Avi aviSide() {
        return aviSide(controller);
    }

    private Reconciler.Avi aviSide(AviDelivery delivery) {
        return new Reconciler.Avi(inventory, new Planner("cluster-1"), delivery, writesAllowed::get,
                new DeletionBrake(settings.akoCamel().deletionBrake(), alarm -> { }));
    }

    private void inventoryRead() {
        inventory.replace(Map.of(), true);
    }

    private static Settings settings(boolean deleteConfig) {
        return SettingsLoader.defaults().values("""
                AKOSettings: {clusterName: cluster-1, deleteConfig: "%s"}
                NetworkSettings:
                  vipNetworkList: [{networkName: vip-net, cidr: 10.10.10.0/24}]
                ControllerSettings: {cloudName: Default-Cloud, serviceEngineGroupName: Default-Group, tenantName: admin}
                """.formatted(deleteConfig)).load();
    }

    @SuppressWarnings("unchecked")
    static List<HasMetadata> objects(String yaml) {
        return (List<HasMetadata>) (List<?>) Serialization.unmarshal(yaml);
    }

    /** A controller that accepts every write, as the delivery routes record it in the inventory (a VS VIP gets {@link #VIP}). */
    static final class FakeController implements AviDelivery {
        final List<ShardBatch> batches = new ArrayList<>();
        private final AviInventory inventory;

        FakeController(AviInventory inventory) {
            this.inventory = inventory;
        }

        @Override
        public BatchResult apply(ShardBatch batch) {
            batches.add(batch);
            List<OperationResult> results = new ArrayList<>();
            for (AviOperation op : batch.operations()) {
                if (op.method() == AviMethod.DELETE) {
                    inventory.forget(op.type(), op.name());
                    results.add(new OperationResult(op.key(), op.method(), Outcome.DELETED, 204, "", null));
                } else {
                    ObjectNode stored = op.payload().deepCopy().put("uuid", op.type().path() + "-" + op.name());
                    if (op.type() == AviType.VSVIP) {
                        stored.putArray("vip").addObject().putObject("ip_address").put("addr", VIP).put("type", "V4");
                    }
                    inventory.record(op.type(), stored);
                    results.add(new OperationResult(op.key(), op.method(), op.method() == AviMethod.POST ? Outcome.CREATED : Outcome.UPDATED,
                            200, "", null));
                }
            }
            return new BatchResult(batch.shardKey(), results, List.of());
        }

        /** "METHOD type" of every write sent, in order. */
        List<String> sent() {
            return batches.stream().flatMap(b -> b.operations().stream()).map(op -> op.method() + " " + op.type().path()).toList();
        }
    }

    static final class RecordedEvents implements EventSink {
        final List<String> warnings = new ArrayList<>();
        final List<String> normal = new ArrayList<>();

        @Override
        public void warning(HasMetadata object, String reason, String message) {
            warnings.add(key(object) + " " + reason + " " + message);
        }

        @Override
        public void normal(HasMetadata object, String reason, String message) {
            normal.add(key(object) + " " + reason + " " + message);
        }

        private static String key(HasMetadata object) {
            return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
        }
    }
}
