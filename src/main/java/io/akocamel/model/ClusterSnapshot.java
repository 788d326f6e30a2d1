package io.akocamel.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, in-memory {@link ClusterView} built from plain fabric8 objects: for the offline {@code plan} command
 * (manifests loaded with fabric8 {@code Serialization}), tests and benchmarks. Kinds other than Ingress, IngressClass,
 * Service, EndpointSlice, Node, Secret and Pod are ignored.
 *
 * <p>Eligibility is kept simple: an Ingress is ours when it names no class, or names an IngressClass of the snapshot
 * whose controller is {@value #AVI_CONTROLLER}. (The running controller also applies the default-class annotation,
 * the namespace selector and the blocked namespaces.)
 *
 * <p>{@link #ingressesOfShard} is answered from an index per {@link Naming}, which {@link #with} and {@link #without}
 * update incrementally.
 */
public final class ClusterSnapshot implements ClusterView {
    public static final String AVI_CONTROLLER = "ako.vmware.com/avi-lb";
    private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private final Map<String, Ingress> allIngresses;
    private final Map<String, IngressClass> classes;
    private final Map<String, Service> services;
    private final Map<String, EndpointSlice> slices;
    private final Map<String, Node> nodes;
    private final Map<String, Secret> secrets;
    private final Map<String, Pod> pods;

    private final Map<String, Ingress> ingresses;
    private final Map<String, List<EndpointSlice>> slicesByService;
    private final Map<String, List<Pod>> podsByNamespace;
    private final Map<Naming, ShardIndex> indexes;

    private ClusterSnapshot(Map<String, Ingress> allIngresses, Map<String, IngressClass> classes, Map<String, Service> services,
                            Map<String, EndpointSlice> slices, Map<String, Node> nodes, Map<String, Secret> secrets,
                            Map<String, Pod> pods, Map<String, Ingress> eligible, Map<Naming, ShardIndex> indexes) {
        this.allIngresses = allIngresses;
        this.classes = classes;
        this.services = services;
        this.slices = slices;
        this.nodes = nodes;
        this.secrets = secrets;
        this.pods = pods;
        this.ingresses = eligible != null ? eligible : eligible(allIngresses, classes);
        this.slicesByService = new HashMap<>();
        slices.values().forEach(s -> slicesByService.computeIfAbsent(key(namespace(s), serviceName(s)), k -> new ArrayList<>()).add(s));
        this.podsByNamespace = new HashMap<>();
        pods.values().forEach(p -> podsByNamespace.computeIfAbsent(namespace(p), k -> new ArrayList<>()).add(p));
        this.indexes = new ConcurrentHashMap<>(indexes);
    }

    /** A snapshot of these objects (later ones replace earlier ones with the same kind, namespace and name). */
    public static ClusterSnapshot of(Collection<? extends HasMetadata> objects) {
        return new ClusterSnapshot(new LinkedHashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(),
                new HashMap<>(), new HashMap<>(), Map.of(), Map.of()).with(objects);
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
        var allIngresses = new LinkedHashMap<>(this.allIngresses);
        var classes = new HashMap<>(this.classes);
        var services = new HashMap<>(this.services);
        var slices = new HashMap<>(this.slices);
        var nodes = new TreeMap<>(this.nodes);
        var secrets = new HashMap<>(this.secrets);
        var pods = new HashMap<>(this.pods);
        List<Ingress> changedIngresses = new ArrayList<>();
        boolean classesChanged = false;
        for (HasMetadata o : objects) {
            String key = key(namespace(o), o.getMetadata().getName());
            if (o instanceof Ingress i) {
                changedIngresses.add(i);
                put(allIngresses, key, i, add);
            } else if (o instanceof IngressClass c) {
                classesChanged = true;
                put(classes, c.getMetadata().getName(), c, add);
            } else if (o instanceof Service s) {
                put(services, key, s, add);
            } else if (o instanceof EndpointSlice s) {
                put(slices, key, s, add);
            } else if (o instanceof Node n) {
                put(nodes, n.getMetadata().getName(), n, add);
            } else if (o instanceof Secret s) {
                put(secrets, key, s, add);
            } else if (o instanceof Pod p) {
                put(pods, key, p, add);
            }
        }
        if (classesChanged || changedIngresses.size() > 64) {
            return new ClusterSnapshot(allIngresses, classes, services, slices, nodes, secrets, pods, null, Map.of());
        }
        // a few Ingresses changed: update the eligible set and the shard indexes instead of rebuilding them
        var eligible = new LinkedHashMap<>(ingresses);
        Map<Naming, ShardIndex> updated = new HashMap<>();
        indexes.forEach((naming, index) -> updated.put(naming, index));
        for (Ingress changed : changedIngresses) {
            String key = key(namespace(changed), changed.getMetadata().getName());
            Ingress before = eligible.remove(key);
            Ingress after = allIngresses.get(key);
            if (after != null && !isOurs(after, classes)) {
                after = null;
            }
            if (after != null) {
                eligible.put(key, after);
            }
            for (Map.Entry<Naming, ShardIndex> e : updated.entrySet()) {
                e.setValue(e.getValue().replace(e.getKey(), before, after));
            }
        }
        return new ClusterSnapshot(allIngresses, classes, services, slices, nodes, secrets, pods, eligible, updated);
    }

    private static <T> void put(Map<String, T> map, String key, T value, boolean add) {
        if (add) {
            map.put(key, value);
        } else {
            map.remove(key);
        }
    }

    private static Map<String, Ingress> eligible(Map<String, Ingress> all, Map<String, IngressClass> classes) {
        Map<String, Ingress> eligible = new LinkedHashMap<>();
        all.forEach((key, ingress) -> {
            if (isOurs(ingress, classes)) {
                eligible.put(key, ingress);
            }
        });
        return eligible;
    }

    private static boolean isOurs(Ingress ingress, Map<String, IngressClass> classes) {
        String className = ingress.getSpec() == null ? null : ingress.getSpec().getIngressClassName();
        if (className == null || className.isEmpty()) {
            return true;
        }
        IngressClass c = classes.get(className);
        return c != null && c.getSpec() != null && AVI_CONTROLLER.equals(c.getSpec().getController());
    }

    @Override
    public Collection<Ingress> ingresses() {
        return Collections.unmodifiableCollection(ingresses.values());
    }

    @Override
    public Collection<Ingress> ingressesOfShard(String shardVsName, ShardNamer namer) {
        if (!(namer instanceof Naming naming)) {
            return ClusterView.super.ingressesOfShard(shardVsName, namer);
        }
        ShardIndex index = indexes.computeIfAbsent(naming, n -> ShardIndex.of(n, ingresses.values()));
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
    public Optional<Service> service(String namespace, String name) {
        return Optional.ofNullable(services.get(key(namespace, name)));
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        return slicesByService.getOrDefault(key(namespace, serviceName), List.of());
    }

    @Override
    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(secrets.get(key(namespace, name)));
    }

    @Override
    public List<Pod> pods(String namespace, Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        List<Pod> selected = new ArrayList<>();
        for (Pod pod : podsByNamespace.getOrDefault(namespace, List.of())) {
            Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
            if (labels.entrySet().containsAll(selector.entrySet())) {
                selected.add(pod);
            }
        }
        selected.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
        return selected;
    }

    private static String namespace(HasMetadata o) {
        return o.getMetadata().getNamespace() == null ? "default" : o.getMetadata().getNamespace();
    }

    private static String serviceName(EndpointSlice slice) {
        Map<String, String> labels = slice.getMetadata().getLabels();
        return labels == null ? "" : labels.getOrDefault(SERVICE_NAME_LABEL, "");
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
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
