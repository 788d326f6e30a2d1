package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedTest extends SharedSimulatorTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "tenant, admin", "cloud, Default-Cloud", "cloud, vcenter-cloud",
            "ipamdnsproviderprofile, vcenter-ipam", "ipamdnsproviderprofile, vcenter-dns", "network, vip-network",
            "applicationprofile, System-HTTP", "applicationprofile, System-Secure-HTTP",
            "applicationprofile, System-L4-Application", "networkprofile, System-TCP-Proxy",
            "sslprofile, System-Standard", "analyticsprofile, System-Analytics-Profile",
            "healthmonitor, System-TCP", "healthmonitor, System-HTTP", "healthmonitor, System-Ping"})
    void aFreshControllerHas(String type, String name) {
        assertThat(client.get("/api/" + type + "?name=" + name).json().path("count").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"global, vcenter-cloud", "management, vcenter-cloud", "global, Default-Cloud", "management, Default-Cloud"})
    void eachCloudHasTheSystemVrfs(String vrf, String cloud) {
        JsonNode found = client.get("/api/vrfcontext?name=" + vrf + "&cloud_ref.name=" + cloud).json();

        assertThat(found.path("count").asInt()).isEqualTo(1);
        assertThat(found.path("results").get(0).path("system_default").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"vcenter-cloud", "Default-Cloud"})
    void eachCloudHasTheDefaultServiceEngineGroup(String cloud) {
        assertThat(client.get("/api/serviceenginegroup?name=Default-Group&cloud_ref.name=" + cloud).json()
                .path("count").asInt()).isEqualTo(1);
    }

    @Test
    void adminTenantHasUuidAdmin() {
        assertThat(client.uuidOf("tenant", "admin")).isEqualTo("admin");
    }

    @Test
    void vcenterCloudHasTheIpamAndDnsProfiles() {
        JsonNode cloud = client.get("/api/cloud?name=vcenter-cloud&include_name").json().path("results").get(0);

        assertThat(cloud.path("vtype").asText()).isEqualTo("CLOUD_VCENTER");
        assertThat(cloud.path("ipam_provider_ref").asText()).endsWith("#vcenter-ipam");
        assertThat(cloud.path("dns_provider_ref").asText()).endsWith("#vcenter-dns");
        JsonNode ipam = client.get("/api/ipamdnsproviderprofile?name=vcenter-ipam&include_name").json().path("results").get(0);
        assertThat(ipam.path("type").asText()).isEqualTo("IPAMDNS_TYPE_INTERNAL");
        assertThat(ipam.at("/internal_profile/usable_networks/0/nw_ref").asText()).endsWith("#vip-network");
        JsonNode dns = client.get("/api/ipamdnsproviderprofile?name=vcenter-dns").json().path("results").get(0);
        assertThat(dns.path("type").asText()).isEqualTo("IPAMDNS_TYPE_INTERNAL_DNS");
        assertThat(dns.at("/internal_profile/dns_service_domain/0/domain_name").asText()).isEqualTo("example.com");
    }

    @Test
    void vipNetworkHasItsSubnetAndVipRangeInVcenterCloud() {
        JsonNode network = client.get("/api/network?name=vip-network&include_name").json().path("results").get(0);

        assertThat(network.path("cloud_ref").asText()).endsWith("#vcenter-cloud");
        assertThat(network.path("vrf_context_ref").asText()).endsWith("#global");
        JsonNode subnet = network.path("configured_subnets").get(0);
        assertThat(subnet.at("/prefix/ip_addr/addr").asText()).isEqualTo("10.10.10.0");
        assertThat(subnet.at("/prefix/mask").asInt()).isEqualTo(24);
        assertThat(subnet.at("/static_ip_ranges/0/type").asText()).isEqualTo("STATIC_IPS_FOR_VIP");
        assertThat(subnet.at("/static_ip_ranges/0/range/begin/addr").asText()).isEqualTo("10.10.10.100");
        assertThat(subnet.at("/static_ip_ranges/0/range/end/addr").asText()).isEqualTo("10.10.10.199");
        String vrf = network.path("vrf_context_ref").asText().replaceAll("#.*", "");
        assertThat(client.get(vrf + "?include_name").json().path("cloud_ref").asText()).endsWith("#vcenter-cloud");
    }

    @Test
    void everySeedObjectIsValidAgainstItsSchema() {
        for (String type : List.of("tenant", "cloud", "vrfcontext", "serviceenginegroup", "ipamdnsproviderprofile", "network",
                "applicationprofile", "networkprofile", "sslprofile", "healthmonitor", "applicationpersistenceprofile")) {
            ModelType model = ModelType.require(type);
            ObjectSchema schema = SchemaRegistry.forModel(model.model()).orElseThrow();
            avi.objects(type).forEach(object -> schema.validate(object));
        }
    }

    @Test
    void initialDataReportsTheControllerVersion() {
        JsonNode version = new AviClient(avi).get("/api/initial-data").json().path("version");

        assertThat(version.path("Version").asText()).isEqualTo("22.1.2");
        assertThat(version.path("ProductName").asText()).isEqualTo("Avi Cloud Controller");
    }

    @Test
    void clusterRuntimeReportsOneLeaderUpWithoutHa() {
        JsonNode runtime = new AviClient(avi).get("/api/cluster/runtime").json();

        assertThat(runtime.at("/cluster_state/state").asText()).isEqualTo("CLUSTER_UP_NO_HA");
        assertThat(runtime.path("node_states")).hasSize(1);
        assertThat(runtime.at("/node_states/0/role").asText()).isEqualTo("CLUSTER_LEADER");
        assertThat(runtime.at("/node_states/0/up_since").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(new AviClient(avi).get("/api/cluster/runtime").json()).isEqualTo(runtime);
    }

    @Test
    void withoutACloudDropsWhatIsInItAndReferencesToIt() {
        try (AviSimulator broken = AviSimulator.builder().without("cloud", "vcenter-cloud").build().start()) {
            assertThat(broken.find("cloud", "vcenter-cloud")).isEmpty();
            assertThat(broken.objects("vrfcontext")).hasSize(2);
            assertThat(broken.objects("serviceenginegroup")).hasSize(1);
            assertThat(broken.find("network", "vip-network")).isEmpty();
            JsonNode ipam = broken.find("ipamdnsproviderprofile", "vcenter-ipam").orElseThrow();
            assertThat(ipam.path("internal_profile").path("usable_networks")).isEmpty();
        }
    }

    @Test
    void withoutAProfileLeavesTheCloudWithoutIt() {
        try (AviSimulator broken = AviSimulator.builder().without("ipamdnsproviderprofile", "vcenter-dns").build().start()) {
            JsonNode cloud = broken.find("cloud", "vcenter-cloud").orElseThrow();

            assertThat(cloud.has("dns_provider_ref")).isFalse();
            assertThat(cloud.path("ipam_provider_ref").asText()).endsWith("#vcenter-ipam");
        }
    }

    @Test
    void editSeedChangesAnObjectBeforeStart() {
        try (AviSimulator edited = AviSimulator.builder()
                .editSeed("network", "vip-network", n -> ((ObjectNode) n.at("/configured_subnets/0/prefix")).put("mask", 16))
                .build().start()) {
            assertThat(edited.find("network", "vip-network").orElseThrow().at("/configured_subnets/0/prefix/mask").asInt())
                    .isEqualTo(16);
        }
    }

    @Test
    void aBrokenSetUpCanBeFixedWhileRunning() {
        try (AviSimulator broken = AviSimulator.builder().without("tenant", "admin").build().start()) {
            assertThat(broken.objects("cloud")).isEmpty();
            AviClient admin = new AviClient(broken).login().tenant("admin");
            assertThat(admin.get("/api/cloud").status()).isEqualTo(403);

            broken.create("tenant", "{\"name\":\"admin\"}");

            assertThat(admin.get("/api/cloud").status()).isEqualTo(200);
        }
    }

    @Test
    void seedEditsNameAnExistingObject() {
        assertThatThrownBy(() -> AviSimulator.builder().without("cloud", "no-such-cloud"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no cloud named no-such-cloud");
    }
}
