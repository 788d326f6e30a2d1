package io.akocamel.it;

import io.akocamel.kube.DeletionStatus;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What AKO tells on its own pod and StatefulSet, through the real routes: the start (settings validated, ready, status
 * synced) and a deleteConfig set, finished and unset in {@code avi-k8s-config}.
 */
class DeleteConfigFootprintsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    ControllerFixture fixture;
    Watch watch;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theStartAndADeleteConfigAreToldOnThePodAndTheStatefulSetAsAko() throws Exception {
        fixture = ControllerFixture.create();
        var statefulSets = fixture.client().apps().statefulSets().inNamespace("avi-system");
        statefulSets.resource(new StatefulSetBuilder().withNewMetadata().withName("ako").withNamespace("avi-system").endMetadata().build()).create();
        List<String> annotations = new CopyOnWriteArrayList<>();
        watch = statefulSets.withName("ako").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, StatefulSet set) {
                var all = set.getMetadata().getAnnotations();
                String value = all == null ? null : all.get(DeletionStatus.ANNOTATION);
                annotations.add(value == null ? "none" : value);
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
        fixture.applyExamples();
        fixture.startControllerInPod("avi-system", "ako-0");

        await().atMost(WAIT).untilAsserted(() -> assertThat(podReasons()).contains("ValidatedUserInput", "AKOReady", "StatusSync"));
        assertThat(fixture.status("shop")).isNotEmpty();
        assertThat(podReasons()).doesNotContain("AKODeleteConfigSet");

        deleteConfig("true");
        await().atMost(WAIT).untilAsserted(() -> assertThat(podReasons()).contains("AKODeleteConfigSet", "AKODeleteConfigDone"));
        for (String type : List.of("virtualservice", "vsvip", "pool", "poolgroup", "httppolicyset", "sslkeyandcertificate")) {
            assertThat(fixture.ownedObjects(type)).as(type).isEmpty();
        }
        assertThat(annotation()).isEqualTo(DeletionStatus.DONE);
        assertThat(annotations).containsSubsequence(DeletionStatus.STARTED, DeletionStatus.DONE);
        assertThat(podEvent("AKODeleteConfigDone").getMessage()).isEqualTo("Every Avi object of this cluster was removed from the Avi Controller");

        deleteConfig("false");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(podReasons()).contains("AKODeleteConfigUnset");
            assertThat(annotation()).isNull();
        });
        await().atMost(WAIT).until(() -> !fixture.ownedObjects("virtualservice").isEmpty());
        assertThat(podEvent("AKODeleteConfigSet").getType()).isEqualTo("Normal");
        assertThat(podEvent("AKODeleteConfigSet").getInvolvedObject().getKind()).isEqualTo("Pod");
    }

    private void deleteConfig(String value) {
        fixture.client().configMaps().inNamespace("avi-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("avi-k8s-config").withNamespace("avi-system").endMetadata().addToData("deleteConfig", value).build()).createOr(NonDeletingOperation::update);
    }

    private String annotation() {
        var all = fixture.client().apps().statefulSets().inNamespace("avi-system").withName("ako").get().getMetadata().getAnnotations();
        return all == null ? null : all.get(DeletionStatus.ANNOTATION);
    }

    private List<String> podReasons() {
        return fixture.events("ako-0").stream().map(Event::getReason).toList();
    }

    private Event podEvent(String reason) {
        return fixture.events("ako-0").stream().filter(e -> reason.equals(e.getReason())).findFirst().orElseThrow();
    }
}
