package io.akocamel.crd;

import io.akocamel.util.Cidr;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rules AKO checks a HostRule against besides its Avi objects: its certificate Secrets exist and hold a usable
 * certificate, its aliases go with an Exact fqdn, differ from it and from each other and are no Ingress's host, its
 * tcpSettings have an SSL port and a valid IPv4 {@code loadBalancerIP}. Conflicts between HostRules are {@link Verdicts}'.
 */
final class HostRuleChecks {
    private HostRuleChecks() {
    }

    /** Null when the rule passes; else the first problem, worded for its status and Warning Event. */
    static String problem(GenericKubernetesResource rule, ClusterFacts facts) {
        HostSettings settings = HostSettings.of(rule);
        String namespace = rule.getMetadata().getNamespace();
        String certificate = secret("tls.sslKeyCertificate", namespace, settings.certificateSecret(), facts);
        if (certificate != null) {
            return certificate;
        }
        String alternate = secret("tls.sslKeyCertificate.alternateCertificate", namespace, settings.alternateCertificateSecret(), facts);
        if (alternate != null) {
            return alternate;
        }
        String aliases = aliases(rule, settings, facts);
        return aliases != null ? aliases : tcpSettings(settings);
    }

    private static String secret(String field, String namespace, String name, ClusterFacts facts) {
        String problem = name == null ? null : facts.secretProblem(namespace, name);
        return problem == null ? null : field + ": Secret " + namespace + "/" + name + " " + problem;
    }

    private static String aliases(GenericKubernetesResource rule, HostSettings settings, ClusterFacts facts) {
        Object listed = AkoResources.at(AkoResources.spec(rule), "virtualhost", "aliases");
        if (listed == null) {
            return null;
        }
        FqdnSelector selector = FqdnSelector.ofHostRule(rule);
        if (selector.type() != FqdnSelector.Type.Exact) {
            return "aliases: aliases apply only with fqdnType: Exact (this rule has " + selector.type() + "); set fqdnType: Exact or remove the aliases";
        }
        Set<String> seen = new HashSet<>();
        for (String alias : AkoResources.names(listed)) {
            if (!seen.add(alias.toLowerCase(Locale.ROOT))) {
                return "aliases: " + alias + " is listed twice; list each alias once";
            }
        }
        for (String alias : settings.aliases()) {
            if (alias.equals(selector.fqdn())) {
                return "aliases: " + alias + " is the rule's fqdn itself; remove it from aliases";
            }
            String ingress = facts.ingressOfHost(alias);
            if (ingress != null) {
                return "aliases: " + alias + " is a host of Ingress " + ingress + "; an alias must be a name no Ingress serves: remove it "
                        + "from aliases or from the Ingress";
            }
        }
        return null;
    }

    private static String tcpSettings(HostSettings settings) {
        HostSettings.TcpSettings tcp = settings.tcpSettings();
        if (!tcp.listeners().isEmpty() && tcp.listeners().stream().noneMatch(HostSettings.TcpSettings.Listener::enableSsl)) {
            return "tcpSettings.listeners: the virtual service must keep an SSL port for its secure hosts; set enableSSL: true on one listener";
        }
        String ip = tcp.loadBalancerIp();
        if (ip != null && (ip.indexOf(':') >= 0 || Cidr.parse(ip + "/32").isEmpty())) {
            return "tcpSettings.loadBalancerIP: " + ip + " is not an IPv4 address; give one of the VIP network's addresses";
        }
        return null;
    }
}
