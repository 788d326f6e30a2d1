package io.akocamel.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The informer indexes, for the questions the model and the ingestion ask: Ingresses by backend Service, TLS Secret,
 * IngressClass and shard; EndpointSlices by Service; Pods by label; anything by namespace (fabric8's own index).
 * Index values are {@code namespace/name} keys, as {@link #keyOf} builds them.
 */
final class KubeIndexes {
    static final String INGRESS_BY_SERVICE = "ingressByService";
    static final String INGRESS_BY_SECRET = "ingressBySecret";
    static final String INGRESS_BY_CLASS = "ingressByClass";
    static final String INGRESS_BY_SHARD = "ingressByShard";
    static final String SLICE_BY_SERVICE = "endpointSliceByService";
    static final String POD_BY_LABEL = "podByLabel";
    static final String BY_NAMESPACE = "namespace";
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private KubeIndexes() {
    }

    /** Adds the indexes of a kind to its informer; Ingresses are indexed by shard with {@code shardKeys}. */
    @SuppressWarnings("unchecked")
    static void addTo(KubeKind kind, SharedIndexInformer<? extends HasMetadata> informer, Function<Ingress, List<String>> shardKeys) {
        switch (kind) {
            case INGRESS -> ((SharedIndexInformer<Ingress>) informer).addIndexers(Map.of(
                    INGRESS_BY_SERVICE, KubeIndexes::backendServiceKeys,
                    INGRESS_BY_SECRET, KubeIndexes::tlsSecretKeys,
                    INGRESS_BY_CLASS, ing -> List.of(classNameOf(ing)),
                    INGRESS_BY_SHARD, shardKeys));
            case ENDPOINT_SLICE -> ((SharedIndexInformer<EndpointSlice>) informer).addIndexers(Map.of(
                    SLICE_BY_SERVICE, slice -> serviceOfSlice(slice).map(List::of).orElse(List.of())));
            case POD -> ((SharedIndexInformer<Pod>) informer).addIndexers(Map.of(POD_BY_LABEL, KubeIndexes::labelKeys));
            default -> {
            }
        }
    }

    static String keyOf(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? object.getMetadata().getName() : namespace + "/" + object.getMetadata().getName();
    }

    static String classNameOf(Ingress ingress) {
        String name = ingress.getSpec() == null ? null : ingress.getSpec().getIngressClassName();
        return name == null ? "" : name;
    }

    /** {@code namespace/service} of every backend of the Ingress, default backend included. */
    static List<String> backendServiceKeys(Ingress ingress) {
        if (ingress.getSpec() == null) {
            return List.of();
        }
        String namespace = ingress.getMetadata().getNamespace();
        Set<String> keys = new TreeSet<>();
        addServiceKey(keys, namespace, ingress.getSpec().getDefaultBackend());
        if (ingress.getSpec().getRules() != null) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
                    for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                        addServiceKey(keys, namespace, path.getBackend());
                    }
                }
            }
        }
        return List.copyOf(keys);
    }

    private static void addServiceKey(Set<String> keys, String namespace, IngressBackend backend) {
        if (backend != null && backend.getService() != null && backend.getService().getName() != null) {
            keys.add(namespace + "/" + backend.getService().getName());
        }
    }

    private static List<String> tlsSecretKeys(Ingress ingress) {
        if (ingress.getSpec() == null || ingress.getSpec().getTls() == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (IngressTLS tls : ingress.getSpec().getTls()) {
            if (tls.getSecretName() != null && !tls.getSecretName().isEmpty()) {
                keys.add(ingress.getMetadata().getNamespace() + "/" + tls.getSecretName());
            }
        }
        return keys;
    }

    static Optional<String> serviceOfSlice(EndpointSlice slice) {
        Map<String, String> labels = slice.getMetadata().getLabels();
        String service = labels == null ? null : labels.get(SERVICE_NAME_LABEL);
        return service == null ? Optional.empty() : Optional.of(slice.getMetadata().getNamespace() + "/" + service);
    }

    /** {@code namespace/key=value} of every label of the Pod. */
    static List<String> labelKeys(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        if (labels == null || labels.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(labels.size());
        labels.forEach((k, v) -> keys.add(pod.getMetadata().getNamespace() + "/" + k + "=" + v));
        return keys;
    }

    /** Whether the labels contain the selector; an empty selector selects nothing. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty() || labels == null) {
            return false;
        }
        for (var entry : selector.entrySet()) {
            if (!Objects.equals(labels.get(entry.getKey()), entry.getValue())) {
                return false;
            }
        }
        return true;
    }
}
