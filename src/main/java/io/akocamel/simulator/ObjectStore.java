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
 * The simulator's objects, per type in creation order, indexed by name (name refs resolve without a scan, so a call
 * costs the same with 50,000 objects as with 50) and from each object to the objects that refer to it. Callers run whole operations inside {@link #read} or {@link #write} so that checks and changes are atomic.
 */
final class ObjectStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, StoredObject>> byType = new HashMap<>();
    private final Map<String, StoredObject> byPath = new HashMap<>();
    private final Map<String, Map<String, List<StoredObject>>> byName = new HashMap<>();
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

    /** The objects of that type and name (several tenants or clouds may each have one), in creation order. */
    List<StoredObject> named(ModelType type, String name) {
        return byName.getOrDefault(type.path(), Map.of()).getOrDefault(name, List.of());
    }

    List<StoredObject> all() {
        List<StoredObject> all = new ArrayList<>();
        byType.values().forEach(objects -> all.addAll(objects.values()));
        return all;
    }

    void put(StoredObject object) {
        String path = object.ref().path();
        StoredObject previous = byPath.put(path, object);
        List<StoredObject> sameName = byName.computeIfAbsent(object.type().path(), t -> new HashMap<>())
                .computeIfAbsent(object.name(), n -> new ArrayList<>());
        if (previous != null) {
            unindex(previous);
            if (previous.name().equals(object.name())) {
                sameName.set(sameName.indexOf(previous), object);
            } else {
                unname(previous);
                sameName.add(object);
            }
        } else {
            sameName.add(object);
        }
        byType.computeIfAbsent(object.type().path(), t -> new LinkedHashMap<>()).put(object.uuid(), object);
        for (String target : RefFields.collect(object.body())) {
            referrers.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(path);
        }
    }

    void remove(StoredObject object) {
        byPath.remove(object.ref().path());
        byType.getOrDefault(object.type().path(), Map.of()).remove(object.uuid());
        unindex(object);
        unname(object);
    }

    private void unname(StoredObject object) {
        Map<String, List<StoredObject>> names = byName.getOrDefault(object.type().path(), Map.of());
        List<StoredObject> sameName = names.get(object.name());
        if (sameName != null) {
            sameName.remove(object);
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
