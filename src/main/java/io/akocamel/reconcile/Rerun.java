package io.akocamel.reconcile;

/** Whether a shard key was requested again while it was being reconciled, and whether one such request was a full sync. */
public enum Rerun {
    NONE, AGAIN, FULL_SYNC;

    Rerun and(Rerun other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The rerun counts towards the initial full sync (header {@code AkoFullSync}). */
    public boolean isFullSync() {
        return this == FULL_SYNC;
    }
}
