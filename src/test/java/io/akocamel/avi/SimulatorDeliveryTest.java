package io.akocamel.avi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;
import io.akocamel.simulator.AviSimulator;
import io.akocamel.simulator.RecordedRequest;
import io.akocamel.testing.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The real delivery routes and planner against the embedded Avi Controller simulator. */
class SimulatorDeliveryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SHARD = "cluster-1--Shared-L7-0";
    static final Set<String> OUR_TYPES = Set.of("vsvip", "sslkeyandcertificate", "pool", "poolgroup", "httppolicyset", "virtualservice");

    @TempDir
    Path dir;
    AviSimulator avi;
    AviCamel camel;
    Planner planner = new Planner("cluster-1");
    TestCertificates.Issued tls;

    @BeforeEach
    void start() throws Exception {
        avi = AviSimulator.builder().port(0).password(TestSettings.PASSWORD).build().start();
        camel = AviCamel.start(TestSettings.builder().controller(avi.baseUrl()).quickRetries().build());
        tls = TestCertificates.selfSigned("10.1.1.1", dir);
    }

    @AfterEach
    void stop() {
        camel.close();
        avi.close();
    }

    static AviObject object(AviType type, String name, String json) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(json);
        body.put("name", name);
        if (type != AviType.SSLKEYANDCERTIFICATE) {
            body.put("cloud_ref", "/api/cloud?name=vcenter-cloud");
        }
        body.put("tenant_ref", "/api/tenant/?name=admin").put("created_by", "ako-cluster-1");
        return new AviObject(type, name, body);
    }

    /** A shard as the model builds it: VsVip, an insecure host routed by policy, a TLS host as SNI child. */
    List<AviObject> shard(String... serverIps) throws Exception {
        String servers = java.util.Arrays.stream(serverIps)
                .map(ip -> "{\"ip\":{\"addr\":\"" + ip + "\",\"type\":\"V4\"},\"port\":8080}").collect(Collectors.joining(","));
        String insecurePool = "cluster-1--bar.example.com_-default-web";
        String sniPool = "cluster-1--default-foo.example.com_-secure";
        List<AviObject> objects = new ArrayList<>();
        objects.add(object(AviType.VSVIP, SHARD, """
                {"vip":[{"vip_id":"0","auto_allocate_ip":true,"ipam_network_subnet":{"network_ref":"/api/network?name=vip-network"}}],
                 "dns_info":[{"fqdn":"bar.example.com"},{"fqdn":"foo.example.com"}],"vrf_context_ref":"/api/vrfcontext?name=global"}"""));
        objects.add(object(AviType.SSLKEYANDCERTIFICATE, "cluster-1--foo.example.com", JSON.createObjectNode()
                .put("type", "SSL_CERTIFICATE_TYPE_VIRTUALSERVICE").put("key", tls.privateKeyPem())
                .set("certificate", JSON.createObjectNode().put("certificate", tls.certificatePem())).toString()));
        objects.add(object(AviType.POOL, insecurePool, "{\"servers\":[" + servers + "]}"));
        objects.add(object(AviType.POOL, sniPool, "{\"servers\":[" + servers + "]}"));
        objects.add(object(AviType.POOLGROUP, insecurePool, "{\"members\":[{\"pool_ref\":\"/api/pool?name=" + insecurePool + "\",\"ratio\":100}]}"));
        objects.add(object(AviType.POOLGROUP, sniPool, "{\"members\":[{\"pool_ref\":\"/api/pool?name=" + sniPool + "\",\"ratio\":100}]}"));
        objects.add(object(AviType.HTTPPOLICYSET, "cluster-1--default-bar.example.com", """
                {"http_request_policy":{"rules":[{"name":"cluster-1--default-bar.example.com-0","index":0,"enable":true,
                 "match":{"host_hdr":{"match_criteria":"HDR_EQUALS","match_case":"INSENSITIVE","value":["bar.example.com"]},
                          "path":{"match_criteria":"BEGINS_WITH","match_case":"SENSITIVE","match_str":["/"]}},
                 "switching_action":{"action":"HTTP_SWITCHING_SELECT_POOLGROUP","pool_group_ref":"/api/poolgroup?name=%s"}}]}}"""
                .formatted(insecurePool)));
        objects.add(object(AviType.HTTPPOLICYSET, "cluster-1--default-foo.example.com", """
                {"http_request_policy":{"rules":[{"name":"cluster-1--default-foo.example.com-0","index":0,"enable":true,
                 "match":{"path":{"match_criteria":"BEGINS_WITH","match_case":"SENSITIVE","match_str":["/"]}},
                 "switching_action":{"action":"HTTP_SWITCHING_SELECT_POOLGROUP","pool_group_ref":"/api/poolgroup?name=%s"}}]}}"""
                .formatted(sniPool)));
        objects.add(object(AviType.VIRTUALSERVICE, SHARD, """
                {"type":"VS_TYPE_VH_PARENT","services":[{"port":80},{"port":443,"enable_ssl":true}],
                 "vsvip_ref":"/api/vsvip?name=%s","application_profile_ref":"/api/applicationprofile?name=System-HTTP",
                 "network_profile_ref":"/api/networkprofile?name=System-TCP-Proxy","se_group_ref":"/api/serviceenginegroup?name=Default-Group",
                 "vrf_context_ref":"/api/vrfcontext?name=global",
                 "http_policies":[{"index":11,"http_policy_set_ref":"/api/httppolicyset?name=cluster-1--default-bar.example.com"}]}"""
                .formatted(SHARD)));
        objects.add(object(AviType.VIRTUALSERVICE, "cluster-1--foo.example.com", """
                {"type":"VS_TYPE_VH_CHILD","vh_parent_vs_ref":"/api/virtualservice?name=%s","vh_domain_name":["foo.example.com"],
                 "application_profile_ref":"/api/applicationprofile?name=System-Secure-HTTP",
                 "ssl_key_and_certificate_refs":["/api/sslkeyandcertificate?name=cluster-1--foo.example.com"],
                 "se_group_ref":"/api/serviceenginegroup?name=Default-Group",
                 "http_policies":[{"index":11,"http_policy_set_ref":"/api/httppolicyset?name=cluster-1--default-foo.example.com"}]}"""
                .formatted(SHARD)));
        return objects;
    }

    BatchResult reconcile(List<AviObject> desired) {
        return camel.apply(planner.plan(SHARD, desired, camel.inventory(), true).batch());
    }

    List<String> writes() {
        return avi.requestLog().stream().filter(RecordedRequest::isWrite).map(r -> r.method() + " " + r.path()).toList();
    }

    List<String> ourObjectsOnTheController() {
        List<String> keys = new ArrayList<>();
        OUR_TYPES.forEach(type -> avi.objects(type).stream()
                .filter(o -> o.path("name").asText().startsWith("cluster-1--"))
                .forEach(o -> keys.add(type + "/" + o.path("name").asText())));
        return keys;
    }

    @Test
    void aShardIsCreatedChildrenFirstAndDeletedParentsFirstWithReferentialIntegrity() throws Exception {
        assertThat(camel.loadInventory().complete()).isTrue();

        BatchResult created = reconcile(shard("10.0.0.1", "10.0.0.2"));

        assertThat(created.succeeded()).as("%s", created).isTrue();
        assertThat(created.results()).extracting(OperationResult::outcome).containsOnly(Outcome.CREATED).hasSize(10);
        assertThat(created.results()).extracting(OperationResult::key).startsWith("vsvip/" + SHARD, "sslkeyandcertificate/cluster-1--foo.example.com")
                .endsWith("virtualservice/" + SHARD, "virtualservice/cluster-1--foo.example.com");
        ObjectNode child = avi.find("virtualservice", "cluster-1--foo.example.com").orElseThrow();
        assertThat(child.path("vh_parent_vs_ref").asText()).endsWith("#" + SHARD);
        assertThat(camel.inventory().vipAddress(SHARD)).hasValueSatisfying(ip -> assertThat(ip).startsWith("10.10.10."));
        assertThat(ourObjectsOnTheController()).hasSize(10);

        BatchResult deleted = reconcile(List.of());

        assertThat(deleted.succeeded()).as("%s", deleted).isTrue();
        assertThat(deleted.results()).extracting(OperationResult::outcome).containsOnly(Outcome.DELETED).hasSize(10);
        assertThat(deleted.results()).extracting(OperationResult::key)
                .startsWith("virtualservice/cluster-1--foo.example.com", "virtualservice/" + SHARD);
        assertThat(ourObjectsOnTheController()).isEmpty();
        assertThat(avi.requestLog()).noneMatch(r -> r.status() >= 400);
    }

    @Test
    void aSecondIdenticalBatchMakesZeroWritesAndSoDoesAFreshPlan() throws Exception {
        camel.loadInventory();
        ShardBatch batch = planner.plan(SHARD, shard("10.0.0.1"), camel.inventory(), true).batch();
        camel.apply(batch);
        int writesAfterFirst = writes().size();

        BatchResult again = camel.apply(batch);
        assertThat(again.results()).extracting(OperationResult::outcome).containsOnly(Outcome.NOOP);
        assertThat(planner.plan(SHARD, shard("10.0.0.1"), camel.inventory(), true).operations()).isEmpty();
        assertThat(camel.loadInventory().complete()).isTrue();
        Plan afterReload = planner.plan(SHARD, shard("10.0.0.1"), camel.inventory(), true);

        assertThat(afterReload.operations()).as("%s", afterReload).isEmpty();
        assertThat(writes()).hasSize(writesAfterFirst);
    }

    @Test
    void aChangedServerListIsOnePoolUpdate() throws Exception {
        camel.loadInventory();
        reconcile(shard("10.0.0.1"));
        avi.clearRequestLog();

        Plan plan = planner.plan(SHARD, shard("10.0.0.1", "10.0.0.9"), camel.inventory(), true);
        BatchResult result = camel.apply(plan.batch());

        assertThat(plan.operations()).extracting(AviOperation::toString).allMatch(op -> op.startsWith("PUT pool/"));
        assertThat(result.succeeded()).isTrue();
        assertThat(writes()).hasSize(2).allMatch(w -> w.startsWith("PUT /api/pool/"));
    }

    @Test
    void objectsDeletedOrEditedByHandAreRestoredAfterTheNextInventoryLoad() throws Exception {
        camel.loadInventory();
        reconcile(shard("10.0.0.1"));
        avi.delete("virtualservice", "cluster-1--foo.example.com");
        avi.update("pool", "cluster-1--default-foo.example.com_-secure", pool -> ((ObjectNode) pool.path("servers").get(0)).put("port", 9999));
        avi.clearRequestLog();

        camel.loadInventory();
        Plan repair = planner.plan(SHARD, shard("10.0.0.1"), camel.inventory(), true);
        BatchResult result = camel.apply(repair.batch());

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(repair.operations()).hasSize(2).extracting(AviOperation::toString).anyMatch(op -> op.equals("POST virtualservice/cluster-1--foo.example.com"))
                .anyMatch(op -> op.startsWith("PUT pool/cluster-1--default-foo.example.com_-secure"));
        assertThat(avi.find("pool", "cluster-1--default-foo.example.com_-secure").orElseThrow().path("servers").get(0).path("port").asInt())
                .isEqualTo(8080);
    }

    @Test
    void anExpiredSessionIsRenewedWithoutLosingAWrite() throws Exception {
        camel.loadInventory();
        avi.expireSessions();

        BatchResult result = reconcile(shard("10.0.0.1"));

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(avi.requestLog()).extracting(RecordedRequest::status).contains(401);
    }

    @Test
    void staticRoutesAreMergedIntoTheSharedVrfKeepingOtherClustersRoutes() throws Exception {
        avi.update("vrfcontext", "global", vrf -> vrf.putArray("static_routes").add(PlannerTest.json(
                "{\"route_id\":\"cluster-2-1\",\"prefix\":{\"ip_addr\":{\"addr\":\"10.2.0.0\",\"type\":\"V4\"},\"mask\":24},"
                        + "\"next_hop\":{\"addr\":\"192.168.2.1\",\"type\":\"V4\"},\"labels\":[{\"key\":\"clustername\",\"value\":\"cluster-2\"}]}")));
        camel.loadInventory();

        BatchResult added = camel.apply(planner.plan("vrf/global", List.of(PlannerTest.routes("a", "b")), camel.inventory(), true).batch());
        BatchResult removed = camel.apply(planner.plan("vrf/global", List.of(PlannerTest.routes("b")), camel.inventory(), true).batch());

        assertThat(added.succeeded()).as("%s", added).isTrue();
        assertThat(removed.succeeded()).as("%s", removed).isTrue();
        assertThat(avi.find("vrfcontext", "global").orElseThrow().path("static_routes").findValuesAsText("route_id"))
                .containsExactly("cluster-2-1", "cluster-1-b");
        assertThat(planner.plan("vrf/global", List.of(PlannerTest.routes("b")), camel.inventory(), true).operations()).isEmpty();
    }

    @Test
    void theInventoryPagesThroughMoreThanTwoPagesAndReadsOnlyThisClustersObjects() throws Exception {
        for (int i = 0; i < 7; i++) {
            avi.create("pool", "{\"name\":\"cluster-1--p" + i + "\",\"created_by\":\"ako-cluster-1\"}");
        }
        avi.create("pool", "{\"name\":\"cluster-2--p0\",\"created_by\":\"ako-cluster-2\"}");
        avi.create("pool", "{\"name\":\"hand-made\"}");
        camel.components().inventoryLoader().setPageSize(3);

        InventoryLoader.LoadSummary summary = camel.loadInventory();

        assertThat(summary.complete()).isTrue();
        assertThat(camel.inventory().owned(AviType.POOL)).extracting(StoredObject::name)
                .containsExactly("cluster-1--p0", "cluster-1--p1", "cluster-1--p2", "cluster-1--p3", "cluster-1--p4", "cluster-1--p5", "cluster-1--p6");
        assertThat(camel.inventory().get(AviType.POOL, "cluster-2--p0")).isEmpty();
        assertThat(avi.requestLog()).filteredOn(r -> r.method().equals("GET") && r.path().equals("/api/pool")).hasSize(3);
    }
}
