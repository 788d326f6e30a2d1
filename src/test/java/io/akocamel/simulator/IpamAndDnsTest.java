package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpamAndDnsTest {
    private AviSimulator avi;
    private AviClient client;

    @BeforeEach
    void start() {
        avi = AviSimulator.builder()
                .editSeed("network", "vip-network", network -> ((ObjectNode) network
                        .at("/configured_subnets/0/static_ip_ranges/0/range/end")).put("addr", "10.10.10.102"))
                .build().start();
        client = new AviClient(avi).login();
    }

    @AfterEach
    void stop() {
        avi.close();
    }

    private AviClient.Reply postVip(String name, String... fqdns) {
        StringBuilder dns = new StringBuilder();
        for (String fqdn : fqdns) {
            dns.append(dns.length() == 0 ? "" : ",").append("{\"fqdn\":\"").append(fqdn).append("\"}");
        }
        return client.post("/api/vsvip", "{\"name\":\"" + name + "\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\","
                + "\"dns_info\":[" + dns + "],\"vip\":[{\"vip_id\":\"0\",\"auto_allocate_ip\":true,"
                + "\"ipam_network_subnet\":{\"network_ref\":\"/api/network/?name=vip-network\","
                + "\"subnet\":{\"ip_addr\":{\"addr\":\"10.10.10.0\",\"type\":\"V4\"},\"mask\":24}}}]}");
    }

    private static String address(AviClient.Reply reply) {
        return reply.json().path("vip").get(0).path("ip_address").path("addr").asText();
    }

    @Test
    void autoAllocatedVipsGetTheNextFreeAddressOfTheVipRange() {
        assertThat(address(postVip("vip-a"))).isEqualTo("10.10.10.100");
        assertThat(address(postVip("vip-b"))).isEqualTo("10.10.10.101");

        JsonNode vip = client.get("/api/vsvip/" + client.uuidOf("vsvip", "vip-b")).json().path("vip").get(0);
        assertThat(vip.path("ip_address").path("type").asText()).isEqualTo("V4");
    }

    @Test
    void exhaustedRangeIs400NoAvailableFreeIps() {
        postVip("vip-a");
        postVip("vip-b");
        postVip("vip-c");

        AviClient.Reply reply = postVip("vip-d");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("No available free IPs");
        assertThat(avi.find("vsvip", "vip-d")).isEmpty();
    }

    @Test
    void deletingAVsVipReleasesItsAddress() {
        postVip("vip-a");
        postVip("vip-b");
        client.delete("/api/vsvip/" + client.uuidOf("vsvip", "vip-a"));

        assertThat(address(postVip("vip-c"))).isEqualTo("10.10.10.100");
    }

    @Test
    void putKeepsTheAllocatedAddress() {
        postVip("vip-a");
        String uuid = client.uuidOf("vsvip", "vip-a");
        postVip("vip-b");

        AviClient.Reply reply = client.put("/api/vsvip/" + uuid, "{\"name\":\"vip-a\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\","
                + "\"dns_info\":[{\"fqdn\":\"new.example.com\"}],\"vip\":[{\"vip_id\":\"0\",\"auto_allocate_ip\":true,"
                + "\"ipam_network_subnet\":{\"network_ref\":\"/api/network/?name=vip-network\"}}]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(address(reply)).isEqualTo("10.10.10.100");
    }

    @Test
    void askingForAnotherAddressOnAnExistingVipIs400() {
        String uuid = postVip("vip-a").json().path("uuid").asText();

        AviClient.Reply reply = client.patch("/api/vsvip/" + uuid,
                "{\"replace\":{\"vip\":[{\"vip_id\":\"0\",\"auto_allocate_ip\":true,\"ip_address\":{\"addr\":\"10.10.10.150\",\"type\":\"V4\"}}]}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("If a new preferred IP is needed, please recreate the VIP");
    }

    @Test
    void changingTheVipIdIs400() {
        String uuid = postVip("vip-a").json().path("uuid").asText();

        AviClient.Reply reply = client.patch("/api/vsvip/" + uuid,
                "{\"replace\":{\"vip\":[{\"vip_id\":\"1\",\"auto_allocate_ip\":true}]}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("Changing an existing VIP's vip_id is not supported");
    }

    @Test
    void withoutANetworkRefTheCloudsIpamNetworkIsUsed() {
        AviClient.Reply reply = client.post("/api/vsvip", "{\"name\":\"ipam-default\","
                + "\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\",\"vip\":[{\"auto_allocate_ip\":true}]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(address(reply)).isEqualTo("10.10.10.100");
    }

    @Test
    void aCloudWithoutIpamCannotAllocate() {
        AviClient.Reply reply = client.post("/api/vsvip", "{\"name\":\"no-ipam\",\"vip\":[{\"auto_allocate_ip\":true}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).contains("No IPAM network");
    }

    @Test
    void aSubnetTheNetworkDoesNotHaveIs400() {
        AviClient.Reply reply = client.post("/api/vsvip", "{\"name\":\"wrong-subnet\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\","
                + "\"vip\":[{\"auto_allocate_ip\":true,\"ipam_network_subnet\":{\"network_ref\":\"/api/network/?name=vip-network\","
                + "\"subnet\":{\"ip_addr\":{\"addr\":\"10.20.0.0\",\"type\":\"V4\"},\"mask\":16}}}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("Subnet 10.20.0.0/16 not found in network vip-network");
    }

    @Test
    void dnsRecordsComeFromDnsInfoInsideTheDnsProfileDomains() {
        postVip("vip-a", "foo.example.com", "bar.example.com", "outside.other.org");

        assertThat(avi.dnsRecords()).containsExactly(
                new DnsRecord("foo.example.com", "10.10.10.100", "vip-a"),
                new DnsRecord("bar.example.com", "10.10.10.100", "vip-a"));
        JsonNode listed = client.get("/simulator/dns").json();
        assertThat(listed.findValuesAsText("fqdn")).containsExactly("foo.example.com", "bar.example.com");
        assertThat(listed.findValuesAsText("ip")).containsOnly("10.10.10.100");
    }

    @Test
    void dnsRecordsFollowUpdatesAndDeletes() {
        String uuid = postVip("vip-a", "foo.example.com").json().path("uuid").asText();
        client.patch("/api/vsvip/" + uuid, "{\"replace\":{\"dns_info\":[{\"fqdn\":\"moved.example.com\"}]}}");
        assertThat(avi.dnsRecords()).extracting(DnsRecord::fqdn).containsExactly("moved.example.com");

        client.delete("/api/vsvip/" + uuid);

        assertThat(avi.dnsRecords()).isEmpty();
    }

    @Test
    void aCloudWithoutDnsProfilePublishesNoRecords() {
        client.post("/api/vsvip", "{\"name\":\"default-cloud-vip\",\"dns_info\":[{\"fqdn\":\"x.example.com\"}],"
                + "\"vip\":[{\"ip_address\":{\"addr\":\"192.0.2.10\",\"type\":\"V4\"}}]}");

        assertThat(avi.dnsRecords()).isEmpty();
    }
}
