package io.akocamel.avi;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** The steps of route {@code avi-apply} around the split of a {@link ShardBatch} (bean {@code aviBatch}). */
public final class AviBatchProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(AviBatchProcessor.class);

    private final DeadLetterStore deadLetters;

    public AviBatchProcessor(DeadLetterStore deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Keeps the batch's progress in an exchange property; the body becomes the operations' indexes by level
     * ({@link ShardBatch#levels()}): the levels one after the other, the operations of one level in parallel.
     */
    public List<List<Integer>> start(Exchange exchange) {
        ShardBatch batch = exchange.getMessage().getBody(ShardBatch.class);
        if (batch == null) {
            throw new IllegalArgumentException("direct:avi-apply expects a ShardBatch body, got "
                    + exchange.getMessage().getBody(Object.class));
        }
        exchange.setProperty(AviExchange.BATCH, new BatchState(batch));
        return batch.levels();
    }

    /**
     * Per operation (body: its index in the batch): sets the first step, or marks it not attempted when an operation it
     * depends on failed.
     */
    public void begin(Exchange exchange) {
        int index = exchange.getMessage().getBody(Integer.class);
        BatchState batch = exchange.getProperty(AviExchange.BATCH, BatchState.class);
        AviOperation op = batch.operation(index);
        exchange.getMessage().setBody(op);
        exchange.setProperty(AviExchange.OPERATION, op);
        exchange.setProperty(AviExchange.OPERATION_INDEX, index);
        exchange.setProperty(AviExchange.IDEMPOTENCY_KEY, op.idempotencyKey());
        String skip = batch.skipReason(op);
        exchange.setProperty(AviExchange.SKIP, skip != null);
        if (skip != null) {
            batch.record(index, new OperationResult(op.key(), op.method(), Outcome.FAILED, 0, skip, ErrorClass.NOT_ATTEMPTED));
            exchange.removeProperty(AviExchange.STEP);
        } else {
            exchange.setProperty(AviExchange.STEP, AviStep.write(op, 1));
        }
    }

    /** The idempotent consumer saw this exact write before: nothing is sent. */
    public void duplicate(Exchange exchange) {
        AviOperation op = exchange.getProperty(AviExchange.OPERATION, AviOperation.class);
        BatchState batch = exchange.getProperty(AviExchange.BATCH, BatchState.class);
        batch.record(exchange.getProperty(AviExchange.OPERATION_INDEX, Integer.class),
                new OperationResult(op.key(), op.method(), Outcome.NOOP, 0, "the identical write was already sent", null));
        exchange.removeProperty(AviExchange.STEP);
        LOG.debug("{}: duplicate write not sent", op);
    }

    /** The reply: a {@link BatchResult}, plus the headers {@link AviExchange#BATCH_SUCCEEDED} and {@link AviExchange#WARNINGS}. */
    public BatchResult finish(Exchange exchange) {
        BatchState batch = exchange.getProperty(AviExchange.BATCH, BatchState.class);
        BatchResult result = batch.result();
        deadLetters.shardApplied(result.shardKey(), batch.unresolvedKeys());
        exchange.getMessage().setHeader(AviExchange.BATCH_SUCCEEDED, result.succeeded());
        exchange.getMessage().setHeader(AviExchange.WARNINGS, result.warnings());
        exchange.removeProperty(AviExchange.BATCH);
        // the reconcile route logs the one INFO line per applied change (with its cause); this is the delivery detail
        if (result.writes() > 0 || !result.succeeded()) {
            LOG.debug("shard {}: {} writes, {} failed, {} warnings", result.shardKey(), result.writes(), result.failures().size(),
                    result.warnings().size());
        }
        return result;
    }
}
