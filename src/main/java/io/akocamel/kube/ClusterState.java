package io.akocamel.kube;

import io.akocamel.admission.IngressEligibility;
import io.akocamel.admission.IngressValidation;
import io.akocamel.admission.Problem;
import io.akocamel.config.ServiceType;
import io.akocamel.config.Settings;
import io.akocamel.config.ShardSize;
import io.akocamel.crd.FqdnSelector;
import io.akocamel.crd.InfraSetting;
import io.akocamel.crd.InfraSettingSelection;
import io.akocamel.crd.Verdict;
import io.akocamel.model.ClusterView;
import io.akocamel.model.IngressRef;
import io.akocamel.model.ModelBuilder;
import io.akocamel.model.Naming;
import io.akocamel.model.Placement;
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
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Indexer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The live {@link ClusterView}: the stores of the informers that the {@code kube-watch} endpoints run
 * ({@link WatchRegistry}), read through their indexes ({@link KubeIndexes}), with admission applied:
 * {@link #ingresses()} and {@link #ingressesOfShard} return only eligible Ingresses, without what
 * {@link IngressValidation} rejects. Reads always see the informers' current state. Returned objects are the
 * informers' own instances: read them, never modify them.
 */
public final class ClusterState implements ClusterView {
    /** Shard key of the VRF static routes (ClusterIP mode, unless {@code disableStaticRouteSync}). */
    public static final String STATIC_ROUTES_KEY = "static-routes";

    private final Settings settings;
    private final Naming naming;
    private final IngressEligibility eligibility;
    private final AdmissionCache admission;
    private final WatchRegistry registry;

    /** One informer and the consumers that use it. */
    public static final class Watch {
        private final WatchSpec spec;
        private final SharedIndexInformer<? extends HasMetadata> informer;
        volatile String lastError;
        volatile boolean absent;
        volatile boolean started;
        volatile boolean released;
        int users;

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
            return started && !released && !absent && !informer.isRunning();
        }

        /** A custom kind this cluster does not serve (its CustomResourceDefinition is not installed): not watched. */
        public boolean absent() {
            return absent;
        }

        /** The last list/watch failure (retried with back-off), or null. */
        public String lastError() {
            return lastError;
        }
    }

    public ClusterState(Settings settings, KubernetesClient client) {
        this.settings = settings;
        this.naming = Naming.of(settings);
        this.eligibility = new IngressEligibility(settings);
        this.admission = new AdmissionCache(naming);
        this.registry = new WatchRegistry(settings, client, ingress -> List.copyOf(admission.shardsOf(ingress)));
    }

    /** Replaces where informers come from (benchmarks feed synthetic events); only before the first watch starts. */
    public ClusterState informerSource(InformerSource source) {
        registry.informerSource(source);
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
        return registry.isWatched(kind);
    }

    /** The kinds the model reads: without a complete store of each, the cluster state is incomplete. */
    public Set<KubeKind> requiredKinds() {
        return registry.requiredKinds();
    }

    /**
     * The informer for a spec, created with its kind's indexes on first use (one per spec, shared by the consumers of
     * that spec). Empty when the kind is not watched in this configuration. Call {@link #start} after adding handlers
     * and {@link #release} when done.
     */
    public Optional<SharedIndexInformer<? extends HasMetadata>> watch(WatchSpec spec) {
        return registry.watch(spec);
    }

    public void start(WatchSpec spec) {
        registry.start(spec);
    }

    /** The last consumer of a spec releases its informer, which stops. */
    public void release(WatchSpec spec) {
        registry.release(spec);
    }

    public List<Watch> watches() {
        return registry.watches();
    }

    /** Required kinds that no started watch covers (its kube-watch route is missing or stopped). */
    public List<KubeKind> unwatchedKinds() {
        return registry.unwatchedKinds();
    }

    /** Every required kind is watched, every informer has listed completely, and none has stopped. */
    public boolean isComplete() {
        return registry.isComplete();
    }

    <T extends HasMetadata> T get(KubeKind kind, String key) {
        Indexer<T> store = registry.store(kind);
        return store == null ? null : store.getByKey(key);
    }

    <T extends HasMetadata> List<T> list(KubeKind kind) {
        Indexer<T> store = registry.store(kind);
        return store == null ? List.of() : store.list();
    }

    <T extends HasMetadata> List<T> byIndex(KubeKind kind, String index, String value) {
        Indexer<T> store = registry.store(kind);
        return store == null ? List.of() : store.byIndex(index, value);
    }

    List<String> keysByIndex(KubeKind kind, String index, String value) {
        Indexer<HasMetadata> store = registry.store(kind);
        return store == null ? List.of() : store.indexKeys(index, value);
    }

    // ---------------------------------------------------------------- ClusterView

    @Override
    public Collection<Ingress> ingresses() {
        return eligibleRaw().stream().map(ingress -> validated(ingress).ingress()).toList();
    }

    @Override
    public Collection<Ingress> ingressesOfShard(String shardVsName, ShardNamer namer) {
        if (!naming.equals(namer)) {
            return ClusterView.super.ingressesOfShard(shardVsName, namer);
        }
        Function<Ingress, IngressEligibility.Verdict> decide = decider();
        Map<String, Ingress> found = new TreeMap<>();
        for (String value : List.of(shardVsName, AdmissionCache.EVERY_SHARD)) {
            for (Ingress ingress : this.<Ingress>byIndex(KubeKind.INGRESS, KubeIndexes.INGRESS_BY_SHARD, value)) {
                if (decide.apply(ingress).isOurs()) {
                    found.put(KubeIndexes.keyOf(ingress), validated(ingress).ingress());
                }
            }
        }
        return List.copyOf(found.values());
    }

    @Override
    public Map<IngressRef, List<Problem>> admissionProblems() {
        Map<IngressRef, List<Problem>> problems = new TreeMap<>();
        for (Ingress ingress : eligibleRaw()) {
            IngressValidation.Validated validated = validated(ingress);
            if (!validated.isClean()) {
                problems.put(IngressRef.of(ingress), validated.problems());
            }
        }
        return problems;
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return Optional.ofNullable(get(KubeKind.SERVICE, namespace + "/" + name));
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        List<EndpointSlice> slices = new ArrayList<>(byIndex(KubeKind.ENDPOINT_SLICE, KubeIndexes.SLICE_BY_SERVICE, namespace + "/" + serviceName));
        slices.sort(Comparator.comparing(s -> s.getMetadata().getName()));
        return slices;
    }

    @Override
    public Collection<Node> nodes() {
        List<Node> nodes = new ArrayList<>(this.<Node>list(KubeKind.NODE));
        nodes.sort(Comparator.comparing(n -> n.getMetadata().getName()));
        return nodes;
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(get(KubeKind.SECRET, namespace + "/" + name));
    }

    @Override
    public List<Pod> pods(String namespace, Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        var first = selector.entrySet().iterator().next();
        List<Pod> pods = new ArrayList<>();
        for (Pod pod : this.<Pod>byIndex(KubeKind.POD, KubeIndexes.POD_BY_LABEL, namespace + "/" + first.getKey() + "=" + first.getValue())) {
            if (KubeIndexes.matches(selector, pod.getMetadata().getLabels())) {
                pods.add(pod);
            }
        }
        pods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
        return pods;
    }

    // ---------------------------------------------------------------- AKO's custom resources

    /** The HostRules of the cluster, by namespace and name (empty where the cluster does not serve them). */
    public List<GenericKubernetesResource> hostRules() {
        return sortedList(KubeKind.HOST_RULE);
    }

    /** The HTTPRules of the cluster, by namespace and name (empty where the cluster does not serve them). */
    public List<GenericKubernetesResource> httpRules() {
        return sortedList(KubeKind.HTTP_RULE);
    }

    @Override
    public List<GenericKubernetesResource> acceptedHostRules() {
        List<GenericKubernetesResource> accepted = new ArrayList<>(hostRules().stream().filter(ClusterState::isAccepted).toList());
        accepted.sort(Comparator.comparing((GenericKubernetesResource r) -> String.valueOf(r.getMetadata().getCreationTimestamp()))
                .thenComparing(KubeIndexes::keyOf));
        return accepted;
    }

    @Override
    public List<GenericKubernetesResource> acceptedHttpRules() {
        return httpRules().stream().filter(ClusterState::isAccepted).toList();
    }

    static boolean isAccepted(GenericKubernetesResource resource) {
        return resource.getAdditionalProperties().get("status") instanceof Map<?, ?> status && Verdict.ACCEPTED.equals(status.get("status"));
    }

    @Override
    public boolean holdsInfraSettings() {
        Indexer<HasMetadata> store = registry.store(KubeKind.AVI_INFRA_SETTING);
        return store != null && !store.listKeys().isEmpty();
    }

    @Override
    public Placement placementOf(Ingress ingress) {
        if (!holdsInfraSettings()) {
            return Placement.DEFAULT;
        }
        IngressClass ourDefault = this.<IngressClass>list(KubeKind.INGRESS_CLASS).stream().filter(IngressEligibility::isOurDefault)
                .min(Comparator.comparing(c -> c.getMetadata().getName())).orElse(null);
        String name = InfraSettingSelection.nameOf(ingress, n -> get(KubeKind.INGRESS_CLASS, n), ourDefault, n -> get(KubeKind.NAMESPACE, n));
        return Placement.of(name, n -> get(KubeKind.AVI_INFRA_SETTING, n), false);
    }

    @Override
    public List<InfraSetting> acceptedInfraSettings() {
        return aviInfraSettings().stream().filter(ClusterState::isAccepted).map(InfraSetting::of).toList();
    }

    public List<GenericKubernetesResource> aviInfraSettings() {
        return sortedList(KubeKind.AVI_INFRA_SETTING);
    }

    public Optional<GenericKubernetesResource> aviInfraSetting(String name) {
        return Optional.ofNullable(get(KubeKind.AVI_INFRA_SETTING, name));
    }

    private List<GenericKubernetesResource> sortedList(KubeKind kind) {
        List<GenericKubernetesResource> resources = new ArrayList<>(this.<GenericKubernetesResource>list(kind));
        resources.sort(Comparator.comparing(KubeIndexes::keyOf));
        return resources;
    }

    /**
     * The shards that serve a host one of the selectors selects (hosts of our Ingresses only), and with
     * {@code fqdnType: Contains} the shared VSes (an AviInfraSetting's too) whose name contains the fqdn.
     */
    Set<String> shardsSelectedBy(Collection<FqdnSelector> selectors) {
        Set<String> shards = new TreeSet<>();
        if (selectors.isEmpty()) {
            return shards;
        }
        for (Ingress ingress : ingresses()) {
            Naming naming = namingOf(ingress);
            for (String shard : naming.shardsOf(ingress)) {
                // a Contains selector may name an AviInfraSetting's VS (Shared-L7-<setting>-0), which only its Ingresses tell
                if (!shards.contains(shard) && (selectors.stream().anyMatch(s -> s.selectsVirtualService(shard))
                        || hostsOf(ingress).anyMatch(host -> naming.shardVsName(host).equals(shard) && selectors.stream().anyMatch(s -> s.selectsHost(host))))) {
                    shards.add(shard);
                }
            }
        }
        for (String vs : naming.allSharedVsNames()) {
            if (selectors.stream().anyMatch(s -> s.selectsVirtualService(vs))) {
                shards.add(vs);
            }
        }
        return shards;
    }

    private static Stream<String> hostsOf(Ingress ingress) {
        Stream<String> ruleHosts = ingress.getSpec().getRules() == null ? Stream.empty()
                : ingress.getSpec().getRules().stream().map(IngressRule::getHost);
        Stream<String> tlsHosts = ingress.getSpec().getTls() == null ? Stream.empty()
                : ingress.getSpec().getTls().stream().filter(t -> t.getHosts() != null).flatMap(t -> t.getHosts().stream());
        return Stream.concat(ruleHosts, tlsHosts).filter(h -> h != null && !h.isEmpty());
    }

    // ---------------------------------------------------------------- admission, shards

    /** Whether an Ingress is ours now, and why. */
    public IngressEligibility.Verdict eligibility(Ingress ingress) {
        return decider().apply(ingress);
    }

    /** Decides with one look at the IngressClasses, for deciding many Ingresses at once. */
    Function<Ingress, IngressEligibility.Verdict> decider() {
        return eligibility.decider(this.<IngressClass>list(KubeKind.INGRESS_CLASS), name -> get(KubeKind.INGRESS_CLASS, name),
                name -> this.<Namespace>get(KubeKind.NAMESPACE, name));
    }

    /** The Ingress without its invalid rules, paths and TLS hosts, and what was wrong; cached per informer instance. */
    public IngressValidation.Validated validated(Ingress ingress) {
        return admission.validated(ingress);
    }

    void forgetValidation(String ingressKey) {
        admission.forget(ingressKey);
    }

    /**
     * The shard VS names of an Ingress's valid hosts, plus {@code *} when it is served on every shard; of an Ingress
     * placed on an AviInfraSetting, that setting's shards (and the default ones too while the setting's verdict is
     * unknown: the Ingress may be on either).
     */
    Set<String> shardsOf(Ingress ingress) {
        Placement placement = placementOf(ingress);
        if (placement.setting() == null) {
            return admission.shardsOf(ingress);
        }
        Ingress valid = validated(ingress).ingress();
        Naming placed = placement.naming(naming);
        Set<String> shards = new TreeSet<>(placed.shardsOf(valid));
        if (placed.isOnEveryShard(valid)) {
            shards.addAll(placed.allSharedVsNames());
        }
        if (placement.held()) {
            shards.addAll(admission.shardsOf(ingress));
        }
        return shards;
    }

    /** The names of the objects of an Ingress: of the AviInfraSetting it is placed on, else the default ones. */
    public Naming namingOf(Ingress ingress) {
        Placement placement = placementOf(ingress);
        return placement.held() ? naming : placement.naming(naming);
    }

    /** The informer instances of the eligible Ingresses. */
    private List<Ingress> eligibleRaw() {
        Function<Ingress, IngressEligibility.Verdict> decide = decider();
        return this.<Ingress>list(KubeKind.INGRESS).stream().filter(ingress -> decide.apply(ingress).isOurs()).toList();
    }

    /** The shards of "every shard": all shared VSes, or in DEDICATED mode the VSes of every host of our Ingresses. */
    public Set<String> everyShard() {
        if (naming.shardSize() != ShardSize.DEDICATED) {
            return withInfraSettingShards(naming.allSharedVsNames());
        }
        Set<String> shards = new TreeSet<>();
        for (Ingress ingress : ingresses()) {
            shards.addAll(naming.shardsOf(ingress));
        }
        return withInfraSettingShards(shards);
    }

    private Set<String> withInfraSettingShards(Set<String> shards) {
        if (acceptedInfraSettings().isEmpty()) {
            return shards;
        }
        Set<String> all = new TreeSet<>(shards);
        all.addAll(ModelBuilder.shardNames(this, settings));
        return all;
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
}
