package io.akocamel.model;

import io.akocamel.crd.FqdnSelector;
import io.akocamel.crd.PoolSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;

/**
 * The Accepted HTTPRules of a build, and what the pool of an Ingress path gets: as AKO, a rule applies to the paths of
 * its {@code fqdn} in its own namespace whose path starts with a {@code paths[].target}; of several targets that match,
 * the longest wins.
 */
final class HttpRules {
    private record Rule(String namespace, FqdnSelector host, List<PoolSettings> paths) {
    }

    private final List<Rule> rules;

    private HttpRules(List<Rule> rules) {
        this.rules = rules;
    }

    static HttpRules of(List<GenericKubernetesResource> accepted) {
        return new HttpRules(accepted.stream().map(r -> new Rule(r.getMetadata().getNamespace(), FqdnSelector.ofHttpRule(r),
                PoolSettings.of(r))).toList());
    }

    /** The settings for the pool of {@code path} (an Ingress path; empty is {@code /}), or {@link PoolSettings#NONE}. */
    PoolSettings of(String namespace, String host, String path) {
        String requested = path.isEmpty() ? "/" : path;
        PoolSettings found = PoolSettings.NONE;
        int longest = -1;
        for (Rule rule : rules) {
            if (!rule.namespace().equals(namespace) || !rule.host().selectsHost(host)) {
                continue;
            }
            for (PoolSettings settings : rule.paths()) {
                if (requested.startsWith(settings.target()) && settings.target().length() > longest) {
                    found = settings;
                    longest = settings.target().length();
                }
            }
        }
        return found;
    }
}
