package io.akocamel.model;

import io.akocamel.model.Specs.HdrCond;
import io.akocamel.model.Specs.HostMatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which Host headers each host's policy set applies to. A precise host: HDR_EQUALS. A wildcard {@code *.foo.com}:
 * HDR_ENDS_WITH {@code .foo.com}, except the precise hosts and longer wildcards of this shard under it. Avi's host
 * matches have no regular expression, so a wildcard also covers names with more labels ({@code a.b.foo.com}) that no
 * more precise host serves: the documented residual difference to the Ingress specification.
 */
final class HostMatching {
    /** Wildcards with a longer (more precise) suffix first. */
    static final Comparator<String> WILDCARD_ORDER =
            Comparator.comparingInt((String h) -> -h.length()).thenComparing(Comparator.naturalOrder());

    private HostMatching() {
    }

    /** Null for a precise host, whose match follows from the host alone (so it is not rebuilt for every unchanged host). */
    static HostMatch wildcardMatch(String host, List<String> precise, List<String> wildcards) {
        return Hosts.isWildcard(host) ? hostMatch(host, precise, wildcards) : null;
    }

    /** A precise host and its aliases: any of their Host header values. */
    static HostMatch preciseMatch(String host, List<String> aliases) {
        if (aliases.isEmpty()) {
            return hostMatch(host, List.of(), List.of());
        }
        List<String> values = new ArrayList<>(Hosts.headerValues(host));
        aliases.forEach(alias -> values.addAll(Hosts.headerValues(alias)));
        return new HostMatch(new HdrCond("HDR_EQUALS", values), List.of());
    }

    static HostMatch hostMatch(String host, List<String> precise, List<String> wildcards) {
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
    static HostMatch unservedMatch(List<String> preciseValues, List<String> wildcards) {
        HdrCond notHosts = preciseValues.isEmpty() ? null : new HdrCond("HDR_DOES_NOT_EQUAL", preciseValues);
        HdrCond notSuffixes = wildcards.isEmpty() ? null
                : new HdrCond("HDR_DOES_NOT_END_WITH", headerValues(wildcards.stream().map(Hosts::wildcardSuffix).toList()));
        if (notHosts == null) {
            return notSuffixes == null ? HostMatch.ANY : new HostMatch(notSuffixes, List.of());
        }
        return new HostMatch(notHosts, notSuffixes == null ? List.of() : List.of(notSuffixes));
    }

    /** The Host header values a precise host's match applies to; none for a wildcard. */
    static List<String> preciseValues(HostMatch match) {
        return match.hostHdr().criteria().equals("HDR_EQUALS") ? match.hostHdr().values() : List.of();
    }

    private static List<String> headerValues(List<String> hosts) {
        List<String> values = new ArrayList<>(hosts.size() * 3);
        hosts.forEach(h -> values.addAll(Hosts.headerValues(h)));
        return values;
    }
}
