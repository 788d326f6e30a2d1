package io.akocamel.avi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.akocamel.avi.PlannerTest.SHARD;
import static io.akocamel.avi.PlannerTest.desired;
import static io.akocamel.avi.PlannerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** One cluster name, one owner: the {@code akocamel-cluster-uid} marker tells two Kubernetes clusters apart. */
class ClusterOwnershipTest {
    static final String OURS = "uid-a";
    final Planner planner = new Planner("cluster-1", OURS);
    final AviInventory inventory = new AviInventory("cluster-1", OURS);

    static ObjectNode pool(String clusterUid) {
        String uidMarker = clusterUid == null ? "" : ",{\"key\":\"akocamel-cluster-uid\",\"values\":[\"" + clusterUid + "\"]}";
        return json("{\"name\":\"cluster-1--pool\",\"uuid\":\"pool-1\",\"created_by\":\"ako-cluster-1\",\"markers\":["
                + "{\"key\":\"clustername\",\"values\":[\"cluster-1\"]},{\"key\":\"akocamel-shard\",\"values\":[\"" + SHARD + "\"]}"
                + uidMarker + "]}");
    }

    @ParameterizedTest(name = "ours {0}, marked {1}: owned {2}, another cluster's {3}")
    @CsvSource({
            "uid-a, uid-a, true,  false",
            "uid-a, uid-b, false, true",
            "uid-a,      , true,  false",   // written before the marker, or by AKO: adoptable
            "     , uid-b, true,  false",   // our own uid unknown (kube-system unreadable): today's behaviour
    })
    void theClusterUidMarkerDecidesBetweenClustersOfTheSameName(String ours, String marked, boolean owned, boolean otherCluster) {
        StoredObject stored = new AviInventory("cluster-1", ours).record(AviType.POOL, pool(marked));

        assertThat(stored.owned()).isEqualTo(owned);
        assertThat(stored.otherCluster()).isEqualTo(otherCluster);
    }

    @Test
    void anObjectOfAnotherClusterWithOurNameIsNeverWrittenNorDeletedAndNamesTheFix() {
        inventory.record(AviType.POOL, pool("uid-b"));

        Plan wanted = planner.plan(SHARD, List.of(desired(AviType.POOL, "cluster-1--pool", "{\"servers\":[]}")), inventory, true);
        Plan unwanted = planner.plan(SHARD, List.of(), inventory, true);

        assertThat(wanted.operations()).isEmpty();
        assertThat(wanted.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.eventReason()).isEqualTo(Planner.CLUSTER_NAME_IN_USE);
            assertThat(c.reason()).isEqualTo("another Kubernetes cluster (uid-b) uses clusterName 'cluster-1' and owns this object; "
                    + "give each cluster its own AKOSettings.clusterName: ako-camel never writes nor deletes another cluster's objects");
        });
        assertThat(unwanted.operations()).isEmpty();
        assertThat(inventory.ownedCount()).isZero();
        assertThat(inventory.shardKeys()).isEmpty();
    }

    @Test
    void anObjectWithoutClusterMarkerIsAdoptedAndMarkedAsOurs() {
        inventory.record(AviType.POOL, pool(null));

        Plan plan = planner.plan(SHARD, List.of(desired(AviType.POOL, "cluster-1--pool", "{\"servers\":[]}")), inventory, true);

        assertThat(plan.operations()).singleElement().satisfies(op -> {
            assertThat(op.method()).isEqualTo(AviMethod.PUT);
            assertThat(Payloads.marker(op.payload(), Payloads.CLUSTER_UID_MARKER)).isEqualTo(OURS);
        });
    }

    @Test
    void aControllerThatCannotReadItsUidKeepsTheMarkerItFindsAndRewritesNothing() {
        Plan marked = planner.plan(SHARD, new PlannerTest().shard(), inventory, true);
        AviInventory unknown = new AviInventory("cluster-1");
        int i = 0;
        for (AviOperation op : marked.operations()) {
            unknown.record(op.type(), op.payload().deepCopy().put("uuid", "uuid-" + i++));
        }

        assertThat(new Planner("cluster-1").plan(SHARD, new PlannerTest().shard(), unknown, true).operations()).isEmpty();
    }

    @Test
    void everyWrittenObjectCarriesTheClusterUid() {
        Plan plan = planner.plan(SHARD, new PlannerTest().shard(), inventory, true);

        assertThat(plan.operations()).hasSize(7)
                .allSatisfy(op -> assertThat(Payloads.marker(op.payload(), Payloads.CLUSTER_UID_MARKER)).isEqualTo(OURS));
    }

    @Test
    void staticRoutesOfAnotherClusterWithOurNameAreKeptAndOursCarryTheUid() {
        inventory.record(AviType.VRFCONTEXT, json("{\"name\":\"global\",\"uuid\":\"vrfcontext-1\",\"_last_modified\":\"7\","
                + "\"static_routes\":[{\"route_id\":\"cluster-1-x\",\"prefix\":{\"ip_addr\":{\"addr\":\"10.9.0.0\",\"type\":\"V4\"},\"mask\":24},"
                + "\"next_hop\":{\"addr\":\"192.168.9.1\",\"type\":\"V4\"},\"labels\":[{\"key\":\"clustername\",\"value\":\"cluster-1\"},"
                + "{\"key\":\"akocamel-cluster-uid\",\"value\":\"uid-b\"}]}]}"));
        AviObject ours = PlannerTest.routes("a");

        ObjectNode payload = planner.plan("vrf/global", List.of(ours), inventory, true).operations().get(0).payload();

        assertThat(payload.path("static_routes").findValuesAsText("route_id")).containsExactly("cluster-1-x", "cluster-1-a");
        assertThat(payload.path("static_routes").get(1).path("labels").toString())
                .isEqualTo("[{\"key\":\"clustername\",\"value\":\"cluster-1\"},{\"key\":\"akocamel-cluster-uid\",\"value\":\"uid-a\"}]");
    }
}
