package io.akocamel.kube;

import io.akocamel.admission.Ingresses;
import io.akocamel.config.SettingsLoader;
import io.akocamel.testing.MockKubernetes;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventRecorderTest {
    private final MockKubernetes kube = MockKubernetes.start();
    private final KubernetesClient client = kube.client();

    @AfterEach
    void stopKubernetes() {
        kube.close();
    }

    @Test
    void warningBecomesAnEventOnTheObject() throws Exception {
        Ingress ingress = client.resource(Ingresses.ingress("shop", "web", "avi-lb", "foo.example.com", "svc")).create();
        try (EventRecorder recorder = recorder(true)) {
            recorder.warning(ingress, "InvalidHost", "spec.rules[1].host \"*\" is \"*\" alone");
            assertThat(recorder.flush(10, TimeUnit.SECONDS)).isTrue();
        }

        Event event = events("shop").get(0);
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getReason()).isEqualTo("InvalidHost");
        assertThat(event.getMessage()).isEqualTo("spec.rules[1].host \"*\" is \"*\" alone");
        assertThat(event.getCount()).isEqualTo(1);
        assertThat(event.getSource().getComponent()).isEqualTo(EventRecorder.COMPONENT);
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("Ingress");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("web");
        assertThat(event.getInvolvedObject().getUid()).isEqualTo(ingress.getMetadata().getUid());
    }

    @Test
    void repeatOfTheSameWarningBumpsTheCount() throws Exception {
        Ingress ingress = client.resource(Ingresses.ingress("repeat", "web", "avi-lb", "foo.example.com", "svc")).create();
        try (EventRecorder recorder = recorder(true)) {
            recorder.warning(ingress, "InvalidHost", "same message");
            recorder.warning(ingress, "InvalidHost", "same message");
            recorder.warning(ingress, "InvalidHost", "same message");
            recorder.warning(ingress, "InvalidHost", "another message");
            assertThat(recorder.flush(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(events("repeat")).extracting(Event::getMessage, Event::getCount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("same message", 3),
                        org.assertj.core.groups.Tuple.tuple("another message", 1));
    }

    @Test
    void disabledEventsSuppressNormalEventsButNotWarnings() throws Exception {
        Ingress ingress = client.resource(Ingresses.ingress("quiet", "web", "avi-lb", "foo.example.com", "svc")).create();
        try (EventRecorder recorder = recorder(false)) {
            recorder.normal(ingress, "Synced", "Added virtualservice cluster-1--Shared-L7-0 for foo.example.com");
            recorder.warning(ingress, "InvalidHost", "bad host");
            assertThat(recorder.flush(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(events("quiet")).extracting(Event::getReason).containsExactly("InvalidHost");
    }

    private EventRecorder recorder(boolean enableEvents) {
        return new EventRecorder(client, TestSettings.builder().set("AKOSettings.enableEvents", String.valueOf(enableEvents)).build(), Leadership.SOLE);
    }

    private List<Event> events(String namespace) {
        return client.v1().events().inNamespace(namespace).list().getItems();
    }
}
