package io.akocamel.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The simulator's objects, per type in creation order, with an index by name (name checks and references by name
 * stay cheap with tens of thousands of objects) and from each object to the objects that refer to it. Callers run
 * whole operations inside {@link #read} or {@link #write} so that checks and changes are atomic.
 */
final class ObjectStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, StoredObject>> byType = new HashMap<>();
    private final Map<String, StoredObject> byPath = new HashMap<>();
    /** type path → name → the objects of that name (tenants, clouds) by uuid, in creation order. */
    private final Map<String, Map<String, Map<String, StoredObject>>> byName = new HashMap<>();
    private final Map<String, Set<String>> referrers = new HashMap<>();

    <T> T read(Supplier<T> operation) {
        lock.readLock().lock();
        try {
            return operation.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> operation) {
        lock.writeLock().lock();
        try {
            return operation.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    Optional<StoredObject> get(String refPath) {
        return Optional.ofNullable(byPath.get(refPath));
    }

    Collection<StoredObject> all(ModelType type) {
        return byType.getOrDefault(type.path(), Map.of()).values();
    }

    /** The objects of that type and name, in every tenant and cloud. */
    Collection<StoredObject> named(ModelType type, String name) {
        return byName.getOrDefault(type.path(), Map.of()).getOrDefault(name, Map.of()).values();
    }

    List<StoredObject> all() {
        List<StoredObject> all = new ArrayList<>();
        byType.values().forEach(objects -> all.addAll(objects.values()));
        return all;
    }

    void put(StoredObject object) {
        String path = object.ref().path();
        StoredObject previous = byPath.put(path, object);
        if (previous != null) {
            unindex(previous);
            if (!previous.name().equals(object.name())) {
                forgetName(previous);
            }
        }
        byType.computeIfAbsent(object.type().path(), t -> new LinkedHashMap<>()).put(object.uuid(), object);
        byName.computeIfAbsent(object.type().path(), t -> new HashMap<>()).computeIfAbsent(object.name(), n -> new LinkedHashMap<>())
                .put(object.uuid(), object);
        for (String target : RefFields.collect(object.body())) {
            referrers.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(path);
        }
    }

    void remove(StoredObject object) {
        byPath.remove(object.ref().path());
        byType.getOrDefault(object.type().path(), Map.of()).remove(object.uuid());
        forgetName(object);
        unindex(object);
    }

    private void forgetName(StoredObject object) {
        Map<String, Map<String, StoredObject>> names = byName.get(object.type().path());
        Map<String, StoredObject> sameName = names == null ? null : names.get(object.name());
        if (sameName != null) {
            sameName.remove(object.uuid());
            if (sameName.isEmpty()) {
                names.remove(object.name());
            }
        }
    }

    /** Objects whose body refers to the given one (excluding itself). */
    List<StoredObject> referrersOf(StoredObject object) {
        String path = object.ref().path();
        List<StoredObject> result = new ArrayList<>();
        for (String owner : referrers.getOrDefault(path, Set.of())) {
            StoredObject referrer = byPath.get(owner);
            if (referrer != null && !owner.equals(path)) {
                result.add(referrer);
            }
        }
        return result;
    }

    private void unindex(StoredObject object) {
        String path = object.ref().path();
        for (String target : RefFields.collect(object.body())) {
            Set<String> owners = referrers.get(target);
            if (owners != null) {
                owners.remove(path);
                if (owners.isEmpty()) {
                    referrers.remove(target);
                }
            }
        }
    }
}
