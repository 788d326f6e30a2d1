package io.akocamel.kube;

import io.akocamel.kube.watch.KubeWatchComponent;
import io.akocamel.testing.MockKubernetes;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The kube-watch endpoint options, on their own. */
class KubeWatchComponentTest {
    private final MockKubernetes kube = MockKubernetes.start();
    private final KubernetesClient client = kube.client();
    CamelContext camel;
    final List<Exchange> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void bindComponent() {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("kube-watch", new KubeWatchComponent(new ClusterState(TestSettings.builder().build(), client)));
    }

    @AfterEach
    void stop() {
        camel.stop();
        kube.close();
    }

    @Test
    void headersAndBodyDescribeTheEvent() throws Exception {
        watch("kube-watch:services");
        client.resource(service("shop", "web", Map.of())).create();

        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        var message = received.get(0).getMessage();
        assertThat(message.getBody()).isInstanceOf(io.fabric8.kubernetes.api.model.Service.class);
        assertThat(message.getHeaders()).containsEntry(KubeHeaders.KIND, "Service").containsEntry(KubeHeaders.ACTION, "ADDED")
                .containsEntry(KubeHeaders.NAMESPACE, "shop").containsEntry(KubeHeaders.NAME, "web")
                .containsKey(KubeHeaders.RESOURCE_VERSION);
    }

    @Test
    void labelSelectorAndNamespaceNarrowTheWatch() throws Exception {
        watch("kube-watch:services?namespace=shop&labelSelector=tier=web");
        client.resource(service("shop", "db", Map.of("tier", "db"))).create();
        client.resource(service("other", "web", Map.of("tier", "web"))).create();
        client.resource(service("shop", "web", Map.of("tier", "web"))).create();

        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        assertThat(received).extracting(e -> e.getMessage().getHeader(KubeHeaders.NAMESPACE) + "/" + e.getMessage().getHeader(KubeHeaders.NAME))
                .containsExactly("shop/web");
    }

    @Test
    void resyncRedeliversUnchangedObjects() throws Exception {
        client.resource(service("shop", "web", Map.of())).create();
        watch("kube-watch:services?resyncPeriod=1000");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .anyMatch(e -> "RESYNC".equals(e.getMessage().getHeader(KubeHeaders.ACTION))));
    }

    @Test
    void unknownKindIsAClearError() {
        assertThatThrownBy(() -> watch("kube-watch:widgets")).isInstanceOf(FailedToCreateRouteException.class)
                .rootCause().hasMessageContaining("kube-watch:widgets is not a watched kind; use one of ingresses, ingressclasses");
    }

    private void watch(String uri) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> received.add(e.copy()));
            }
        });
        camel.start();
    }

    private static io.fabric8.kubernetes.api.model.Service service(String namespace, String name, Map<String, String> labels) {
        return new ServiceBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build();
    }
}
