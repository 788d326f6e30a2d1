package io.akocamel.crd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Decides, as AKO does, whether each custom resource is Accepted: every Avi object it names exists on the controller,
 * and no older resource already claims its host (HostRules: the same fqdn and fqdnType; HTTPRules: the same fqdn and
 * path target). Pure: the controller's answers come in as a predicate.
 */
public final class Verdicts {
    /** The fields that select what a resource is for; every other field is a setting to apply. */
    private static final Set<String> HOST_RULE_SELECTORS = Set.of("fqdn", "fqdnType");

    private Verdicts() {
    }

    /**
     * @param resources every resource of the three kinds
     * @param exists    whether the controller holds a referenced object
     * @param applied   the fields (as {@link #settingsOf} names them) ako-camel applies; the others are reported as not applied
     * @param facts     the Secrets and Ingress hosts HostRules are checked against
     * @return the verdict of each resource, by {@code Kind/namespace/name}
     */
    public static Map<String, Verdict> decide(List<GenericKubernetesResource> resources, Predicate<AviReference> exists, Set<String> applied,
                                              ClusterFacts facts) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, GenericKubernetesResource> claims = new HashMap<>();
        List<GenericKubernetesResource> oldestFirst = new ArrayList<>(resources);
        oldestFirst.sort(Comparator.comparing((GenericKubernetesResource r) -> String.valueOf(r.getMetadata().getCreationTimestamp()))
                .thenComparing(Verdicts::keyOf));
        for (GenericKubernetesResource resource : oldestFirst) {
            List<String> notApplied = settingsOf(resource).stream().filter(f -> !applied.contains(resource.getKind() + "." + f)).toList();
            String error = AviReferences.of(resource).stream().filter(exists.negate()).map(AviReference::missing).findFirst()
                    .orElse(inconsistency(resource, facts));
            if (error == null) {
                error = claim(resource, claims);
            }
            verdicts.put(keyOf(resource), new Verdict(error == null, error, notApplied));
        }
        return verdicts;
    }

    /** Null when no older resource claims what this one claims (claiming it now); else the conflict. */
    private static String claim(GenericKubernetesResource resource, Map<String, GenericKubernetesResource> claims) {
        List<String> aliases = "HostRule".equals(resource.getKind()) ? HostSettings.of(resource).aliases() : List.of();
        for (String claim : claimsOf(resource)) {
            GenericKubernetesResource holder = claims.putIfAbsent(claim, resource);
            if (holder != null && holder != resource) {
                String alias = aliases.stream().filter(a -> claim.equals(exactClaim(a))).findFirst().orElse(null);
                return alias != null
                        ? "aliases: " + alias + " is already served by the older HostRule " + name(holder) + "; remove it from one of the two"
                        : claim.substring(claim.indexOf(' ') + 1) + " is already configured by the older " + resource.getKind() + " "
                        + name(holder) + "; remove one of the two or change its fqdn";
            }
        }
        return null;
    }

    /** What a HostRule with an Exact fqdn claims; an alias claims the same, so that two rules never serve one name. */
    private static String exactClaim(String host) {
        return "HostRule fqdn " + host + " (" + FqdnSelector.Type.Exact + ")";
    }

    /**
     * AKO rejects an AviInfraSetting with BGP peer labels but without route health injection (the labels need RHI), and
     * a HostRule that fails {@link HostRuleChecks}.
     */
    private static String inconsistency(GenericKubernetesResource resource, ClusterFacts facts) {
        if ("HostRule".equals(resource.getKind())) {
            return HostRuleChecks.problem(resource, facts);
        }
        if ("AviInfraSetting".equals(resource.getKind())) {
            InfraSetting setting = InfraSetting.of(resource);
            if (!setting.bgpPeerLabels().isEmpty() && !Boolean.TRUE.equals(setting.enableRhi())) {
                return "network.bgpPeerLabels: BGP peer labels apply only with route health injection; set network.enableRhi: true, "
                        + "or remove the labels";
            }
        }
        return null;
    }

    public static String keyOf(GenericKubernetesResource resource) {
        return resource.getKind() + "/" + name(resource);
    }

    private static String name(GenericKubernetesResource resource) {
        String namespace = resource.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? resource.getMetadata().getName() : namespace + "/" + resource.getMetadata().getName();
    }

    /** What a resource claims for itself alone: a HostRule its fqdn and aliases, an HTTPRule each fqdn + path target. */
    private static List<String> claimsOf(GenericKubernetesResource resource) {
        return switch (resource.getKind()) {
            case "HostRule" -> {
                FqdnSelector selector = FqdnSelector.ofHostRule(resource);
                List<String> claims = new ArrayList<>();
                if (!selector.fqdn().isEmpty()) {
                    claims.add("HostRule fqdn " + selector.fqdn() + " (" + selector.type() + ")");
                }
                HostSettings.of(resource).aliases().forEach(alias -> claims.add(exactClaim(alias)));
                yield claims;
            }
            case "HTTPRule" -> {
                List<String> claims = new ArrayList<>();
                String fqdn = FqdnSelector.ofHttpRule(resource).fqdn();
                if (AkoResources.spec(resource).get("paths") instanceof List<?> paths) {
                    paths.forEach(p -> claims.add("HTTPRule fqdn " + fqdn + " path " + AviReferences.map(p).get("target")));
                }
                yield claims;
            }
            default -> List.of();
        };
    }

    /** A certificate is named with its type ({@code virtualhost.tls.sslKeyCertificate.secret}): the two are applied apart. */
    private static void tlsSettings(Map<String, Object> tls, Set<String> fields) {
        for (String key : tls.keySet()) {
            if (key.equals("sslKeyCertificate")) {
                Map<String, Object> certificate = AviReferences.map(tls.get(key));
                fields.add("virtualhost.tls.sslKeyCertificate." + certificate.get("type"));
                if (certificate.containsKey("alternateCertificate")) {
                    fields.add("virtualhost.tls.sslKeyCertificate.alternateCertificate." + AviReferences.map(certificate.get("alternateCertificate")).get("type"));
                }
            } else {
                fields.add("virtualhost.tls." + key);
            }
        }
    }

    /** The settings a resource holds, named by field path ({@code virtualhost.wafPolicy}, {@code paths.healthMonitors}). */
    public static Set<String> settingsOf(GenericKubernetesResource resource) {
        Set<String> fields = new TreeSet<>();
        Map<String, Object> spec = AkoResources.spec(resource);
        switch (resource.getKind()) {
            case "HostRule" -> {
                Map<String, Object> host = AviReferences.map(spec.get("virtualhost"));
                host.keySet().stream().filter(f -> !HOST_RULE_SELECTORS.contains(f) && !f.equals("tls")).forEach(f -> fields.add("virtualhost." + f));
                tlsSettings(AviReferences.map(host.get("tls")), fields);
            }
            case "HTTPRule" -> {
                if (spec.get("paths") instanceof List<?> paths) {
                    paths.forEach(p -> AviReferences.map(p).keySet().stream().filter(f -> !f.equals("target")).forEach(f -> fields.add("paths." + f)));
                }
            }
            case "AviInfraSetting" -> spec.forEach((key, value) -> {
                if (key.equals("network")) {
                    AviReferences.map(value).keySet().forEach(f -> fields.add("network." + f));
                } else {
                    fields.add(key);
                }
            });
            default -> spec.keySet().forEach(fields::add);
        }
        return fields;
    }
}
