package io.akocamel.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.it.AkoShapedState.AkoPath;
import io.akocamel.kube.HostVsAnnotation;
import io.akocamel.model.Naming;
import io.akocamel.simulator.DnsRecord;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** AKO ran with clusterName cluster-1; ako-camel takes over with the same values: adopted in place, no VIP change. */
class MigrationFromAkoTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INGRESSES = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: default}
            spec:
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                  - {path: /api/v1, pathType: Exact, backend: {service: {name: api, port: {name: grpc-web}}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: blog, namespace: default}
            spec:
              rules:
              - host: blog.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
            """;
    private ControllerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void akosObjectsAreAdoptedInPlaceWithTheSameVipsAndWhatOnlyAkoUsedIsCollectedAfterwards() throws Exception {
        fixture = ControllerFixture.create();
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "30-tls.yaml");
        apply(INGRESSES);
        Secret tls = fixture.client().secrets().inNamespace("default").withName("secure-tls").get();
        AkoShapedState ako = new AkoShapedState(fixture.avi, Naming.of(fixture.settings))
                .insecure(new AkoPath("default", "shop", "shop.example.com", "/", "192.168.1.10", 8080))
                .insecure(new AkoPath("default", "shop", "shop.example.com", "/api/v1", "192.168.1.20", 9090))
                .insecure(new AkoPath("default", "blog", "blog.example.com", "/", "192.168.1.10", 8080))
                .secure(new AkoPath("default", "secure", "secure.example.com", "/", "192.168.1.10", 8080),
                        decoded(tls, "tls.crt"), decoded(tls, "tls.key"));
        ako.write();
        Map<String, String> vips = vips(ako.shards());
        Map<String, String> uuids = uuids(List.of("virtualservice", "vsvip", "sslkeyandcertificate"));
        // AKO's annotation as AKO wrote it: the TLS host's SNI child, the insecure host's shared VS
        String akoAnnotation = "{\"secure.example.com\":\"" + uuids.get("virtualservice/cluster-1--secure.example.com") + "\"}";
        fixture.client().network().v1().ingresses().inNamespace("default").withName("secure")
                .edit(i -> new IngressBuilder(i).editMetadata().addToAnnotations(HostVsAnnotation.NAME, akoAnnotation).endMetadata().build());
        List<DnsRecord> dns = fixture.avi.dnsRecords();
        assertThat(dns).extracting(DnsRecord::fqdn).contains("shop.example.com", "blog.example.com", "secure.example.com");
        fixture.clearAviLog();

        fixture.startController();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(ako.akoOnlyObjects()).allSatisfy(key -> assertThat(fixture.avi(type(key), name(key))).as(key).isEmpty());
            for (String ingress : List.of("shop", "blog", "secure")) {
                assertThat(fixture.status(ingress)).extracting(IngressLoadBalancerIngress::getIp).isNotEmpty()
                        .allSatisfy(ip -> assertThat(vips).containsValue(ip));
            }
        });
        assertThat(vips(ako.shards())).isEqualTo(vips);
        assertThat(fixture.ingress("secure").getMetadata().getAnnotations()).containsEntry(HostVsAnnotation.NAME, akoAnnotation);
        assertThat(fixture.ingress("blog").getMetadata().getAnnotations()).containsEntry(HostVsAnnotation.NAME,
                "{\"blog.example.com\":\"" + uuids.get("virtualservice/" + Naming.of(fixture.settings).shardVsName("blog.example.com")) + "\"}");
        // the shards AKO never used are created (each serves its 404); every object AKO made is the same object
        assertThat(uuids(List.of("virtualservice", "vsvip", "sslkeyandcertificate"))).containsAllEntriesOf(uuids);
        assertThat(fixture.avi.dnsRecords()).containsExactlyInAnyOrderElementsOf(dns);
        assertThat(fixture.aviWriteLog()).doesNotContain("DELETE /api/virtualservice", "DELETE /api/vsvip", "DELETE /api/sslkeyandcertificate")
                .contains("PUT /api/virtualservice", "PUT /api/vsvip", "DELETE /api/vsdatascriptset");
        ObjectNode parent = fixture.avi("virtualservice", ako.shards().get(0)).orElseThrow();
        assertThat(parent.has("vs_datascripts")).isFalse();

        assertThat(Convergence.remainingWrites(fixture)).isEmpty();
        fixture.clearAviLog();
        fixture.fullSyncNow();
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> assertThat(fixture.aviWriteLog()).isEmpty());
    }

    private void apply(String yaml) {
        fixture.client().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()
                .forEach(item -> fixture.client().resource(item).create());
    }

    private Map<String, String> vips(List<String> shards) {
        Map<String, String> vips = new TreeMap<>();
        shards.forEach(vs -> vips.put(vs, fixture.avi("vsvip", vs).orElseThrow().path("vip").path(0).path("ip_address").path("addr").asText()));
        return vips;
    }

    private Map<String, String> uuids(List<String> types) {
        Map<String, String> uuids = new TreeMap<>();
        types.forEach(type -> fixture.avi.objects(type).forEach(o -> uuids.put(type + "/" + o.path("name").asText(), o.path("uuid").asText())));
        return uuids;
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String type(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    private static String name(String key) {
        return key.substring(key.indexOf('/') + 1);
    }
}
