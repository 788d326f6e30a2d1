package io.akocamel.reconcile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shard keys being reconciled, one worker each. A request for a key that is already running does not wait for it
 * (that would tie up a second worker): it is remembered, and {@link #finish} says whether the key must run once more.
 * Holds only the running keys, so its size is bounded by the number of workers.
 */
final class RunningKeys {
    private final Map<String, Rerun> running = new HashMap<>();

    /** True when the key was idle and is now running; false when it was running (the request is remembered). */
    synchronized boolean start(String key, boolean fullSync) {
        Rerun pending = running.get(key);
        if (pending == null) {
            running.put(key, Rerun.NONE);
            return true;
        }
        running.put(key, pending.and(fullSync ? Rerun.FULL_SYNC : Rerun.AGAIN));
        return false;
    }

    /** The key stopped running: what was requested for it meanwhile. */
    synchronized Rerun finish(String key) {
        Rerun pending = running.remove(key);
        return pending == null ? Rerun.NONE : pending;
    }

    synchronized Set<String> keys() {
        return new TreeSet<>(running.keySet());
    }
}
