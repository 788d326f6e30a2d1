package io.akocamel.reconcile;

import io.akocamel.avi.AviDelivery;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviMethod;
import io.akocamel.avi.AviWarning;
import io.akocamel.avi.BatchResult;
import io.akocamel.avi.DeletionBrake;
import io.akocamel.avi.ErrorClass;
import io.akocamel.avi.Plan;
import io.akocamel.avi.Planner;
import io.akocamel.avi.StoredObject;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.config.Settings;
import io.akocamel.kube.ClusterState;
import io.akocamel.kube.EventSink;
import io.akocamel.kube.KubeHeaders;
import io.akocamel.kube.Leadership;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;
import io.akocamel.model.ClusterView;
import io.akocamel.model.IngressRef;
import io.akocamel.model.ModelBuilder;
import io.akocamel.model.ModelWarning;
import io.akocamel.model.Naming;
import io.akocamel.model.ShardModel;
import io.akocamel.model.StaticRoutes;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Reconciles one shard key (the {@code reconcile-run} route): the model of the shard from the current cluster state,
 * the plan against the Avi inventory, the ordered delivery, then Ingress status and Events. Nothing is written from
 * half-known state: a key is skipped (and visited by a later full sync) until the Avi inventory was read completely
 * once and while a Kubernetes list is incomplete. A reconcile that throws, or whose status write fails, returns a
 * result with an error (the route retries it). Keeps between calls the running keys (one shard is never reconciled by
 * two workers at once: a request for a running key returns at once and is answered by one rerun, see
 * {@link RunningKeys}), the hosts each shard served at its last reconcile (for status) and the initial-sync bookkeeping.
 * Every collaborator is passed in; the composition root ({@code io.akocamel.app.Components}) wires the real ones.
 */
public class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    static final String FOLLOWER = "this replica is a follower: the leader (Lease ako-lease-lock) writes; a full sync runs "
            + "here as soon as it takes the Lease";

    /**
     * The Kubernetes side: what the cluster says, whether every list is complete, where Events and status go, who
     * clears the status of Ingresses that stopped being ours but still show one of our VIPs, and whether this replica
     * is the leader (only the leader reconciles; a follower keeps its state warm).
     */
    public record Cluster(ClusterView view, BooleanSupplier complete, EventSink events, StatusWriter status, MissedReleases releases,
                          Leadership leadership) {
    }

    /** Clears the status of the Ingresses that are not ours but still show one of {@code addresses}. */
    @FunctionalInterface
    public interface MissedReleases {
        MissedReleases NONE = addresses -> { };

        void releaseShowing(Set<String> addresses);
    }

    /**
     * The Avi side: what the controller holds, how to plan against it, how to deliver, whether writes may go, and the
     * brake on mass deletions.
     */
    public record Avi(AviInventory inventory, Planner planner, AviDelivery delivery, BooleanSupplier writesAllowed, DeletionBrake brake) {
    }

    private final Settings settings;
    private final ModelBuilder modelBuilder = new ModelBuilder();
    private final Naming naming;
    private final Cluster cluster;
    private final Avi avi;
    private final DnsDomainCheck dnsDomains;
    private final RuntimeConfig runtime;
    private final InitialSync initialSync;
    private final ShardIsolation isolation;
    private final RunningKeys running = new RunningKeys();
    /** Per shard key, the hosts its last model served per Ingress: a host left out (its TLS Secret unusable) shows no VIP. */
    private final Map<String, Map<IngressRef, Set<String>>> servedHosts = new ConcurrentHashMap<>();

    public Reconciler(Settings settings, Cluster cluster, Avi avi, DnsDomainCheck dnsDomains, RuntimeConfig runtime, InitialSync initialSync) {
        this.settings = settings;
        this.naming = Naming.of(settings);
        this.cluster = cluster;
        this.avi = avi;
        this.dnsDomains = dnsDomains;
        this.runtime = runtime;
        this.initialSync = initialSync;
        this.isolation = new ShardIsolation(naming, avi.inventory(), (shard, desired, gc) -> plan(shard, desired, gc, false), avi.delivery());
    }

    /**
     * Reconciles one shard key; {@code fullSync} keys also count towards the initial sync. A key already running on
     * another worker is skipped at once and marked for a rerun, which the running reconcile's result carries.
     */
    public ReconcileResult reconcile(@Body String key, @Header(KubeHeaders.FULL_SYNC) Boolean fullSync) {
        if (!running.start(key, Boolean.TRUE.equals(fullSync))) {
            return ReconcileResult.skipped(key, "being reconciled by another worker; reconciled again when that ends");
        }
        try {
            ReconcileResult result;
            boolean warmFollower = false;
            Optional<String> held;
            if (!avi.writesAllowed().getAsBoolean()) {
                result = ReconcileResult.skipped(key, "the controller set-up check has not passed; nothing is written until it does");
            } else if (!avi.inventory().isCurrent()) {
                // planning against an unread (or stale) controller would POST what exists: the next full sync visits every key
                result = ReconcileResult.skipped(key, "the Avi inventory has not been read yet, or not since this replica became the "
                        + "leader (a read in which a page failed does not count); the first full sync after a complete read reconciles "
                        + "this key");
            } else if (!runtime.deleteConfig() && !cluster.complete().getAsBoolean()) {
                // deleteConfig wants nothing whatever the lists say; anything else would be built from half-known state
                result = ReconcileResult.skipped(key, "the Kubernetes lists are incomplete (a watch has not listed yet, or has stopped); "
                        + "the full sync that follows their completion reconciles this key");
            } else if (!runtime.deleteConfig() && (held = InfraSettingMoves.heldBy(key, cluster.view(), naming)).isPresent()) {
                // waits for a verdict that reconciles it when it comes: as synced as it can be, like a follower
                warmFollower = true;
                result = ReconcileResult.skipped(key, held.get());
            } else if (!cluster.leadership().isLeader()) {
                // a follower with a read inventory and complete lists is as synced as it can be: it counts as ready
                warmFollower = true;
                result = ReconcileResult.skipped(key, FOLLOWER);
            } else {
                result = reconcileOrFail(key);
            }
            if (Boolean.TRUE.equals(fullSync) && (result.skippedBecause() == null || warmFollower)) {
                initialSync.done(key);
            }
            if (runtime.deleteConfig() && result.skippedBecause() == null && result.error() == null && result.failures() == 0) {
                runtime.deletion().reconciled(ClusterState.STATIC_ROUTES_KEY.equals(key), ownsNothing());
            }
            return result.withRerun(running.finish(key));
        } catch (RuntimeException | Error e) {
            running.finish(key);
            throw e;
        }
    }

    private ReconcileResult reconcileOrFail(String key) {
        try {
            return reconcileLocked(key, true);
        } catch (RuntimeException e) {
            LOG.warn("Shard {}: the reconcile failed", key, e);
            return ReconcileResult.failed(key, "the reconcile failed: " + e);
        }
    }

    /** {@code orderMoves}: false for a shard reconciled first for another, which does not wait in turn (no cycle). */
    private ReconcileResult reconcileLocked(String key, boolean orderMoves) {
        boolean gcAllowed = cluster.complete().getAsBoolean() && avi.inventory().isComplete();
        if (ClusterState.STATIC_ROUTES_KEY.equals(key)) {
            return reconcileStaticRoutes(gcAllowed);
        }
        if (Planner.ORPHANS.equals(key)) {
            return reconcileOrphans(gcAllowed);
        }
        boolean deleting = runtime.deleteConfig();
        ShardModel model = deleting ? null : modelBuilder.buildShard(key, cluster.view(), settings);
        List<AviObject> desired = deleting ? List.of() : model.objects();
        if (!deleting && orderMoves && !movesLanded(key, model)) {
            // the hosts that left keep everything here (objects, DNS, routing) until their new VSes serve them
            return ReconcileResult.skipped(key, "hosts of this shard move to virtual services that do not serve them yet; "
                    + "this shard waits for them");
        }
        // deleteConfig removes everything owned, whatever the state of the lists: it is an explicit order
        Plan plan = plan(key, desired, gcAllowed || deleting, deleting);
        boolean freesOrphans = adoptsOrDeletes(plan) && hasOrphans();
        Collection<Ingress> ingresses = InfraSettingMoves.ingressesOf(key, cluster.view(), naming);
        Set<String> notServed = new HashSet<>();
        ReconcileResult result = model == null ? apply(key, plan, ingresses) : applyIsolating(key, model, plan, ingresses, gcAllowed, notServed);
        if (model != null) {
            model.warnings().forEach(w -> warn(ingresses, w));
            warnHostsOutsideDnsDomains(model, ingresses);
            rememberServedHosts(key, model, ingresses, notServed);
        }
        return writeStatus(model, ingresses, freesOrphans ? result.followedBy(Planner.ORPHANS) : result);
    }

    /**
     * AKO's objects that no shard wants any more (its datascript sets, pool groups, policy sets and pools under other
     * names), deleted once the objects referring to them were adopted ({@link Planner#planOrphans}); under deleteConfig
     * every one of them. The deletion brake weighs them with the rest of the cycle's deletes.
     */
    private ReconcileResult reconcileOrphans(boolean gcAllowed) {
        boolean deleting = runtime.deleteConfig();
        Plan orphans = avi.planner().planOrphans(deleting ? Set.of() : wantedEverywhere(), avi.inventory(), gcAllowed || deleting);
        Plan plan = avi.brake().admit(orphans, avi.inventory()::ownedCount, deleting, () -> {
            Set<String> unwanted = new TreeSet<>(unwantedOwnedObjects());
            orphans.operations().forEach(op -> unwanted.add(op.key()));
            return unwanted;
        });
        return apply(Planner.ORPHANS, plan, List.of());
    }

    /** The plan updates an owned object without a shard marker (adopts one of AKO's), or deletes: orphans may be free. */
    private boolean adoptsOrDeletes(Plan plan) {
        return plan.operations().stream().anyMatch(op -> op.method() == AviMethod.DELETE || op.method() == AviMethod.PUT
                && avi.inventory().get(op.type(), op.name()).filter(o -> o.owned() && o.shard() == null).isPresent());
    }

    /** Nothing owned is left on the controller but the VRF context, which is never deleted (its static routes are). */
    private boolean ownsNothing() {
        return avi.inventory().all().stream().noneMatch(o -> o.owned() && o.type() != AviType.VRFCONTEXT);
    }

    /** Owned objects without a shard marker are on the controller (AKO's, not yet adopted or collected). */
    private boolean hasOrphans() {
        return avi.inventory().all().stream().anyMatch(o -> o.owned() && o.shard() == null && o.type() != AviType.VRFCONTEXT);
    }

    /**
     * Whether every host that left this shard for another placement (an AviInfraSetting's VSes, or back) is served by
     * its new VS: those not yet are reconciled first, here, so that the new objects are created (and their DNS
     * published) before this shard deletes the old ones. A new VS being written by another worker: this shard is run
     * again afterwards, and is not written until then.
     */
    private boolean movesLanded(String key, ShardModel model) {
        Set<String> moved = InfraSettingMoves.destinations(key, model, cluster.view(), naming, avi.inventory());
        if (moved.isEmpty()) {
            return true; // no host left this shard for another VS: the one look at its VIP every reconcile makes
        }
        Set<String> destinations = InfraSettingMoves.destinationsNotServing(key, model, cluster.view(), naming, avi.inventory());
        boolean landed = true;
        for (String destination : destinations) {
            if (InfraSettingMoves.heldBy(destination, cluster.view(), naming).isPresent()) {
                landed = false;
            } else if (running.start(destination, false)) {
                try {
                    LOG.info("Shard {}: reconciling {} first, where hosts of this shard move", key, destination);
                    reconcileLocked(destination, false);
                } finally {
                    running.finish(destination);
                }
            } else {
                running.start(key, false); // reruns this key when it finishes
                landed = false;
            }
        }
        if (!landed) {
            return false;
        }
        // a destination's VIP may list the hosts while the rest of its writes are still under way on another worker
        Set<String> underWay = new TreeSet<>(moved);
        underWay.retainAll(running.keys());
        underWay.remove(key);
        if (!underWay.isEmpty()) {
            running.start(key, false); // reruns this key when it finishes
            return false;
        }
        return InfraSettingMoves.destinationsNotServing(key, model, cluster.view(), naming, avi.inventory()).isEmpty();
    }

    /** The plan against the inventory, less the deletes the deletion brake holds ({@code explicitOrder}: deleteConfig). */
    private Plan plan(String key, List<AviObject> desired, boolean gcAllowed, boolean explicitOrder) {
        return avi.brake().admit(avi.planner().plan(key, desired, avi.inventory(), gcAllowed), avi.inventory()::ownedCount, explicitOrder,
                this::unwantedOwnedObjects);
    }

    /**
     * Every owned object of a shard that the model of the whole cluster no longer wants: what this cycle would delete in
     * all. Asked only by the deletion brake, when a plan would start deleting.
     */
    private Set<String> unwantedOwnedObjects() {
        Set<String> wanted = wantedEverywhere();
        Set<String> unwanted = new TreeSet<>();
        for (String shard : avi.inventory().shardKeys()) {
            if (!ClusterState.STATIC_ROUTES_KEY.equals(shard)) {
                avi.inventory().ownedByShard(shard).stream().map(StoredObject::key).filter(key -> !wanted.contains(key)).forEach(unwanted::add);
            }
        }
        return unwanted;
    }

    /**
     * Every object the whole cluster's model wants, by key. Built by the workers' own builder, which rebuilds only what
     * changed since each shard's last build (a fresh build of 5,000 Ingresses took about a second, and every deleted
     * Ingress waited for it; a second builder would have kept a second copy of every shard's model).
     */
    private Set<String> wantedEverywhere() {
        Set<String> wanted = new HashSet<>();
        modelBuilder.buildAll(cluster.view(), settings).forEach(shard -> shard.objects().forEach(o -> wanted.add(o.key())));
        return wanted;
    }

    private ReconcileResult apply(String key, Plan plan, Collection<Ingress> ingresses) {
        if (plan.operations().isEmpty()) {
            // nothing to send; conflicts are still reported (a batch reports its own, with the controller's errors)
            plan.conflicts().forEach(c -> warnIngresses(key, ingresses, c.eventReason(), c.key() + ": " + c.reason()));
            return ReconcileResult.noop(key, plan.conflicts().size());
        }
        BatchResult batch = avi.delivery().apply(plan.batch());
        batch.warnings().forEach(w -> warnIngresses(key, ingresses, w.reason(), w.objectKey() + ": " + w.message()));
        return ReconcileResult.of(key, batch, plan.conflicts().size());
    }

    /**
     * The shard's writes through {@link ShardIsolation}: the Avi warnings about a host's own objects go to the Ingresses
     * of that host only, with what it means for the host; the others to every Ingress of the shard.
     */
    private ReconcileResult applyIsolating(String key, ShardModel model, Plan plan, Collection<Ingress> ingresses, boolean gcAllowed,
                                           Set<String> notServed) {
        ShardIsolation.Outcome outcome = isolation.deliver(model, plan, leftOut -> modelBuilder.buildShard(key, cluster.view(), settings, leftOut),
                gcAllowed);
        for (AviWarning w : outcome.warnings()) {
            Optional<String> host = model.hostOf(w.objectKey());
            Collection<Ingress> concerned = host.map(h -> ingresses.stream().filter(ing -> model.ingressesOf(h).contains(IngressRef.of(ing))).toList())
                    .orElse(List.copyOf(ingresses));
            String held = host.map(outcome.held()::get).map(note -> "; " + note).orElse("");
            warnIngresses(key, concerned, w.reason(), w.objectKey() + ": " + w.message() + held);
        }
        notServed.addAll(outcome.leftOut());
        return outcome.result();
    }

    private void warnIngresses(String key, Collection<Ingress> ingresses, String reason, String message) {
        String text = reason.equals(ErrorClass.CONFLICT.eventReason())
                ? message + "; rename or remove that object on the Avi Controller: ako-camel never writes objects it did not create"
                : message;
        if (ingresses.isEmpty()) {
            LOG.warn("Shard {}: {} {}", key, reason, text);
        }
        ingresses.forEach(ing -> cluster.events().warning(ing, reason, text));
    }

    /** A host outside the cloud DNS profile's sub-domains is still routed, but its DNS record will not be published. */
    private void warnHostsOutsideDnsDomains(ShardModel model, Collection<Ingress> ingresses) {
        for (Ingress ingress : ingresses) {
            for (String host : model.ingressHosts().getOrDefault(IngressRef.of(ingress), Set.of())) {
                if (!host.isEmpty()) {
                    dnsDomains.outsideWarning(host).ifPresent(w -> cluster.events().warning(ingress, DnsDomainCheck.REASON, w));
                }
            }
        }
    }

    private void warn(Collection<Ingress> ingresses, ModelWarning warning) {
        ingresses.stream().filter(ing -> IngressRef.of(ing).equals(warning.ingress())).findFirst()
                .ifPresent(ing -> cluster.events().warning(ing, warning.reason().name(), warning.message()));
    }

    /** The hosts the model serves per Ingress, less TLS hosts it has no certificate for (their Secret is unusable). */
    /** {@code notServed}: hosts of the model that isolation left out (their objects were refused): they show no VIP. */
    private void rememberServedHosts(String key, ShardModel model, Collection<Ingress> ingresses, Set<String> notServed) {
        if (model.objects().isEmpty()) {
            servedHosts.remove(key); // a dedicated VS that serves nothing any more
            return;
        }
        Map<IngressRef, Set<String>> served = new HashMap<>();
        model.ingressHosts().forEach((ref, hosts) -> served.put(ref, hosts.stream().filter(h -> !notServed.contains(h)).collect(Collectors.toSet())));
        for (Ingress ingress : ingresses) {
            if (ingress.getSpec() == null || ingress.getSpec().getTls() == null) {
                continue;
            }
            Set<String> withoutCertificate = new HashSet<>();
            ingress.getSpec().getTls().stream().filter(tls -> tls.getHosts() != null).flatMap(tls -> tls.getHosts().stream())
                    .filter(host -> host != null
                            && model.find(AviType.VIRTUALSERVICE, InfraSettingMoves.namingOf(ingress, cluster.view(), naming).sniChildName(host)).isEmpty())
                    .forEach(withoutCertificate::add);
            served.computeIfPresent(IngressRef.of(ingress), (ref, hosts) -> {
                Set<String> left = new HashSet<>(hosts);
                left.removeAll(withoutCertificate);
                return left;
            });
        }
        servedHosts.put(key, served);
    }

    /** Writes each Ingress's status; a failed write does not stop the others, and fails the result (retried). */
    private ReconcileResult writeStatus(ShardModel model, Collection<Ingress> ingresses, ReconcileResult result) {
        ReconcileResult outcome = result;
        for (Ingress ingress : ingresses) {
            List<IngressLoadBalancerIngress> desired = runtime.deleteConfig() ? List.of() : statusOf(ingress);
            boolean written;
            try {
                written = cluster.status().write(ingress, desired, vsUuidByHost(desired));
            } catch (RuntimeException e) {
                outcome = outcome.withError("the status of Ingress " + IngressRef.of(ingress) + " could not be written (" + e.getMessage() + ")");
                continue;
            }
            if (written && !desired.isEmpty() && model != null) {
                cluster.events().normal(ingress, "Synced", "Served by virtual service " + model.vsName() + " at "
                        + desired.stream().map(e -> e.getIp() + (e.getHostname() == null ? "" : " (" + e.getHostname() + ")")).toList());
            } else if (written && desired.isEmpty()) {
                cluster.events().normal(ingress, "Removed", "Removed from the Avi Controller (deleteConfig)");
            }
        }
        return outcome;
    }

    /** For AKO's annotation: each host shown, to the UUID of the VS that serves it (its SNI child when it has one). */
    private Map<String, String> vsUuidByHost(List<IngressLoadBalancerIngress> shown) {
        Map<String, String> uuids = new TreeMap<>();
        for (IngressLoadBalancerIngress entry : shown) {
            String host = entry.getHostname();
            if (host == null) {
                continue;
            }
            Optional<StoredObject> vs = avi.inventory().get(AviType.VIRTUALSERVICE, naming.sniChildName(host)).filter(StoredObject::owned)
                    .or(() -> avi.inventory().get(AviType.VIRTUALSERVICE, naming.shardVsName(host)).filter(StoredObject::owned));
            vs.map(StoredObject::uuid).ifPresent(uuid -> uuids.put(host, uuid));
        }
        return uuids;
    }

    /**
     * The status of an Ingress across every shard it spans: one entry per host with the VIP of the host's shard VS,
     * once that VIP exists; an Ingress served without a host (default backend, host-less rules) shows the VIPs of
     * every shard VS (each serves it) without a hostname. A host its shard's last model left out (its TLS Secret is
     * unusable) shows no VIP. A VS VIP missing from the inventory (not read, or being re-created) leaves what the
     * Ingress shows for it: status is cleared only when the Ingress is really not served.
     */
    List<IngressLoadBalancerIngress> statusOf(Ingress ingress) {
        IngressRef ref = IngressRef.of(ingress);
        List<IngressLoadBalancerIngress> shown = IngressStatusWriter.shown(ingress);
        List<IngressLoadBalancerIngress> entries = new ArrayList<>();
        Naming naming = InfraSettingMoves.namingOf(ingress, cluster.view(), this.naming);
        for (String host : hostsOf(ingress)) {
            String vs = naming.shardVsName(host);
            if (!served(vs, ref, host)) {
                continue;
            }
            Optional<String> vip = avi.inventory().vipAddress(vs);
            if (vip.isPresent()) {
                entries.add(new IngressLoadBalancerIngressBuilder().withIp(vip.get()).withHostname(host).build());
            } else {
                shown.stream().filter(e -> host.equals(e.getHostname())).forEach(entries::add);
            }
        }
        if (naming.isOnEveryShard(ingress)) {
            Set<String> ips = new TreeSet<>();
            boolean vipMissing = false;
            for (String vs : naming.allSharedVsNames()) {
                Optional<String> vip = avi.inventory().vipAddress(vs);
                vip.ifPresent(ips::add);
                vipMissing |= vip.isEmpty();
            }
            if (vipMissing) {
                shown.stream().filter(e -> e.getHostname() == null && e.getIp() != null).forEach(e -> ips.add(e.getIp()));
            }
            ips.forEach(ip -> entries.add(new IngressLoadBalancerIngressBuilder().withIp(ip).build()));
        }
        return entries;
    }

    /** Whether the shard served the host for the Ingress at its last reconcile; true until the shard was reconciled. */
    private boolean served(String shardKey, IngressRef ref, String host) {
        Map<IngressRef, Set<String>> served = servedHosts.get(shardKey);
        return served == null || served.getOrDefault(ref, Set.of()).contains(host);
    }

    private static Set<String> hostsOf(Ingress ingress) {
        Set<String> hosts = new TreeSet<>();
        if (ingress.getSpec() == null) {
            return hosts;
        }
        if (ingress.getSpec().getRules() != null) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHost() != null && !rule.getHost().isEmpty() && rule.getHttp() != null) {
                    hosts.add(rule.getHost());
                }
            }
        }
        return hosts;
    }

    private ReconcileResult reconcileStaticRoutes(boolean gcAllowed) {
        StaticRoutes.Routes routes = StaticRoutes.build(cluster.view(), settings);
        if (!routes.enabled()) {
            return ReconcileResult.noop(ClusterState.STATIC_ROUTES_KEY, 0);
        }
        routes.problems().forEach(p -> LOG.warn("Static routes: {}", p));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", routes.vrfName());
        body.putArray("static_routes").addAll(runtime.deleteConfig() ? List.of() : routes.routes());
        AviObject vrf = new AviObject(AviType.VRFCONTEXT, routes.vrfName(), body);
        Plan plan = avi.planner().plan(ClusterState.STATIC_ROUTES_KEY, List.of(vrf), avi.inventory(), gcAllowed || runtime.deleteConfig());
        return apply(ClusterState.STATIC_ROUTES_KEY, plan, List.of());
    }

    /**
     * Every key the controller holds objects for, plus every key the cluster wants: what a full sync must visit.
     * Owned objects without a shard marker (written by AKO itself, for instance) are adopted when a shard wants them;
     * while some are on the controller, {@link Planner#ORPHANS} is visited too (and after each shard that adopted
     * some): it collects those no shard wants once nothing kept refers to them. On complete lists, the
     * Ingresses that stopped being ours while the controller was stopped and still show one of our VIPs are released,
     * and a complete full sync starts a new cycle of the deletion brake. The initial sync counts from the first full
     * sync on complete lists (an earlier one only skips).
     */
    public List<String> fullSyncKeys(@Body List<String> kubernetesKeys, @Header(KubeHeaders.KUBERNETES_COMPLETE) Boolean complete) {
        Set<String> keys = new TreeSet<>(kubernetesKeys);
        keys.addAll(avi.inventory().shardKeys());
        if (hasOrphans()) {
            keys.add(Planner.ORPHANS);
        }
        List<String> all = new ArrayList<>(keys);
        boolean listsComplete = !Boolean.FALSE.equals(complete);
        if (listsComplete) {
            initialSync.started(all);
            cluster.releases().releaseShowing(ourVips());
        }
        avi.brake().cycleStarted(listsComplete && cluster.complete().getAsBoolean() && avi.inventory().isComplete());
        return all;
    }

    private Set<String> ourVips() {
        Set<String> vips = new TreeSet<>();
        avi.inventory().owned(AviType.VSVIP).forEach(vip -> avi.inventory().vipAddress(vip.name()).ifPresent(vips::add));
        return vips;
    }

    /** For tests and the JMX view: the shard keys currently being reconciled. */
    public Set<String> busyKeys() {
        return running.keys();
    }
}
