package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantTest {
    private static AviSimulator avi;
    private static String tenantUuid;

    @BeforeAll
    static void start() {
        avi = AviSimulator.builder().build().start();
        AviClient admin = new AviClient(avi).login();
        tenantUuid = admin.post("/api/tenant", "{\"name\":\"test-tenant\"}").json().path("uuid").asText();
        new AviClient(avi).login().tenant("test-tenant").post("/api/pool", "{\"name\":\"tenant-pool\"}");
    }

    @AfterAll
    static void stop() {
        avi.close();
    }

    @Test
    void objectsOfATenantAreInvisibleFromAnother() {
        AviClient admin = new AviClient(avi).login().tenant("admin");

        JsonNode list = admin.get("/api/pool?name=tenant-pool").json();

        assertThat(list.path("count").asInt()).isZero();
        assertThat(list.path("results")).isEmpty();
    }

    @Test
    void objectsAreVisibleByTenantNameOrUuid() {
        assertThat(new AviClient(avi).login().tenant("test-tenant").get("/api/pool?name=tenant-pool")
                .json().path("count").asInt()).isEqualTo(1);
        assertThat(new AviClient(avi).login().header("X-Avi-Tenant-UUID", tenantUuid).get("/api/pool?name=tenant-pool")
                .json().path("count").asInt()).isEqualTo(1);
    }

    @Test
    void starReadsAllTenants() {
        JsonNode pool = new AviClient(avi).login().tenant("*").get("/api/pool?name=tenant-pool").json()
                .path("results").get(0);

        assertThat(pool.path("tenant_ref").asText()).isEqualTo(avi.baseUrl() + "/api/tenant/" + tenantUuid);
    }

    @Test
    void itemsOfAnotherTenantAre404() {
        String uuid = new AviClient(avi).login().tenant("test-tenant").uuidOf("pool", "tenant-pool");

        assertThat(new AviClient(avi).login().get("/api/pool/" + uuid).status()).isEqualTo(404);
        assertThat(new AviClient(avi).login().delete("/api/pool/" + uuid).status()).isEqualTo(404);
    }

    @Test
    void createdObjectsBelongToTheHeadersTenant() {
        JsonNode pool = new AviClient(avi).login().tenant("test-tenant")
                .post("/api/pool", "{\"name\":\"header-tenant\"}").json();

        assertThat(pool.path("tenant_ref").asText()).endsWith("/api/tenant/" + tenantUuid + "#test-tenant");
    }

    @Test
    void aTenantRefByNameInTheBodyWins() {
        JsonNode pool = new AviClient(avi).login().tenant("*")
                .post("/api/pool", "{\"name\":\"body-tenant\",\"tenant_ref\":\"/api/tenant/?name=test-tenant\"}").json();

        assertThat(pool.path("tenant_ref").asText()).endsWith("#test-tenant");
    }

    @Test
    void theSameNameMayExistInTwoTenants() {
        String twin = "{\"name\":\"twin-pool\"}";
        assertThat(new AviClient(avi).login().tenant("test-tenant").post("/api/pool", twin).status()).isEqualTo(201);

        assertThat(new AviClient(avi).login().post("/api/pool", twin).status()).isEqualTo(201);
    }

    @Test
    void sharedInfrastructureAndSystemObjectsAreVisibleFromOtherTenants() {
        AviClient client = new AviClient(avi).login().tenant("test-tenant");

        assertThat(client.get("/api/cloud?name=vcenter-cloud").json().path("count").asInt()).isEqualTo(1);
        assertThat(client.get("/api/applicationprofile?name=System-HTTP").json().path("count").asInt()).isEqualTo(1);
        JsonNode vs = client.post("/api/virtualservice", "{\"name\":\"tenant-vs\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\"}")
                .json();
        assertThat(vs.path("application_profile_ref").asText()).endsWith("#System-HTTP");
    }

    @Test
    void anUnknownTenantIs403() {
        AviClient.Reply reply = new AviClient(avi).login().tenant("no-such-tenant").get("/api/pool");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("Tenant 'no-such-tenant' does not exist!");
    }

    @Test
    void anUnknownTenantUuidIs403() {
        assertThat(new AviClient(avi).login().header("X-Avi-Tenant-UUID", "tenant-nope").get("/api/pool").status())
                .isEqualTo(403);
    }
}
