package io.akocamel.model;

import io.akocamel.admission.Problem;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cluster view with Accepted HostRules and HTTPRules (oldest first) on top of another view. */
record WithRules(ClusterView cluster, List<GenericKubernetesResource> hostRules, List<GenericKubernetesResource> httpRules)
        implements ClusterView {
    public Collection<Ingress> ingresses() {
        return cluster.ingresses();
    }

    public Map<IngressRef, List<Problem>> admissionProblems() {
        return cluster.admissionProblems();
    }

    public Optional<Service> service(String namespace, String name) {
        return cluster.service(namespace, name);
    }

    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        return cluster.endpointSlices(namespace, serviceName);
    }

    public Collection<Node> nodes() {
        return cluster.nodes();
    }

    public Optional<Secret> secret(String namespace, String name) {
        return cluster.secret(namespace, name);
    }

    public List<Pod> pods(String namespace, Map<String, String> selector) {
        return cluster.pods(namespace, selector);
    }

    @Override
    public List<GenericKubernetesResource> acceptedHostRules() {
        return hostRules;
    }

    @Override
    public List<GenericKubernetesResource> acceptedHttpRules() {
        return httpRules;
    }
}
