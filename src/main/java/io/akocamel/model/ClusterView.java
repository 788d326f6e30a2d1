package io.akocamel.model;

import io.akocamel.admission.Problem;
import io.akocamel.crd.InfraSetting;
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

/**
 * The read-only cluster state the model is computed from. Implemented over the informer stores by the Kubernetes
 * ingestion, and by a plain in-memory snapshot for the offline {@code plan} command, tests and benchmarks.
 * Values are fabric8 model objects used as plain data: the model never performs I/O through them.
 *
 * <p>Both implementations admit Ingresses with the {@code io.akocamel.admission} rules, so the same objects give the
 * same Ingresses. Services and Secrets are returned as they are, usable or not: the model asks admission whether
 * they are usable and warns once, on the Ingresses that use them.
 *
 * <p>Contract: objects are never modified in place; a changed object is a new object (as informer caches provide
 * them). {@link ModelBuilder} relies on it to reuse what it computed from an unchanged object, so returning the same
 * instances for unchanged objects is what makes rebuilds fast (new but equal instances are correct, only slower).
 */
public interface ClusterView {

    /**
     * Every Ingress that is ours (class, namespace selector and blocked namespaces already applied), without the
     * rules, paths and TLS hosts that admission rejects.
     */
    Collection<Ingress> ingresses();

    /** What admission cut from the Ingresses that are ours, for those it cut something from; the model does not repeat it. */
    Map<IngressRef, List<Problem>> admissionProblems();

    /**
     * The eligible Ingresses that contribute to one shard VS: those with a rule or TLS host hashed to it, and those
     * with host-less rules or a default backend (they are served on every shard). Implementations with an index
     * override this; the default scans {@link #ingresses()}.
     */
    default Collection<Ingress> ingressesOfShard(String shardVsName, ShardNamer namer) {
        return ingresses().stream().filter(ing -> namer.shardsOf(ing).contains(shardVsName) || namer.isOnEveryShard(ing)).toList();
    }

    Optional<Service> service(String namespace, String name);

    /** EndpointSlices labelled {@code kubernetes.io/service-name=<serviceName>} in the namespace. */
    List<EndpointSlice> endpointSlices(String namespace, String serviceName);

    Collection<Node> nodes();

    Optional<Secret> secret(String namespace, String name);

    /** Pods in the namespace whose labels contain the selector (NodePortLocal mode); empty selector = none. */
    List<Pod> pods(String namespace, Map<String, String> selector);

    /** The HostRules whose status shows {@code Accepted}, oldest first; none where the cluster has none (or no definition). */
    default List<GenericKubernetesResource> acceptedHostRules() {
        return List.of();
    }

    /** The HTTPRules whose status shows {@code Accepted}; none where the cluster has none (or no definition). */
    default List<GenericKubernetesResource> acceptedHttpRules() {
        return List.of();
    }

    /** Where an Ingress's objects go: the default shared VSes, or those of the Accepted AviInfraSetting it names. */
    default Placement placementOf(Ingress ingress) {
        return Placement.DEFAULT;
    }

    /** Whether the cluster holds any AviInfraSetting, whatever its verdict (none: every Ingress has the default placement). */
    default boolean holdsInfraSettings() {
        return false;
    }

    /** The AviInfraSettings that count as Accepted (whose VSes an Ingress may be placed on), by name. */
    default List<InfraSetting> acceptedInfraSettings() {
        return List.of();
    }

    /** Maps Ingresses to the shard VSes their hosts land on. */
    interface ShardNamer {
        /** Names of the shard VSes this Ingress's hosts land on. */
        java.util.Set<String> shardsOf(Ingress ingress);

        /** True when the Ingress has host-less rules or a default backend, which every shard parent serves. */
        boolean isOnEveryShard(Ingress ingress);
    }
}
