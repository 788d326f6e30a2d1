package io.akocamel.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.DeletionBrake;
import io.akocamel.avi.Planner;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.kube.Leadership;
import io.akocamel.model.AviType;
import io.akocamel.model.ClusterSnapshot;
import io.akocamel.model.Naming;
import io.akocamel.reconcile.ReconcilerTest.FakeController;
import io.akocamel.reconcile.ReconcilerTest.RecordedEvents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A host whose pool name is taken by a foreign object is held back; the other host of the shard is still written. */
class ConflictIsolationTest {
    private static final Settings SETTINGS = settings("SMALL");
    private static final String SHARD = "cluster-1--Shared-L7-0";

    private final AviInventory inventory = new AviInventory("cluster-1");
    private final FakeController controller = new FakeController(inventory);
    private final RecordedEvents events = new RecordedEvents();

    @Test
    void aHostInConflictIsLeftOutAndTheParentIsWrittenForTheOthers() {
        String takenPool = takePoolName(SETTINGS);

        ReconcileResult result = reconciler(SETTINGS).reconcile(SHARD, false);

        assertThat(result.result()).isEqualTo("FAILED");
        assertThat(result.conflicts()).as("its pool and policy set").isEqualTo(2);
        assertThat(controller.batches).singleElement().satisfies(batch -> assertThat(batch.operations())
                .extracting(op -> op.method() + " " + op.name())
                .contains("POST cluster-1--shop.example.com", "POST " + SHARD)
                .noneMatch(write -> write.contains("blocked.example.com")));
        assertThat(inventory.get(AviType.VIRTUALSERVICE, SHARD).orElseThrow().body().path("http_policies").toString())
                .contains("cluster-1--shop.example.com").doesNotContain("blocked.example.com");
        assertThat(events.warnings).hasSize(2).allSatisfy(w -> assertThat(w).startsWith("shop/blocked AviConflict ")
                .contains("host 'blocked.example.com' is not served until this is fixed", "rename or remove that object"));
        assertThat(events.warnings).anySatisfy(w -> assertThat(w).startsWith("shop/blocked AviConflict pool/" + takenPool + ": "));
        assertThat(inventory.get(AviType.POOL, takenPool).orElseThrow().uuid()).isEqualTo("pool-foreign");
    }

    @Test
    void aDedicatedVirtualServiceIsNotIsolatedFromItsOneHost() {
        Settings dedicated = settings("DEDICATED");
        takePoolName(dedicated);

        reconciler(dedicated).reconcile(Naming.of(dedicated).shardVsName("blocked.example.com"), false);

        assertThat(controller.sent()).contains("POST vsvip");
        assertThat(controller.batches).singleElement().satisfies(batch -> assertThat(batch.operations()).extracting(op -> op.name())
                .doesNotContain(Naming.of(dedicated).hostPolicySetName("blocked.example.com")));
    }

    /** A foreign pool with the name of host blocked.example.com's pool. */
    private String takePoolName(Settings settings) {
        String name = Naming.of(settings).poolName("shop", "blocked.example.com", "/", "blocked");
        ObjectNode foreign = JsonNodeFactory.instance.objectNode().put("name", name).put("uuid", "pool-foreign")
                .put("created_by", "someone-else");
        inventory.replace(Map.of(AviType.POOL, List.of(foreign)), true);
        return name;
    }

    private static Settings settings(String shardSize) {
        return SettingsLoader.defaults().values("""
                AKOSettings: {clusterName: cluster-1}
                NetworkSettings:
                  vipNetworkList: [{networkName: vip-net, cidr: 10.10.10.0/24}]
                L7Settings: {shardVSSize: %s}
                """.formatted(shardSize)).load();
    }

    private Reconciler reconciler(Settings settings) {
        String manifests = ReconcilerTest.MANIFESTS;
        String blocked = manifests.substring(manifests.lastIndexOf("---")).replace("name: shop,", "name: blocked,")
                .replace("shop.example.com", "blocked.example.com");
        ClusterSnapshot cluster = ClusterSnapshot.of(settings, objects(manifests + blocked));
        return new Reconciler(settings, new Reconciler.Cluster(cluster, () -> true, events, (ingress, desired, vsUuids) -> false,
                Reconciler.MissedReleases.NONE, Leadership.SOLE), new Reconciler.Avi(inventory, new Planner("cluster-1"), controller, () -> true,
                new DeletionBrake(settings.akoCamel().deletionBrake(), alarm -> { })), DnsDomainCheck.NONE,
                new RuntimeConfig(settings), new InitialSync());
    }

    @SuppressWarnings("unchecked")
    private static List<HasMetadata> objects(String yaml) {
        return (List<HasMetadata>) (List<?>) Serialization.unmarshal(yaml);
    }
}
