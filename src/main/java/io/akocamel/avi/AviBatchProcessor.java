package io.akocamel.avi;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** The steps of route {@code avi-apply} around the split of a {@link ShardBatch} (bean {@code aviBatch}). */
public final class AviBatchProcessor {
    static final String IDEMPOTENCY_KEY = "AviIdempotencyKey";
    static final String SKIP = "AviSkip";
    private static final Logger LOG = LoggerFactory.getLogger(AviBatchProcessor.class);

    private final DeadLetterStore deadLetters;

    public AviBatchProcessor(DeadLetterStore deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Keeps the batch's progress in an exchange property; the body becomes the ordered operations to split. */
    public List<AviOperation> start(Exchange exchange) {
        ShardBatch batch = exchange.getMessage().getBody(ShardBatch.class);
        if (batch == null) {
            throw new IllegalArgumentException("direct:avi-apply expects a ShardBatch body, got "
                    + exchange.getMessage().getBody(Object.class));
        }
        exchange.setProperty(BatchState.PROPERTY, new BatchState(batch));
        return batch.operations();
    }

    /** Per operation: sets the first step, or marks it not attempted when an operation it depends on failed. */
    public void begin(Exchange exchange) {
        AviOperation op = exchange.getMessage().getBody(AviOperation.class);
        int index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        BatchState batch = exchange.getProperty(BatchState.PROPERTY, BatchState.class);
        exchange.setProperty(BatchState.OPERATION, op);
        exchange.setProperty(BatchState.INDEX, index);
        exchange.setProperty(IDEMPOTENCY_KEY, op.idempotencyKey());
        String skip = batch.skipReason(op);
        exchange.setProperty(SKIP, skip != null);
        if (skip != null) {
            batch.record(index, new OperationResult(op.key(), op.method(), Outcome.FAILED, 0, skip, ErrorClass.NOT_ATTEMPTED));
            exchange.removeProperty(AviStep.PROPERTY);
        } else {
            exchange.setProperty(AviStep.PROPERTY, AviStep.write(op, 1));
        }
    }

    /** The idempotent consumer saw this exact write before: nothing is sent. */
    public void duplicate(Exchange exchange) {
        AviOperation op = exchange.getProperty(BatchState.OPERATION, AviOperation.class);
        BatchState batch = exchange.getProperty(BatchState.PROPERTY, BatchState.class);
        batch.record(exchange.getProperty(BatchState.INDEX, Integer.class),
                new OperationResult(op.key(), op.method(), Outcome.NOOP, 0, "the identical write was already sent", null));
        exchange.removeProperty(AviStep.PROPERTY);
        LOG.debug("{}: duplicate write not sent", op);
    }

    /** The reply: a {@link BatchResult}, plus the headers {@link BatchResult#HEADER_SUCCEEDED} and {@link BatchResult#HEADER_WARNINGS}. */
    public BatchResult finish(Exchange exchange) {
        BatchState batch = exchange.getProperty(BatchState.PROPERTY, BatchState.class);
        BatchResult result = batch.result();
        deadLetters.shardApplied(result.shardKey(), batch.unresolvedKeys());
        exchange.getMessage().setHeader(BatchResult.HEADER_SUCCEEDED, result.succeeded());
        exchange.getMessage().setHeader(BatchResult.HEADER_WARNINGS, result.warnings());
        exchange.removeProperty(BatchState.PROPERTY);
        // the reconcile route logs the one INFO line per applied change (with its cause); this is the delivery detail
        if (result.writes() > 0 || !result.succeeded()) {
            LOG.debug("shard {}: {} writes, {} failed, {} warnings", result.shardKey(), result.writes(), result.failures().size(),
                    result.warnings().size());
        }
        return result;
    }
}
