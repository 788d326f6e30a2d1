package io.akocamel.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DNS sub-domains of the cloud's DNS profile, and what they mean for Ingress hosts (AKO's rules, with a label
 * boundary): a host is inside when it equals a sub-domain or ends with {@code .<sub-domain>}; with no sub-domains every
 * host is inside. A host outside is still routed, but Avi DNS publishes no record for it. A rule without a host gets
 * {@code <ingress>.<namespace>.<first sub-domain>} when there are sub-domains. Pure: no I/O.
 *
 * @param profileName the DNS profile's name (empty when the cloud has none)
 * @param subDomains  its sub-domains in the profile's order, lower case, without leading or trailing dots
 */
public record DnsDomains(String profileName, List<String> subDomains) {
    public static final DnsDomains NONE = new DnsDomains("", List.of());

    public DnsDomains {
        profileName = profileName == null ? "" : profileName;
        List<String> clean = new ArrayList<>();
        for (String domain : subDomains) {
            String normal = normalise(domain);
            if (!normal.isEmpty() && !clean.contains(normal)) {
                clean.add(normal);
            }
        }
        subDomains = List.copyOf(clean);
    }

    public static DnsDomains of(String profileName, List<String> subDomains) {
        return new DnsDomains(profileName, subDomains);
    }

    public boolean isEmpty() {
        return subDomains.isEmpty();
    }

    /** True when there are no sub-domains, or the host (wildcards included) lies within one of them. */
    public boolean hostInDnsDomains(String host) {
        if (subDomains.isEmpty()) {
            return true;
        }
        String normal = normalise(host);
        return subDomains.stream().anyMatch(domain -> normal.equals(domain) || normal.endsWith("." + domain));
    }

    /** {@code <ingress>.<namespace>.<first sub-domain>} for a rule without a host; empty when there are no sub-domains. */
    public Optional<String> synthesizedHost(String ingressName, String namespace) {
        if (subDomains.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ingressName + "." + namespace + "." + subDomains.get(0));
    }

    /** The message of the Warning on an Ingress whose host is outside every sub-domain (reason HostOutsideDnsDomains). */
    public String hostOutsideWarning(String host) {
        return "host " + host + " is not inside the DNS sub-domains of DNS profile " + profileName + " (" + String.join(", ", subDomains)
                + "): it is routed, but Avi DNS will not publish a record for it; use a host under one of them, or add its domain "
                + "to the DNS profile on the Avi Controller";
    }

    private static String normalise(String name) {
        String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        int start = 0;
        int end = lower.length();
        while (start < end && lower.charAt(start) == '.') {
            start++;
        }
        while (end > start && lower.charAt(end - 1) == '.') {
            end--;
        }
        return lower.substring(start, end);
    }
}
