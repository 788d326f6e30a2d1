package io.akocamel.reconcile;

import io.akocamel.avi.BatchResult;
import io.akocamel.avi.OperationResult;
import io.akocamel.avi.Outcome;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one reconcile of a shard key did: writes by outcome, failures, conflicts; or why it was skipped. {@code error}
 * says why the reconcile itself failed (it threw, or an Ingress status could not be written): the key is retried
 * ({@link ReconcileRetries}). Failed Avi writes are not such an error: dead-letter recovery retries them. {@code rerun}
 * says whether the key was requested again while it ran (the route sends it back to be reconciled once more);
 * {@code followUp}, a key to reconcile after this one (null: none), e.g. {@link io.akocamel.avi.Planner#ORPHANS} once
 * objects AKO created were adopted.
 */
public record ReconcileResult(String key, Map<Outcome, Long> outcomes, int failures, int conflicts, String skippedBecause, String error,
                              Rerun rerun, String followUp) {

    static ReconcileResult noop(String key, int conflicts) {
        return new ReconcileResult(key, Map.of(), 0, conflicts, null, null, Rerun.NONE, null);
    }

    static ReconcileResult skipped(String key, String reason) {
        return new ReconcileResult(key, Map.of(), 0, 0, reason, null, Rerun.NONE, null);
    }

    static ReconcileResult failed(String key, String error) {
        return new ReconcileResult(key, Map.of(), 1, 0, null, error, Rerun.NONE, null);
    }

    static ReconcileResult of(String key, BatchResult batch, int conflicts) {
        Map<Outcome, Long> outcomes = batch.results().stream()
                .collect(Collectors.groupingBy(OperationResult::outcome, TreeMap::new, Collectors.counting()));
        return new ReconcileResult(key, outcomes, batch.failures().size(), conflicts, null, null, Rerun.NONE, null);
    }

    /** The same result, failed with {@code error} (which keeps any earlier one). */
    ReconcileResult withError(String error) {
        return new ReconcileResult(key, outcomes, failures, conflicts, skippedBecause, this.error == null ? error : this.error, rerun, followUp);
    }

    ReconcileResult withRerun(Rerun requested) {
        return new ReconcileResult(key, outcomes, failures, conflicts, skippedBecause, error, requested, followUp);
    }

    ReconcileResult followedBy(String key) {
        return new ReconcileResult(this.key, outcomes, failures, conflicts, skippedBecause, error, rerun, key);
    }

    public long writes() {
        return outcomes.entrySet().stream().filter(e -> e.getKey() != Outcome.NOOP && e.getKey() != Outcome.FAILED).mapToLong(Map.Entry::getValue).sum();
    }

    /** NOOP / APPLIED / FAILED / SKIPPED, the result label of the reconcile metrics. */
    public String result() {
        if (skippedBecause != null) {
            return "SKIPPED";
        }
        if (failures > 0 || conflicts > 0 || error != null) {
            return "FAILED";
        }
        return writes() > 0 ? "APPLIED" : "NOOP";
    }

    public String summary() {
        String counts = outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return result() + (counts.isEmpty() ? "" : " [" + counts + "]") + (conflicts > 0 ? ", " + conflicts + " conflicts" : "")
                + (error == null ? "" : ", " + error);
    }
}
