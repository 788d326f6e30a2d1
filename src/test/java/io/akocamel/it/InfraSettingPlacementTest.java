package io.akocamel.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.Naming;
import io.akocamel.simulator.RecordedRequest;
import io.akocamel.testing.AkoCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An AviInfraSetting through the real routes against the simulator (examples/50-infra-setting.yaml): its class's
 * Ingresses on their own shared VS, SE group and VIP network, and an Ingress moving to it and back with every write
 * for its new place sent before any write that takes it from the old one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfraSettingPlacementTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SETTING_VS = "cluster-1--Shared-L7-fast-lane-0";
    private static final String NEW_POOL = "cluster-1--fast-lane-default-shop.example.com_-shop";
    private static final String OLD_POOL = "cluster-1--default-shop.example.com_-shop";
    private ControllerFixture fixture;
    private String defaultVs;

    @BeforeAll
    void start() throws Exception {
        fixture = ControllerFixture.startedWithCustomResourceDefinitions();
        defaultVs = Naming.of(fixture.settings).shardVsName("shop.example.com");
        await().atMost(WAIT).until(() -> fixture.avi("pool", OLD_POOL).isPresent());
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void anIngressMovesToTheSettingsVirtualServiceAndBackWithoutATrafficLessWindow() {
        fixture.applyExamples("50-infra-setting.yaml");

        await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
            ObjectNode vs = fixture.avi("virtualservice", SETTING_VS).orElseThrow();
            assertThat(vs.path("se_group_ref").asText()).endsWith("#example-se-group"); // one per cloud: the simulator resolves the VS's
            assertThat(vs.path("enable_rhi").asBoolean()).isTrue();
            ObjectNode vip = fixture.avi("vsvip", SETTING_VS).orElseThrow();
            assertThat(vip.path("vip").path(0).path("ipam_network_subnet").path("network_ref").asText())
                    .endsWith("#example-vip-network");
            assertThat(fixture.status("fast")).extracting(IngressLoadBalancerIngress::getIp).singleElement().asString().startsWith("10.20.20.");
        });
        assertThat(status("fast-lane")).isEqualTo("Accepted");
        assertThat(fixture.status("shop")).extracting(IngressLoadBalancerIngress::getIp).allMatch(ip -> ip.startsWith("10.10.10."));

        fixture.clearAviLog();
        fixture.client().network().v1().ingresses().inNamespace("default").withName("shop").edit(i -> {
            i.getSpec().setIngressClassName("avi-fast-lane");
            return i;
        });
        await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.avi("pool", OLD_POOL)).isEmpty();
            assertThat(fixture.status("shop")).extracting(IngressLoadBalancerIngress::getIp).allMatch(ip -> ip.startsWith("10.20.20."));
        });
        assertNewPlaceWrittenFirst(name -> name.contains("fast-lane"), name -> name.equals(OLD_POOL) || name.startsWith(defaultVs)
                || name.equals("cluster-1--shop.example.com"));
        assertThat(fixture.avi("pool", NEW_POOL)).isPresent();

        fixture.clearAviLog();
        fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "AviInfraSetting").withName("fast-lane").delete();
        await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.avi("virtualservice", SETTING_VS)).isEmpty();
            assertThat(fixture.avi("pool", OLD_POOL)).isPresent();
            assertThat(fixture.status("shop")).extracting(IngressLoadBalancerIngress::getIp).allMatch(ip -> ip.startsWith("10.10.10."));
        });
        assertNewPlaceWrittenFirst(name -> !name.contains("fast-lane"), name -> name.contains("fast-lane"));
    }

    /** Every write for the new place (POST/PUT) comes before the first write for the old one. */
    private void assertNewPlaceWrittenFirst(Predicate<String> newPlace, Predicate<String> oldPlace) {
        List<RecordedRequest> writes = fixture.avi.requestLog().stream().filter(RecordedRequest::isWrite).filter(r -> r.objectName() != null).toList();
        int lastNew = -1;
        int firstOld = Integer.MAX_VALUE;
        for (int i = 0; i < writes.size(); i++) {
            String name = writes.get(i).objectName();
            if (newPlace.test(name) && !writes.get(i).method().equals("DELETE")) {
                lastNew = i;
            }
            if (oldPlace.test(name) && firstOld == Integer.MAX_VALUE) {
                firstOld = i;
            }
        }
        assertThat(lastNew).as("writes for the new place in %s", writes).isNotNegative();
        assertThat(firstOld).as("writes for the old place in %s", writes).isLessThan(Integer.MAX_VALUE);
        assertThat(lastNew).as("last write for the new place before the first for the old one in %s", writes).isLessThan(firstOld);
    }

    private String status(String setting) {
        GenericKubernetesResource resource = fixture.client().genericKubernetesResources(AkoCrds.API_VERSION, "AviInfraSetting").withName(setting).get();
        return String.valueOf(((Map<?, ?>) resource.getAdditionalProperties().get("status")).get("status"));
    }
}
