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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Map<IngressRef, Set<String>> ingressHosts = new TreeMap<>();
    private final Set<String> poolNames = new HashSet<>();
    private final Map<AviType, List<AviObject>> objects = new EnumMap<>(AviType.class);
    private final Map<String, Boolean> onShard = new HashMap<>();

    private record TlsClaim(IngressRef ingress, String secretName) {
    }

    /** Everything one host of the shard gets, from every Ingress that names it. */
    private static final class HostState {
        final String host;
        final List<PathEntry> entries = new ArrayList<>(4);
        final List<TlsClaim> tls = new ArrayList<>(1);
        final List<PathEntry> winners = new ArrayList<>(4);
        KeyPair keyPair;
        String certificateNamespace;

        HostState(String host) {
            this.host = host;
        }
    }

    ShardBuild(BuildContext ctx, ClusterView cluster, String vs, Memo memo) {
        this.ctx = ctx;
        this.naming = ctx.naming();
        this.cluster = cluster;
        this.vs = vs;
        this.memo = memo;
        this.resolver = new ServerResolver(ctx, cluster);
    }

    ShardModel build() {
        List<ParsedIngress> parsed = new ArrayList<>();
        for (Ingress ingress : cluster.ingressesOfShard(vs, naming)) {
            parsed.add(ParsedIngress.parse(ingress));
        }
        parsed.sort(ParsedIngress.OLDEST_FIRST);

        Map<String, HostState> hosts = new TreeMap<>();
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
            return model();
        }

        // the rules every host falls through to when none of its own paths matches
        List<PathEntry> hostlessWinners = winners(hostless, "");
        List<Action> hostlessActions = new ArrayList<>();
        for (PathEntry e : hostlessWinners) {
            hostlessActions.add(pool(e, naming.hostlessPoolName(vs, e.ingress().namespace(), e.rawPath(), e.ingress().name())));
            served(e.ingress(), "");
        }
        Action defaultBackend = defaultBackend(defaultClaimants);

        List<String> precise = new ArrayList<>();
        List<String> wildcards = new ArrayList<>();
        for (HostState h : hosts.values()) {
            (Hosts.isWildcard(h.host) ? wildcards : precise).add(h.host);
            h.winners.addAll(winners(h.entries, h.host));
            h.entries.forEach(e -> served(e.ingress(), h.host));
        }
        wildcards.sort(WILDCARD_ORDER);

        List<String> hostSets = new ArrayList<>();
        List<String> tlsPrecise = new ArrayList<>();
        List<String> tlsWildcards = new ArrayList<>();
        for (String host : concat(precise, wildcards)) {
            HostState h = hosts.get(host);
            HostMatch match = hostMatch(host, precise, wildcards);
            List<RuleSpec> rules = new ArrayList<>();
            for (PathEntry e : h.winners) {
                pathRules(rules, match, e, pool(e, naming.poolName(e.ingress().namespace(), host, e.rawPath(), e.ingress().name())));
            }
            fallThrough(rules, match, hostlessWinners, hostlessActions, defaultBackend);
            String setName = naming.hostPolicySetName(host);
            List<Marker> markers = hostMarkers(h);
            if (h.keyPair == null) {
                rules.add(new RuleSpec(match, null, null, false, Action.NOT_FOUND));
                add(new PolicySetSpec(setName, markers, rules));
                hostSets.add(setName);
            } else {
                rules.add(new RuleSpec(HostMatch.ANY, null, null, false, Action.NOT_FOUND));
                add(new PolicySetSpec(setName, markers, rules));
                String certificate = naming.certificateName(host);
                add(new CertSpec(certificate, List.of(Marker.of("Host", host)), h.keyPair.certificatePem(), h.keyPair.keyPem()));
                add(new ChildVsSpec(naming.sniChildName(host), vs, host,
                        List.of(Marker.of("Namespace", h.certificateNamespace), Marker.of("Host", host)), certificate, setName));
                (Hosts.isWildcard(host) ? tlsWildcards : tlsPrecise).add(host);
            }
        }
        if (!tlsPrecise.isEmpty() || !tlsWildcards.isEmpty()) {
            String redirect = naming.redirectPolicySetName(vs);
            add(new PolicySetSpec(redirect, List.of(), redirectRules(tlsPrecise, tlsWildcards, precise, wildcards)));
            hostSets.add(redirect);
        }
        String catchAll = naming.catchAllPolicySetName(vs);
        HostMatch unserved = unservedMatch(precise, wildcards);
        List<RuleSpec> catchAllRules = new ArrayList<>();
        fallThrough(catchAllRules, unserved, hostlessWinners, hostlessActions, defaultBackend);
        catchAllRules.add(new RuleSpec(unserved, null, null, false, Action.NOT_FOUND));
        add(new PolicySetSpec(catchAll, List.of(), catchAllRules));
        hostSets.add(catchAll);

        add(new ParentVsSpec(vs, hostSets));
        add(new VsVipSpec(vs, List.copyOf(hosts.keySet())));
        return model();
    }

    // ------------------------------------------------------------------------------------------- hosts and paths

    private boolean isOnShard(String host) {
        return onShard.computeIfAbsent(host, h -> naming.shardVsName(h).equals(vs));
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
    private List<PathEntry> winners(List<PathEntry> entries, String host) {
        Map<String, PathEntry> seen = new LinkedHashMap<>();
        for (PathEntry e : entries) {
            PathEntry first = seen.putIfAbsent(e.kind() + e.matchPath(), e);
            if (first != null) {
                String owner = first.ingress().equals(e.ingress()) ? "earlier in this Ingress" : "by Ingress " + first.ingress() + ", which is older";
                String same = first.rawPath().equals(e.rawPath()) && first.declaredType().equals(e.declaredType()) ? ""
                        : " (as '" + first.rawPath() + "' (" + first.declaredType() + "); a Prefix path ignores its trailing slash and "
                        + "ImplementationSpecific is treated as Prefix)";
                warn(e.ingress(), Reason.DuplicateHostPath, e.describe() + " is already declared " + owner + same
                        + "; the first declaration wins and this one is not served. Remove the duplicate or use another host or path");
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
    private static void fallThrough(List<RuleSpec> rules, HostMatch match, List<PathEntry> hostless, List<Action> actions,
                                    Action defaultBackend) {
        for (int i = 0; i < hostless.size(); i++) {
            pathRules(rules, match, hostless.get(i), actions.get(i));
        }
        if (defaultBackend != null) {
            rules.add(new RuleSpec(match, null, null, false, defaultBackend));
        }
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

    /** Host headers that no host of this shard claims: for the catch-all set. */
    private static HostMatch unservedMatch(List<String> precise, List<String> wildcards) {
        HdrCond notHosts = precise.isEmpty() ? null : new HdrCond("HDR_DOES_NOT_EQUAL", headerValues(precise));
        HdrCond notSuffixes = wildcards.isEmpty() ? null
                : new HdrCond("HDR_DOES_NOT_END_WITH", headerValues(wildcards.stream().map(Hosts::wildcardSuffix).toList()));
        if (notHosts == null) {
            return notSuffixes == null ? HostMatch.ANY : new HostMatch(notSuffixes, List.of());
        }
        return new HostMatch(notHosts, notSuffixes == null ? List.of() : List.of(notSuffixes));
    }

    /** Plain HTTP to a TLS host is redirected to HTTPS (302, as AKO); HTTPS that reached the parent gets a 404. */
    private static List<RuleSpec> redirectRules(List<String> tlsPrecise, List<String> tlsWildcards, List<String> precise,
                                                List<String> wildcards) {
        List<RuleSpec> rules = new ArrayList<>();
        HostMatch preciseMatch = tlsPrecise.isEmpty() ? null : new HostMatch(new HdrCond("HDR_EQUALS", headerValues(tlsPrecise)), List.of());
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
        Map<TlsClaim, String> problems = new LinkedHashMap<>();
        Map<TlsClaim, Reason> reasons = new HashMap<>();
        TlsClaim chosen = null;
        for (TlsClaim claim : h.tls) {
            String secretRef = claim.ingress().namespace() + "/" + claim.secretName();
            Optional<Secret> secret = claim.secretName().isEmpty() ? Optional.empty() : cluster.secret(claim.ingress().namespace(), claim.secretName());
            if (claim.secretName().isEmpty()) {
                reasons.put(claim, Reason.SecretNotFound);
                problems.put(claim, "spec.tls lists host '" + h.host + "' without a secretName; name a kubernetes.io/tls Secret with tls.crt and tls.key");
            } else if (secret.isEmpty()) {
                reasons.put(claim, Reason.SecretNotFound);
                problems.put(claim, "TLS Secret " + secretRef + " for host '" + h.host
                        + "' does not exist; create a kubernetes.io/tls Secret with tls.crt and tls.key in namespace " + claim.ingress().namespace());
            } else {
                KeyPair pair = TlsSecrets.read(secret.get(), memo);
                if (!pair.valid()) {
                    reasons.put(claim, Reason.SecretInvalid);
                    problems.put(claim, "TLS Secret " + secretRef + " for host '" + h.host + "' is not usable: " + pair.problem()
                            + "; put a PEM certificate in tls.crt and its PEM private key in tls.key");
                } else if (chosen == null) {
                    chosen = claim;
                    h.keyPair = pair;
                    h.certificateNamespace = claim.ingress().namespace();
                }
            }
        }
        String outcome = chosen == null ? ". Host '" + h.host + "' is not served until this is fixed"
                : ". Host '" + h.host + "' is served meanwhile with the certificate of Secret " + chosen.ingress().namespace() + "/" + chosen.secretName();
        problems.forEach((claim, message) -> warn(claim.ingress(), reasons.get(claim), message + outcome));
        return chosen != null;
    }

    // ----------------------------------------------------------------------------------- pools and default backend

    /** The pool (and pool group) of one path; returns the rule action that switches to it. */
    private Action pool(PathEntry e, String name) {
        String poolName = uniquePoolName(name, e.ingress() + "|" + e.host() + "|" + e.kind() + "|" + e.rawPath());
        Resolution r = resolver.resolve(e.ingress().namespace(), e.backend(), e.describe());
        if (r.problem() != null) {
            warn(e.ingress(), r.problem(), r.message());
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
        return poolAndGroup(poolName, markers, r);
    }

    private Action defaultBackend(List<ParsedIngress> claimants) {
        if (claimants.isEmpty()) {
            return null;
        }
        ParsedIngress winner = claimants.get(0);
        for (ParsedIngress loser : claimants.subList(1, claimants.size())) {
            warn(loser.ref(), Reason.DefaultBackendConflict, "spec.defaultBackend is not used: Ingress " + winner.ref()
                    + " is older and already provides the default backend for requests that match no rule; "
                    + "remove one of the two default backends");
        }
        IngressRef ref = winner.ref();
        String name = uniquePoolName(naming.defaultBackendPoolName(vs, ref.namespace(), ref.name()), ref + "|default");
        Resolution r = resolver.resolve(ref.namespace(), winner.defaultBackend(), "spec.defaultBackend");
        if (r.problem() != null) {
            warn(ref, r.problem(), r.message());
        }
        served(ref, "");
        return poolAndGroup(name, List.of(Marker.of("Namespace", ref.namespace()), Marker.of("IngressName", ref.name()),
                Marker.of("ServiceName", winner.defaultBackend().service())), r);
    }

    private Action poolAndGroup(String poolName, List<Marker> markers, Resolution r) {
        add(new PoolSpec(poolName, List.copyOf(markers), r.servers()));
        if (ctx.noPoolGroups()) {
            return new Action(ActionKind.POOL, poolName);
        }
        add(new PoolGroupSpec(poolName, List.copyOf(markers), poolName));
        return new Action(ActionKind.POOL_GROUP, poolName);
    }

    /** AKO's names are not injective ({@code /a_b} and {@code /a/b} give the same name): later ones get a hash. */
    private String uniquePoolName(String name, String identity) {
        String unique = name;
        if (!poolNames.add(unique)) {
            unique = Naming.bounded(name + "-" + String.format("%08x", Naming.fnv1a32(identity)));
            poolNames.add(unique);
        }
        return unique;
    }

    private static List<Marker> hostMarkers(HostState h) {
        Set<String> namespaces = new TreeSet<>();
        Set<String> ingresses = new TreeSet<>();
        Set<String> paths = new TreeSet<>();
        for (PathEntry e : h.winners) {
            namespaces.add(e.ingress().namespace());
            ingresses.add(e.ingress().name());
            if (!e.rawPath().isEmpty()) {
                paths.add(e.rawPath());
            }
        }
        List<Marker> markers = new ArrayList<>(4);
        markers.add(new Marker("Namespace", List.copyOf(namespaces)));
        markers.add(Marker.of("Host", h.host));
        if (!paths.isEmpty()) {
            markers.add(new Marker("Path", List.copyOf(paths)));
        }
        markers.add(new Marker("IngressName", List.copyOf(ingresses)));
        return markers;
    }

    // ------------------------------------------------------------------------------------------------- output

    private void served(IngressRef ingress, String host) {
        ingressHosts.computeIfAbsent(ingress, k -> new TreeSet<>()).add(host);
    }

    private void warn(IngressRef ingress, Reason reason, String message) {
        warnings.add(new ModelWarning(ingress.namespace(), ingress.name(), reason, message));
    }

    private void add(ObjectSpec spec) {
        AviObject object = memo.get(spec, s -> ((ObjectSpec) s).toObject(ctx));
        objects.computeIfAbsent(spec.type(), t -> new ArrayList<>()).add(object);
    }

    private ShardModel model() {
        List<AviObject> ordered = new ArrayList<>();
        for (AviType type : AviType.values()) {
            List<AviObject> list = objects.get(type);
            if (list == null) {
                continue;
            }
            // parents before children among virtual services: a child refers to its parent
            list.sort(Comparator.comparing((AviObject o) -> !o.name().equals(vs)).thenComparing(AviObject::name));
            ordered.addAll(list);
        }
        return new ShardModel(vs, vs, ordered, warnings, ingressHosts);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
