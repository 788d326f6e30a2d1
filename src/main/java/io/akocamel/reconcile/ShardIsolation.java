package io.akocamel.reconcile;

import io.akocamel.avi.AviDelivery;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviWarning;
import io.akocamel.avi.BatchResult;
import io.akocamel.avi.Conflict;
import io.akocamel.avi.ErrorClass;
import io.akocamel.avi.OperationResult;
import io.akocamel.avi.Plan;
import io.akocamel.avi.StoredObject;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;
import io.akocamel.model.Naming;
import io.akocamel.model.ShardModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Delivers one shard so that a host whose objects the controller refuses (a rejected payload, a name taken by a foreign
 * object) does not hold back the other hosts. The parent VS refers to every host's policy set, so a refused policy set
 * would otherwise keep the parent from being written, and with it every create, update and delete of the shard.
 *
 * <p>When a write of a host's own objects fails (or is in conflict) and something else waited for it, the shard is
 * planned again with that host held back, and the rest is sent:
 * <ul>
 *   <li>a host whose policy set exists on the controller keeps what the controller last accepted: its objects are not
 *       written, not deleted, and the parent still refers to its policy set;</li>
 *   <li>a host new to the controller is left out of the shard (the model is built as if no Ingress named it).</li>
 * </ul>
 * Failures of the shard's own objects (parent VS, VS VIP, shard-wide policy sets and pools) and controller-level
 * failures are not isolated: they concern every host; nor are DEDICATED VSes, which serve one host each. The next reconcile tries the held host again in full, so it
 * converges as soon as the cause is gone.
 */
final class ShardIsolation {
    /** Passes per reconcile: each can only hold back more hosts; what is still failing after them waits for the next reconcile. */
    static final int MAX_PASSES = 3;

    /**
     * What the shard got: the writes of every pass (a pass's operations that were not attempted but sent again later
     * are left out), the Avi warnings, and per held host what it means for that host.
     */
    /** @param leftOut the held hosts that are new to the controller: not served at all until their objects are accepted */
    record Outcome(ReconcileResult result, List<AviWarning> warnings, Map<String, String> held, Set<String> leftOut) {
    }

    private final Naming naming;
    private final AviInventory inventory;
    private final ShardPlanner planner;
    private final AviDelivery delivery;

    /** Plans a shard's desired objects (the reconciler's planning, deletion brake included). */
    @FunctionalInterface
    interface ShardPlanner {
        Plan plan(String shardKey, List<AviObject> desired, boolean gcAllowed);
    }

    ShardIsolation(Naming naming, AviInventory inventory, ShardPlanner planner, AviDelivery delivery) {
        this.naming = naming;
        this.inventory = inventory;
        this.planner = planner;
        this.delivery = delivery;
    }

    /**
     * Sends {@code plan} (made from {@code model}), holding back hosts as described above. {@code rebuild} builds the
     * shard with some hosts left out.
     */
    Outcome deliver(ShardModel model, Plan plan, Function<Set<String>, ShardModel> rebuild, boolean gcAllowed) {
        Map<String, String> held = new TreeMap<>();
        Set<String> leftOut = new TreeSet<>();
        Set<String> heldKeys = new TreeSet<>();
        Set<String> conflicts = new TreeSet<>();
        Set<AviWarning> warnings = new LinkedHashSet<>();
        List<OperationResult> results = new ArrayList<>();
        ShardModel current = model;
        for (int pass = 1; ; pass++) {
            // a DEDICATED VS serves one host: holding it back would only take down the VS it has
            boolean lastPass = pass == MAX_PASSES || naming.isDedicated();
            List<String> conflicting = plan.conflicts().stream().map(Conflict::key).toList();
            Set<String> culprits = culprits(current, conflicting, held);
            if (!culprits.isEmpty() && blocksOthers(current, conflicting, culprits) && !lastPass) {
                // found before sending anything: plan again without those hosts; only their own conflicts remain
                for (Conflict c : plan.conflicts()) {
                    if (current.hostOf(c.key()).filter(culprits::contains).isPresent()) {
                        warnings.add(new AviWarning(c.key(), c.eventReason(), c.reason()));
                        conflicts.add(c.key());
                        heldKeys.add(c.key());
                    }
                }
                current = hold(culprits, held, leftOut, model, rebuild);
                plan = replan(current, held, model, gcAllowed);
                continue;
            }
            conflicts.addAll(conflicting);
            if (plan.operations().isEmpty()) {
                plan.conflicts().forEach(c -> warnings.add(new AviWarning(c.key(), c.eventReason(), c.reason())));
                return outcome(plan.shardKey(), results, conflicts.size(), warnings, held, leftOut);
            }
            BatchResult batch = delivery.apply(plan.batch().holding(heldKeys));
            warnings.addAll(batch.warnings());
            List<String> failed = batch.failures().stream().filter(ShardIsolation::isolatable).map(OperationResult::key).toList();
            culprits = culprits(current, failed, held);
            if (culprits.isEmpty() || !blockedOthers(batch) || lastPass) {
                results.addAll(batch.results());
                return outcome(plan.shardKey(), results, conflicts.size(), warnings, held, leftOut);
            }
            batch.results().stream().filter(r -> r.errorClass() != ErrorClass.NOT_ATTEMPTED).forEach(results::add);
            heldKeys.addAll(failed);
            current = hold(culprits, held, leftOut, model, rebuild);
            plan = replan(current, held, model, gcAllowed);
        }
    }

    /** A failure of the object itself, not of the controller, and not a knock-on effect. */
    private static boolean isolatable(OperationResult r) {
        return r.errorClass() != null && !r.errorClass().stopsBatch() && r.errorClass() != ErrorClass.NOT_ATTEMPTED;
    }

    /** Something was not sent because of a failure, and the batch did not stop for a controller-level failure. */
    private static boolean blockedOthers(BatchResult batch) {
        return batch.failures().stream().anyMatch(r -> r.errorClass() == ErrorClass.NOT_ATTEMPTED)
                && batch.failures().stream().noneMatch(r -> r.errorClass() != null && r.errorClass().stopsBatch());
    }

    /** Some of the conflicts (objects withheld because they refer to a conflicting one) are not the culprits' own. */
    private static boolean blocksOthers(ShardModel model, List<String> conflicting, Set<String> culprits) {
        return conflicting.stream().anyMatch(key -> model.hostOf(key).map(host -> !culprits.contains(host)).orElse(true));
    }

    /** The hosts, not yet held, whose own objects include one of {@code keys}. */
    private static Set<String> culprits(ShardModel model, Collection<String> keys, Map<String, String> held) {
        Set<String> hosts = new TreeSet<>();
        keys.forEach(key -> model.hostOf(key).filter(host -> !held.containsKey(host)).ifPresent(hosts::add));
        return hosts;
    }

    /** Records how each culprit is held and builds the shard without the ones that have nothing on the controller. */
    private ShardModel hold(Set<String> culprits, Map<String, String> held, Set<String> leftOut, ShardModel model,
                            Function<Set<String>, ShardModel> rebuild) {
        for (String host : culprits) {
            Optional<StoredObject> set = inventory.get(AviType.HTTPPOLICYSET, model.policySetOf(host).orElse(naming.hostPolicySetName(host)))
                    .filter(StoredObject::owned);
            if (set.isPresent()) {
                held.put(host, "host '" + host + "' keeps the configuration the Avi Controller last accepted until this is fixed; "
                        + "the other hosts of " + model.vsName() + " are updated");
            } else {
                held.put(host, "host '" + host + "' is not served until this is fixed; the other hosts of " + model.vsName() + " are served");
                leftOut.add(host);
            }
        }
        return rebuild.apply(leftOut);
    }

    /** The shard without the held hosts' objects; what they still use on the controller is not deleted. */
    private Plan replan(ShardModel rebuilt, Map<String, String> held, ShardModel model, boolean gcAllowed) {
        Set<String> heldObjects = new HashSet<>();
        held.keySet().forEach(host -> {
            heldObjects.addAll(model.objectKeysOf(host));
            heldObjects.addAll(rebuilt.objectKeysOf(host));
        });
        List<AviObject> desired = rebuilt.objects().stream().filter(o -> !heldObjects.contains(o.key())).toList();
        return planner.plan(rebuilt.vsName(), desired, gcAllowed).sparing(heldObjects, inventory);
    }

    private static Outcome outcome(String key, List<OperationResult> results, int conflicts, Set<AviWarning> warnings,
                                   Map<String, String> held, Set<String> leftOut) {
        ReconcileResult result = results.isEmpty()
                ? ReconcileResult.noop(key, conflicts)
                : ReconcileResult.of(key, new BatchResult(key, results, List.copyOf(warnings)), conflicts);
        return new Outcome(result, List.copyOf(warnings), held, Set.copyOf(leftOut));
    }
}
