package io.akocamel.admission;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;

/** Ingresses for tests. */
public final class Ingresses {
    private Ingresses() {
    }

    /** One rule: {@code host}, path {@code /} (Prefix) to port 80 of {@code service}. */
    public static Ingress ingress(String namespace, String name, String className, String host, String service) {
        return new IngressBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withIngressClassName(className)
                .addNewRule().withHost(host).withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(service).withNewPort().withNumber(80).endPort().endService().endBackend()
                .endPath().endHttp().endRule()
                .endSpec().build();
    }
}
