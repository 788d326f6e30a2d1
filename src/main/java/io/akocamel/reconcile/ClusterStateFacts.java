package io.akocamel.reconcile;

import io.akocamel.admission.TlsSecretContent;
import io.akocamel.crd.ClusterFacts;
import io.akocamel.model.ClusterView;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The facts of one admission run, read from the cluster state: the hosts of our Ingresses are indexed on first use. */
final class ClusterStateFacts implements ClusterFacts {
    private final ClusterView cluster;
    private Map<String, String> ingressByHost;

    ClusterStateFacts(ClusterView cluster) {
        this.cluster = cluster;
    }

    @Override
    public String secretProblem(String namespace, String name) {
        Optional<Secret> secret = cluster.secret(namespace, name);
        if (secret.isEmpty()) {
            return "does not exist (ako-camel reads Secrets of type kubernetes.io/tls only); create a kubernetes.io/tls Secret with "
                    + "tls.crt and tls.key in namespace " + namespace;
        }
        TlsSecretContent.Pems pems = TlsSecretContent.read(secret.get());
        return pems.valid() ? null : "is not usable: " + pems.problem();
    }

    @Override
    public String ingressOfHost(String host) {
        if (ingressByHost == null) {
            ingressByHost = new HashMap<>();
            for (Ingress ingress : cluster.ingresses()) {
                if (ingress.getSpec().getRules() != null) {
                    for (IngressRule rule : ingress.getSpec().getRules()) {
                        if (rule.getHost() != null && !rule.getHost().isEmpty()) {
                            ingressByHost.putIfAbsent(rule.getHost().toLowerCase(Locale.ROOT),
                                    ingress.getMetadata().getNamespace() + "/" + ingress.getMetadata().getName());
                        }
                    }
                }
            }
        }
        return ingressByHost.get(host);
    }
}
