package io.akocamel.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers values computed from equal keys during the previous build of the same shard and carries over only those
 * used again, so memory follows the current state. Keys are plain values (records), so a hit gives exactly what
 * computing would: memoising changes speed, never results. One instance per build; not thread-safe.
 */
final class Memo {
    private final Map<Object, Object> previous;
    private final Map<Object, Object> current;

    Memo(Map<Object, Object> previous) {
        this.previous = previous;
        this.current = new HashMap<>(Math.max(16, previous.size() * 4 / 3 + 1));
    }

    @SuppressWarnings("unchecked")
    <V> V get(Object key, Function<Object, V> compute) {
        Object value = current.get(key);
        if (value == null) {
            value = previous.get(key);
            if (value == null) {
                value = compute.apply(key);
            }
            current.put(key, value);
        }
        return (V) value;
    }

    /** What the next build of this shard may reuse. */
    Map<Object, Object> carryOver() {
        return current;
    }
}
