package io.akocamel.model;

import io.akocamel.admission.IngressEligibility;
import io.akocamel.admission.IngressValidation;
import io.akocamel.admission.Problem;
import io.akocamel.config.Settings;
import io.akocamel.crd.AkoResources;
import io.akocamel.crd.InfraSetting;
import io.akocamel.crd.InfraSettingSelection;
import io.akocamel.crd.Verdict;
import io.akocamel.crd.Verdicts;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An immutable, in-memory {@link ClusterView} built from plain fabric8 objects: for the offline {@code plan} command
 * (manifests loaded with fabric8 {@code Serialization}), tests and benchmarks. Kinds other than Ingress, IngressClass,
 * Namespace, Service, EndpointSlice, Node, Secret, Pod and AKO's HostRule, HTTPRule, AviInfraSetting are ignored; an
 * object without a namespace is in {@code default}.
 *
 * <p>Ingresses are admitted as by the running controller ({@link IngressEligibility}, {@link IngressValidation}), with
 * one allowance for manifests, which rarely carry the cluster's IngressClasses: a snapshot without any IngressClass
 * counts as a cluster whose default class is ours.
 *
 * <p>{@link #with} and {@link #without} are cheap: a new snapshot shares the old one's maps and records its changes in
 * a small overlay, folded into new maps from time to time. {@link #ingressesOfShard} is answered from an index per
 * {@link Naming}, updated the same way.
 */
public final class ClusterSnapshot implements ClusterView {
    private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    /** Changed Ingresses beyond which the eligible set and shard indexes are rebuilt rather than updated. */
    private static final int INCREMENTAL_LIMIT = 64;

    /**
     * namespace/name without building a string. The hash multiplies by a large odd constant: a record's default
     * {@code 31 * a + b} collides for names with number suffixes ({@code ns-13/svc-100} and {@code ns-12/svc-131}).
     */
    private record Key(String namespace, String name) {
        @Override
        public int hashCode() {
            return namespace.hashCode() * 0x9E3779B1 + name.hashCode();
        }
    }

    private final IngressEligibility eligibility;
    private final Layered<Ingress> allIngresses;
    private final Layered<IngressClass> classes;
    private final Layered<Namespace> namespaces;
    private final Layered<Service> services;
    private final Layered<EndpointSlice> slices;
    private final Layered<Node> nodes;
    private final Layered<Secret> secrets;
    private final Layered<Pod> pods;
    /** The Ingresses that are ours, validated; keyed as {@code allIngresses}. */
    private final Layered<IngressValidation.Validated> admitted;
    private final Layered<List<EndpointSlice>> slicesByService;
    private final Layered<List<Pod>> podsByNamespace;
    private final Map<Naming, ShardIndex> indexes;
    /** AKO's HostRules, HTTPRules and AviInfraSettings by {@code Kind/namespace/name}. */
    private final Map<String, GenericKubernetesResource> customResources;
    private volatile List<Ingress> ingressList;
    private volatile List<Node> nodeList;

    private ClusterSnapshot(IngressEligibility eligibility, Layered<Ingress> allIngresses, Layered<IngressClass> classes,
                            Layered<Namespace> namespaces, Layered<Service> services, Layered<EndpointSlice> slices,
                            Layered<Node> nodes, Layered<Secret> secrets, Layered<Pod> pods,
                            Layered<IngressValidation.Validated> admitted, Layered<List<EndpointSlice>> slicesByService,
                            Layered<List<Pod>> podsByNamespace, Map<Naming, ShardIndex> indexes,
                            Map<String, GenericKubernetesResource> customResources) {
        this.eligibility = eligibility;
        this.allIngresses = allIngresses;
        this.classes = classes;
        this.namespaces = namespaces;
        this.services = services;
        this.slices = slices;
        this.nodes = nodes;
        this.secrets = secrets;
        this.pods = pods;
        this.admitted = admitted;
        this.slicesByService = slicesByService;
        this.podsByNamespace = podsByNamespace;
        this.indexes = new ConcurrentHashMap<>(indexes);
        this.customResources = customResources;
    }

    /**
     * A snapshot of these objects (later ones replace earlier ones with the same kind, namespace and name), admitting
     * Ingresses by the settings' IngressClass name, namespace selector and blocked namespaces.
     */
    public static ClusterSnapshot of(Settings settings, Collection<? extends HasMetadata> objects) {
        return new ClusterSnapshot(new IngressEligibility(settings), Layered.empty(), Layered.empty(), Layered.empty(),
                Layered.empty(), Layered.empty(), Layered.empty(), Layered.empty(), Layered.empty(), Layered.empty(),
                Layered.empty(), Layered.empty(), Map.of(), Map.of()).with(objects);
    }

    /** This snapshot with these objects added or replaced. */
    public ClusterSnapshot with(HasMetadata... objects) {
        return with(List.of(objects));
    }

    public ClusterSnapshot with(Collection<? extends HasMetadata> objects) {
        return change(objects, true);
    }

    /** This snapshot without these objects (matched by kind, namespace and name). */
    public ClusterSnapshot without(HasMetadata... objects) {
        return change(List.of(objects), false);
    }

    private ClusterSnapshot change(Collection<? extends HasMetadata> objects, boolean add) {
        Map<Object, Ingress> ingressChanges = new HashMap<>();
        Map<Object, IngressClass> classChanges = new HashMap<>();
        Map<Object, Namespace> namespaceChanges = new HashMap<>();
        Map<Object, Service> serviceChanges = new HashMap<>();
        Map<Object, EndpointSlice> sliceChanges = new HashMap<>();
        Map<Object, Node> nodeChanges = new HashMap<>();
        Map<Object, Secret> secretChanges = new HashMap<>();
        Map<Object, Pod> podChanges = new HashMap<>();
        Map<String, GenericKubernetesResource> newCustom = new TreeMap<>(customResources);
        for (HasMetadata o : objects) {
            Key key = key(o);
            if (o instanceof Ingress i) {
                ingressChanges.put(key, add ? i : null);
            } else if (o instanceof IngressClass c) {
                classChanges.put(c.getMetadata().getName(), add ? c : null);
            } else if (o instanceof Namespace n) {
                namespaceChanges.put(n.getMetadata().getName(), add ? n : null);
            } else if (o instanceof Service s) {
                serviceChanges.put(key, add ? s : null);
            } else if (o instanceof EndpointSlice s) {
                sliceChanges.put(key, add ? s : null);
            } else if (o instanceof Node n) {
                nodeChanges.put(n.getMetadata().getName(), add ? n : null);
            } else if (o instanceof Secret s) {
                secretChanges.put(key, add ? s : null);
            } else if (o instanceof Pod p) {
                podChanges.put(key, add ? p : null);
            } else if (o instanceof GenericKubernetesResource r && o.getApiVersion() != null && o.getApiVersion().startsWith(AkoResources.GROUP + "/")) {
                String customKey = Verdicts.keyOf(r);
                if (add) {
                    newCustom.put(customKey, r);
                } else {
                    newCustom.remove(customKey);
                }
            }
        }
        var newAll = allIngresses.with(ingressChanges);
        var newClasses = classes.with(classChanges);
        var newNamespaces = namespaces.with(namespaceChanges);
        var newSlices = slices.with(sliceChanges);
        var newPods = pods.with(podChanges);
        var newSlicesByService = slicesByService.with(regroup(sliceChanges, slices, k -> key(k.getMetadata().getNamespace(), serviceName(k))));
        var newPodsByNamespace = podsByNamespace.with(regroup(podChanges, pods, p -> namespace(p)));

        Function<Ingress, IngressEligibility.Verdict> decide = decider(newClasses, newNamespaces);
        Layered<IngressValidation.Validated> newAdmitted;
        Map<Naming, ShardIndex> updated = new HashMap<>();
        if (!classChanges.isEmpty() || !namespaceChanges.isEmpty() || ingressChanges.size() > INCREMENTAL_LIMIT
                || !newCustom.equals(customResources)) {
            Map<Object, IngressValidation.Validated> all = new HashMap<>();
            newAll.forEach((k, i) -> {
                if (decide.apply(i).isOurs()) {
                    all.put(k, IngressValidation.validate(i));
                }
            });
            newAdmitted = Layered.of(all);
        } else {
            // a few Ingresses changed: update the admitted set and the shard indexes instead of rebuilding them
            Map<Object, IngressValidation.Validated> admittedChanges = new HashMap<>();
            updated.putAll(indexes);
            for (Map.Entry<Object, Ingress> change : ingressChanges.entrySet()) {
                IngressValidation.Validated before = admitted.get(change.getKey());
                IngressValidation.Validated after = change.getValue() != null && decide.apply(change.getValue()).isOurs()
                        ? IngressValidation.validate(change.getValue()) : null;
                admittedChanges.put(change.getKey(), after);
                for (Map.Entry<Naming, ShardIndex> e : updated.entrySet()) {
                    e.setValue(e.getValue().replace(e.getKey(), before == null ? null : before.ingress(),
                            after == null ? null : after.ingress()));
                }
            }
            newAdmitted = admitted.with(admittedChanges);
        }
        return new ClusterSnapshot(eligibility, newAll, newClasses, newNamespaces, services.with(serviceChanges), newSlices,
                nodes.with(nodeChanges), secrets.with(secretChanges), newPods, newAdmitted, newSlicesByService,
                newPodsByNamespace, updated, Collections.unmodifiableMap(newCustom));
    }

    private Function<Ingress, IngressEligibility.Verdict> decider(Layered<IngressClass> classes, Layered<Namespace> namespaces) {
        List<IngressClass> all = new ArrayList<>();
        classes.forEach((k, c) -> all.add(c));
        boolean ourDefault = all.isEmpty() || all.stream().anyMatch(IngressEligibility::isOurDefault);
        return ingress -> eligibility.decide(ingress, classes::get, namespaces::get, ourDefault);
    }

    /** The new member lists of the groups (service, namespace) that the changed objects leave or join. */
    private static <T extends HasMetadata> Map<Object, List<T>> regroup(Map<Object, T> changes, Layered<T> before,
                                                                        Function<T, Object> group) {
        if (changes.isEmpty()) {
            return Map.of();
        }
        Map<Object, List<T>> groups = new HashMap<>();
        for (Map.Entry<Object, T> change : changes.entrySet()) {
            T old = before.get(change.getKey());
            if (old != null) {
                groups.computeIfAbsent(group.apply(old), g -> new ArrayList<>());
            }
            if (change.getValue() != null) {
                groups.computeIfAbsent(group.apply(change.getValue()), g -> new ArrayList<>());
            }
        }
        Layered<T> after = before.with(changes);
        after.forEach((k, o) -> {
            List<T> members = groups.get(group.apply(o));
            if (members != null) {
                members.add(o);
            }
        });
        Map<Object, List<T>> result = new HashMap<>();
        groups.forEach((g, members) -> {
            members.sort(Comparator.comparing(o -> o.getMetadata().getName()));
            result.put(g, members.isEmpty() ? null : List.copyOf(members));
        });
        return result;
    }

    /**
     * Without a controller to look the named Avi objects up, a snapshot counts AKO's resources as Accepted unless their
     * status says Rejected; of two HostRules for one fqdn both are kept, the older first.
     */
    @Override
    public List<GenericKubernetesResource> acceptedHostRules() {
        return customResources("HostRule").sorted(Comparator.comparing((GenericKubernetesResource r) -> String.valueOf(r.getMetadata().getCreationTimestamp()))
                .thenComparing(Verdicts::keyOf)).toList();
    }

    @Override
    public List<InfraSetting> acceptedInfraSettings() {
        return customResources("AviInfraSetting").map(InfraSetting::of).toList();
    }

    @Override
    public boolean holdsInfraSettings() {
        return customResources.values().stream().anyMatch(r -> "AviInfraSetting".equals(r.getKind()));
    }

    @Override
    public Placement placementOf(Ingress ingress) {
        if (customResources.isEmpty()) {
            return Placement.DEFAULT;
        }
        List<IngressClass> all = new ArrayList<>();
        classes.forEach((k, c) -> all.add(c));
        IngressClass ourDefault = all.stream().filter(IngressEligibility::isOurDefault).min(Comparator.comparing(c -> c.getMetadata().getName()))
                .orElse(null);
        String name = InfraSettingSelection.nameOf(ingress, classes::get, ourDefault, namespaces::get);
        return Placement.of(name, n -> customResources.get("AviInfraSetting/" + n), true);
    }

    /** AKO's resources in the snapshot that count as Accepted, as {@code Kind/namespace/name}. */
    public List<String> customResources() {
        return customResources.entrySet().stream().filter(e -> !Verdict.REJECTED.equals(AkoResources.status(e.getValue()))).map(Map.Entry::getKey)
                .toList();
    }

    /** The resources of a kind whose status does not say Rejected. */
    private Stream<GenericKubernetesResource> customResources(String kind) {
        return customResources.values().stream().filter(r -> kind.equals(r.getKind()) && !Verdict.REJECTED.equals(AkoResources.status(r)));
    }

    @Override
    public Collection<Ingress> ingresses() {
        List<Ingress> list = ingressList;
        if (list == null) {
            List<Ingress> all = new ArrayList<>();
            admitted.forEach((k, v) -> all.add(v.ingress()));
            all.sort(Comparator.comparing((Ingress i) -> namespace(i)).thenComparing(i -> i.getMetadata().getName()));
            ingressList = list = Collections.unmodifiableList(all);
        }
        return list;
    }

    @Override
    public Collection<Ingress> ingressesOfShard(String shardVsName, ShardNamer namer) {
        if (!(namer instanceof Naming naming)) {
            return ClusterView.super.ingressesOfShard(shardVsName, namer);
        }
        ShardIndex index = indexes.computeIfAbsent(naming, n -> ShardIndex.of(n, ingresses()));
        List<Ingress> shard = index.byShard().getOrDefault(shardVsName, List.of());
        if (index.everyShard().isEmpty()) {
            return Collections.unmodifiableList(shard);
        }
        Set<Ingress> result = Collections.newSetFromMap(new IdentityHashMap<>());
        result.addAll(shard);
        result.addAll(index.everyShard());
        return result;
    }

    @Override
    public Map<IngressRef, List<Problem>> admissionProblems() {
        Map<IngressRef, List<Problem>> problems = new TreeMap<>();
        admitted.forEach((k, v) -> {
            if (!v.isClean()) {
                problems.put(IngressRef.of(v.ingress()), v.problems());
            }
        });
        return problems;
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return Optional.ofNullable(services.get(new Key(namespace, name)));
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        List<EndpointSlice> list = slicesByService.get(new Key(namespace, serviceName));
        return list == null ? List.of() : list;
    }

    @Override
    public Collection<Node> nodes() {
        List<Node> list = nodeList;
        if (list == null) {
            List<Node> all = new ArrayList<>();
            nodes.forEach((k, n) -> all.add(n));
            all.sort(Comparator.comparing(n -> n.getMetadata().getName()));
            nodeList = list = Collections.unmodifiableList(all);
        }
        return list;
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(secrets.get(new Key(namespace, name)));
    }

    @Override
    public List<Pod> pods(String namespace, Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        List<Pod> inNamespace = podsByNamespace.get(namespace);
        if (inNamespace == null) {
            return List.of();
        }
        List<Pod> selected = new ArrayList<>();
        for (Pod pod : inNamespace) {
            Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
            if (labels.entrySet().containsAll(selector.entrySet())) {
                selected.add(pod);
            }
        }
        return selected;
    }

    private static String namespace(HasMetadata o) {
        String namespace = o.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    private static Key key(HasMetadata o) {
        return new Key(namespace(o), o.getMetadata().getName());
    }

    private static Key key(String namespace, String name) {
        return new Key(namespace == null || namespace.isEmpty() ? "default" : namespace, name);
    }

    private static String serviceName(EndpointSlice slice) {
        Map<String, String> labels = slice.getMetadata().getLabels();
        return labels == null ? "" : labels.getOrDefault(SERVICE_NAME_LABEL, "");
    }

    /**
     * An immutable map made of a shared base and a small overlay of changes (a null value = removed); {@link #with}
     * copies only the overlay, and folds everything into a new base once the overlay has grown.
     */
    private static final class Layered<V> {
        private static final int MAX_OVERLAY = 256;
        private static final Layered<?> EMPTY = new Layered<>(Map.of(), Map.of());

        private final Map<Object, V> base;
        private final Map<Object, V> overlay;

        private Layered(Map<Object, V> base, Map<Object, V> overlay) {
            this.base = base;
            this.overlay = overlay;
        }

        @SuppressWarnings("unchecked")
        static <V> Layered<V> empty() {
            return (Layered<V>) EMPTY;
        }

        static <V> Layered<V> of(Map<Object, V> map) {
            return new Layered<>(map, Map.of());
        }

        V get(Object key) {
            if (!overlay.isEmpty()) {
                V value = overlay.get(key);
                if (value != null || overlay.containsKey(key)) {
                    return value;
                }
            }
            return base.get(key);
        }

        Layered<V> with(Map<Object, V> changes) {
            if (changes.isEmpty()) {
                return this;
            }
            if (overlay.size() + changes.size() <= MAX_OVERLAY) {
                Map<Object, V> next = new HashMap<>(overlay);
                next.putAll(changes);
                return new Layered<>(base, next);
            }
            Map<Object, V> folded = new HashMap<>(base);
            overlay.forEach((k, v) -> put(folded, k, v));
            changes.forEach((k, v) -> put(folded, k, v));
            return new Layered<>(folded, Map.of());
        }

        private static <V> void put(Map<Object, V> map, Object key, V value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }

        void forEach(java.util.function.BiConsumer<Object, V> action) {
            base.forEach((k, v) -> {
                if (overlay.isEmpty() || !overlay.containsKey(k)) {
                    action.accept(k, v);
                }
            });
            overlay.forEach((k, v) -> {
                if (v != null) {
                    action.accept(k, v);
                }
            });
        }
    }

    /** The eligible Ingresses per shard VS for one naming, and those on every shard. Immutable. */
    private record ShardIndex(Map<String, List<Ingress>> byShard, List<Ingress> everyShard) {

        static ShardIndex of(Naming naming, Collection<Ingress> ingresses) {
            Map<String, List<Ingress>> byShard = new HashMap<>();
            List<Ingress> everyShard = new ArrayList<>();
            for (Ingress ingress : ingresses) {
                for (String shard : naming.shardsOf(ingress)) {
                    byShard.computeIfAbsent(shard, s -> new ArrayList<>()).add(ingress);
                }
                if (naming.isOnEveryShard(ingress)) {
                    everyShard.add(ingress);
                }
            }
            return new ShardIndex(byShard, everyShard);
        }

        /** A copy with {@code before} (if any) replaced by {@code after} (if any); only the touched lists are copied. */
        ShardIndex replace(Naming naming, Ingress before, Ingress after) {
            Map<String, List<Ingress>> byShard = new HashMap<>(this.byShard);
            List<Ingress> everyShard = this.everyShard;
            if (before != null) {
                for (String shard : naming.shardsOf(before)) {
                    List<Ingress> list = new ArrayList<>(byShard.getOrDefault(shard, List.of()));
                    list.removeIf(i -> i == before);
                    byShard.put(shard, list);
                }
                if (everyShard.stream().anyMatch(i -> i == before)) {
                    everyShard = new ArrayList<>(everyShard);
                    everyShard.removeIf(i -> i == before);
                }
            }
            if (after != null) {
                for (String shard : naming.shardsOf(after)) {
                    List<Ingress> list = new ArrayList<>(byShard.getOrDefault(shard, List.of()));
                    list.add(after);
                    byShard.put(shard, list);
                }
                if (naming.isOnEveryShard(after)) {
                    everyShard = new ArrayList<>(everyShard);
                    everyShard.add(after);
                }
            }
            return new ShardIndex(byShard, everyShard);
        }
    }
}
