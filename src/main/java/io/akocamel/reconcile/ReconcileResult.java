package io.akocamel.reconcile;

import io.akocamel.avi.BatchResult;
import io.akocamel.avi.OperationResult;
import io.akocamel.avi.Outcome;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one reconcile of a shard key did: writes by outcome, failures, conflicts; or why it was skipped; and whether the
 * key was requested again meanwhile ({@code rerun}: the route sends it back to be reconciled once more).
 */
public record ReconcileResult(String key, Map<Outcome, Long> outcomes, int failures, int conflicts, String skippedBecause, Rerun rerun) {

    ReconcileResult(String key, Map<Outcome, Long> outcomes, int failures, int conflicts, String skippedBecause) {
        this(key, outcomes, failures, conflicts, skippedBecause, Rerun.NONE);
    }

    static ReconcileResult noop(String key, int conflicts) {
        return new ReconcileResult(key, Map.of(), 0, conflicts, null);
    }

    static ReconcileResult skipped(String key, String reason) {
        return new ReconcileResult(key, Map.of(), 0, 0, reason);
    }

    ReconcileResult withRerun(Rerun requested) {
        return new ReconcileResult(key, outcomes, failures, conflicts, skippedBecause, requested);
    }

    static ReconcileResult of(String key, BatchResult batch, int conflicts) {
        Map<Outcome, Long> outcomes = batch.results().stream()
                .collect(Collectors.groupingBy(OperationResult::outcome, TreeMap::new, Collectors.counting()));
        return new ReconcileResult(key, outcomes, batch.failures().size(), conflicts, null);
    }

    public long writes() {
        return outcomes.entrySet().stream().filter(e -> e.getKey() != Outcome.NOOP && e.getKey() != Outcome.FAILED).mapToLong(Map.Entry::getValue).sum();
    }

    /** NOOP / APPLIED / FAILED / SKIPPED, the result label of the reconcile metrics. */
    public String result() {
        if (skippedBecause != null) {
            return "SKIPPED";
        }
        if (failures > 0 || conflicts > 0) {
            return "FAILED";
        }
        return writes() > 0 ? "APPLIED" : "NOOP";
    }

    public String summary() {
        String counts = outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return result() + (counts.isEmpty() ? "" : " [" + counts + "]") + (conflicts > 0 ? ", " + conflicts + " conflicts" : "");
    }
}
