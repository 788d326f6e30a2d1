package io.akocamel.avi;

import java.util.List;

/**
 * The reply of {@code direct:avi-apply}: one result per operation, in batch order, and the warnings for the Ingresses
 * (failed operations and planner conflicts). The route also sets the headers {@link AviExchange#BATCH_SUCCEEDED} and
 * {@link AviExchange#WARNINGS}.
 */
public record BatchResult(String shardKey, List<OperationResult> results, List<AviWarning> warnings) {
    public BatchResult {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }

    public boolean succeeded() {
        return results.stream().noneMatch(OperationResult::failed);
    }

    public long writes() {
        return results.stream().filter(OperationResult::wrote).count();
    }

    public List<OperationResult> failures() {
        return results.stream().filter(OperationResult::failed).toList();
    }
}
