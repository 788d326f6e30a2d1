package io.akocamel.model;

import io.akocamel.model.ModelWarning.Reason;
import io.akocamel.model.ParsedIngress.PathEntry;
import io.akocamel.model.ParsedIngress.PathKind;
import io.akocamel.model.ParsedIngress.Problem;
import io.akocamel.model.ServerResolver.Resolution;
import io.akocamel.model.Specs.Action;
import io.akocamel.model.Specs.ActionKind;
import io.akocamel.model.Specs.CertSpec;
import io.akocamel.model.Specs.ChildVsSpec;
import io.akocamel.model.Specs.HdrCond;
import io.akocamel.model.Specs.HostMatch;
import io.akocamel.model.Specs.Marker;
import io.akocamel.model.Specs.ObjectSpec;
import io.akocamel.model.Specs.ParentVsSpec;
import io.akocamel.model.Specs.PolicySetSpec;
import io.akocamel.model.Specs.PoolGroupSpec;
import io.akocamel.model.Specs.PoolSpec;
import io.akocamel.model.Specs.RuleSpec;
import io.akocamel.model.Specs.VsVipSpec;
import io.akocamel.model.TlsSecrets.KeyPair;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One build of one shard VS: Ingresses → hosts and paths (merged, deduplicated, ordered) → the Avi objects. Pure apart
 * from the {@link Memo}, which only saves rebuilding bodies whose spec did not change.
 *
 * <p>The parent's HTTP policy sets are mutually exclusive, so the result is the same whether or not Avi runs the sets
 * after the first one that switched (its documentation does not say): each host's set handles every request for that
 * host to its end (its paths, then host-less rules, the default backend, and a 404 — all scoped to the host), a wildcard
 * host's set leaves out the hosts that a more precise set serves, the redirect set handles only TLS hosts, and the
 * catch-all set only hosts that no other set serves.
 */
final class ShardBuild {
    /** Longest path first; at equal length Exact before Prefix. */
    private static final Comparator<PathEntry> PRECEDENCE = Comparator
            .comparingInt((PathEntry e) -> -e.matchPath().length())
            .thenComparing(PathEntry::kind)
            .thenComparing(PathEntry::matchPath);
    /** Wildcards with a longer (more precise) suffix first. */
    private static final Comparator<String> WILDCARD_ORDER =
            Comparator.comparingInt((String h) -> -h.length()).thenComparing(Comparator.naturalOrder());

    private final BuildContext ctx;
    private final Naming naming;
    private final ClusterView cluster;
    private final String vs;
    private final Memo memo;
    private final ServerResolver resolver;

    private final List<ModelWarning> warnings = new ArrayList<>();
    private final List<AviObject> shardObjects = new ArrayList<>();
    private final int shardNumber;
    private final Previous previous;
    private Previous next;

    private record TlsClaim(IngressRef ingress, String secretName) {
    }

    /** Memo key of the objects of one host. */
    private record HostKey(String host) {
    }

    /** What a request gets when no host-specific path matches: host-less paths, then the default backend (or null). */
    record FallThrough(List<PathEntry> hostless, List<Action> actions, Action defaultBackend, IngressRef defaultOwner) {
    }

    /**
     * Everything one host contributes: its objects (in model order), its pools' names, its warnings, the Ingresses
     * that name it (for status), its policy set's name, and the Host header values of a precise host (reused across
     * builds).
     */
    record HostOutput(List<AviObject> objects, List<String> poolNames, List<ModelWarning> warnings, Set<IngressRef> ingresses,
                      String setName, List<String> headerValues) {
    }

    /** Everything one host of the shard gets, from every Ingress that names it. */
    private static final class HostState {
        final String host;
        final List<PathEntry> entries = new ArrayList<>(4);
        final List<TlsClaim> tls = new ArrayList<>(1);
        KeyPair keyPair;
        String certificateNamespace;
        boolean inPreviousOrder;

        HostState(String host) {
            this.host = host;
        }
    }

    /**
     * What a build leaves for the next build of the same shard, so that ordering costs only what changed: the objects
     * in model order, each host's output, the shard-level objects, and the precise hosts in order.
     */
    record Previous(List<AviObject> order, Map<String, HostOutput> hostOutputs, List<AviObject> shardObjects, List<String> preciseHosts,
                    SortedMap<IngressRef, Set<String>> status, FallThrough fallThrough) {
        static final Previous EMPTY = new Previous(List.of(), Map.of(), List.of(), List.of(), Collections.emptySortedMap(), null);
    }

    ShardBuild(BuildContext ctx, ClusterView cluster, String vs, Memo memo, Previous previous) {
        this.previous = previous;
        this.ctx = ctx;
        this.naming = ctx.naming();
        this.cluster = cluster;
        this.vs = vs;
        this.memo = memo;
        this.resolver = new ServerResolver(ctx, cluster, memo);
        this.shardNumber = sharedShardNumber(naming, vs);
    }

    ShardModel build() {
        List<ParsedIngress> parsed = new ArrayList<>();
        for (Ingress ingress : cluster.ingressesOfShard(vs, naming)) {
            parsed.add(memo.ofInstance(ingress, () -> ParsedIngress.parse(ingress)));
        }
        parsed.sort(ParsedIngress.OLDEST_FIRST);

        Map<String, HostState> hosts = new HashMap<>();
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
        hosts.values().removeIf(h -> h.entries.isEmpty() || !h.tls.isEmpty() && !certificateFound(h));
        if (naming.isDedicated() && hosts.isEmpty()) {
            return model(Map.of(), List.of(), null);
        }

        FallThrough fallThrough = fallThrough(hostless, defaultClaimants);

        List<String> precise = preciseHostsInOrder(hosts);
        List<String> wildcards = new ArrayList<>();
        for (HostState h : hosts.values()) {
            if (Hosts.isWildcard(h.host)) {
                wildcards.add(h.host);
            }
        }
        wildcards.sort(WILDCARD_ORDER);

        List<String> hostOrder = concat(precise, wildcards);
        Map<String, HostOutput> outputs = new HashMap<>(hosts.size() * 4 / 3 + 1);
        Set<String> poolNames = new HashSet<>(hosts.size() * 4);
        boolean namesCollide = false;
        for (String host : hostOrder) {
            HostOutput output = host(hosts.get(host), wildcardMatch(host, precise, wildcards), fallThrough);
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
                outputs.put(host, computeHost(hosts.get(host), wildcardMatch(host, precise, wildcards), fallThrough, poolNames));
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
            if (h.keyPair == null) {
                hostSets.add(output.setName());
            } else if (wildcard) {
                tlsWildcards.add(host);
            } else {
                tlsPreciseValues.addAll(output.headerValues());
            }
        }
        if (!tlsPreciseValues.isEmpty() || !tlsWildcards.isEmpty()) {
            String redirect = naming.redirectPolicySetName(vs);
            add(new PolicySetSpec(redirect, List.of(), redirectRules(tlsPreciseValues, tlsWildcards, precise, wildcards)));
            hostSets.add(redirect);
        }
        String catchAll = naming.catchAllPolicySetName(vs);
        HostMatch unserved = unservedMatch(preciseValues, wildcards);
        List<RuleSpec> catchAllRules = new ArrayList<>();
        fallThroughRules(catchAllRules, unserved, fallThrough);
        catchAllRules.add(new RuleSpec(unserved, null, null, false, Action.NOT_FOUND));
        add(new PolicySetSpec(catchAll, List.of(), catchAllRules));
        hostSets.add(catchAll);

        add(new ParentVsSpec(vs, hostSets));
        List<String> allHosts = new ArrayList<>(precise.size() + wildcards.size());
        allHosts.addAll(precise);
        allHosts.addAll(wildcards);
        allHosts.sort(null);
        add(new VsVipSpec(vs, allHosts));
        return model(outputs, precise, fallThrough);
    }

    // ------------------------------------------------------------------------------------------- hosts and paths

    /**
     * The objects of one host: its pools and pool groups, its policy set, and for a TLS host its certificate and SNI
     * child. Reused from the previous build when its inputs are the same: the path entries (from the same Ingress
     * objects), their backends' servers (from the same Service, EndpointSlice, Node and Pod objects), the
     * certificate, the host match and the fall-through rules.
     */
    private HostOutput host(HostState h, HostMatch wildcardMatch, FallThrough fallThrough) {
        List<Object> inputs = new ArrayList<>(4 + 2 * h.entries.size());
        inputs.add(wildcardMatch);
        inputs.add(fallThrough);
        inputs.add(h.keyPair);
        inputs.add(h.certificateNamespace);
        for (PathEntry e : h.entries) {
            inputs.add(e);
            inputs.add(resolver.resolve(e.ingress().namespace(), e.backend()));
        }
        return memo.reuse(new HostKey(h.host), inputs, () -> computeHost(h, wildcardMatch, fallThrough, new HashSet<>()));
    }

    /**
     * {@code wildcardMatch}: null for a precise host, whose match follows from the host alone (so that it is not
     * rebuilt for every unchanged host). {@code poolNames}: the pool names already taken; this host's are added.
     */
    private HostOutput computeHost(HostState h, HostMatch wildcardMatch, FallThrough fallThrough, Set<String> poolNames) {
        String host = h.host;
        HostMatch match = wildcardMatch != null ? wildcardMatch : hostMatch(host, List.of(), List.of());
        List<ModelWarning> hostWarnings = new ArrayList<>();
        List<AviObject> hostObjects = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<RuleSpec> rules = new ArrayList<>();
        List<PathEntry> winners = winners(h.entries, hostWarnings);
        for (PathEntry e : winners) {
            String name = unique(poolNames, naming.poolName(e.ingress().namespace(), host, e.rawPath(), e.ingress().name()),
                    e.ingress() + "|" + e.host() + "|" + e.kind() + "|" + e.rawPath());
            names.add(name);
            pathRules(rules, match, e, pool(e, name, hostObjects, hostWarnings));
        }
        fallThroughRules(rules, match, fallThrough);
        String setName = naming.hostPolicySetName(host);
        List<Marker> markers = hostMarkers(h.host, winners);
        if (h.keyPair == null) {
            rules.add(new RuleSpec(match, null, null, false, Action.NOT_FOUND));
            hostObjects.add(object(new PolicySetSpec(setName, markers, rules)));
        } else {
            // the SNI child serves this host alone: anything its rules do not take is a 404
            rules.add(new RuleSpec(HostMatch.ANY, null, null, false, Action.NOT_FOUND));
            hostObjects.add(object(new PolicySetSpec(setName, markers, rules)));
            String certificate = naming.certificateName(host);
            hostObjects.add(object(new CertSpec(certificate, List.of(Marker.of("Host", host)), h.keyPair.certificatePem(), h.keyPair.keyPem())));
            hostObjects.add(object(new ChildVsSpec(naming.sniChildName(host), vs, host,
                    List.of(Marker.of("Namespace", h.certificateNamespace), Marker.of("Host", host)), certificate, setName)));
        }
        Set<IngressRef> ingresses = new TreeSet<>();
        h.entries.forEach(e -> ingresses.add(e.ingress()));
        hostObjects.sort(this::modelOrder);
        return new HostOutput(List.copyOf(hostObjects), List.copyOf(names), List.copyOf(hostWarnings), ingresses, setName,
                match.hostHdr().criteria().equals("HDR_EQUALS") ? match.hostHdr().values() : List.of());
    }

    /** Host-less paths (deduplicated) and the default backend, with their pools; the same instance while unchanged. */
    private FallThrough fallThrough(List<PathEntry> hostless, List<ParsedIngress> defaultClaimants) {
        List<PathEntry> winners = winners(hostless, warnings);
        List<Action> actions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<AviObject> pools = new ArrayList<>();
        for (PathEntry e : winners) {
            String name = unique(names, naming.hostlessPoolName(vs, e.ingress().namespace(), e.rawPath(), e.ingress().name()),
                    e.ingress() + "|" + e.kind() + "|" + e.rawPath());
            actions.add(pool(e, name, pools, warnings));
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
            defaultBackend = poolAndGroup(unique(names, naming.defaultBackendPoolName(vs, ref.namespace(), ref.name()), ref + "|default"),
                    List.of(Marker.of("Namespace", ref.namespace()), Marker.of("IngressName", ref.name()),
                            Marker.of("ServiceName", winner.defaultBackend().service())), r, pools);
        }
        shardObjects.addAll(pools);
        FallThrough fallThrough = new FallThrough(List.copyOf(winners), List.copyOf(actions), defaultBackend,
                defaultClaimants.isEmpty() ? null : defaultClaimants.get(0).ref());
        return memo.get(fallThrough, k -> fallThrough);
    }

    private boolean isOnShard(String host) {
        return naming.isDedicated() ? naming.shardVsName(host).equals(vs) : Naming.shardNumber(host, naming.shardSize().shards()) == shardNumber;
    }

    /** The n of {@code <cluster>--Shared-L7-<n>} (no host hashes to a name that is not a shard VS of this cluster). */
    private static int sharedShardNumber(Naming naming, String vs) {
        String prefix = naming.clusterName() + "--Shared-L7-";
        for (int n = 0; n < naming.shardSize().shards(); n++) {
            if (vs.equals(prefix + n)) {
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

    /** Keeps the first of equal paths (Ingresses come oldest first) and warns about the others; precedence order. */
    private static List<PathEntry> winners(List<PathEntry> entries, List<ModelWarning> warningsOut) {
        Map<String, PathEntry> seen = new LinkedHashMap<>();
        for (PathEntry e : entries) {
            PathEntry first = seen.putIfAbsent(e.kind() + e.matchPath(), e);
            if (first != null) {
                String owner = first.ingress().equals(e.ingress()) ? "earlier in this Ingress" : "by Ingress " + first.ingress() + ", which is older";
                String same = first.rawPath().equals(e.rawPath()) && first.declaredType().equals(e.declaredType()) ? ""
                        : " (as '" + first.rawPath() + "' (" + first.declaredType() + "); a Prefix path ignores its trailing slash and "
                        + "ImplementationSpecific is treated as Prefix)";
                warningsOut.add(new ModelWarning(e.ingress().namespace(), e.ingress().name(), Reason.DuplicateHostPath,
                        e.describe() + " is already declared " + owner + same
                        + "; the first declaration wins and this one is not served. Remove the duplicate or use another host or path"));
            }
        }
        List<PathEntry> winners = new ArrayList<>(seen.values());
        winners.sort(PRECEDENCE);
        return winners;
    }

    /** Avi rules for one path: Exact p = EQUALS p; Prefix p = EQUALS p or BEGINS_WITH p/; Prefix / = any path. */
    private static void pathRules(List<RuleSpec> rules, HostMatch match, PathEntry e, Action action) {
        String p = e.matchPath();
        if (e.kind() == PathKind.EXACT) {
            rules.add(new RuleSpec(match, "EQUALS", p, false, action));
        } else if (p.equals("/")) {
            rules.add(new RuleSpec(match, null, null, false, action));
        } else {
            rules.add(new RuleSpec(match, "EQUALS", p, false, action));
            rules.add(new RuleSpec(match, "BEGINS_WITH", p + "/", false, action));
        }
    }

    /** Host-less rules, then the default backend: what a request gets when no host-specific path matches. */
    private static void fallThroughRules(List<RuleSpec> rules, HostMatch match, FallThrough fallThrough) {
        for (int i = 0; i < fallThrough.hostless().size(); i++) {
            pathRules(rules, match, fallThrough.hostless().get(i), fallThrough.actions().get(i));
        }
        if (fallThrough.defaultBackend() != null) {
            rules.add(new RuleSpec(match, null, null, false, fallThrough.defaultBackend()));
        }
    }

    private static HostMatch wildcardMatch(String host, List<String> precise, List<String> wildcards) {
        return Hosts.isWildcard(host) ? hostMatch(host, precise, wildcards) : null;
    }

    /**
     * The Host headers a host's set applies to. A precise host: HDR_EQUALS. A wildcard {@code *.foo.com}: HDR_ENDS_WITH
     * {@code .foo.com}, except the precise hosts and longer wildcards of this shard under it. Avi's host matches have
     * no regular expression, so a wildcard also covers names with more labels ({@code a.b.foo.com}) that no more precise
     * host serves: the documented residual difference to the Ingress specification.
     */
    private static HostMatch hostMatch(String host, List<String> precise, List<String> wildcards) {
        if (!Hosts.isWildcard(host)) {
            return new HostMatch(new HdrCond("HDR_EQUALS", Hosts.headerValues(host)), List.of());
        }
        String suffix = Hosts.wildcardSuffix(host);
        List<String> exceptHosts = new ArrayList<>();
        for (String p : precise) {
            if (p.endsWith(suffix)) {
                exceptHosts.addAll(Hosts.headerValues(p));
            }
        }
        List<String> exceptSuffixes = new ArrayList<>();
        for (String w : wildcards) {
            String other = Hosts.wildcardSuffix(w);
            if (other.length() > suffix.length() && other.endsWith(suffix)) {
                exceptSuffixes.addAll(Hosts.headerValues(other));
            }
        }
        List<HdrCond> more = new ArrayList<>(2);
        if (!exceptHosts.isEmpty()) {
            more.add(new HdrCond("HDR_DOES_NOT_EQUAL", exceptHosts));
        }
        if (!exceptSuffixes.isEmpty()) {
            more.add(new HdrCond("HDR_DOES_NOT_END_WITH", exceptSuffixes));
        }
        return new HostMatch(new HdrCond("HDR_ENDS_WITH", Hosts.headerValues(suffix)), List.copyOf(more));
    }

    /** Host headers that no host of this shard claims (given the precise hosts' header values): for the catch-all set. */
    private static HostMatch unservedMatch(List<String> preciseValues, List<String> wildcards) {
        HdrCond notHosts = preciseValues.isEmpty() ? null : new HdrCond("HDR_DOES_NOT_EQUAL", preciseValues);
        HdrCond notSuffixes = wildcards.isEmpty() ? null
                : new HdrCond("HDR_DOES_NOT_END_WITH", headerValues(wildcards.stream().map(Hosts::wildcardSuffix).toList()));
        if (notHosts == null) {
            return notSuffixes == null ? HostMatch.ANY : new HostMatch(notSuffixes, List.of());
        }
        return new HostMatch(notHosts, notSuffixes == null ? List.of() : List.of(notSuffixes));
    }

    /** Plain HTTP to a TLS host is redirected to HTTPS (302, as AKO); HTTPS that reached the parent gets a 404. */
    private static List<RuleSpec> redirectRules(List<String> tlsPreciseValues, List<String> tlsWildcards, List<String> precise,
                                                List<String> wildcards) {
        List<RuleSpec> rules = new ArrayList<>();
        HostMatch preciseMatch = tlsPreciseValues.isEmpty() ? null : new HostMatch(new HdrCond("HDR_EQUALS", tlsPreciseValues), List.of());
        for (boolean redirect : new boolean[] {true, false}) {
            Action action = redirect ? Action.REDIRECT : Action.NOT_FOUND;
            if (preciseMatch != null) {
                rules.add(new RuleSpec(preciseMatch, null, null, redirect, action));
            }
            for (String w : tlsWildcards) {
                rules.add(new RuleSpec(hostMatch(w, precise, wildcards), null, null, redirect, action));
            }
        }
        return rules;
    }

    private static List<String> headerValues(List<String> hosts) {
        List<String> values = new ArrayList<>(hosts.size() * 3);
        hosts.forEach(h -> values.addAll(Hosts.headerValues(h)));
        return values;
    }

    // ------------------------------------------------------------------------------------------------- TLS

    /** Picks the oldest valid certificate among the host's TLS entries, warning about every unusable one. */
    private boolean certificateFound(HostState h) {
        List<ModelWarning> problems = new ArrayList<>(0);
        TlsClaim chosen = null;
        for (TlsClaim claim : h.tls) {
            String namespace = claim.ingress().namespace();
            Optional<Secret> secret = claim.secretName().isEmpty() ? Optional.empty() : cluster.secret(namespace, claim.secretName());
            if (claim.secretName().isEmpty()) {
                problems.add(problem(claim, Reason.SecretNotFound, "spec.tls lists host '" + h.host
                        + "' without a secretName; name a kubernetes.io/tls Secret with tls.crt and tls.key"));
            } else if (secret.isEmpty()) {
                problems.add(problem(claim, Reason.SecretNotFound, "TLS Secret " + namespace + "/" + claim.secretName() + " for host '" + h.host
                        + "' does not exist; create a kubernetes.io/tls Secret with tls.crt and tls.key in namespace " + namespace));
            } else {
                KeyPair pair = TlsSecrets.read(secret.get(), memo);
                if (!pair.valid()) {
                    problems.add(problem(claim, Reason.SecretInvalid, "TLS Secret " + namespace + "/" + claim.secretName() + " for host '" + h.host
                            + "' is not usable: " + pair.problem() + "; put a PEM certificate in tls.crt and its PEM private key in tls.key"));
                } else if (chosen == null) {
                    chosen = claim;
                    h.keyPair = pair;
                    h.certificateNamespace = namespace;
                }
            }
        }
        if (problems.isEmpty()) {
            return chosen != null;
        }
        String outcome = chosen == null ? ". Host '" + h.host + "' is not served until this is fixed"
                : ". Host '" + h.host + "' is served meanwhile with the certificate of Secret " + chosen.ingress().namespace() + "/" + chosen.secretName();
        for (ModelWarning w : problems) {
            warnings.add(new ModelWarning(w.namespace(), w.ingressName(), w.reason(), w.message() + outcome));
        }
        return chosen != null;
    }

    private static ModelWarning problem(TlsClaim claim, Reason reason, String message) {
        return new ModelWarning(claim.ingress().namespace(), claim.ingress().name(), reason, message);
    }

    // ---------------------------------------------------------------------------------------------------- pools

    /** The pool (and pool group) of one path, added to {@code out}; returns the rule action that switches to it. */
    private Action pool(PathEntry e, String name, List<AviObject> out, List<ModelWarning> warningsOut) {
        Resolution r = resolver.resolve(e.ingress().namespace(), e.backend());
        if (r.problem() != null) {
            warningsOut.add(new ModelWarning(e.ingress().namespace(), e.ingress().name(), r.problem(), e.describe() + ": " + r.message()));
        }
        List<Marker> markers = new ArrayList<>(5);
        markers.add(Marker.of("Namespace", e.ingress().namespace()));
        if (!e.host().isEmpty()) {
            markers.add(Marker.of("Host", e.host()));
        }
        if (!e.rawPath().isEmpty()) {
            markers.add(Marker.of("Path", e.rawPath()));
        }
        markers.add(Marker.of("IngressName", e.ingress().name()));
        markers.add(Marker.of("ServiceName", e.backend().service()));
        return poolAndGroup(name, markers, r, out);
    }

    private Action poolAndGroup(String poolName, List<Marker> markers, Resolution r, List<AviObject> out) {
        out.add(object(new PoolSpec(poolName, List.copyOf(markers), r.servers())));
        if (ctx.noPoolGroups()) {
            return new Action(ActionKind.POOL, poolName);
        }
        out.add(object(new PoolGroupSpec(poolName, List.copyOf(markers), poolName)));
        return new Action(ActionKind.POOL_GROUP, poolName);
    }

    /** AKO's names are not injective ({@code /a_b} and {@code /a/b} give the same name): later ones get a hash. */
    private static String unique(Set<String> used, String name, String identity) {
        String unique = name;
        if (!used.add(unique)) {
            unique = Naming.bounded(name + "-" + String.format("%08x", Naming.fnv1a32(identity)));
            used.add(unique);
        }
        return unique;
    }

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

    // ------------------------------------------------------------------------------------------------- output

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
        List<String> changed = changedHosts(outputs);
        List<AviObject> ordered = Collections.unmodifiableList(ordered(outputs, changed));
        SortedMap<IngressRef, Set<String>> status = Collections.unmodifiableSortedMap(status(outputs, changed, fallThrough));
        next = new Previous(ordered, outputs, List.copyOf(shardObjects), precise, status, fallThrough);
        return new ShardModel(vs, ordered, List.copyOf(warnings), status);
    }

    /** Hosts whose output is not the previous build's (new, changed or gone). */
    private List<String> changedHosts(Map<String, HostOutput> outputs) {
        List<String> changed = new ArrayList<>();
        previous.hostOutputs().forEach((host, before) -> {
            if (outputs.get(host) != before) {
                changed.add(host);
            }
        });
        outputs.forEach((host, now) -> {
            if (!previous.hostOutputs().containsKey(host)) {
                changed.add(host);
            }
        });
        return changed;
    }

    /**
     * Per Ingress the hosts served for it; from the previous build's when only a few hosts changed (a sorted map is
     * copied in linear time), else from every host.
     */
    private SortedMap<IngressRef, Set<String>> status(Map<String, HostOutput> outputs, List<String> changed, FallThrough fallThrough) {
        TreeMap<IngressRef, Set<String>> status;
        if (previous.fallThrough() == fallThrough && changed.size() <= outputs.size() / 4) {
            status = new TreeMap<>(previous.status());
            for (String host : changed) {
                HostOutput before = previous.hostOutputs().get(host);
                HostOutput now = outputs.get(host);
                if (before != null) {
                    before.ingresses().forEach(ingress -> unserved(status, ingress, host));
                }
                if (now != null) {
                    now.ingresses().forEach(ingress -> served(status, ingress, host));
                }
            }
            return status;
        }
        status = new TreeMap<>();
        for (Map.Entry<String, HostOutput> e : outputs.entrySet()) {
            for (IngressRef ingress : e.getValue().ingresses()) {
                served(status, ingress, e.getKey());
            }
        }
        if (fallThrough != null) {
            fallThrough.hostless().forEach(p -> served(status, p.ingress(), ""));
            if (fallThrough.defaultOwner() != null) {
                served(status, fallThrough.defaultOwner(), "");
            }
        }
        return status;
    }

    private static void served(TreeMap<IngressRef, Set<String>> status, IngressRef ingress, String host) {
        Set<String> hosts = status.get(ingress);
        if (hosts == null) {
            status.put(ingress, Set.of(host));
        } else if (!hosts.contains(host)) {
            TreeSet<String> more = new TreeSet<>(hosts);
            more.add(host);
            status.put(ingress, Collections.unmodifiableSortedSet(more));
        }
    }

    private static void unserved(TreeMap<IngressRef, Set<String>> status, IngressRef ingress, String host) {
        Set<String> hosts = status.get(ingress);
        if (hosts != null && hosts.contains(host)) {
            if (hosts.size() == 1) {
                status.remove(ingress);
            } else {
                TreeSet<String> fewer = new TreeSet<>(hosts);
                fewer.remove(host);
                status.put(ingress, fewer.size() == 1 ? Set.of(fewer.first()) : Collections.unmodifiableSortedSet(fewer));
            }
        }
    }

    /** What the next build of this shard should be given. */
    Previous next() {
        return next;
    }

    /**
     * The objects by type (in create order), then by name, the parent VS before its SNI children. Objects reused from
     * the previous build keep their places, so only what changed is removed from or inserted into the previous order;
     * a first build, or one where much changed, sorts everything.
     */
    private List<AviObject> ordered(Map<String, HostOutput> outputs, List<String> changed) {
        List<AviObject> removed = new ArrayList<>();
        List<AviObject> added = new ArrayList<>();
        for (String host : changed) {
            HostOutput before = previous.hostOutputs().get(host);
            HostOutput now = outputs.get(host);
            if (before != null) {
                removed.addAll(before.objects());
            }
            if (now != null) {
                added.addAll(now.objects());
            }
        }
        for (AviObject o : previous.shardObjects()) {
            if (!containsInstance(shardObjects, o)) {
                removed.add(o);
            }
        }
        for (AviObject o : shardObjects) {
            if (!containsInstance(previous.shardObjects(), o)) {
                added.add(o);
            }
        }
        List<AviObject> order = new ArrayList<>(previous.order());
        if (order.isEmpty() || removed.size() + added.size() > order.size() / 4 || !patch(order, removed, added)) {
            order.clear();
            outputs.values().forEach(o -> order.addAll(o.objects()));
            order.addAll(shardObjects);
            order.sort(this::modelOrder);
        }
        return order;
    }

    /** Removes and inserts by binary search in the ordered list; false if the list is not what it should be. */
    private boolean patch(List<AviObject> order, List<AviObject> removed, List<AviObject> added) {
        for (AviObject o : removed) {
            int at = Collections.binarySearch(order, o, this::modelOrder);
            if (at < 0 || order.get(at) != o) {
                return false;
            }
            order.remove(at);
        }
        for (AviObject o : added) {
            int at = Collections.binarySearch(order, o, this::modelOrder);
            if (at >= 0) {
                return false;
            }
            order.add(-at - 1, o);
        }
        return true;
    }

    private static boolean containsInstance(List<AviObject> list, AviObject o) {
        for (AviObject x : list) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    /**
     * The precise hosts in order: the previous build's order without the hosts gone, with the new ones inserted;
     * so only new hosts are compared.
     */
    private List<String> preciseHostsInOrder(Map<String, HostState> hosts) {
        List<String> precise = new ArrayList<>(hosts.size());
        for (String host : previous.preciseHosts()) {
            HostState h = hosts.get(host);
            if (h != null) {
                h.inPreviousOrder = true;
                precise.add(host);
            }
        }
        List<String> added = new ArrayList<>();
        for (HostState h : hosts.values()) {
            if (!h.inPreviousOrder && !Hosts.isWildcard(h.host)) {
                added.add(h.host);
            }
        }
        if (added.size() > 16) {
            precise.addAll(added);
            precise.sort(null);
        } else {
            for (String host : added) {
                precise.add(-Collections.binarySearch(precise, host) - 1, host);
            }
        }
        return precise;
    }

    private int modelOrder(AviObject a, AviObject b) {
        int c = Integer.compare(a.type().ordinal(), b.type().ordinal());
        if (c != 0) {
            return c;
        }
        boolean aParent = a.type() == AviType.VIRTUALSERVICE && a.name().equals(vs);
        boolean bParent = b.type() == AviType.VIRTUALSERVICE && b.name().equals(vs);
        return aParent != bParent ? (aParent ? -1 : 1) : a.name().compareTo(b.name());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
