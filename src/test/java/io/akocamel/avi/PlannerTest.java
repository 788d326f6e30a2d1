package io.akocamel.avi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SHARD = "cluster-1--Shared-L7-0";
    final Planner planner = new Planner("cluster-1");
    final AviInventory inventory = new AviInventory("cluster-1");

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static AviObject desired(AviType type, String name, String extraJson) {
        ObjectNode body = json(extraJson);
        body.put("name", name).put("created_by", "ako-cluster-1");
        return new AviObject(type, name, body);
    }

    static AviObject desired(AviType type, String name) {
        return desired(type, name, "{}");
    }

    /** What the controller would hold after creating the planned payload (uuid, _last_modified, refs by uuid#name). */
    StoredObject store(AviOperation op, String uuid) {
        ObjectNode body = op.payload().deepCopy().put("uuid", uuid).put("_last_modified", "100");
        return inventory.record(op.type(), body);
    }

    void storeAll(Plan plan) {
        int i = 0;
        for (AviOperation op : plan.operations()) {
            store(op, op.type().path() + "-" + i++);
        }
    }

    static List<String> ops(Plan plan) {
        return plan.operations().stream().map(op -> op.method() + " " + op.key()).toList();
    }

    List<AviObject> shard() {
        return List.of(
                desired(AviType.VIRTUALSERVICE, "cluster-1--foo.com", "{\"type\":\"VS_TYPE_VH_CHILD\",\"vh_parent_vs_ref\":\"/api/virtualservice?name=" + SHARD + "\","
                        + "\"ssl_key_and_certificate_refs\":[\"/api/sslkeyandcertificate?name=cluster-1--foo.com\"],"
                        + "\"http_policies\":[{\"index\":11,\"http_policy_set_ref\":\"/api/httppolicyset?name=cluster-1--default-foo.com\"}]}"),
                desired(AviType.VIRTUALSERVICE, SHARD, "{\"type\":\"VS_TYPE_VH_PARENT\",\"vsvip_ref\":\"/api/vsvip?name=" + SHARD + "\"}"),
                desired(AviType.HTTPPOLICYSET, "cluster-1--default-foo.com", "{\"http_request_policy\":{\"rules\":[{\"switching_action\":"
                        + "{\"pool_group_ref\":\"/api/poolgroup?name=cluster-1--pg\"}}]}}"),
                desired(AviType.POOLGROUP, "cluster-1--pg", "{\"members\":[{\"pool_ref\":\"/api/pool?name=cluster-1--pool\"}]}"),
                desired(AviType.POOL, "cluster-1--pool", "{\"servers\":[{\"ip\":{\"addr\":\"10.0.0.1\",\"type\":\"V4\"},\"port\":80}]}"),
                desired(AviType.SSLKEYANDCERTIFICATE, "cluster-1--foo.com", "{\"certificate\":{\"certificate\":\"PEM\"},\"key\":\"KEY\"}"),
                desired(AviType.VSVIP, SHARD, "{\"vip\":[{\"vip_id\":\"0\",\"auto_allocate_ip\":true}]}"));
    }

    @Test
    void absentObjectsAreCreatedChildrenFirstAndTheSniChildAfterItsParent() {
        Plan plan = planner.plan(SHARD, shard(), inventory, true);

        assertThat(ops(plan)).containsExactly(
                "POST vsvip/" + SHARD,
                "POST sslkeyandcertificate/cluster-1--foo.com",
                "POST pool/cluster-1--pool",
                "POST poolgroup/cluster-1--pg",
                "POST httppolicyset/cluster-1--default-foo.com",
                "POST virtualservice/" + SHARD,
                "POST virtualservice/cluster-1--foo.com");
        assertThat(plan.operations().get(6).dependsOn()).containsExactlyInAnyOrder("virtualservice/" + SHARD,
                "sslkeyandcertificate/cluster-1--foo.com", "httppolicyset/cluster-1--default-foo.com");
        assertThat(plan.conflicts()).isEmpty();
    }

    @Test
    void payloadsCarryClusterAndShardMarkersAndTheChecksumWhereTheSchemaHasRoomForIt() {
        Map<String, AviOperation> byKey = planner.plan(SHARD, shard(), inventory, true).operations().stream()
                .collect(java.util.stream.Collectors.toMap(AviOperation::key, op -> op));

        ObjectNode pool = byKey.get("pool/cluster-1--pool").payload();
        assertThat(pool.path("cloud_config_cksum").asText()).isEqualTo(byKey.get("pool/cluster-1--pool").checksum()).hasSize(16);
        assertThat(Payloads.marker(pool, "clustername")).isEqualTo("cluster-1");
        assertThat(Payloads.marker(pool, "akocamel-shard")).isEqualTo(SHARD);
        ObjectNode vip = byKey.get("vsvip/" + SHARD).payload();
        assertThat(vip.path("vsvip_cloud_config_cksum").asText()).hasSize(16);
        assertThat(vip.has("created_by")).as("vsvip has no created_by in the schema").isFalse();
        ObjectNode certificate = byKey.get("sslkeyandcertificate/cluster-1--foo.com").payload();
        assertThat(certificate.has("cloud_config_cksum")).isFalse();
        assertThat(Payloads.marker(certificate, "akocamel-cksum")).hasSize(16);
    }

    @Test
    void tenThousandChurnedObjectsAreRecreatedWithFreshBasesAndForgottenAtTheNextRead() {
        Set<String> bases = new HashSet<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 20_000; i++) {
                String name = "p" + i / 2;  // created, deleted, created again, deleted again
                AviOperation create = planner.plan(SHARD, List.of(desired(AviType.POOL, name)), inventory, false).operations().get(0);
                assertThat(bases.add(create.idempotencyKey())).as("a recreation is never taken for an earlier create").isTrue();
                store(create, "pool-" + i);
                inventory.forget(AviType.POOL, name);
            }
            assertThat(inventory.forgottenNames()).isEqualTo(10_000);
            inventory.replace(Map.of(AviType.POOL, List.of()), true);
            assertThat(inventory.forgottenNames()).isZero();
        }
    }

    @Test
    void whatTheControllerAlreadyHoldsIsNotWrittenAgain() {
        storeAll(planner.plan(SHARD, shard(), inventory, true));

        assertThat(planner.plan(SHARD, shard(), inventory, true).operations()).isEmpty();
    }

    @Test
    void aChangedObjectIsOneUpdateOfItsUuidCarryingTheLastModifiedItWasPlannedAgainst() {
        storeAll(planner.plan(SHARD, shard(), inventory, true));
        List<AviObject> changed = shard().stream().map(o -> o.key().equals("pool/cluster-1--pool")
                ? desired(AviType.POOL, "cluster-1--pool", "{\"servers\":[{\"ip\":{\"addr\":\"10.0.0.2\",\"type\":\"V4\"},\"port\":80}]}") : o).toList();

        Plan plan = planner.plan(SHARD, changed, inventory, true);

        assertThat(ops(plan)).containsExactly("PUT pool/cluster-1--pool");
        AviOperation put = plan.operations().get(0);
        assertThat(put.uuid()).isEqualTo(inventory.get(AviType.POOL, "cluster-1--pool").orElseThrow().uuid());
        assertThat(put.payload().path("_last_modified").asText()).isEqualTo("100");
        assertThat(put.basis()).isEqualTo(put.uuid() + "@100");
    }

    @Test
    void aHandEditedFieldIsRepairedEvenThoughTheChecksumIsUnchanged() {
        storeAll(planner.plan(SHARD, shard(), inventory, true));
        ObjectNode edited = inventory.get(AviType.POOL, "cluster-1--pool").orElseThrow().body().deepCopy();
        ((ObjectNode) edited.path("servers").get(0)).put("port", 8080);
        inventory.record(AviType.POOL, edited);

        assertThat(ops(planner.plan(SHARD, shard(), inventory, true))).containsExactly("PUT pool/cluster-1--pool");
    }

    @Test
    void refsAndDefaultsFilledInByTheControllerAreNotDrift() {
        storeAll(planner.plan(SHARD, shard(), inventory, true));
        ObjectNode stored = inventory.get(AviType.POOLGROUP, "cluster-1--pg").orElseThrow().body().deepCopy();
        ((ObjectNode) stored.path("members").get(0)).put("pool_ref", "https://10.0.0.10/api/pool/pool-2#cluster-1--pool").put("ratio", 1);
        stored.put("min_servers", 0).put("tenant_ref", "https://10.0.0.10/api/tenant/admin#admin");
        inventory.record(AviType.POOLGROUP, stored);

        assertThat(planner.plan(SHARD, shard(), inventory, true).operations()).isEmpty();
    }

    @Test
    void aVsVipUpdateKeepsTheAddressTheControllerAllocated() {
        storeAll(planner.plan(SHARD, shard(), inventory, true));
        ObjectNode stored = inventory.get(AviType.VSVIP, SHARD).orElseThrow().body().deepCopy();
        ((ObjectNode) stored.path("vip").get(0)).putObject("ip_address").put("addr", "10.10.10.100").put("type", "V4");
        inventory.record(AviType.VSVIP, stored);
        List<AviObject> changed = shard().stream().map(o -> o.key().equals("vsvip/" + SHARD)
                ? desired(AviType.VSVIP, SHARD, "{\"vip\":[{\"vip_id\":\"0\",\"auto_allocate_ip\":true}],\"dns_info\":[{\"fqdn\":\"foo.com\"}]}") : o).toList();

        Plan plan = planner.plan(SHARD, changed, inventory, true);

        assertThat(ops(plan)).containsExactly("PUT vsvip/" + SHARD);
        assertThat(plan.operations().get(0).payload().path("vip").get(0).path("ip_address").path("addr").asText()).isEqualTo("10.10.10.100");
        assertThat(inventory.vipAddress(SHARD)).contains("10.10.10.100");
    }

    @Test
    void anObjectCreatedBySomeoneElseIsAConflictAndWhatRefersToItIsNotWritten() {
        inventory.record(AviType.POOL, json("{\"name\":\"cluster-1--pool\",\"uuid\":\"pool-x\",\"created_by\":\"ako-cluster-2\"}"));

        Plan plan = planner.plan(SHARD, shard(), inventory, true);

        assertThat(ops(plan)).containsExactly("POST vsvip/" + SHARD, "POST sslkeyandcertificate/cluster-1--foo.com", "POST virtualservice/" + SHARD);
        assertThat(plan.conflicts()).extracting(Conflict::key, Conflict::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pool/cluster-1--pool", "conflict with an object not owned by this cluster (created_by ako-cluster-2)"),
                org.assertj.core.groups.Tuple.tuple("poolgroup/cluster-1--pg", "not written: it refers to pool/cluster-1--pool, which is in conflict"),
                org.assertj.core.groups.Tuple.tuple("httppolicyset/cluster-1--default-foo.com",
                        "not written: it refers to poolgroup/cluster-1--pg, which is in conflict"),
                org.assertj.core.groups.Tuple.tuple("virtualservice/cluster-1--foo.com",
                        "not written: it refers to httppolicyset/cluster-1--default-foo.com, which is in conflict"));
    }

    @Test
    void aVsVipOfAnotherClusterUnderOurNameIsAConflict() {
        inventory.record(AviType.VSVIP, json("{\"name\":\"" + SHARD + "\",\"uuid\":\"vsvip-x\","
                + "\"markers\":[{\"key\":\"clustername\",\"values\":[\"cluster-2\"]}]}"));

        assertThat(planner.plan(SHARD, shard(), inventory, true).conflicts()).extracting(Conflict::key).contains("vsvip/" + SHARD);
    }

    @Test
    void objectsOfTheShardThatAreNoLongerDesiredAreDeletedParentsFirst() {
        storeAll(planner.plan(SHARD, shard(), inventory, true));

        Plan plan = planner.plan(SHARD, List.of(), inventory, true);

        assertThat(ops(plan)).containsExactly(
                "DELETE virtualservice/cluster-1--foo.com",
                "DELETE virtualservice/" + SHARD,
                "DELETE httppolicyset/cluster-1--default-foo.com",
                "DELETE poolgroup/cluster-1--pg",
                "DELETE pool/cluster-1--pool",
                "DELETE sslkeyandcertificate/cluster-1--foo.com",
                "DELETE vsvip/" + SHARD);
        assertThat(plan.operations().get(4).dependsOn()).containsExactly("poolgroup/cluster-1--pg");
        assertThat(plan.operations().get(1).dependsOn()).containsExactly("virtualservice/cluster-1--foo.com");
    }

    @Test
    void withoutCompleteInformationNothingIsDeleted() {
        storeAll(planner.plan(SHARD, shard(), inventory, true));

        assertThat(planner.plan(SHARD, List.of(), inventory, false).operations()).isEmpty();
    }

    @Test
    void objectsOfAnotherShardAreNotDeletedByThisShard() {
        storeAll(planner.plan("cluster-1--Shared-L7-1", List.of(desired(AviType.POOL, "cluster-1--other")), inventory, true));

        assertThat(planner.plan(SHARD, List.of(), inventory, true).operations()).isEmpty();
        assertThat(inventory.shardKeys()).containsExactly("cluster-1--Shared-L7-1");
    }

    @Test
    void ownedObjectsWithoutAShardMarkerAreCollectedWhenNoShardWantsThem() {
        inventory.record(AviType.POOL, json("{\"name\":\"cluster-1--old\",\"uuid\":\"pool-old\",\"created_by\":\"ako-cluster-1\"}"));
        inventory.record(AviType.POOL, json("{\"name\":\"cluster-1--kept\",\"uuid\":\"pool-kept\",\"created_by\":\"ako-cluster-1\"}"));
        inventory.record(AviType.POOL, json("{\"name\":\"foreign\",\"uuid\":\"pool-f\",\"created_by\":\"someone\"}"));

        assertThat(ops(planner.planOrphans(Set.of("pool/cluster-1--kept"), inventory, true))).containsExactly("DELETE pool/cluster-1--old");
        assertThat(planner.planOrphans(Set.of(), inventory, false).operations()).isEmpty();
    }

    @Test
    void anOrphanIsHeldWhileAnObjectKeptOnTheControllerStillRefersToItThroughOtherOrphans() {
        inventory.record(AviType.POOL, json("{\"name\":\"cluster-1--p\",\"uuid\":\"pool-p\",\"created_by\":\"ako-cluster-1\"}"));
        inventory.record(AviType.POOLGROUP, json("{\"name\":\"cluster-1--vs\",\"uuid\":\"pg-1\",\"created_by\":\"ako-cluster-1\","
                + "\"members\":[{\"pool_ref\":\"https://c/api/pool/pool-p#cluster-1--p\"}]}"));
        inventory.record(AviType.VSDATASCRIPTSET, json("{\"name\":\"cluster-1--vs\",\"uuid\":\"ds-1\",\"created_by\":\"ako-cluster-1\","
                + "\"pool_group_refs\":[\"https://c/api/poolgroup/pg-1\"]}"));
        String parent = "{\"name\":\"cluster-1--vs\",\"uuid\":\"vs-1\",\"created_by\":\"ako-cluster-1\"%s}";
        inventory.record(AviType.VIRTUALSERVICE, json(parent.formatted(
                ",\"vs_datascripts\":[{\"vs_datascript_set_ref\":\"/api/vsdatascriptset/?name=cluster-1--vs\"}]")));

        assertThat(planner.planOrphans(Set.of("virtualservice/cluster-1--vs"), inventory, true).operations()).isEmpty();

        inventory.record(AviType.VIRTUALSERVICE, json(parent.formatted("")));
        assertThat(ops(planner.planOrphans(Set.of("virtualservice/cluster-1--vs"), inventory, true)))
                .containsExactly("DELETE vsdatascriptset/cluster-1--vs", "DELETE poolgroup/cluster-1--vs", "DELETE pool/cluster-1--p");
    }

    // ---- static routes in the shared VRF ----

    static final String VRF = "{\"name\":\"global\",\"uuid\":\"vrfcontext-1\",\"_last_modified\":\"7\",\"system_default\":true,"
            + "\"static_routes\":[{\"route_id\":\"cluster-2-1\",\"prefix\":{\"ip_addr\":{\"addr\":\"10.9.0.0\",\"type\":\"V4\"},\"mask\":24},"
            + "\"next_hop\":{\"addr\":\"192.168.9.1\",\"type\":\"V4\"},\"labels\":[{\"key\":\"clustername\",\"value\":\"cluster-2\"}]},"
            + "{\"route_id\":\"cluster-1-a\",\"prefix\":{\"ip_addr\":{\"addr\":\"10.1.0.0\",\"type\":\"V4\"},\"mask\":24},"
            + "\"next_hop\":{\"addr\":\"192.168.1.1\",\"type\":\"V4\"},\"labels\":[{\"key\":\"clustername\",\"value\":\"cluster-1\"}]}]}";

    static AviObject routes(String... nodes) {
        StringBuilder routes = new StringBuilder();
        for (String node : nodes) {
            routes.append(routes.isEmpty() ? "" : ",").append("{\"route_id\":\"cluster-1-").append(node).append("\",")
                    .append("\"prefix\":{\"ip_addr\":{\"addr\":\"10.1.0.0\",\"type\":\"V4\"},\"mask\":24},")
                    .append("\"next_hop\":{\"addr\":\"192.168.1.1\",\"type\":\"V4\"}}");
        }
        return new AviObject(AviType.VRFCONTEXT, "global", json("{\"name\":\"global\",\"static_routes\":[" + routes + "]}"));
    }

    @Test
    void staticRoutesReplaceOnlyThisClustersRoutesInTheSharedVrf() {
        inventory.record(AviType.VRFCONTEXT, json(VRF));

        Plan plan = planner.plan("vrf/global", List.of(routes("a", "b")), inventory, true);

        assertThat(ops(plan)).containsExactly("PUT vrfcontext/global");
        ObjectNode payload = plan.operations().get(0).payload();
        assertThat(payload.path("static_routes").findValuesAsText("route_id")).containsExactly("cluster-2-1", "cluster-1-a", "cluster-1-b");
        assertThat(payload.path("_last_modified").asText()).isEqualTo("7");
        assertThat(payload.path("static_routes").get(2).path("labels").get(0).path("value").asText()).isEqualTo("cluster-1");
    }

    @Test
    void unchangedStaticRoutesAreNotWritten() {
        inventory.record(AviType.VRFCONTEXT, json(VRF));

        assertThat(planner.plan("vrf/global", List.of(routes("a")), inventory, true).operations()).isEmpty();
    }

    @Test
    void ourStaticRoutesAreRemovedOnlyWithCompleteInformation() {
        inventory.record(AviType.VRFCONTEXT, json(VRF));

        assertThat(planner.plan("vrf/global", List.of(routes()), inventory, false).operations()).isEmpty();
        Plan gc = planner.plan("vrf/global", List.of(routes()), inventory, true);
        assertThat(gc.operations().get(0).payload().path("static_routes").findValuesAsText("route_id")).containsExactly("cluster-2-1");
    }

    @Test
    void aMissingVrfIsReportedNotCreated() {
        Plan plan = planner.plan("vrf/global", List.of(routes("a")), inventory, true);

        assertThat(plan.operations()).isEmpty();
        assertThat(plan.conflicts()).extracting(Conflict::key).containsExactly("vrfcontext/global");
    }

    @Test
    void aRebasedUpdateTakesTheFreshLastModifiedAndKeepsOtherClustersRoutes() {
        inventory.record(AviType.VRFCONTEXT, json(VRF));
        AviOperation put = planner.plan("vrf/global", List.of(routes("a", "b")), inventory, true).operations().get(0);
        ObjectNode fresh = json(VRF).put("_last_modified", "8");
        ((com.fasterxml.jackson.databind.node.ArrayNode) fresh.path("static_routes")).addObject().put("route_id", "cluster-3-1")
                .putArray("labels").addObject().put("key", "clustername").put("value", "cluster-3");

        AviOperation rebased = planner.rebase(put, fresh);

        assertThat(rebased.payload().path("_last_modified").asText()).isEqualTo("8");
        assertThat(rebased.payload().path("static_routes").findValuesAsText("route_id"))
                .containsExactly("cluster-2-1", "cluster-3-1", "cluster-1-a", "cluster-1-b");
    }
}
