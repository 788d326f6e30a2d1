package io.akocamel.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.avi.Payloads;
import io.akocamel.avi.Planner;
import io.akocamel.kube.ClusterUid;
import io.akocamel.simulator.AviSimulator;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two Kubernetes clusters left on the same clusterName, one Avi Controller: neither touches the other's objects. */
class SharedClusterNameTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TYPES = List.of("virtualservice", "vsvip", "pool", "poolgroup", "httppolicyset");
    private ControllerFixture first;
    private ControllerFixture second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.stopController();
            second.kube.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aSecondClusterWithTheSameNameWarnsAndNeverWritesNorDeletesTheFirstClustersObjects() throws Exception {
        first = ControllerFixture.create();
        String firstUid = kubeSystemUid(first);
        first.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        first.startController();
        await().atMost(WAIT).until(() -> !first.status("shop").isEmpty());
        Map<String, String> programmed = objectsOnTheController();
        ObjectNode pool = first.avi("pool", "cluster-1--default-shop.example.com_-shop").orElseThrow();
        assertThat(Payloads.marker(pool, Payloads.CLUSTER_UID_MARKER)).isEqualTo(firstUid).isNotNull();

        second = new ControllerFixture(first.avi, first.avi.baseUrl(), AviSimulator.DEFAULT_PASSWORD);
        assertThat(kubeSystemUid(second)).isNotEqualTo(firstUid);
        second.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
        second.startController();

        await().atMost(WAIT).untilAsserted(() -> assertThat(second.events("shop"))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo(Planner.CLUSTER_NAME_IN_USE))
                .allSatisfy(e -> assertThat(e.getReason()).isNotEqualTo("Synced")));
        second.client().network().v1().ingresses().inNamespace("default").withName("shop").delete();
        second.fullSyncNow();
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> assertThat(objectsOnTheController()).isEqualTo(programmed));
    }

    /** Every object of the first cluster as the controller holds it, by type/name. */
    private Map<String, String> objectsOnTheController() {
        Map<String, String> all = new TreeMap<>();
        for (String type : TYPES) {
            for (ObjectNode object : first.avi.objects(type)) {
                all.put(type + "/" + object.path("name").asText(), object.toString());
            }
        }
        return all;
    }

    private static String kubeSystemUid(ControllerFixture fixture) {
        return fixture.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ClusterUid.NAMESPACE).endMetadata()
                .build()).create().getMetadata().getUid();
    }
}
