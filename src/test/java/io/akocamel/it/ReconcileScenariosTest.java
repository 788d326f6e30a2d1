package io.akocamel.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reconcile scenarios end to end: the real routes between the mock Kubernetes API and the Avi simulator. */
class ReconcileScenariosTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SHOP_ROOT_POOL = "cluster-1--default-shop.example.com_-shop";
    private ControllerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private ControllerFixture started(String... examples) throws Exception {
        fixture = ControllerFixture.create();
        fixture.applyExamples(examples);
        fixture.startController();
        await().atMost(WAIT).until(fixture::initialSyncDone);
        return fixture;
    }

    private void editShop(java.util.function.UnaryOperator<io.fabric8.kubernetes.api.model.networking.v1.Ingress> edit) {
        fixture.client().network().v1().ingresses().inNamespace("default").withName("shop").edit(edit);
    }

    private ObjectNode pool(String name) {
        return fixture.avi("pool", name).orElseThrow();
    }

    private String policiesOfShop() {
        return fixture.avi.objects("httppolicyset").toString();
    }

    @Test
    void createdIngressGetsObjectsAndStatus() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");

        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.status("shop")).singleElement()
                .satisfies(e -> assertThat(e.getHostname()).isEqualTo("shop.example.com")));
        assertThat(fixture.ownedObjects("pool")).contains(SHOP_ROOT_POOL, "cluster-1--default-shop.example.com_api_v1-shop");
        assertThat(pool(SHOP_ROOT_POOL).path("created_by").asText()).isEqualTo("ako-cluster-1");
        assertThat(fixture.events("shop")).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Synced"));
    }

    @Test
    void addedPathGetsItsPoolAndRule() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");

        editShop(ing -> new IngressBuilder(ing).editSpec().editFirstRule().editHttp().addToPaths(new HTTPIngressPathBuilder()
                .withPath("/docs").withPathType("Prefix").withNewBackend().withNewService().withName("web").withNewPort().withNumber(80)
                .endPort().endService().endBackend().build()).endHttp().endRule().endSpec().build());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.ownedObjects("pool")).contains("cluster-1--default-shop.example.com_docs-shop");
            assertThat(policiesOfShop()).contains("/docs/");
        });
    }

    @Test
    void changedPathTypeChangesTheMatch() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        await().atMost(WAIT).untilAsserted(() -> assertThat(policiesOfShop()).doesNotContain("/api/v1/"));

        editShop(ing -> new IngressBuilder(ing).editSpec().editFirstRule().editHttp().editMatchingPath(p -> "/api/v1".equals(p.getPath()))
                .withPathType("Prefix").endPath().endHttp().endRule().endSpec().build());

        await().atMost(WAIT).untilAsserted(() -> assertThat(policiesOfShop()).contains("/api/v1/"));
    }

    @Test
    void deletedIngressHasItsObjectsRemoved() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        await().atMost(WAIT).until(() -> fixture.ownedObjects("pool").contains(SHOP_ROOT_POOL));

        fixture.client().network().v1().ingresses().inNamespace("default").withName("shop").delete();

        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.ownedObjects("pool")).noneMatch(p -> p.contains("shop.example.com")));
        assertThat(fixture.avi.dnsRecords()).noneMatch(r -> r.fqdn().equals("shop.example.com"));
    }

    @Test
    void scaledEndpointSliceIsExactlyOnePoolUpdate() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        await().atMost(WAIT).until(() -> fixture.ownedObjects("pool").contains(SHOP_ROOT_POOL));
        fixture.clearAviLog();

        fixture.client().discovery().v1().endpointSlices().inNamespace("default").withName("web-abc12").edit(slice ->
                new EndpointSliceBuilder(slice).addToEndpoints(new EndpointBuilder().withAddresses("192.168.1.11")
                        .withNewConditions().withReady(true).endConditions().withNodeName("node-1").build()).build());

        await().atMost(WAIT).untilAsserted(() -> assertThat(pool(SHOP_ROOT_POOL).path("servers").toString()).contains("192.168.1.11"));
        // the secure host's pools use the same Service: both shards change one pool each, nothing else is written
        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() ->
                assertThat(fixture.aviWriteLog()).containsOnly("PUT /api/pool").hasSize(1));
    }

    @Test
    void tlsSecretCreatedAfterTheIngressBringsTheSniChild() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "30-tls.yaml");
        Secret secret = fixture.client().secrets().inNamespace("default").withName("secure-tls").get();
        fixture.client().secrets().inNamespace("default").withName("secure-tls").delete();
        await().atMost(WAIT).until(() -> fixture.avi("virtualservice", "cluster-1--secure.example.com").isEmpty());

        fixture.client().secrets().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.SecretBuilder(secret)
                .editMetadata().withResourceVersion(null).withUid(null).endMetadata().build()).create();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.avi("virtualservice", "cluster-1--secure.example.com")).isPresent();
            assertThat(fixture.avi("sslkeyandcertificate", "cluster-1--secure.example.com")).isPresent();
        });
    }

    @Test
    void ingressSwitchedToAnotherControllerIsRemovedAndItsStatusCleared() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        await().atMost(WAIT).until(() -> !fixture.status("shop").isEmpty());
        fixture.client().network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata().withName("nginx")
                .endMetadata().withNewSpec().withController("k8s.io/ingress-nginx").endSpec().build()).create();

        editShop(ing -> new IngressBuilder(ing).editSpec().withIngressClassName("nginx").endSpec().build());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.ownedObjects("pool")).noneMatch(p -> p.contains("shop.example.com"));
            assertThat(fixture.status("shop")).isEmpty();
        });
    }

    @Test
    void addedNodeIsOneVrfUpdate() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.avi.find("vrfcontext", "global", "vcenter-cloud").orElseThrow().path("static_routes").toString())
                .contains("192.168.1.0", "192.168.2.0"));
        fixture.clearAviLog();

        fixture.client().nodes().resource(new NodeBuilder().withNewMetadata().withName("node-3").endMetadata()
                .withNewSpec().withPodCIDR("192.168.3.0/24").withPodCIDRs("192.168.3.0/24").endSpec()
                .withNewStatus().addNewAddress().withType("InternalIP").withAddress("10.20.0.13").endAddress().endStatus().build()).create();

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(fixture.avi.find("vrfcontext", "global", "vcenter-cloud").orElseThrow().path("static_routes").toString()).contains("192.168.3.0"));
        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() ->
                assertThat(fixture.aviWriteLog()).containsExactly("PUT /api/vrfcontext"));
    }

    @Test
    void restartOverUnchangedStateMakesNoWrites() throws Exception {
        started();
        await().atMost(WAIT).until(() -> !fixture.status("shop").isEmpty() && !fixture.status("secure").isEmpty());
        fixture.stopController();
        fixture.clearAviLog();

        fixture.startController();

        await().atMost(WAIT).until(fixture::initialSyncDone);
        assertThat(fixture.aviWriteLog()).isEmpty();
    }

    @Test
    void handDeletedPoolIsRestoredByTheNextFullSync() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        await().atMost(WAIT).until(() -> fixture.ownedObjects("pool").contains(SHOP_ROOT_POOL));
        // by hand on the controller: the host's policy set must let go of the pool first, as a person would have to do
        String policySet = "cluster-1--shop.example.com";
        fixture.avi.update("httppolicyset", policySet, p -> ((ObjectNode) p.path("http_request_policy")).putArray("rules"));
        fixture.avi.delete("pool", SHOP_ROOT_POOL);

        fixture.fullSyncNow();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.ownedObjects("pool")).contains(SHOP_ROOT_POOL);
            assertThat(fixture.avi("httppolicyset", policySet).orElseThrow().path("http_request_policy").path("rules").toString())
                    .contains("HTTP_SWITCHING_SELECT_POOL", "#" + SHOP_ROOT_POOL);
        });
    }

    @Test
    void poolGroupsOfAnEarlierVersionAreCollectedOnceThePolicySetsSwitchToThePools() throws Exception {
        started("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        await().atMost(WAIT).until(() -> !fixture.status("shop").isEmpty());
        fixture.stopController();
        List<String> groups = rewriteAsEarlierVersion();
        fixture.clearAviLog();

        fixture.startController();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.ownedObjects("poolgroup")).isEmpty();
            assertThat(policiesOfShop()).doesNotContain("POOLGROUP").contains("#" + SHOP_ROOT_POOL);
        });
        // the controller refuses (403) to delete a pool group a policy set still refers to
        assertThat(fixture.avi.requestLog()).filteredOn(r -> r.method().equals("DELETE") && r.path().startsWith("/api/poolgroup/"))
                .hasSize(groups.size()).allSatisfy(r -> assertThat(r.status()).isEqualTo(204));
        assertThat(fixture.ownedObjects("pool")).contains(SHOP_ROOT_POOL);
        assertThat(fixture.app().components().deadLetters().list()).isEmpty();
    }

    /** What an earlier version wrote: a pool group per pool (same name and markers), rules switching to the group. */
    private List<String> rewriteAsEarlierVersion() {
        List<String> groups = fixture.ownedObjects("pool");
        for (String pool : groups) {
            ObjectNode stored = pool(pool);
            ObjectNode group = JsonNodeFactory.instance.objectNode();
            group.put("name", pool).put("created_by", stored.path("created_by").asText()).set("markers", stored.path("markers"));
            group.put("cloud_ref", stored.path("cloud_ref").asText());
            group.putArray("members").addObject().put("pool_ref", "/api/pool?name=" + pool).put("ratio", 100);
            fixture.avi.create("poolgroup", group);
        }
        for (String set : fixture.ownedObjects("httppolicyset")) {
            fixture.avi.update("httppolicyset", set, p -> p.path("http_request_policy").path("rules").forEach(rule -> {
                ObjectNode action = (ObjectNode) rule.path("switching_action");
                if (action.has("pool_ref")) {
                    String pool = action.remove("pool_ref").asText().replaceAll("^.*#", "");
                    action.put("action", "HTTP_SWITCHING_SELECT_POOLGROUP").put("pool_group_ref", "/api/poolgroup?name=" + pool);
                }
            }));
        }
        return groups;
    }

    @Test
    void foreignObjectWithACollidingNameIsUntouchedAndReported() throws Exception {
        fixture = ControllerFixture.create();
        fixture.avi.create("pool", """
                {"name": "%s", "created_by": "someone-else", "cloud_ref": "/api/cloud?name=vcenter-cloud"}""".formatted(SHOP_ROOT_POOL));
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        fixture.startController();

        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.events("shop"))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("AviConflict")));
        assertThat(pool(SHOP_ROOT_POOL).path("created_by").asText()).isEqualTo("someone-else");
        assertThat(pool(SHOP_ROOT_POOL).path("servers").size()).isZero();
    }

    @Test
    void deleteConfigRemovesEverythingOwnedAndKeepsWhatIsNot() throws Exception {
        fixture = ControllerFixture.create();
        fixture.avi.create("pool", """
                {"name": "team-b-pool", "created_by": "someone-else", "cloud_ref": "/api/cloud?name=vcenter-cloud"}""");
        fixture.avi.update("vrfcontext", "global", "vcenter-cloud", vrf -> vrf.putArray("static_routes").addObject()
                .put("route_id", "cluster-2-1")
                .<ObjectNode>set("prefix", ControllerFixtureJson.prefix("192.168.200.0", 24))
                .<ObjectNode>set("next_hop", ControllerFixtureJson.ip("10.30.0.1"))
                .putArray("labels").addObject().put("key", "clustername").put("value", "cluster-2"));
        fixture.applyExamples();
        fixture.startController();
        await().atMost(WAIT).until(fixture::initialSyncDone);
        await().atMost(WAIT).until(() -> !fixture.status("shop").isEmpty());

        fixture.client().configMaps().inNamespace("avi-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("avi-k8s-config").withNamespace("avi-system").endMetadata().addToData("deleteConfig", "true").build()).create();

        await().atMost(WAIT).untilAsserted(() -> {
            for (String type : List.of("virtualservice", "vsvip", "pool", "poolgroup", "httppolicyset", "sslkeyandcertificate")) {
                assertThat(fixture.ownedObjects(type)).as(type).isEmpty();
            }
            assertThat(fixture.status("shop")).isEmpty();
            assertThat(fixture.avi.find("vrfcontext", "global", "vcenter-cloud").orElseThrow().path("static_routes").toString())
                    .contains("cluster-2-1").doesNotContain("192.168.1.0");
            assertThat(fixture.avi.find("vrfcontext", "global", "vcenter-cloud").orElseThrow().path("static_routes")).hasSize(1);
        });
        assertThat(fixture.avi("pool", "team-b-pool")).isPresent();
    }

    @Test
    void hostOutsideTheDnsSubDomainsIsRoutedWithAWarning() throws Exception {
        started("00-cluster.yaml", "10-services.yaml");

        fixture.client().network().v1().ingresses().inNamespace("default").resource(new IngressBuilder()
                .withNewMetadata().withName("elsewhere").withNamespace("default").endMetadata()
                .withNewSpec().addNewRule().withHost("web.other.org").withNewHttp().addToPaths(new HTTPIngressPathBuilder()
                        .withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("web").withNewPort()
                        .withNumber(80).endPort().endService().endBackend().build()).endHttp().endRule().endSpec().build()).create();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.ownedObjects("pool")).anyMatch(p -> p.contains("web.other.org"));
            assertThat(fixture.status("elsewhere")).isNotEmpty();
            assertThat(fixture.events("elsewhere")).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("HostOutsideDnsDomains"));
        });
    }
}
