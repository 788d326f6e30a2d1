package io.akocamel.model;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the builds of one shard remember of each other: values computed in earlier builds, reused while what they
 * were computed from is the same, and forgotten once no longer used (so memory follows the current state).
 * <ul>
 *   <li>{@link #get}: keyed by a plain value (a record); a hit gives exactly what computing would.</li>
 *   <li>{@link #ofInstance}: keyed by one immutable object (an Ingress), valid while that same object is used.</li>
 *   <li>{@link #reuseForInstance}: keyed by an object's identity, valid while its inputs are the same (see below).</li>
 *   <li>{@link #reuse}: keyed by an identity, valid while its inputs are the same objects: the same Kubernetes objects
 *       (a changed object is a new object, as informer caches and {@link ClusterSnapshot} provide them; objects are
 *       never modified in place) and equal plain values.</li>
 * </ul>
 * Memoising changes speed, never results. Used by one build at a time ({@link ModelBuilder} hands a shard's memo to
 * one build and takes it back after); not thread-safe.
 */
final class Memo {
    private static final class Slot {
        List<?> inputs;
        Object value;
        long build;

        Slot(List<?> inputs, Object value) {
            this.inputs = inputs;
            this.value = value;
        }
    }

    private final Map<Object, Slot> byKey = new HashMap<>();
    private final Map<Object, Slot> byInstance = new IdentityHashMap<>();
    private long build;
    private int used;

    /** Starts a build: what the previous build used stays, what it did not is forgotten at {@link #endBuild}. */
    void startBuild() {
        build++;
        used = 0;
    }

    /** Forgets what this build did not use (only when that is a good part of it, to keep the cost low). */
    void endBuild() {
        if (byKey.size() + byInstance.size() > used * 5 / 4 + 64) {
            byKey.values().removeIf(s -> s.build != build);
            byInstance.values().removeIf(s -> s.build != build);
        }
    }

    @SuppressWarnings("unchecked")
    <V> V get(Object key, Function<Object, V> compute) {
        Slot slot = byKey.get(key);
        if (slot == null) {
            slot = new Slot(null, compute.apply(key));
            byKey.put(key, slot);
        }
        return (V) touch(slot).value;
    }

    /** A value computed from one (immutable) object alone, remembered while that same object is used. */
    @SuppressWarnings("unchecked")
    <V> V ofInstance(Object instance, Supplier<V> compute) {
        Slot slot = byInstance.get(instance);
        if (slot == null) {
            slot = new Slot(null, compute.get());
            byInstance.put(instance, slot);
        }
        return (V) touch(slot).value;
    }

    /** The value remembered under {@code key} if its inputs are the same as {@code inputs}, else a computed one. */
    <V> V reuse(Object key, List<?> inputs, Supplier<V> compute) {
        return reuse(byKey, key, inputs, compute);
    }

    /** As {@link #reuse}, keyed by an object's identity (an object of a remembered parse, such as a backend). */
    <V> V reuseForInstance(Object instance, List<?> inputs, Supplier<V> compute) {
        return reuse(byInstance, instance, inputs, compute);
    }

    @SuppressWarnings("unchecked")
    private <V> V reuse(Map<Object, Slot> slots, Object key, List<?> inputs, Supplier<V> compute) {
        Slot slot = slots.get(key);
        if (slot == null) {
            slot = new Slot(inputs, compute.get());
            slots.put(key, slot);
        } else if (slot.inputs != inputs && !same(slot.inputs, inputs)) {
            slot.inputs = inputs;
            slot.value = compute.get();
        }
        return (V) touch(slot).value;
    }

    private Slot touch(Slot slot) {
        if (slot.build != build) {
            slot.build = build;
            used++;
        }
        return slot;
    }

    /** Kubernetes objects must be the same instances; strings, numbers and records must be equal; lists alike. */
    private static boolean same(List<?> a, List<?> b) {
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x != y && (x == null || y == null || !(x instanceof List<?> lx && y instanceof List<?> ly ? same(lx, ly) : isValue(x) && x.equals(y)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValue(Object o) {
        return o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Record || o instanceof Enum<?>;
    }
}
