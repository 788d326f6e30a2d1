package io.akocamel.kube;

import io.akocamel.config.ServiceType;
import io.akocamel.crd.AkoResources;
import io.akocamel.config.Settings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The informers of the {@code kube-watch} endpoints, one per {@link WatchSpec} shared by its consumers, and the
 * stores they fill: per kind, the store of a watch of the whole kind is the state of that kind. Knows whether the
 * state is complete (every kind the model reads is watched and listed, no watch has died).
 */
final class WatchRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(WatchRegistry.class);

    private final Settings settings;
    private final Function<Ingress, List<String>> shardKeys;
    private final long defaultResyncMillis;
    private final Map<WatchSpec, ClusterState.Watch> watches = new ConcurrentHashMap<>();
    /** Per kind (by ordinal) the watch whose store is the state of the kind; rebuilt when watches come and go. */
    private volatile ClusterState.Watch[] primaries = new ClusterState.Watch[KubeKind.values().length];
    private volatile InformerSource informerSource;

    /** @param shardKeys the shard index values of an Ingress */
    WatchRegistry(Settings settings, KubernetesClient client, Function<Ingress, List<String>> shardKeys) {
        this.settings = settings;
        this.shardKeys = shardKeys;
        this.defaultResyncMillis = settings.akoCamel().kubernetesResync().toMillis();
        this.informerSource = InformerSource.fabric8(client);
    }

    synchronized void informerSource(InformerSource source) {
        if (!watches.isEmpty()) {
            throw new IllegalStateException("informers are already running; set the informer source before starting routes");
        }
        this.informerSource = source;
    }

    /** Pods only in NodePortLocal mode, everything else always. */
    boolean isWatched(KubeKind kind) {
        return kind != KubeKind.POD || settings.l7Settings().serviceType() == ServiceType.NodePortLocal;
    }

    Set<KubeKind> requiredKinds() {
        Set<KubeKind> kinds = EnumSet.of(KubeKind.INGRESS, KubeKind.INGRESS_CLASS, KubeKind.SERVICE, KubeKind.ENDPOINT_SLICE,
                KubeKind.NODE, KubeKind.SECRET, KubeKind.NAMESPACE);
        if (isWatched(KubeKind.POD)) {
            kinds.add(KubeKind.POD);
        }
        return kinds;
    }

    synchronized Optional<SharedIndexInformer<? extends HasMetadata>> watch(WatchSpec spec) {
        if (!isWatched(spec.kind())) {
            return Optional.empty();
        }
        ClusterState.Watch watch = watches.computeIfAbsent(spec, this::newWatch);
        watch.users++;
        refreshPrimaries();
        return Optional.of(watch.informer());
    }

    synchronized void start(WatchSpec spec) {
        ClusterState.Watch watch = watches.get(spec);
        if (watch != null && !watch.started) {
            watch.started = true;
            if (spec.kind().custom() && !informerSource.serves(spec.kind())) {
                watch.absent = true;
                LOG.info("Not watching {}: the cluster does not serve {} (CustomResourceDefinition {}.{} not installed). Install the "
                        + "chart's crds/ and restart ako-camel to use them", spec, spec.kind().apiVersion(), spec.kind().plural(),
                        AkoResources.GROUP);
                return;
            }
            watch.informer().start();
        }
    }

    synchronized void release(WatchSpec spec) {
        ClusterState.Watch watch = watches.get(spec);
        if (watch != null && --watch.users <= 0) {
            watch.released = true;
            watches.remove(spec);
            refreshPrimaries();
            watch.informer().stop();
        }
    }

    List<ClusterState.Watch> watches() {
        return List.copyOf(watches.values());
    }

    List<KubeKind> unwatchedKinds() {
        return requiredKinds().stream().filter(kind -> primaries[kind.ordinal()] == null).toList();
    }

    boolean isComplete() {
        return unwatchedKinds().isEmpty() && watches.values().stream().allMatch(w -> w.absent() || w.synced() && !w.stopped());
    }

    private ClusterState.Watch newWatch(WatchSpec spec) {
        long resync = spec.resyncMillis() >= 0 ? spec.resyncMillis() : defaultResyncMillis;
        SharedIndexInformer<? extends HasMetadata> informer = informerSource.informer(spec, spec.kind().type(), resync);
        ClusterState.Watch watch = new ClusterState.Watch(spec, informer);
        KubeIndexes.addTo(spec.kind(), informer, shardKeys);
        informer.exceptionHandler((started, failure) -> {
            watch.lastError = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            LOG.warn("Watching {} failed ({}); listing again with back-off. Check the API server address and RBAC "
                    + "(get/list/watch on {})", spec, watch.lastError, spec.kind().plural());
            return true;
        });
        return watch;
    }

    private void refreshPrimaries() {
        ClusterState.Watch[] refreshed = new ClusterState.Watch[KubeKind.values().length];
        for (ClusterState.Watch watch : watches.values()) {
            if (watch.spec().coversKind() && refreshed[watch.spec().kind().ordinal()] == null) {
                refreshed[watch.spec().kind().ordinal()] = watch;
            }
        }
        primaries = refreshed;
    }

    /** The store that is the state of a kind, or null while no watch covers the kind. */
    @SuppressWarnings("unchecked")
    <T extends HasMetadata> Indexer<T> store(KubeKind kind) {
        ClusterState.Watch watch = primaries[kind.ordinal()];
        return watch == null ? null : (Indexer<T>) watch.informer().getIndexer();
    }
}
