package io.akocamel.kubeapi;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.akocamel.testing.MockKubernetes;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The indexed look-up answers creates, updates and patches exactly as the stock CRUD mock does. */
class IndexedCrudDispatcherTest {
    private final MockKubernetes kube = MockKubernetes.start();
    private final KubernetesClient client = kube.client();

    @AfterEach
    void close() {
        kube.close();
    }

    @Test
    void creatingANameTwiceInOneNamespaceConflicts() {
        client.resource(configMap("a", "one")).create();
        assertThatThrownBy(() -> client.resource(configMap("a", "two")).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void theSameNameInAnotherNamespaceOrKindIsAnotherObject() {
        client.resource(configMap("a", "one")).create();
        client.resource(configMap("a", "two").edit().editMetadata().withNamespace("other").endMetadata().build()).create();
        client.resource(new NamespaceBuilder().withNewMetadata().withName("a").endMetadata().build()).create();

        client.configMaps().inNamespace("other").withName("a").edit(cm -> new ConfigMapBuilder(cm).addToData("k", "three").build());

        assertThat(client.configMaps().inNamespace("default").withName("a").get().getData()).containsEntry("k", "one");
        assertThat(client.configMaps().inNamespace("other").withName("a").get().getData()).containsEntry("k", "three");
        assertThat(client.namespaces().withName("a").get()).isNotNull();
    }

    @Test
    void aDeletedObjectCannotBeUpdatedAndCanBeCreatedAgain() {
        client.resource(configMap("a", "one")).create();
        client.configMaps().inNamespace("default").withName("a").delete();

        assertThatThrownBy(() -> client.resource(configMap("a", "two")).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        client.resource(configMap("a", "three")).create();
        client.configMaps().inNamespace("default").withName("a").edit(cm -> new ConfigMapBuilder(cm).addToData("k", "four").build());
        assertThat(client.configMaps().inNamespace("default").withName("a").get().getData()).containsEntry("k", "four");
    }

    @Test
    void aStatusPatchFindsItsObjectAndKeepsTheSpec() {
        client.resource(new IngressBuilder().withNewMetadata().withNamespace("default").withName("web").endMetadata()
                .withNewSpec().withIngressClassName("avi-lb").endSpec().build()).create();

        client.network().v1().ingresses().inNamespace("default").withName("web").editStatus(ingress -> new IngressBuilder(ingress)
                .withNewStatus().withNewLoadBalancer().withIngress(new IngressLoadBalancerIngressBuilder().withIp("10.0.0.1").build())
                .endLoadBalancer().endStatus().build());

        var stored = client.network().v1().ingresses().inNamespace("default").withName("web").get();
        assertThat(stored.getStatus().getLoadBalancer().getIngress()).extracting("ip").containsExactly("10.0.0.1");
        assertThat(stored.getSpec().getIngressClassName()).isEqualTo("avi-lb");
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace("default").withName(name).endMetadata()
                .addToData("k", value).build();
    }
}
