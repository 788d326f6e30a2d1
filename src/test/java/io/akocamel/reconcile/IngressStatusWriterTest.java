package io.akocamel.reconcile;

import io.akocamel.kube.HostVsAnnotation;
import io.akocamel.kube.Leadership;
import io.akocamel.testing.MockKubernetes;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngressStatusWriterTest {
    private final MockKubernetes kube = MockKubernetes.start();
    private final KubernetesClient client = kube.client();
    private IngressStatusWriter writer;

    @AfterEach
    void stopKubernetes() {
        kube.close();
    }

    @BeforeEach
    void setUp() {
        writer = new IngressStatusWriter(client, Leadership.SOLE, new HostVsAnnotation(client, Leadership.SOLE));
        client.network().v1().ingresses().inNamespace("default").resource(new IngressBuilder()
                .withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().addNewRule().withHost("web.example.com").endRule().endSpec().build()).create();
    }

    private Ingress current() {
        return client.network().v1().ingresses().inNamespace("default").withName("web").get();
    }

    private static IngressLoadBalancerIngress entry(String ip, String host) {
        return new IngressLoadBalancerIngressBuilder().withIp(ip).withHostname(host).build();
    }

    @Test
    void writesTheVipAndHostAndKeepsTheSpec() {
        assertThat(writer.write(current(), List.of(entry("10.10.10.100", "web.example.com")), Map.of())).isTrue();

        assertThat(IngressStatusWriter.shown(current())).containsExactly(entry("10.10.10.100", "web.example.com"));
        assertThat(current().getSpec().getRules()).hasSize(1);
    }

    @Test
    void unchangedStatusIsNotWrittenAgain() {
        writer.write(current(), List.of(entry("10.10.10.100", "web.example.com")), Map.of());
        String version = current().getMetadata().getResourceVersion();

        assertThat(writer.write(current(), List.of(entry("10.10.10.100", "web.example.com")), Map.of())).isFalse();
        assertThat(current().getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void removedHostIsDroppedAndEmptyClears() {
        writer.write(current(), List.of(entry("10.10.10.100", "a.example.com"), entry("10.10.10.101", "b.example.com")), Map.of());
        writer.write(current(), List.of(entry("10.10.10.101", "b.example.com")), Map.of());
        assertThat(IngressStatusWriter.shown(current())).containsExactly(entry("10.10.10.101", "b.example.com"));

        writer.write(current(), List.of(), Map.of());
        assertThat(IngressStatusWriter.shown(current())).isEmpty();
    }

    @Test
    void goneIngressIsIgnored() {
        Ingress gone = current();
        client.network().v1().ingresses().inNamespace("default").withName("web").delete();

        assertThat(writer.write(gone, List.of(entry("10.10.10.100", "web.example.com")), Map.of())).isFalse();
    }

    @Test
    void staleCachedCopyIsReadAgainOnce() {
        Ingress stale = current();
        client.network().v1().ingresses().inNamespace("default").withName("web")
                .edit(i -> new IngressBuilder(i).editMetadata().addToLabels("team", "web").endMetadata().build());

        assertThat(writer.write(stale, List.of(entry("10.10.10.100", "web.example.com")), Map.of())).isTrue();
        assertThat(IngressStatusWriter.shown(current())).containsExactly(entry("10.10.10.100", "web.example.com"));
        assertThat(current().getMetadata().getLabels()).containsEntry("team", "web");
    }

    private String annotation() {
        return current().getMetadata().getAnnotations() == null ? null : current().getMetadata().getAnnotations().get(HostVsAnnotation.NAME);
    }

    @Test
    void akosHostToVsAnnotationIsWrittenWithTheStatusAndRemovedWithIt() {
        List<IngressLoadBalancerIngress> shown = List.of(entry("10.10.10.100", "web.example.com"), entry("10.10.10.100", "a.example.com"));
        writer.write(current(), shown, Map.of("web.example.com", "virtualservice-2", "a.example.com", "virtualservice-1"));
        assertThat(annotation()).isEqualTo("{\"a.example.com\":\"virtualservice-1\",\"web.example.com\":\"virtualservice-2\"}");
        String version = current().getMetadata().getResourceVersion();

        assertThat(writer.write(current(), shown, Map.of("a.example.com", "virtualservice-1", "web.example.com", "virtualservice-2"))).isFalse();
        assertThat(current().getMetadata().getResourceVersion()).isEqualTo(version);

        assertThat(writer.write(current(), List.of(), Map.of())).isTrue();
        assertThat(annotation()).isNull();
        assertThat(IngressStatusWriter.shown(current())).isEmpty();
    }

    @Test
    void aFollowerWritesNeitherStatusNorAnnotation() {
        IngressStatusWriter follower = new IngressStatusWriter(client, () -> false, new HostVsAnnotation(client, () -> false));

        assertThat(follower.write(current(), List.of(entry("10.10.10.100", "web.example.com")), Map.of("web.example.com", "vs-1"))).isFalse();
        assertThat(annotation()).isNull();
    }
}
