package io.akocamel.reconcile;

import io.akocamel.avi.AviDelivery;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviWarning;
import io.akocamel.avi.BatchResult;
import io.akocamel.avi.ErrorClass;
import io.akocamel.avi.Plan;
import io.akocamel.avi.Planner;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.config.Settings;
import io.akocamel.kube.ClusterState;
import io.akocamel.kube.EventSink;
import io.akocamel.kube.KubeHeaders;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Reconciles one shard key (the {@code reconcile-run} route): the model of the shard from the current cluster state,
 * the plan against the Avi inventory, the ordered delivery, then Ingress status and Events. Stateless between calls
 * apart from per-key locks (one shard is never reconciled by two workers at once) and the initial-sync bookkeeping.
 * Every collaborator is passed in; the composition root ({@code io.akocamel.app.Components}) wires the real ones.
 */
public class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /** The Kubernetes side: what the cluster says, whether every list is complete, and where Events and status go. */
    public record Cluster(ClusterView view, BooleanSupplier complete, EventSink events, StatusWriter status) {
    }

    /** The Avi side: what the controller holds, how to plan against it, how to deliver, and whether writes may go. */
    public record Avi(AviInventory inventory, Planner planner, AviDelivery delivery, BooleanSupplier writesAllowed) {
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
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public Reconciler(Settings settings, Cluster cluster, Avi avi, DnsDomainCheck dnsDomains, RuntimeConfig runtime, InitialSync initialSync) {
        this.settings = settings;
        this.naming = Naming.of(settings);
        this.cluster = cluster;
        this.avi = avi;
        this.dnsDomains = dnsDomains;
        this.runtime = runtime;
        this.initialSync = initialSync;
        this.isolation = new ShardIsolation(naming, avi.inventory(), avi.planner(), avi.delivery());
    }

    /** Reconciles one shard key; {@code fullSync} keys also count towards the initial sync. */
    public ReconcileResult reconcile(@Body String key, @Header(KubeHeaders.FULL_SYNC) Boolean fullSync) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            ReconcileResult result;
            if (!avi.writesAllowed().getAsBoolean()) {
                result = ReconcileResult.skipped(key, "the controller set-up check has not passed; nothing is written until it does");
            } else if (avi.inventory().epoch() == 0) {
                // planning against an unread controller would POST what exists: the first full sync visits every key
                result = ReconcileResult.skipped(key, "the Avi inventory has not been read yet; the first full sync reconciles this key");
            } else {
                result = reconcileLocked(key);
            }
            if (Boolean.TRUE.equals(fullSync) && result.skippedBecause() == null) {
                initialSync.done(key);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private ReconcileResult reconcileLocked(String key) {
        boolean gcAllowed = cluster.complete().getAsBoolean() && avi.inventory().isComplete();
        if (ClusterState.STATIC_ROUTES_KEY.equals(key)) {
            return reconcileStaticRoutes(gcAllowed);
        }
        boolean deleting = runtime.deleteConfig();
        ShardModel model = deleting ? null : modelBuilder.buildShard(key, cluster.view(), settings);
        List<AviObject> desired = deleting ? List.of() : model.objects();
        // deleteConfig removes everything owned, whatever the state of the lists: it is an explicit order
        Plan plan = avi.planner().plan(key, desired, avi.inventory(), gcAllowed || deleting);
        Collection<Ingress> ingresses = cluster.view().ingressesOfShard(key, naming);
        ReconcileResult result = model == null ? apply(key, plan, ingresses) : applyIsolating(key, model, plan, ingresses, gcAllowed);
        if (model != null) {
            model.warnings().forEach(w -> warn(ingresses, w));
            warnHostsOutsideDnsDomains(model, ingresses);
        }
        writeStatus(model, ingresses, result);
        return result;
    }

    private ReconcileResult apply(String key, Plan plan, Collection<Ingress> ingresses) {
        if (plan.operations().isEmpty()) {
            // nothing to send; conflicts are still reported (a batch reports its own, with the controller's errors)
            plan.conflicts().forEach(c -> warnIngresses(key, ingresses, ErrorClass.CONFLICT.eventReason(), c.key() + ": " + c.reason()));
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
    private ReconcileResult applyIsolating(String key, ShardModel model, Plan plan, Collection<Ingress> ingresses, boolean gcAllowed) {
        ShardIsolation.Outcome outcome = isolation.deliver(model, plan, leftOut -> modelBuilder.buildShard(key, cluster.view(), settings, leftOut),
                gcAllowed);
        for (AviWarning w : outcome.warnings()) {
            Optional<String> host = model.hostOf(w.objectKey());
            Collection<Ingress> concerned = host.map(h -> ingresses.stream().filter(ing -> model.ingressesOf(h).contains(IngressRef.of(ing))).toList())
                    .orElse(List.copyOf(ingresses));
            String held = host.map(outcome.held()::get).map(note -> "; " + note).orElse("");
            warnIngresses(key, concerned, w.reason(), w.objectKey() + ": " + w.message() + held);
        }
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

    private void writeStatus(ShardModel model, Collection<Ingress> ingresses, ReconcileResult result) {
        for (Ingress ingress : ingresses) {
            List<IngressLoadBalancerIngress> desired = runtime.deleteConfig() ? List.of() : statusOf(ingress);
            boolean written = cluster.status().write(ingress, desired);
            if (written && !desired.isEmpty() && model != null) {
                cluster.events().normal(ingress, "Synced", "Served by virtual service " + model.vsName() + " at "
                        + desired.stream().map(e -> e.getIp() + (e.getHostname() == null ? "" : " (" + e.getHostname() + ")")).toList());
            } else if (written && desired.isEmpty()) {
                cluster.events().normal(ingress, "Removed", "Removed from the Avi Controller (deleteConfig)");
            }
        }
    }

    /**
     * The status of an Ingress across every shard it spans: one entry per host with the VIP of the host's shard VS,
     * once that VIP exists; an Ingress served without a host (default backend, host-less rules) shows the VIPs of
     * every shard VS (each serves it) without a hostname.
     */
    List<IngressLoadBalancerIngress> statusOf(Ingress ingress) {
        List<IngressLoadBalancerIngress> entries = new ArrayList<>();
        for (String host : hostsOf(ingress)) {
            avi.inventory().vipAddress(naming.shardVsName(host))
                    .ifPresent(ip -> entries.add(new IngressLoadBalancerIngressBuilder().withIp(ip).withHostname(host).build()));
        }
        if (naming.isOnEveryShard(ingress)) {
            Set<String> ips = new TreeSet<>();
            naming.allSharedVsNames().forEach(vs -> avi.inventory().vipAddress(vs).ifPresent(ips::add));
            ips.forEach(ip -> entries.add(new IngressLoadBalancerIngressBuilder().withIp(ip).build()));
        }
        return entries;
    }

    private static Set<String> hostsOf(Ingress ingress) {
        Set<String> hosts = new LinkedHashSet<>();
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
        return new TreeSet<>(hosts);
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
     * Owned objects without a shard marker (written by AKO itself, for instance) are adopted when a shard wants them
     * and otherwise left alone: deleting them would need every shard's model at once.
     */
    public List<String> fullSyncKeys(List<String> kubernetesKeys) {
        Set<String> keys = new TreeSet<>(kubernetesKeys);
        keys.addAll(avi.inventory().shardKeys());
        List<String> all = new ArrayList<>(keys);
        initialSync.started(all);
        return all;
    }

    /** For tests and the JMX view: the shard keys currently being reconciled. */
    public Set<String> busyKeys() {
        Set<String> busy = new TreeSet<>();
        locks.forEach((k, l) -> {
            if (l.isLocked()) {
                busy.add(k);
            }
        });
        return busy;
    }
}
