package io.akocamel.ops;

import java.util.List;

/**
 * The controller's own JMX MBean, {@code io.akocamel:type=Controller,context=<Camel context>} (next to Camel's route
 * and context MBeans under {@code org.apache.camel}): dead letters, replay, full sync on demand, sync state.
 */
public interface ControllerMXBean {
    /** The failed Avi operations waiting in the dead-letter store, oldest first. */
    List<DeadLetterInfo> getDeadLetters();

    int getDeadLetterCount();

    /**
     * Re-reads one dead-lettered object ({@code type/name}, e.g. {@code pool/cluster-1--web}) from the controller and
     * re-reconciles its shard; false when there is no such dead letter.
     */
    boolean replayDeadLetter(String objectKey);

    /** {@link #replayDeadLetter} for every dead letter; returns how many shards were re-reconciled. */
    int replayAllDeadLetters();

    /** Starts a full sync (re-read the Avi inventory, then every shard key) and returns at once. */
    String triggerFullSync();

    /** The first full reconcile after start has finished (readiness waits for it). */
    boolean isInitialSyncDone();

    /** Every Kubernetes watch has listed completely and none has stopped. */
    boolean isKubernetesListsComplete();

    /** The objects this cluster owns on the controller have been read at least once. */
    boolean isAviInventoryLoaded();

    /** INITIATING, CONNECTED or DISCONNECTED (as {@code /api/status}). */
    String getAviConnectionStatus();

    /** When the last full sync finished (ISO-8601), empty before the first. */
    String getLastFullSyncTime();

    double getLastFullSyncDurationSeconds();

    /** Shard keys of the running full sync not reconciled yet (0 when none runs). */
    int getFullSyncPendingKeys();

    /** Shard keys being reconciled right now. */
    List<String> getReconcilingShards();
}
