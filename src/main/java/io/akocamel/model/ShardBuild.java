package io.akocamel.model;

import io.akocamel.crd.HostSettings;
import io.akocamel.crd.PoolSettings;
import io.akocamel.model.ModelWarning.Reason;
import io.akocamel.model.ParsedIngress.PathEntry;
import io.akocamel.model.ParsedIngress.Problem;
import io.akocamel.model.ServerResolver.Resolution;
import io.akocamel.model.Specs.Action;
import io.akocamel.model.Specs.HostMatch;
import io.akocamel.model.Specs.Marker;
import io.akocamel.model.Specs.ObjectSpec;
import io.akocamel.model.Specs.ParentVsSpec;
import io.akocamel.model.Specs.PolicySetSpec;
import io.akocamel.model.Specs.RuleSpec;
import io.akocamel.model.Specs.VsVipSpec;
import io.akocamel.model.TlsSelection.Chosen;
import io.akocamel.model.TlsSelection.TlsClaim;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * One build of one shard VS: Ingresses → hosts and paths (merged, deduplicated, ordered) → the Avi objects. Pure apart
 * from the {@link Memo}, which only saves rebuilding bodies whose spec did not change.
 *
 * <p>The parent's HTTP policy sets are mutually exclusive, so the result is the same whether or not Avi runs the sets
 * after the first one that switched (its documentation does not say): each host's set handles every request for that
 * host to its end (its paths, then host-less rules, the default backend, and a 404 — all scoped to the host), a wildcard
 * host's set leaves out the hosts that a more precise set serves ({@link HostMatching}), the redirect set handles only
 * TLS hosts ({@link TlsSelection}), and the catch-all set only hosts that no other set serves.
 */
final class ShardBuild {
    private final BuildContext ctx;
    private final Naming naming;
    private final ClusterView cluster;
    private final HostRules hostRules;
    private final HttpRules httpRules;
    private final String vs;
    private final Memo memo;
    private final ServerResolver resolver;
    private final TlsSelection tls;
    private final Pools pools;
    private final IncrementalOrder order;
    private final Comparator<AviObject> modelOrder;
    private final Set<String> leftOut;
    private final Placement placement;
    private final boolean wanted;

    private final List<ModelWarning> warnings = new ArrayList<>();
    private final List<AviObject> shardObjects = new ArrayList<>();
    private final int shardNumber;
    private PreviousBuild next;

    /** Memo key of the objects of one host. */
    private record HostKey(String host) {
    }

    /** Everything one host of the shard gets, from every Ingress that names it. */
    private static final class HostState {
        final String host;
        final List<PathEntry> entries = new ArrayList<>(4);
        final List<TlsClaim> tls = new ArrayList<>(1);
        Chosen certificate;
        /** The names of its HostRule's {@code aliases} that no host of the shard has: served like the host. */
        List<String> aliases = List.of();

        HostState(String host) {
            this.host = host;
        }
    }

    /** {@code leftOut}: hosts built as if no Ingress named them (the reconciler isolates a host the controller refused). */
    /**
     * {@code placement}: whose VSes the shard is, of the default or of an AviInfraSetting (only the Ingresses placed
     * there are built); {@code wanted}: false for a shard of a setting no Ingress is placed on any more, or of a
     * setting no longer Accepted, which is built empty (its objects deleted).
     */
    ShardBuild(BuildContext ctx, ClusterView cluster, String vs, Memo memo, PreviousBuild previous, Set<String> leftOut, Placement placement,
               boolean wanted) {
        this.ctx = ctx;
        this.naming = ctx.naming();
        this.cluster = cluster;
        this.vs = vs;
        this.memo = memo;
        this.resolver = new ServerResolver(ctx, cluster, memo);
        this.tls = new TlsSelection(cluster, memo);
        this.pools = new Pools(resolver, this::object);
        this.order = new IncrementalOrder(vs, previous);
        this.modelOrder = IncrementalOrder.modelOrder(vs);
        this.shardNumber = sharedShardNumber(naming, vs);
        this.leftOut = leftOut;
        this.placement = placement;
        this.wanted = wanted;
        this.hostRules = HostRules.of(cluster.acceptedHostRules());
        this.httpRules = HttpRules.of(cluster.acceptedHttpRules());
    }

    ShardModel build() {
        if (!wanted) {
            return model(Map.of(), List.of(), null);
        }
        List<ParsedIngress> parsed = new ArrayList<>();
        boolean placementsDiffer = !cluster.acceptedInfraSettings().isEmpty();
        for (Ingress ingress : cluster.ingressesOfShard(vs, naming)) {
            if (!placementsDiffer || isPlacedHere(cluster.placementOf(ingress))) {
                parsed.add(memo.ofInstance(ingress, () -> ParsedIngress.parse(ingress)));
            }
        }
        parsed.sort(ParsedIngress.OLDEST_FIRST);

        // first named first: the hosts over the size limit are those of the newest Ingresses
        Map<String, HostState> hosts = new LinkedHashMap<>();
        List<PathEntry> hostless = new ArrayList<>();
        List<ParsedIngress> defaultClaimants = new ArrayList<>();
        for (ParsedIngress p : parsed) {
            for (Problem problem : p.problems()) {
                if (concernsThisShard(problem.host(), p)) {
                    warn(p.ref(), problem.reason(), problem.message());
                }
            }
            p.hostPaths().forEach((host, entries) -> {
                if (isOnShard(host)) {
                    hosts.computeIfAbsent(host, HostState::new).entries.addAll(entries);
                }
            });
            p.tlsSecrets().forEach((host, secret) -> {
                if (isOnShard(host)) {
                    hosts.computeIfAbsent(host, HostState::new).tls.add(new TlsClaim(p.ref(), secret));
                }
            });
            hostless.addAll(p.hostlessPaths());
            if (p.defaultBackend() != null) {
                defaultClaimants.add(p);
            }
        }
        hosts.keySet().removeAll(leftOut);
        hosts.values().stream().filter(h -> h.entries.isEmpty()).forEach(h -> h.tls.forEach(claim -> warn(claim.ingress(),
                Reason.TlsHostWithoutRule, "spec.tls names host " + h.host + ", but no rule of any Ingress serves it, so its "
                        + "certificate is not used; add a rule for " + h.host + " or remove it from spec.tls")));
        hosts.values().removeIf(h -> h.entries.isEmpty() || !certificateFound(h));
        if (hosts.size() > SizeLimits.HOSTS_PER_SHARD) {
            leaveOutHostsOverLimit(hosts);
        }
        for (HostState h : hosts.values()) {
            HostRules.Rule rule = hostRules.of(h.host);
            if (rule != null && !Hosts.isWildcard(h.host)) {
                h.aliases = rule.settings().aliases().stream().filter(alias -> !hosts.containsKey(alias)).toList();
            }
        }
        if (naming.isDedicated() && hosts.isEmpty()) {
            return model(Map.of(), List.of(), null);
        }

        FallThrough fallThrough = fallThrough(hostless, defaultClaimants);

        List<String> precise = order.preciseHosts(hosts.keySet());
        // a wildcard's set leaves out the aliases too, so that the sets stay mutually exclusive
        List<String> preciseNames = new ArrayList<>(precise);
        precise.forEach(host -> preciseNames.addAll(hosts.get(host).aliases));
        List<String> wildcards = new ArrayList<>();
        for (HostState h : hosts.values()) {
            if (Hosts.isWildcard(h.host)) {
                wildcards.add(h.host);
            }
        }
        wildcards.sort(HostMatching.WILDCARD_ORDER);

        List<String> hostOrder = new ArrayList<>(precise.size() + wildcards.size());
        hostOrder.addAll(precise);
        hostOrder.addAll(wildcards);
        Map<String, HostOutput> outputs = new HashMap<>(hosts.size() * 4 / 3 + 1);
        Set<String> poolNames = new HashSet<>(hosts.size() * 4);
        boolean namesCollide = false;
        for (String host : hostOrder) {
            HostOutput output = host(hosts.get(host), HostMatching.wildcardMatch(host, preciseNames, wildcards), fallThrough);
            outputs.put(host, output);
            for (String name : output.poolNames()) {
                namesCollide |= !poolNames.add(name);
            }
        }
        if (namesCollide) {
            // AKO's pool names can coincide across hosts (namespace a-b + host c.com, namespace a + host b-c.com):
            // name every host's pools again with the shard's names in view, so the later ones get a hash
            poolNames.clear();
            for (String host : hostOrder) {
                outputs.put(host, computeHost(hosts.get(host), HostMatching.wildcardMatch(host, preciseNames, wildcards), fallThrough, poolNames));
            }
        }

        List<String> hostSets = new ArrayList<>(hosts.size() + 2);
        List<String> preciseValues = new ArrayList<>(precise.size() * 3);
        List<String> tlsPreciseValues = new ArrayList<>();
        List<String> tlsWildcards = new ArrayList<>();
        for (String host : hostOrder) {
            HostState h = hosts.get(host);
            HostOutput output = outputs.get(host);
            boolean wildcard = Hosts.isWildcard(host);
            warnings.addAll(output.warnings());
            if (!wildcard) {
                preciseValues.addAll(output.headerValues());
            }
            if (h.certificate == null) {
                hostSets.add(output.setName());
            } else if (wildcard) {
                tlsWildcards.add(host);
            } else {
                tlsPreciseValues.addAll(output.headerValues());
            }
        }
        if (!tlsPreciseValues.isEmpty() || !tlsWildcards.isEmpty()) {
            String redirect = naming.redirectPolicySetName(vs);
            add(new PolicySetSpec(redirect, List.of(), TlsSelection.redirectRules(tlsPreciseValues, tlsWildcards, preciseNames, wildcards)));
            hostSets.add(redirect);
        }
        String catchAll = naming.catchAllPolicySetName(vs);
        HostMatch unserved = HostMatching.unservedMatch(preciseValues, wildcards);
        List<RuleSpec> catchAllRules = new ArrayList<>();
        PathRules.fallThroughRules(catchAllRules, unserved, fallThrough);
        catchAllRules.add(new RuleSpec(unserved, null, null, false, Action.NOT_FOUND));
        add(new PolicySetSpec(catchAll, List.of(), catchAllRules));
        hostSets.add(catchAll);

        HostSettings.TcpSettings tcp = hostRules.tcpSettingsOf(vs, naming.isDedicated() ? hostOrder.get(0) : null);
        add(new ParentVsSpec(vs, hostSets, tcp.listeners()));
        List<String> allHosts = new ArrayList<>(hostOrder);
        hostOrder.forEach(host -> allHosts.addAll(hosts.get(host).aliases));
        allHosts.sort(null);
        add(new VsVipSpec(vs, allHosts, tcp.loadBalancerIp()));
        return model(outputs, precise, fallThrough);
    }

    // ------------------------------------------------------------------------------------------- hosts and paths

    /**
     * The objects of one host: its pools, its policy set, and for a TLS host its certificate and SNI
     * child. Reused from the previous build when its inputs are the same: the path entries (from the same Ingress
     * objects), their backends' servers (from the same Service, EndpointSlice, Node and Pod objects), the
     * certificate, the host match and the fall-through rules.
     */
    private HostOutput host(HostState h, HostMatch wildcardMatch, FallThrough fallThrough) {
        List<Object> inputs = new ArrayList<>(5 + 3 * h.entries.size());
        inputs.add(wildcardMatch);
        inputs.add(fallThrough);
        inputs.add(h.certificate);
        inputs.add(h.aliases);
        inputs.add(hostRules.of(h.host));
        for (PathEntry e : h.entries) {
            inputs.add(e);
            inputs.add(resolver.resolve(e.ingress().namespace(), e.backend()));
            inputs.add(httpRules.of(e.ingress().namespace(), h.host, e.rawPath()));
        }
        return memo.reuse(new HostKey(h.host), inputs, () -> computeHost(h, wildcardMatch, fallThrough, new HashSet<>()));
    }

    /**
     * {@code wildcardMatch}: null for a precise host, whose match follows from the host alone (so that it is not
     * rebuilt for every unchanged host). {@code poolNames}: the pool names already taken; this host's are added.
     */
    private HostOutput computeHost(HostState h, HostMatch wildcardMatch, FallThrough fallThrough, Set<String> poolNames) {
        String host = h.host;
        HostMatch match = wildcardMatch != null ? wildcardMatch : HostMatching.preciseMatch(host, h.aliases);
        List<ModelWarning> hostWarnings = new ArrayList<>();
        List<AviObject> hostObjects = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<RuleSpec> rules = new ArrayList<>();
        List<PathEntry> winners = PathRules.winners(h.entries, hostWarnings);
        for (PathEntry e : winners) {
            String name = Pools.unique(poolNames, naming.poolName(e.ingress().namespace(), host, e.rawPath(), e.ingress().name()),
                    e.ingress() + "|" + e.host() + "|" + e.kind() + "|" + e.rawPath());
            names.add(name);
            PoolSettings settings = httpRules.of(e.ingress().namespace(), host, e.rawPath());
            PathRules.pathRules(rules, match, e, pools.ofPath(e, name, settings, hostObjects, hostWarnings));
        }
        PathRules.fallThroughRules(rules, match, fallThrough);
        String setName = naming.hostPolicySetName(host);
        List<Marker> markers = hostMarkers(h.host, winners);
        HostRules.Rule hostRule = hostRules.of(host);
        if (h.certificate == null) {
            if (hostRule != null && hostRule.settings().holdsVirtualServiceSettings()) {
                h.entries.stream().map(PathEntry::ingress).distinct().forEach(ingress -> hostWarnings.add(new ModelWarning(ingress.namespace(),
                        ingress.name(), Reason.HostRuleNotApplied, "HostRule " + hostRule.name() + " is not applied to host '" + host
                        + "': ako-camel applies HostRules to secure hosts only; add the host to spec.tls of the Ingress, or give the "
                        + "HostRule a tls.sslKeyCertificate")));
            }
            rules.add(new RuleSpec(match, null, null, false, Action.NOT_FOUND));
            hostObjects.add(object(new PolicySetSpec(setName, markers, rules)));
        } else {
            // the SNI child serves this host alone: anything its rules do not take is a 404
            rules.add(new RuleSpec(HostMatch.ANY, null, null, false, Action.NOT_FOUND));
            hostObjects.add(object(new PolicySetSpec(setName, markers, rules)));
            TlsSelection.sniChild(naming, vs, host, h.aliases, h.certificate, setName, hostRule == null ? HostSettings.NONE : hostRule.settings())
                    .forEach(spec -> hostObjects.add(object(spec)));
        }
        Set<IngressRef> ingresses = new TreeSet<>();
        h.entries.forEach(e -> ingresses.add(e.ingress()));
        hostObjects.sort(modelOrder);
        return new HostOutput(List.copyOf(hostObjects), List.copyOf(names), List.copyOf(hostWarnings), ingresses, setName,
                HostMatching.preciseValues(match));
    }

    /** Host-less paths (deduplicated) and the default backend, with their pools; the same instance while unchanged. */
    private FallThrough fallThrough(List<PathEntry> hostless, List<ParsedIngress> defaultClaimants) {
        List<PathEntry> winners = PathRules.winners(hostless, warnings);
        List<Action> actions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<AviObject> poolObjects = new ArrayList<>();
        for (PathEntry e : winners) {
            String name = Pools.unique(names, naming.hostlessPoolName(vs, e.ingress().namespace(), e.rawPath(), e.ingress().name()),
                    e.ingress() + "|" + e.kind() + "|" + e.rawPath());
            actions.add(pools.ofPath(e, name, PoolSettings.NONE, poolObjects, warnings));
        }
        Action defaultBackend = null;
        if (!defaultClaimants.isEmpty()) {
            ParsedIngress winner = defaultClaimants.get(0);
            for (ParsedIngress loser : defaultClaimants.subList(1, defaultClaimants.size())) {
                warn(loser.ref(), Reason.DefaultBackendConflict, "spec.defaultBackend is not used: Ingress " + winner.ref()
                        + " is older and already provides the default backend for requests that match no rule; "
                        + "remove one of the two default backends");
            }
            IngressRef ref = winner.ref();
            Resolution r = resolver.resolve(ref.namespace(), winner.defaultBackend());
            if (r.problem() != null) {
                warn(ref, r.problem(), "spec.defaultBackend: " + r.message());
            }
            String name = Pools.unique(names, naming.defaultBackendPoolName(vs, ref.namespace(), ref.name()), ref + "|default");
            defaultBackend = pools.of(name, List.of(Marker.of("Namespace", ref.namespace()), Marker.of("IngressName", ref.name()),
                    Marker.of("ServiceName", winner.defaultBackend().service())), r, poolObjects);
        }
        shardObjects.addAll(poolObjects);
        FallThrough fallThrough = new FallThrough(List.copyOf(winners), List.copyOf(actions), defaultBackend,
                defaultClaimants.isEmpty() ? null : defaultClaimants.get(0).ref());
        return memo.get(fallThrough, k -> fallThrough);
    }

    /** Keeps the first {@link SizeLimits#HOSTS_PER_SHARD} hosts; the Ingresses of the others get a Warning. */
    private void leaveOutHostsOverLimit(Map<String, HostState> hosts) {
        Iterator<HostState> it = hosts.values().iterator();
        for (int kept = 0; it.hasNext(); kept++) {
            HostState h = it.next();
            if (kept < SizeLimits.HOSTS_PER_SHARD) {
                continue;
            }
            it.remove();
            Set<IngressRef> ingresses = new TreeSet<>();
            h.entries.forEach(e -> ingresses.add(e.ingress()));
            ingresses.forEach(ref -> warn(ref, Reason.SizeLimitExceeded, "host '" + h.host + "' is not served: virtual service "
                    + vs + " already serves " + SizeLimits.HOSTS_PER_SHARD + " hosts, the most ako-camel puts on one shared virtual "
                    + "service (older Ingresses' hosts come first). Set L7Settings.shardVSSize to a larger size or DEDICATED"));
        }
    }

    private boolean isPlacedHere(Placement p) {
        return !p.held() && Objects.equals(p.settingName(), placement.settingName());
    }

    private boolean isOnShard(String host) {
        return naming.isDedicated() ? naming.shardVsName(host).equals(vs) : Naming.shardNumber(host, naming.shardSize().shards()) == shardNumber;
    }

    /** The n of {@code <cluster>--Shared-L7-<n>} (no host hashes to a name that is not a shard VS of this cluster). */
    private static int sharedShardNumber(Naming naming, String vs) {
        for (int n = 0; n < naming.shardSize().shards(); n++) {
            if (vs.equals(naming.sharedVsName(n))) {
                return n;
            }
        }
        return Integer.MIN_VALUE;
    }

    /** A problem about a host belongs to that host's shard; others (host-less, default backend) to every shard. */
    private boolean concernsThisShard(String host, ParsedIngress p) {
        if (host == null || host.isEmpty()) {
            return true;
        }
        if (Hosts.isValid(host) || !naming.isDedicated()) {
            return isOnShard(host);
        }
        // DEDICATED has no VS for an invalid host: report it with the Ingress's other VSes
        return p.hostPaths().keySet().stream().anyMatch(this::isOnShard) || !p.hostlessPaths().isEmpty() || p.defaultBackend() != null;
    }

    /**
     * Whether a host is served, and with which certificate: its HostRule's first (which makes an insecure host secure, as
     * in AKO), else the oldest usable one of its TLS claims; a host with claims but no usable certificate is not served,
     * a host without either is served over plain HTTP.
     */
    private boolean certificateFound(HostState h) {
        HostRules.Rule rule = hostRules.of(h.host);
        h.certificate = rule == null || !rule.settings().bringsCertificate() ? null : tls.ofHostRule(rule.namespace(), rule.settings());
        if (h.certificate == null && !h.tls.isEmpty()) {
            h.certificate = tls.choose(h.host, h.tls, warnings);
            return h.certificate != null;
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------- output

    private static List<Marker> hostMarkers(String host, List<PathEntry> winners) {
        Set<String> namespaces = new TreeSet<>();
        Set<String> ingresses = new TreeSet<>();
        Set<String> paths = new TreeSet<>();
        for (PathEntry e : winners) {
            namespaces.add(e.ingress().namespace());
            ingresses.add(e.ingress().name());
            if (!e.rawPath().isEmpty()) {
                paths.add(e.rawPath());
            }
        }
        List<Marker> markers = new ArrayList<>(4);
        markers.add(new Marker("Namespace", List.copyOf(namespaces)));
        markers.add(Marker.of("Host", host));
        if (!paths.isEmpty()) {
            markers.add(new Marker("Path", List.copyOf(paths)));
        }
        markers.add(new Marker("IngressName", List.copyOf(ingresses)));
        return markers;
    }

    private void warn(IngressRef ingress, Reason reason, String message) {
        warnings.add(new ModelWarning(ingress.namespace(), ingress.name(), reason, message));
    }

    /** A shard-level object (not one host's). */
    private void add(ObjectSpec spec) {
        shardObjects.add(object(spec));
    }

    /** The object of a spec: last build's if the spec is equal, else a new body. */
    private AviObject object(ObjectSpec spec) {
        return memo.get(spec, s -> ((ObjectSpec) s).toObject(ctx));
    }

    private ShardModel model(Map<String, HostOutput> outputs, List<String> precise, FallThrough fallThrough) {
        List<String> changed = order.changedHosts(outputs);
        List<AviObject> ordered = Collections.unmodifiableList(order.objects(outputs, changed, shardObjects));
        SortedMap<IngressRef, Set<String>> status = Collections.unmodifiableSortedMap(order.status(outputs, changed, fallThrough));
        next = new PreviousBuild(ordered, outputs, List.copyOf(shardObjects), precise, status, fallThrough);
        return new ShardModel(vs, ordered, List.copyOf(warnings), status, Collections.unmodifiableMap(outputs));
    }

    /** What the next build of this shard should be given. */
    PreviousBuild next() {
        return next;
    }
}
