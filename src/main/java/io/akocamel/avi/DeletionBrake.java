package io.akocamel.avi;

import io.akocamel.config.Settings.BrakeLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The deletion brake: a cycle (from one complete full sync to the next) that would delete more than
 * {@link BrakeLimits#maxShare()} of the objects this cluster owns, and more than {@link BrakeLimits#minObjects()} of
 * them, holds those deletes. The next complete full sync confirms them: the deletes it plans again are made then. The
 * typical trigger is {@code helm uninstall} deleting the IngressClass, so that every Ingress stops being ours at once.
 * <p>
 * Every reconcile counts, whether a full sync or a watch event started it, and the first plan that would delete is
 * weighed against everything the whole cluster's model no longer wants. Once engaged, the brake holds every delete
 * of the rest of the cycle. With the deletes it also holds the writes that stop referring to the held objects (the
 * parent's update that drops a pool group, for instance), so what is still on the controller keeps serving; creates
 * and other updates go on. An explicit order ({@code deleteConfig}) is never held. Thread-safe.
 */
public final class DeletionBrake {
    /** The reason of the Warning Event on the controller's pod when the brake engages. */
    public static final String REASON = "DeletionsHeld";
    private static final Logger LOG = LoggerFactory.getLogger(DeletionBrake.class);
    private static final int KEYS_SHOWN = 10;

    private final BrakeLimits limits;
    private final Consumer<String> alarm;
    /** Deletes sent this cycle that counted towards the limits (confirmed ones do not). */
    private int counted;
    /** Every delete sent this cycle: what the cluster owned at the start is what is owned now plus these. */
    private int sent;
    private boolean engaged;
    private final Set<String> held = new TreeSet<>();
    /** Held in the last cycle: the deletes this cycle confirms. */
    private Set<String> confirmable = new TreeSet<>();
    private long engagements;

    /** @param alarm told once per cycle, when the brake engages, what it holds and why (a Warning Event) */
    public DeletionBrake(BrakeLimits limits, Consumer<String> alarm) {
        this.limits = limits;
        this.alarm = alarm;
    }

    /**
     * A full sync started, after the inventory was re-read. Only a complete one (every Kubernetes list and the
     * inventory read completely) starts a new cycle: what the last cycle held becomes what this one may confirm.
     */
    public synchronized void cycleStarted(boolean complete) {
        if (!complete) {
            return;
        }
        if (!held.isEmpty()) {
            LOG.warn("Deletion brake: {} held delete(s) are made if this full sync plans them again", held.size());
        }
        confirmable = new TreeSet<>(held);
        held.clear();
        counted = 0;
        sent = 0;
        engaged = false;
    }

    /**
     * The plan to send: {@code plan} itself, or without the deletes the brake holds (and the writes that go with them).
     *
     * @param owned         the objects this cluster owns now (asked only when the plan deletes something)
     * @param explicitOrder {@code deleteConfig}: the deletes are wanted, nothing is held
     */
    public Plan admit(Plan plan, IntSupplier owned, boolean explicitOrder) {
        return admit(plan, owned, explicitOrder, Set.<String>of());
    }

    /**
     * As {@link #admit(Plan, IntSupplier, boolean)}, and the brake also engages when {@code unwanted} — every owned
     * object the whole cluster's model no longer wants, asked only when this plan would start deleting — already
     * exceeds the limits: so the first shard of a mass deletion is held too, not only those after the limit.
     */
    public Plan admit(Plan plan, IntSupplier owned, boolean explicitOrder, Supplier<Set<String>> unwanted) {
        boolean deletes = plan.operations().stream().anyMatch(op -> op.method() == AviMethod.DELETE);
        // the whole cluster's model is built outside the lock: other workers' plans are not held up by it
        Set<String> unwantedNow = deletes && !explicitOrder && !engaged() ? unwanted.get() : Set.of();
        return admit(plan, owned, explicitOrder, unwantedNow);
    }

    private synchronized boolean engaged() {
        return engaged;
    }

    private synchronized Plan admit(Plan plan, IntSupplier owned, boolean explicitOrder, Set<String> unwanted) {
        List<AviOperation> deletes = plan.operations().stream().filter(op -> op.method() == AviMethod.DELETE).toList();
        if (deletes.isEmpty() || explicitOrder) {
            sent += deletes.size();
            return plan;
        }
        List<AviOperation> fresh = deletes.stream().filter(op -> !confirmable.contains(op.key())).toList();
        int ownedAtStart = owned.getAsInt() + sent;
        if (fresh.isEmpty() || !engaged && !exceeds(counted + fresh.size(), ownedAtStart)
                && !exceeds(counted + (int) unwanted.stream().filter(key -> !confirmable.contains(key)).count(), ownedAtStart)) {
            release(plan.shardKey(), deletes, fresh);
            return plan;
        }
        Set<String> holding = holding(plan.operations(), fresh);
        List<AviOperation> kept = plan.operations().stream().filter(op -> !holding.contains(op.key())).toList();
        release(plan.shardKey(), kept.stream().filter(op -> op.method() == AviMethod.DELETE).toList(), List.of());
        List<String> heldNow = plan.operations().stream().filter(op -> holding.contains(op.key()) && op.method() == AviMethod.DELETE)
                .map(AviOperation::key).toList();
        held.addAll(heldNow);
        confirmable.removeAll(heldNow);
        String why = String.format(Locale.ROOT, "more than %s of the %d objects this cluster owns and more than %d objects "
                + "would be deleted before the next full sync", percent(limits.maxShare()), ownedAtStart, limits.minObjects());
        LOG.warn("Deletion brake: shard {}: holding {} delete(s) and {} write(s) that go with them, because {}: {}", plan.shardKey(),
                heldNow.size(), holding.size() - heldNow.size(), why, shown(heldNow));
        if (!engaged) {
            engaged = true;
            engagements++;
            alarm.accept(heldNow.size() + " deletion(s) held, because " + why + " (" + shown(heldNow) + "). If they are wanted, "
                    + "they are made by the next full sync that still finds them unwanted, or at once with deleteConfig; if not, "
                    + "restore what removed them (an IngressClass, a namespace, Ingresses)");
        }
        return new Plan(plan.shardKey(), kept, plan.conflicts());
    }

    /** Deletes held, this cycle or waiting for this cycle to confirm them (gauge {@code ako_deletions_held}). */
    public synchronized int held() {
        return held.size() + confirmable.size();
    }

    /** How often the brake engaged (counter {@code ako_deletion_brake_engaged_total}). */
    public synchronized long engagements() {
        return engagements;
    }

    private boolean exceeds(int deletes, int ownedAtStart) {
        return deletes > limits.minObjects() && deletes > limits.maxShare() * ownedAtStart;
    }

    private void release(String shardKey, List<AviOperation> deletes, List<AviOperation> fresh) {
        List<String> confirmed = deletes.stream().map(AviOperation::key).filter(confirmable::contains).toList();
        if (!confirmed.isEmpty()) {
            LOG.warn("Deletion brake: shard {}: the full sync confirmed {} held delete(s); deleting {}", shardKey, confirmed.size(), shown(confirmed));
            confirmed.forEach(confirmable::remove);
        }
        counted += fresh.size();
        sent += deletes.size();
    }

    /** The fresh deletes, the writes each waits for (they stop referring to it), and whatever depends on what is held. */
    private static Set<String> holding(List<AviOperation> operations, List<AviOperation> fresh) {
        Set<String> holding = new HashSet<>();
        fresh.forEach(op -> {
            holding.add(op.key());
            holding.addAll(op.dependsOn());
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (AviOperation op : operations) {
                if (!holding.contains(op.key()) && op.dependsOn().stream().anyMatch(holding::contains)) {
                    holding.add(op.key());
                    changed = true;
                }
            }
        }
        return holding;
    }

    private static String shown(List<String> keys) {
        List<String> first = new ArrayList<>(keys.subList(0, Math.min(KEYS_SHOWN, keys.size())));
        return String.join(", ", first) + (keys.size() > KEYS_SHOWN ? " and " + (keys.size() - KEYS_SHOWN) + " more" : "");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
