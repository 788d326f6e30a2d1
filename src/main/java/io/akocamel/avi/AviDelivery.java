package io.akocamel.avi;

/** Sends the planned writes of one shard to the Avi Controller, in order, under the error policy. */
@FunctionalInterface
public interface AviDelivery {
    BatchResult apply(ShardBatch batch);
}
