package io.akocamel.model;

import io.akocamel.crd.FqdnSelector;
import io.akocamel.crd.HostSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;

/** The Accepted HostRules of a build, and which one a host gets: an Exact one first, else the oldest that selects it. */
final class HostRules {
    record Rule(String namespace, String name, FqdnSelector selector, HostSettings settings) {
    }

    private final List<Rule> rules;

    private HostRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** @param accepted oldest first */
    static HostRules of(List<GenericKubernetesResource> accepted) {
        return new HostRules(accepted.stream().map(r -> new Rule(r.getMetadata().getNamespace(),
                r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(),
                FqdnSelector.ofHostRule(r), HostSettings.of(r))).toList());
    }

    /** The rule for a host, or null. */
    Rule of(String host) {
        Rule found = null;
        for (Rule rule : rules) {
            if (rule.selector().selectsHost(host)) {
                if (rule.selector().type() == FqdnSelector.Type.Exact) {
                    return rule;
                }
                found = found == null ? rule : found;
            }
        }
        return found;
    }

    /**
     * The {@code tcpSettings} of a parent VS, as AKO applies them: a DEDICATED VS's from its host's rule, a shared VS's
     * from the oldest rule that names it ({@code fqdnType: Contains}, e.g. {@code Shared-L7-0}); none when no rule sets them.
     */
    HostSettings.TcpSettings tcpSettingsOf(String vs, String dedicatedHost) {
        Rule hostRule = dedicatedHost == null ? null : of(dedicatedHost);
        if (hostRule != null && hostRule.settings().tcpSettings().isSet()) {
            return hostRule.settings().tcpSettings();
        }
        return rules.stream().filter(r -> r.selector().selectsVirtualService(vs) && r.settings().tcpSettings().isSet())
                .map(r -> r.settings().tcpSettings()).findFirst().orElse(HostSettings.TcpSettings.NONE);
    }
}
