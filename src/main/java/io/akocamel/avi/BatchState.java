package io.akocamel.avi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The progress of one {@code direct:avi-apply} batch (exchange property {@link AviExchange#BATCH}, shared by the split). */
final class BatchState {

    private final ShardBatch batch;
    private final OperationResult[] results;
    private final Set<String> failedKeys = new HashSet<>();
    private String stoppedBy;

    BatchState(ShardBatch batch) {
        this.batch = batch;
        this.results = new OperationResult[batch.operations().size()];
    }

    String shardKey() {
        return batch.shardKey();
    }

    AviOperation operation(int index) {
        return batch.operations().get(index);
    }

    /** Why an operation is not sent (a failed operation it depends on, or a controller-level failure), or null. */
    synchronized String skipReason(AviOperation op) {
        if (stoppedBy != null) {
            return "not attempted: the batch stopped after " + stoppedBy;
        }
        return op.dependsOn().stream().filter(failedKeys::contains).sorted().findFirst()
                .map(key -> "not attempted: it depends on " + key + ", which failed").orElse(null);
    }

    synchronized void record(int index, OperationResult result) {
        results[index] = result;
        if (result.failed()) {
            failedKeys.add(result.key());
            if (result.errorClass() != null && result.errorClass().stopsBatch() && stoppedBy == null) {
                stoppedBy = result.key() + " failed (" + result.message() + ")";
            }
        }
    }

    synchronized BatchResult result() {
        List<OperationResult> all = new ArrayList<>();
        List<AviWarning> warnings = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            OperationResult r = results[i];
            if (r == null) {
                AviOperation op = batch.operations().get(i);
                r = new OperationResult(op.key(), op.method(), Outcome.FAILED, 0, "not attempted", ErrorClass.NOT_ATTEMPTED);
            }
            all.add(r);
            if (r.failed() && r.errorClass() != ErrorClass.NOT_ATTEMPTED) {
                warnings.add(new AviWarning(r.key(), r.errorClass().eventReason(), r.message()));
            }
        }
        batch.conflicts().forEach(c -> warnings.add(new AviWarning(c.key(), c.eventReason(), c.reason())));
        return new BatchResult(batch.shardKey(), all, warnings);
    }

    /** Objects the batch leaves failing or in conflict, or holds back. */
    synchronized Set<String> unresolvedKeys() {
        Set<String> keys = new HashSet<>(batch.held());
        batch.conflicts().forEach(c -> keys.add(c.key()));
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null || results[i].failed()) {
                keys.add(batch.operations().get(i).key());
            }
        }
        return keys;
    }
}
