package io.akocamel.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.informers.cache.Store;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An informer fed by the benchmark instead of an API server: fabric8's own cache and indexes, and the informer
 * contract that matters to the ingestion (the store is updated before handlers are told; a handler added late is
 * replayed the current objects, on another thread as fabric8 does). {@link #emit} delivers on the caller's thread.
 */
final class SyntheticInformer<T extends HasMetadata> implements SharedIndexInformer<T> {
    private final Class<T> type;
    private final CacheImpl<T> cache = new CacheImpl<>();
    private final List<ResourceEventHandler<? super T>> handlers = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> replayed = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running;

    SyntheticInformer(Class<T> type) {
        this.type = type;
    }

    /** Puts an object in the store without telling anyone: the state that exists before the informer starts. */
    void preload(T object) {
        cache.put(object);
    }

    /** A watch event: the store takes the object, then every handler is told (ADDED, MODIFIED or RESYNC). */
    void emit(T object) {
        T previous = cache.put(object);
        for (ResourceEventHandler<? super T> handler : handlers) {
            if (previous == null) {
                handler.onAdd(object);
            } else {
                handler.onUpdate(previous, object);
            }
        }
    }

    /** Completes once the objects present when the first handler was added have been delivered to it. */
    CompletableFuture<Void> replayed() {
        return replayed;
    }

    T get(String key) {
        return cache.getByKey(key);
    }

    @Override
    public SharedIndexInformer<T> addEventHandler(ResourceEventHandler<? super T> handler) {
        handlers.add(handler);
        List<T> current = cache.list();
        Thread replay = new Thread(() -> {
            current.forEach(handler::onAdd);
            replayed.complete(null);
        }, "synthetic-informer-" + type.getSimpleName());
        replay.start();
        return this;
    }

    @Override
    public SharedIndexInformer<T> removeEventHandler(ResourceEventHandler<? super T> handler) {
        handlers.remove(handler);
        return this;
    }

    @Override
    public SharedIndexInformer<T> addEventHandlerWithResyncPeriod(ResourceEventHandler<? super T> handler, long resyncPeriod) {
        return addEventHandler(handler);
    }

    @Override
    public SharedIndexInformer<T> addIndexers(Map<String, Function<T, List<String>>> indexers) {
        cache.addIndexers(indexers);
        return this;
    }

    @Override
    public SharedIndexInformer<T> removeIndexer(String name) {
        cache.removeIndexer(name);
        return this;
    }

    @Override
    public Indexer<T> getIndexer() {
        return cache;
    }

    @Override
    public Store<T> getStore() {
        return cache;
    }

    @Override
    public CompletableFuture<Void> start() {
        running = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public SharedIndexInformer<T> run() {
        start();
        return this;
    }

    @Override
    public void stop() {
        running = false;
        stopped.complete(null);
    }

    @Override
    public String lastSyncResourceVersion() {
        return running ? "1" : null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isWatching() {
        return running;
    }

    @Override
    public Class<T> getApiTypeClass() {
        return type;
    }

    @Override
    public SharedIndexInformer<T> initialState(Stream<T> items) {
        items.forEach(cache::put);
        return this;
    }

    @Override
    public SharedIndexInformer<T> itemStore(ItemStore<T> itemStore) {
        throw new UnsupportedOperationException("not needed by the benchmark");
    }

    @Override
    public SharedIndexInformer<T> exceptionHandler(ExceptionHandler handler) {
        return this;
    }

    @Override
    public CompletableFuture<Void> stopped() {
        return stopped;
    }
}
