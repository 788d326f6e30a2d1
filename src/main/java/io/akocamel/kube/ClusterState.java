package io.akocamel.kube;

import io.akocamel.config.ServiceType;
import io.akocamel.config.Settings;
import io.akocamel.config.ShardSize;
import io.akocamel.model.ClusterView;
import io.akocamel.model.Naming;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The cluster state: the stores of the fabric8 informers that the {@code kube-watch} endpoints run, with indexes for
 * the questions the model and the ingestion ask (Ingresses by backend Service, TLS Secret, IngressClass and shard;
 * EndpointSlices by Service; Pods by label). Reads always see the informers' current state; {@link #ingresses()}
 * and {@link #ingressesOfShard} return only eligible Ingresses, without the rules {@link IngressValidation} rejects.
 * Returned objects are the informers' own instances: read them, never modify them.
 */
public final class ClusterState implements ClusterView {
    /** Shard key of the VRF static routes (ClusterIP mode, unless {@code disableStaticRouteSync}). */
    public static final String STATIC_ROUTES_KEY = "static-routes";
    /** Index value of Ingresses served on every shard (host-less rules or a default backend). */
    static final String EVERY_SHARD = "*";
    static final String INGRESS_BY_SERVICE = "ingressByService";
    static final String INGRESS_BY_SECRET = "ingressBySecret";
    static final String INGRESS_BY_CLASS = "ingressByClass";
    static final String INGRESS_BY_SHARD = "ingressByShard";
    static final String SLICE_BY_SERVICE = "endpointSliceByService";
    static final String POD_BY_LABEL = "podByLabel";
    static final String BY_NAMESPACE = "namespace";
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    static final String TLS_TYPE = "kubernetes.io/tls";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterState.class);

    private final Settings settings;
    private final Naming naming;
    private final IngressEligibility eligibility;
    private final long defaultResyncMillis;
    private final Map<WatchSpec, Watch> watches = new ConcurrentHashMap<>();
    /** Per kind (by ordinal) the watch whose store is the state of the kind; rebuilt when watches come and go. */
    private volatile Watch[] primaries = new Watch[KubeKind.values().length];
    private final Map<String, CachedValidation> validations = new ConcurrentHashMap<>();
    private volatile InformerSource informerSource;

    /** One informer and the consumers that use it. */
    public static final class Watch {
        private final WatchSpec spec;
        private final SharedIndexInformer<? extends HasMetadata> informer;
        private volatile String lastError;
        private volatile boolean started;
        private volatile boolean released;
        private int users;

        Watch(WatchSpec spec, SharedIndexInformer<? extends HasMetadata> informer) {
            this.spec = spec;
            this.informer = informer;
        }

        public WatchSpec spec() {
            return spec;
        }

        public SharedIndexInformer<? extends HasMetadata> informer() {
            return informer;
        }

        public boolean synced() {
            return informer.hasSynced();
        }

        /** Started, not released by its consumers, yet no longer running: a dead watch. */
        public boolean stopped() {
            return started && !released && !informer.isRunning();
        }

        /** The last list/watch failure (retried with back-off), or null. */
        public String lastError() {
            return lastError;
        }
    }

    /** Validation and shard names of one informer instance of an Ingress (the index and the ingestion both need them). */
    private record CachedValidation(Ingress raw, IngressValidation.Validated validated, Set<String> shards) {
    }

    public ClusterState(Settings settings, KubernetesClient client) {
        this.settings = settings;
        this.naming = Naming.of(settings);
        this.eligibility = new IngressEligibility(settings);
        this.defaultResyncMillis = settings.akoCamel().kubernetesResync().toMillis();
        this.informerSource = InformerSource.fabric8(client);
    }

    /** Replaces where informers come from (benchmarks feed synthetic events); only before the first watch starts. */
    public synchronized ClusterState informerSource(InformerSource source) {
        if (!watches.isEmpty()) {
            throw new IllegalStateException("informers are already running; set the informer source before starting routes");
        }
        this.informerSource = source;
        return this;
    }

    public Settings settings() {
        return settings;
    }

    public Naming naming() {
        return naming;
    }

    // ---------------------------------------------------------------- watches

    /** Whether a kind is watched in this configuration: Pods only in NodePortLocal mode, everything else always. */
    public boolean isWatched(KubeKind kind) {
        return kind != KubeKind.POD || settings.l7Settings().serviceType() == ServiceType.NodePortLocal;
    }

    /** The kinds the model reads: without a complete store of each, the cluster state is incomplete. */
    public Set<KubeKind> requiredKinds() {
        Set<KubeKind> kinds = EnumSet.of(KubeKind.INGRESS, KubeKind.INGRESS_CLASS, KubeKind.SERVICE, KubeKind.ENDPOINT_SLICE,
                KubeKind.NODE, KubeKind.SECRET, KubeKind.NAMESPACE);
        if (isWatched(KubeKind.POD)) {
            kinds.add(KubeKind.POD);
        }
        return kinds;
    }

    /**
     * The informer for a spec, created with its kind's indexes on first use (one per spec, shared by the consumers of
     * that spec). Empty when the kind is not watched in this configuration. Call {@link #start} after adding handlers
     * and {@link #release} when done.
     */
    public synchronized Optional<SharedIndexInformer<? extends HasMetadata>> watch(WatchSpec spec) {
        if (!isWatched(spec.kind())) {
            return Optional.empty();
        }
        Watch watch = watches.computeIfAbsent(spec, this::newWatch);
        watch.users++;
        refreshPrimaries();
        return Optional.of(watch.informer);
    }

    public synchronized void start(WatchSpec spec) {
        Watch watch = watches.get(spec);
        if (watch != null && !watch.started) {
            watch.started = true;
            watch.informer.start();
        }
    }

    /** The last consumer of a spec releases its informer, which stops. */
    public synchronized void release(WatchSpec spec) {
        Watch watch = watches.get(spec);
        if (watch != null && --watch.users <= 0) {
            watch.released = true;
            watches.remove(spec);
            refreshPrimaries();
            watch.informer.stop();
        }
    }

    public List<Watch> watches() {
        return List.copyOf(watches.values());
    }

    /** Required kinds that no started watch covers (its kube-watch route is missing or stopped). */
    public List<KubeKind> unwatchedKinds() {
        return requiredKinds().stream().filter(kind -> primary(kind) == null).toList();
    }

    /** Every required kind is watched, every informer has listed completely, and none has stopped. */
    public boolean isComplete() {
        return unwatchedKinds().isEmpty() && watches.values().stream().allMatch(w -> w.synced() && !w.stopped());
    }

    private Watch newWatch(WatchSpec spec) {
        long resync = spec.resyncMillis() >= 0 ? spec.resyncMillis() : defaultResyncMillis;
        SharedIndexInformer<? extends HasMetadata> informer = informerSource.informer(spec, spec.kind().type(), resync);
        Watch watch = new Watch(spec, informer);
        addIndexers(spec.kind(), informer);
        informer.exceptionHandler((started, failure) -> {
            watch.lastError = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            LOG.warn("Watching {} failed ({}); listing again with back-off. Check the API server address and RBAC "
                    + "(get/list/watch on {})", spec, watch.lastError, spec.kind().plural());
            return true;
        });
        return watch;
    }

    @SuppressWarnings("unchecked")
    private void addIndexers(KubeKind kind, SharedIndexInformer<? extends HasMetadata> informer) {
        switch (kind) {
            case INGRESS -> ((SharedIndexInformer<Ingress>) informer).addIndexers(Map.of(
                    INGRESS_BY_SERVICE, ClusterState::backendServiceKeys,
                    INGRESS_BY_SECRET, ClusterState::tlsSecretKeys,
                    INGRESS_BY_CLASS, ing -> List.of(classNameOf(ing)),
                    INGRESS_BY_SHARD, this::shardIndexKeys));
            case ENDPOINT_SLICE -> ((SharedIndexInformer<EndpointSlice>) informer).addIndexers(Map.of(
                    SLICE_BY_SERVICE, slice -> serviceOfSlice(slice).map(List::of).orElse(List.of())));
            case POD -> ((SharedIndexInformer<Pod>) informer).addIndexers(Map.of(POD_BY_LABEL, ClusterState::labelKeys));
            default -> {
            }
        }
    }

    /** The informer whose store is the state of a kind: a watch of the whole kind (not of one named object). */
    private Watch primary(KubeKind kind) {
        return primaries[kind.ordinal()];
    }

    private void refreshPrimaries() {
        Watch[] refreshed = new Watch[KubeKind.values().length];
        for (Watch watch : watches.values()) {
            if (watch.spec.coversKind() && refreshed[watch.spec.kind().ordinal()] == null) {
                refreshed[watch.spec.kind().ordinal()] = watch;
            }
        }
        primaries = refreshed;
    }

    @SuppressWarnings("unchecked")
    <T extends HasMetadata> Indexer<T> store(KubeKind kind) {
        Watch watch = primary(kind);
        return watch == null ? null : (Indexer<T>) watch.informer.getIndexer();
    }

    <T extends HasMetadata> T get(KubeKind kind, String key) {
        Indexer<T> store = store(kind);
        return store == null ? null : store.getByKey(key);
    }

    <T extends HasMetadata> List<T> list(KubeKind kind) {
        Indexer<T> store = store(kind);
        return store == null ? List.of() : store.list();
    }

    <T extends HasMetadata> List<T> byIndex(KubeKind kind, String index, String value) {
        Indexer<T> store = store(kind);
        return store == null ? List.of() : store.byIndex(index, value);
    }

    List<String> keysByIndex(KubeKind kind, String index, String value) {
        Indexer<HasMetadata> store = store(kind);
        return store == null ? List.of() : store.indexKeys(index, value);
    }

    // ---------------------------------------------------------------- ClusterView

    @Override
    public Collection<Ingress> ingresses() {
        Function<Ingress, IngressEligibility.Verdict> decide = decider();
        List<Ingress> ours = new ArrayList<>();
        for (Ingress ingress : this.<Ingress>list(KubeKind.INGRESS)) {
            if (decide.apply(ingress).isOurs()) {
                ours.add(validated(ingress).ingress());
            }
        }
        return ours;
    }

    @Override
    public Collection<Ingress> ingressesOfShard(String shardVsName, ShardNamer namer) {
        if (!(namer instanceof Naming given) || !given.clusterName().equals(naming.clusterName())
                || given.shardSize() != naming.shardSize()) {
            return ClusterView.super.ingressesOfShard(shardVsName, namer);
        }
        Function<Ingress, IngressEligibility.Verdict> decide = decider();
        Map<String, Ingress> found = new TreeMap<>();
        for (String value : List.of(shardVsName, EVERY_SHARD)) {
            for (Ingress ingress : this.<Ingress>byIndex(KubeKind.INGRESS, INGRESS_BY_SHARD, value)) {
                if (decide.apply(ingress).isOurs()) {
                    found.put(keyOf(ingress), validated(ingress).ingress());
                }
            }
        }
        return List.copyOf(found.values());
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        Service service = get(KubeKind.SERVICE, namespace + "/" + name);
        return Optional.ofNullable(service).filter(s -> serviceProblem(s) == null);
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        List<EndpointSlice> slices = new ArrayList<>(byIndex(KubeKind.ENDPOINT_SLICE, SLICE_BY_SERVICE, namespace + "/" + serviceName));
        slices.sort(Comparator.comparing(s -> s.getMetadata().getName()));
        return slices;
    }

    @Override
    public Collection<Node> nodes() {
        List<Node> nodes = new ArrayList<>(this.<Node>list(KubeKind.NODE));
        nodes.sort(Comparator.comparing(n -> n.getMetadata().getName()));
        return nodes;
    }

    /** A {@code kubernetes.io/tls} Secret with {@code tls.crt} and {@code tls.key}; malformed ones are skipped. */
    @Override
    public Optional<Secret> secret(String namespace, String name) {
        Secret secret = get(KubeKind.SECRET, namespace + "/" + name);
        return Optional.ofNullable(secret).filter(s -> TLS_TYPE.equals(s.getType()) && secretProblem(s) == null);
    }

    @Override
    public List<Pod> pods(String namespace, Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        var first = selector.entrySet().iterator().next();
        List<Pod> pods = new ArrayList<>();
        for (Pod pod : this.<Pod>byIndex(KubeKind.POD, POD_BY_LABEL, namespace + "/" + first.getKey() + "=" + first.getValue())) {
            if (matches(selector, pod.getMetadata().getLabels())) {
                pods.add(pod);
            }
        }
        pods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
        return pods;
    }

    // ---------------------------------------------------------------- eligibility, validation, shards

    /** Whether an Ingress is ours now, and why. */
    public IngressEligibility.Verdict eligibility(Ingress ingress) {
        return decider().apply(ingress);
    }

    /** Decides with one snapshot of "is one of our classes the default", for deciding many Ingresses at once. */
    Function<Ingress, IngressEligibility.Verdict> decider() {
        boolean ourDefault = this.<IngressClass>list(KubeKind.INGRESS_CLASS).stream().anyMatch(IngressEligibility::isOurDefault);
        Function<String, IngressClass> classes = name -> get(KubeKind.INGRESS_CLASS, name);
        Function<String, Namespace> namespaces = name -> get(KubeKind.NAMESPACE, name);
        return ingress -> eligibility.decide(ingress, classes, namespaces, ourDefault);
    }

    /** The Ingress without its invalid rules, paths and TLS hosts, and what was wrong; cached per informer instance. */
    public IngressValidation.Validated validated(Ingress ingress) {
        return cached(ingress).validated;
    }

    private CachedValidation cached(Ingress ingress) {
        String key = keyOf(ingress);
        CachedValidation cached = validations.get(key);
        if (cached != null && cached.raw == ingress) {
            return cached;
        }
        IngressValidation.Validated validated = IngressValidation.validate(ingress);
        Set<String> shards = naming.shardsOf(validated.ingress());
        if (naming.isOnEveryShard(validated.ingress())) {
            shards.add(EVERY_SHARD);
        }
        cached = new CachedValidation(ingress, validated, java.util.Collections.unmodifiableSet(shards));
        validations.put(key, cached);
        return cached;
    }

    void forgetValidation(String ingressKey) {
        validations.remove(ingressKey);
    }

    /** The shard VS names of an Ingress's valid hosts, plus {@code *} when it is served on every shard. */
    Set<String> shardsOf(Ingress ingress) {
        return cached(ingress).shards;
    }

    private List<String> shardIndexKeys(Ingress ingress) {
        return List.copyOf(shardsOf(ingress));
    }

    /** The shards of "every shard": all shared VSes, or in DEDICATED mode the VSes of every host of our Ingresses. */
    public Set<String> everyShard() {
        if (naming.shardSize() != ShardSize.DEDICATED) {
            return naming.allSharedVsNames();
        }
        Set<String> shards = new TreeSet<>();
        for (Ingress ingress : ingresses()) {
            shards.addAll(naming.shardsOf(ingress));
        }
        return shards;
    }

    public boolean staticRoutesEnabled() {
        return settings.l7Settings().serviceType() == ServiceType.ClusterIP && !settings.akoSettings().disableStaticRouteSync();
    }

    /** What a full sync reconciles: every shared VS, the VSes of current hosts, and the static routes when enabled. */
    public List<String> allShardKeys() {
        Set<String> keys = new TreeSet<>(everyShard());
        List<String> all = new ArrayList<>(keys);
        if (staticRoutesEnabled()) {
            all.add(STATIC_ROUTES_KEY);
        }
        return all;
    }

    // ---------------------------------------------------------------- object facts

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

    private static List<String> labelKeys(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        if (labels == null || labels.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(labels.size());
        labels.forEach((k, v) -> keys.add(pod.getMetadata().getNamespace() + "/" + k + "=" + v));
        return keys;
    }

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

    /** Null for a usable Service; else the problem with an ExternalName Service (it has no endpoints to pool). */
    static IngressValidation.Problem serviceProblem(Service service) {
        if (service.getSpec() != null && "ExternalName".equals(service.getSpec().getType())) {
            return new IngressValidation.Problem("UnsupportedServiceType", "Service " + keyOf(service)
                    + " is of type ExternalName, which has no endpoints an Avi pool can use; point the Ingress at a "
                    + "ClusterIP or NodePort Service. Pools using it get no servers.");
        }
        return null;
    }

    /** Null for a usable TLS Secret; else which of {@code tls.crt} / {@code tls.key} is missing. */
    static IngressValidation.Problem secretProblem(Secret secret) {
        if (!TLS_TYPE.equals(secret.getType())) {
            return null;
        }
        List<String> missing = new ArrayList<>(2);
        for (String key : List.of("tls.crt", "tls.key")) {
            if (isEmpty(secret.getData(), key) && isEmpty(secret.getStringData(), key)) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return new IngressValidation.Problem("InvalidTLSSecret", "Secret " + keyOf(secret) + " has no " + String.join(" and no ", missing)
                + "; a kubernetes.io/tls Secret needs both (kubectl create secret tls NAME --cert=FILE --key=FILE). "
                + "Hosts using it are not served over TLS.");
    }

    private static boolean isEmpty(Map<String, String> data, String key) {
        return data == null || data.get(key) == null || data.get(key).isEmpty();
    }
}
