package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectCrudTest extends SharedSimulatorTest {
    private static JsonNode created(String type, String json) {
        AviClient.Reply reply = client.post("/api/" + type, json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void postIs201WithLocationAndServerSetUuidUrlAndLastModified() {
        AviClient.Reply reply = client.post("/api/pool", "{\"name\":\"created-pool\"}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode pool = reply.json();
        String uuid = pool.path("uuid").asText();
        assertThat(uuid).matches("pool-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(pool.path("url").asText()).isEqualTo(avi.baseUrl() + "/api/pool/" + uuid + "#created-pool");
        assertThat(reply.header("Location")).isEqualTo(pool.path("url").asText());
        assertThat(pool.path("_last_modified").asText()).matches("\\d{16}");
        assertThat(pool.path("tenant_ref").asText()).isEqualTo(avi.baseUrl() + "/api/tenant/admin#admin");
        assertThat(pool.path("cloud_ref").asText()).endsWith("#Default-Cloud");
    }

    @Test
    void slugHeaderForcesTheUuid() {
        AviClient.Reply reply = client.send("POST", "/api/pool", "{\"name\":\"forced\"}", Map.of("Slug", "pool-force-42"));

        assertThat(reply.json().path("uuid").asText()).isEqualTo("pool-force-42");
        assertThat(client.get("/api/pool/pool-force-42").json().path("name").asText()).isEqualTo("forced");
    }

    @Test
    void getReturnsRefsWithoutNamesUnlessIncludeNameIsAsked() {
        String uuid = created("pool", "{\"name\":\"plain-refs\"}").path("uuid").asText();

        JsonNode plain = client.get("/api/pool/" + uuid).json();
        JsonNode named = client.get("/api/pool/" + uuid + "?include_name").json();

        assertThat(plain.path("tenant_ref").asText()).isEqualTo(avi.baseUrl() + "/api/tenant/admin");
        assertThat(plain.path("url").asText()).isEqualTo(avi.baseUrl() + "/api/pool/" + uuid);
        assertThat(named.path("tenant_ref").asText()).isEqualTo(avi.baseUrl() + "/api/tenant/admin#admin");
    }

    @Test
    void urlsFollowTheHostTheClientUsed() {
        String uuid = created("pool", "{\"name\":\"host-mirror\"}").path("uuid").asText();
        String localhost = avi.baseUrl().replace("127.0.0.1", "localhost");

        JsonNode pool = new AviClient(avi, localhost).login().get("/api/pool/" + uuid).json();

        assertThat(pool.path("url").asText()).isEqualTo(localhost + "/api/pool/" + uuid);
    }

    @Test
    void virtualServiceGetsTheRecordedDefaultsInItsCloud() {
        JsonNode vs = created("virtualservice", "{\"name\":\"vs-defaults\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\","
                + "\"services\":[{\"port\":80}],\"application_profile_name\":\"System-Secure-HTTP\"}");

        assertThat(vs.path("application_profile_ref").asText()).endsWith("#System-HTTP");
        assertThat(vs.path("network_profile_ref").asText()).endsWith("#System-TCP-Proxy");
        assertThat(vs.path("analytics_profile_ref").asText()).endsWith("#System-Analytics-Profile");
        assertThat(vs.path("se_group_ref").asText()).endsWith("#Default-Group")
                .startsWith(avi.baseUrl() + "/api/serviceenginegroup/" + segUuid("vcenter-cloud"));
        assertThat(vs.path("vrf_context_ref").asText()).endsWith("#global");
        assertThat(vs.path("type").asText()).isEqualTo("VS_TYPE_NORMAL");
        assertThat(vs.path("enabled").asBoolean()).isTrue();
        assertThat(vs.path("traffic_enabled").asBoolean()).isTrue();
        assertThat(vs.path("weight").asInt()).isEqualTo(1);
        assertThat(vs.path("flow_dist").asText()).isEqualTo("LOAD_AWARE");
        assertThat(vs.path("services").get(0).path("port_range_end").asInt()).isEqualTo(80);
        assertThat(vs.path("services").get(0).path("enable_http2").asBoolean(true)).isFalse();
        assertThat(vs.has("application_profile_name")).as("unknown fields are ignored").isFalse();
    }

    private static String segUuid(String cloud) {
        return avi.objects("serviceenginegroup").stream()
                .filter(s -> s.path("cloud_ref").asText().endsWith("#" + cloud))
                .findFirst().orElseThrow().path("uuid").asText();
    }

    @Test
    void vsVipGetsTheRecordedDefaults() {
        JsonNode vip = created("vsvip", "{\"name\":\"vsvip-defaults\",\"vip\":[{\"ip_address\":{\"addr\":\"192.0.2.1\",\"type\":\"V4\"}}]}");

        JsonNode first = vip.path("vip").get(0);
        assertThat(first.path("vip_id").asText()).isEqualTo("0");
        assertThat(first.path("enabled").asBoolean()).isTrue();
        assertThat(first.path("auto_allocate_ip").asBoolean(true)).isFalse();
        assertThat(first.path("auto_allocate_ip_type").asText()).isEqualTo("V4_ONLY");
        assertThat(first.path("prefix_length").asInt()).isEqualTo(32);
        assertThat(vip.path("vrf_context_ref").asText()).endsWith("#global");
        assertThat(vip.path("cloud_ref").asText()).endsWith("#Default-Cloud");
        assertThat(vip.path("east_west_placement").asBoolean(true)).isFalse();
    }

    @Test
    void poolGetsTheRecordedDefaultsAndServerHostnames() {
        JsonNode pool = created("pool", "{\"name\":\"pool-defaults\",\"servers\":[{\"ip\":{\"addr\":\"10.1.1.1\",\"type\":\"V4\"}}]}");

        assertThat(pool.path("default_server_port").asInt()).isEqualTo(80);
        assertThat(pool.path("lb_algorithm").asText()).isEqualTo("LB_ALGORITHM_LEAST_CONNECTIONS");
        assertThat(pool.path("inline_health_monitor").asBoolean()).isTrue();
        assertThat(pool.path("graceful_disable_timeout").asInt()).isEqualTo(1);
        assertThat(pool.path("connection_ramp_duration").asInt()).isEqualTo(10);
        assertThat(pool.path("vrf_ref").asText()).endsWith("#global");
        JsonNode server = pool.path("servers").get(0);
        assertThat(server.path("hostname").asText()).isEqualTo("10.1.1.1");
        assertThat(server.path("enabled").asBoolean()).isTrue();
        assertThat(server.path("ratio").asInt()).isEqualTo(1);
    }

    @Test
    void putReplacesTheWholeObject() {
        JsonNode pool = created("pool", "{\"name\":\"to-replace\",\"description\":\"old\",\"lb_algorithm\":\"LB_ALGORITHM_ROUND_ROBIN\"}");
        String uuid = pool.path("uuid").asText();

        AviClient.Reply reply = client.put("/api/pool/" + uuid, "{\"name\":\"replaced\",\"created_by\":\"ako-cluster-1\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode stored = client.get("/api/pool/" + uuid).json();
        assertThat(stored.path("name").asText()).isEqualTo("replaced");
        assertThat(stored.has("description")).isFalse();
        assertThat(stored.path("lb_algorithm").asText()).isEqualTo("LB_ALGORITHM_LEAST_CONNECTIONS");
        assertThat(stored.path("created_by").asText()).isEqualTo("ako-cluster-1");
        assertThat(stored.path("_last_modified").asLong()).isGreaterThan(pool.path("_last_modified").asLong());
    }

    @Test
    void putOfAMissingObjectIs404() {
        AviClient.Reply reply = client.put("/api/pool/pool-missing", "{\"name\":\"x\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error()).isEqualTo("Pool object not found!");
    }

    @Test
    void putWithAStaleLastModifiedIs412() {
        JsonNode vip = created("vsvip", "{\"name\":\"stale-vip\"}");
        String uuid = vip.path("uuid").asText();
        assertThat(client.put("/api/vsvip/" + uuid, vip.toString()).status()).isEqualTo(200);

        AviClient.Reply stale = client.put("/api/vsvip/" + uuid, vip.toString());

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.error()).isEqualTo("Need to reload object data VsVip");
    }

    @Test
    void putWithTheCurrentLastModifiedSucceeds() {
        String uuid = created("vsvip", "{\"name\":\"fresh-vip\"}").path("uuid").asText();
        JsonNode current = client.get("/api/vsvip/" + uuid).json();

        assertThat(client.put("/api/vsvip/" + uuid, current.toString()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "add appends to a list       | {\"add\":{\"servers\":[{\"ip\":{\"addr\":\"10.0.0.3\",\"type\":\"V4\"}}]}}     | 10.0.0.1,10.0.0.2,10.0.0.3 | d",
            "add sets a scalar           | {\"add\":{\"description\":\"new\"}}                                           | 10.0.0.1,10.0.0.2          | new",
            "replace replaces a list     | {\"replace\":{\"servers\":[{\"ip\":{\"addr\":\"10.0.0.9\",\"type\":\"V4\"}}]}} | 10.0.0.9                   | d",
            "replace sets a scalar       | {\"replace\":{\"description\":\"other\"}}                                     | 10.0.0.1,10.0.0.2          | other",
            "delete removes list entries | {\"delete\":{\"servers\":[{\"ip\":{\"addr\":\"10.0.0.1\"}}]}}                  | 10.0.0.2                   | d",
            "delete unsets a scalar      | {\"delete\":{\"description\":\"d\"}}                                          | 10.0.0.1,10.0.0.2          | ",
            "json_patch add at the end   | {\"json_patch\":[{\"op\":\"add\",\"path\":\"/servers/-\",\"value\":{\"ip\":{\"addr\":\"10.0.0.4\",\"type\":\"V4\"}}}]} | 10.0.0.1,10.0.0.2,10.0.0.4 | d",
            "json_patch remove by index  | {\"json_patch\":[{\"op\":\"remove\",\"path\":\"/servers/0\"}]}                | 10.0.0.2                   | d",
            "json_patch replace a field  | {\"json_patch\":[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"p\"}]} | 10.0.0.1,10.0.0.2        | p"})
    void patchChangesOneLevel(String name, String patch, String servers, String description) {
        String uuid = created("pool", "{\"name\":\"patch-" + name.replace(' ', '-') + "\",\"description\":\"d\","
                + "\"servers\":[{\"ip\":{\"addr\":\"10.0.0.1\",\"type\":\"V4\"}},{\"ip\":{\"addr\":\"10.0.0.2\",\"type\":\"V4\"}}]}")
                .path("uuid").asText();

        AviClient.Reply reply = client.patch("/api/pool/" + uuid, patch);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode pool = client.get("/api/pool/" + uuid).json();
        assertThat(pool.path("servers").findValuesAsText("addr")).containsExactly(servers.split(","));
        assertThat(pool.path("description").asText(null)).isEqualTo(description);
    }

    @Test
    void patchWithoutAnOperationIs400() {
        String uuid = created("pool", "{\"name\":\"patch-bad\"}").path("uuid").asText();

        assertThat(client.patch("/api/pool/" + uuid, "{\"servers\":[]}").status()).isEqualTo(400);
    }

    @Test
    void deleteIs204AndTheObjectIsGone() {
        String uuid = created("pool", "{\"name\":\"to-delete\"}").path("uuid").asText();

        AviClient.Reply reply = client.delete("/api/pool/" + uuid);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        AviClient.Reply gone = client.get("/api/pool/" + uuid);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.error()).isEqualTo("Pool object not found!");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pool, Pool object not found!", "virtualservice, VirtualService object not found!",
            "vsvip, VsVip object not found!", "httppolicyset, HTTPPolicySet object not found!"})
    void unknownUuidIs404WithTheModelName(String type, String message) {
        assertThat(client.get("/api/" + type + "/" + type + "-nope").error()).isEqualTo(message);
        assertThat(client.delete("/api/" + type + "/" + type + "-nope").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "full URL with name  | {base}/api/pool/{uuid}#ref-target",
            "full URL            | {base}/api/pool/{uuid}",
            "relative            | /api/pool/{uuid}",
            "by name             | /api/pool?name=ref-target",
            "by name with slash  | /api/pool/?name=ref-target",
            "by name and cloud   | /api/pool?name=ref-target&cloud=Default-Cloud"})
    void refsInEveryFormAreStoredAsUuidUrls(String form, String ref) {
        String target = avi.find("pool", "ref-target").map(p -> p.path("uuid").asText())
                .orElseGet(() -> created("pool", "{\"name\":\"ref-target\"}").path("uuid").asText());
        String sent = ref.replace("{base}", avi.baseUrl()).replace("{uuid}", target);

        JsonNode group = created("poolgroup", "{\"name\":\"pg-" + form.replace(' ', '-') + "\",\"members\":[{\"pool_ref\":\""
                + sent + "\",\"ratio\":100}]}");

        String uuid = group.path("uuid").asText();
        assertThat(client.get("/api/poolgroup/" + uuid).json().path("members").get(0).path("pool_ref").asText())
                .isEqualTo(avi.baseUrl() + "/api/pool/" + target);
    }

    @Test
    void nameRefsFollowRenamesAndDeletes() {
        String renamed = created("pool", "{\"name\":\"before-rename\"}").path("uuid").asText();
        client.put("/api/pool/" + renamed, "{\"name\":\"after-rename\"}");
        String deleted = created("pool", "{\"name\":\"deleted-target\"}").path("uuid").asText();
        client.delete("/api/pool/" + deleted);

        assertThat(memberRef("pg-old-name", "before-rename").status()).isEqualTo(404);
        assertThat(memberRef("pg-deleted", "deleted-target").status()).isEqualTo(404);
        AviClient.Reply byNewName = memberRef("pg-new-name", "after-rename");
        assertThat(byNewName.status()).as(byNewName.body()).isEqualTo(201);
        assertThat(byNewName.json().path("members").get(0).path("pool_ref").asText()).contains("/api/pool/" + renamed);
    }

    private static AviClient.Reply memberRef(String group, String poolName) {
        return client.post("/api/poolgroup", "{\"name\":\"" + group + "\",\"members\":[{\"pool_ref\":\"/api/pool?name="
                + poolName + "\",\"ratio\":100}]}");
    }

    @Test
    void nameRefsResolveInTheObjectsOwnCloud() {
        JsonNode vip = created("vsvip", "{\"name\":\"cloud-vrf\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\","
                + "\"vrf_context_ref\":\"/api/vrfcontext?name=global\"}");

        String vrf = vip.path("vrf_context_ref").asText();
        JsonNode stored = avi.objects("vrfcontext").stream()
                .filter(v -> vrf.startsWith(v.path("url").asText().replaceAll("#.*", ""))).findFirst().orElseThrow();
        assertThat(stored.path("cloud_ref").asText()).endsWith("#vcenter-cloud");
    }

    @Test
    void aNameRefToAnotherCloudsObjectNeedsTheCloudQualifier() {
        String network = "\"vip\":[{\"ip_address\":{\"addr\":\"192.0.2.7\",\"type\":\"V4\"},\"ipam_network_subnet\":"
                + "{\"network_ref\":\"/api/network/?name=vip-network%s\"}}]";

        AviClient.Reply unqualified = client.post("/api/vsvip", "{\"name\":\"other-cloud\"," + String.format(network, "") + "}");
        AviClient.Reply qualified = client.post("/api/vsvip", "{\"name\":\"other-cloud\","
                + String.format(network, "&cloud=vcenter-cloud") + "}");

        assertThat(unqualified.status()).isEqualTo(400);
        assertThat(unqualified.error()).isEqualTo("Network object not found");
        assertThat(qualified.status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "poolgroup | {\"name\":\"pg-missing\",\"members\":[{\"pool_ref\":\"/api/pool?name=nope\"}]}   | 404 | Pool object not found!",
            "pool      | {\"name\":\"p-missing\",\"health_monitor_refs\":[\"/api/healthmonitor/?name=nope\"]} | 404 | HealthMonitor object not found!",
            "pool      | {\"name\":\"p-bad-cloud\",\"cloud_ref\":\"/api/cloud?name=nope\"}             | 404 | Cloud object not found!",
            "vsvip     | {\"name\":\"v-missing-vrf\",\"vrf_context_ref\":\"/api/vrfcontext?name=nope\"}    | 400 | VrfContext not found",
            "vsvip     | {\"name\":\"v-missing-net\",\"vip\":[{\"auto_allocate_ip\":true,\"ipam_network_subnet\":{\"network_ref\":\"/api/network/?name=nope\"}}]} | 400 | Network object not found"})
    void unresolvableRefsAreRejectedWithTheControllersMessage(String type, String body, int status, String message) {
        AviClient.Reply reply = client.post("/api/" + type, body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.error()).isEqualTo(message);
    }

    @Test
    void duplicateNameInTheSameTenantAndCloudIs409() {
        created("vrfcontext", "{\"name\":\"dup-vrf\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\"}");

        AviClient.Reply again = client.post("/api/vrfcontext", "{\"name\":\"dup-vrf\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("Vrf context with this Name, Tenant ref and Cloud ref already exists.");
    }

    @Test
    void theSameNameInAnotherCloudIsAllowed() {
        created("pool", "{\"name\":\"per-cloud\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\"}");

        assertThat(client.post("/api/pool", "{\"name\":\"per-cloud\"}").status()).isEqualTo(201);
    }

    @Test
    void duplicateNameOfAnObjectWithoutCloudIs409WithTenantMessage() {
        created("httppolicyset", "{\"name\":\"dup-policy\"}");

        AviClient.Reply again = client.post("/api/httppolicyset", "{\"name\":\"dup-policy\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("Http policy set with this Name and Tenant ref already exists.");
    }

    @Test
    void renamingOntoAnExistingNameIs409() {
        created("pool", "{\"name\":\"rename-a\"}");
        String b = created("pool", "{\"name\":\"rename-b\"}").path("uuid").asText();

        assertThat(client.put("/api/pool/" + b, "{\"name\":\"rename-a\"}").status()).isEqualTo(409);
    }

    @Test
    void aRenamedObjectIsFoundByItsNewNameAndFreesItsOldOne() {
        String uuid = created("pool", "{\"name\":\"renamed-from\"}").path("uuid").asText();

        assertThat(client.put("/api/pool/" + uuid, "{\"name\":\"renamed-to\"}").status()).isEqualTo(200);

        assertThat(created("poolgroup", "{\"name\":\"follows-renamed\",\"members\":[{\"pool_ref\":\"/api/pool?name=renamed-to\"}]}")
                .path("members").get(0).path("pool_ref").asText()).contains("/api/pool/" + uuid);
        assertThat(client.post("/api/poolgroup", "{\"name\":\"old-name-gone\",\"members\":[{\"pool_ref\":\"/api/pool?name=renamed-from\"}]}")
                .status()).isEqualTo(404);
        assertThat(client.post("/api/pool", "{\"name\":\"renamed-from\"}").status()).isEqualTo(201);
    }

    @Test
    void deletingAReferencedObjectIs403NamingTheReferrers() {
        String pool = created("pool", "{\"name\":\"referenced\"}").path("uuid").asText();
        created("poolgroup", "{\"name\":\"referrer-pg\",\"members\":[{\"pool_ref\":\"/api/pool?name=referenced\"}]}");
        created("virtualservice", "{\"name\":\"referrer-vs\",\"pool_ref\":\"/api/pool?name=referenced\"}");

        AviClient.Reply reply = client.delete("/api/pool/" + pool);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("Cannot delete, object is referred by: ['PoolGroup referrer-pg', 'VirtualService referrer-vs']");
    }

    @Test
    void aReferenceDroppedByPutNoLongerBlocksTheDelete() {
        String pool = created("pool", "{\"name\":\"released\"}").path("uuid").asText();
        String vs = created("virtualservice", "{\"name\":\"releasing-vs\",\"pool_ref\":\"/api/pool?name=released\"}")
                .path("uuid").asText();

        client.put("/api/virtualservice/" + vs, "{\"name\":\"releasing-vs\"}");

        assertThat(client.delete("/api/pool/" + pool).status()).isEqualTo(204);
    }

    @Test
    void systemDefaultObjectsCannotBeDeleted() {
        AviClient.Reply reply = client.delete("/api/applicationprofile/" + client.uuidOf("applicationprofile", "System-HTTP"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("Cannot delete system default object");
    }

    @Test
    void certificateKeyIsWriteOnlyAndItsFieldsAreParsed() {
        String pem = new SelfSignedCertificate(Instant.now()).pem();
        String body = AviClient.JSON.createObjectNode().put("name", "cert-1").put("type", "SSL_CERTIFICATE_TYPE_VIRTUALSERVICE")
                .put("key", "-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----\n")
                .set("certificate", AviClient.JSON.createObjectNode().put("certificate", pem)).toString();

        JsonNode cert = created("sslkeyandcertificate", body);

        assertThat(cert.has("key")).isFalse();
        assertThat(cert.path("certificate").path("subject").path("common_name").asText()).isEqualTo("Avi Controller simulator");
        assertThat(cert.path("certificate").path("expiry_status").asText()).isEqualTo("SSL_CERTIFICATE_GOOD");
        assertThat(cert.path("status").asText()).isEqualTo("SSL_CERTIFICATE_FINISHED");
        assertThat(client.get("/api/sslkeyandcertificate/" + cert.path("uuid").asText()).body()).doesNotContain("secret");
    }

    @Test
    void anUnparsableCertificateIsTheControllersImportError() {
        AviClient.Reply reply = client.post("/api/sslkeyandcertificate",
                "{\"name\":\"bad-cert\",\"certificate\":{\"certificate\":\"not a pem\"}}");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.error()).contains("Import error").contains("common_name");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT, /api/pool", "DELETE, /api/pool", "POST, /api/pool/pool-x"})
    void otherMethodsAre405(String method, String path) {
        AviClient.Reply reply = client.send(method, path, "{}", Map.of());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.error()).isEqualTo("Method '" + method + "' not allowed");
    }

    @Test
    void unknownCollectionsAre404() {
        assertThat(client.get("/api/nosuchthing").status()).isEqualTo(404);
    }

    @Test
    void javaApiCreatesUpdatesAndDeletesWithTheSameRules() {
        avi.create("pool", "{\"name\":\"java-pool\"}");
        avi.update("pool", "java-pool", p -> p.put("description", "by hand"));

        assertThat(client.get("/api/pool/" + client.uuidOf("pool", "java-pool")).json().path("description").asText())
                .isEqualTo("by hand");
        avi.delete("pool", "java-pool");
        assertThat(avi.find("pool", "java-pool")).isEmpty();
    }
}
