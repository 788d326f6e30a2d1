package io.akocamel.model;

import io.akocamel.model.ModelWarning.Reason;
import io.akocamel.model.ParsedIngress.PathEntry;
import io.akocamel.model.ParsedIngress.PathKind;
import io.akocamel.model.Specs.Action;
import io.akocamel.model.Specs.HostMatch;
import io.akocamel.model.Specs.RuleSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Paths to Avi policy rules: which of equal paths wins, in which order paths are tried, and the rules of one path. */
final class PathRules {
    /** Longest path first; at equal length Exact before Prefix. */
    private static final Comparator<PathEntry> PRECEDENCE = Comparator
            .comparingInt((PathEntry e) -> -e.matchPath().length())
            .thenComparing(PathEntry::kind)
            .thenComparing(PathEntry::matchPath);

    private PathRules() {
    }

    /**
     * Keeps the first of equal paths (Ingresses come oldest first) and warns about the others, then the first
     * {@link SizeLimits#PATHS_PER_HOST} (warns about the rest); precedence order.
     */
    static List<PathEntry> winners(List<PathEntry> entries, List<ModelWarning> warningsOut) {
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
        if (winners.size() > SizeLimits.PATHS_PER_HOST) {
            List<PathEntry> over = winners.subList(SizeLimits.PATHS_PER_HOST, winners.size());
            warnOverLimit(over, warningsOut);
            over.clear();
        }
        winners.sort(PRECEDENCE);
        return winners;
    }

    /** One Warning per Ingress that loses paths to the limit, naming how many and the first of them. */
    private static void warnOverLimit(List<PathEntry> over, List<ModelWarning> warningsOut) {
        Map<IngressRef, List<PathEntry>> byIngress = new LinkedHashMap<>();
        over.forEach(e -> byIngress.computeIfAbsent(e.ingress(), k -> new ArrayList<>()).add(e));
        byIngress.forEach((ingress, lost) -> {
            PathEntry first = lost.get(0);
            String where = first.host().isEmpty() ? "host-less rules" : "host '" + first.host() + "'";
            warningsOut.add(new ModelWarning(ingress.namespace(), ingress.name(), Reason.SizeLimitExceeded, lost.size()
                    + " paths of " + where + " are not served, from '" + first.rawPath() + "' on: " + where + " already has "
                    + SizeLimits.PATHS_PER_HOST + " paths, the most ako-camel puts in one policy set (older Ingresses' paths come "
                    + "first). Move paths to another host or remove some"));
        });
    }

    /** Avi rules for one path: Exact p = EQUALS p; Prefix p = EQUALS p or BEGINS_WITH p/; Prefix / = any path. */
    static void pathRules(List<RuleSpec> rules, HostMatch match, PathEntry e, Action action) {
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
    static void fallThroughRules(List<RuleSpec> rules, HostMatch match, FallThrough fallThrough) {
        for (int i = 0; i < fallThrough.hostless().size(); i++) {
            pathRules(rules, match, fallThrough.hostless().get(i), fallThrough.actions().get(i));
        }
        if (fallThrough.defaultBackend() != null) {
            rules.add(new RuleSpec(match, null, null, false, fallThrough.defaultBackend()));
        }
    }
}
