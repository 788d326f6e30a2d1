package io.akocamel.ops;

/** What the operator's JMX operations ask the running routes to do. */
public interface ControllerActions {
    /** Starts a full sync; returns at once. */
    void fullSync();

    /** Re-reads one object ({@code type/name}) from the Avi Controller into the inventory. */
    void reread(String objectKey);

    /** Re-reconciles one shard from current state. */
    void reconcile(String shardKey);
}
