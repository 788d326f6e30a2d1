package io.akocamel.admission;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what in an Ingress cannot be served and returns the Ingress without it: a bad rule, path or TLS host is left
 * out, the rest is kept. The same instance comes back when nothing is wrong.
 */
public final class IngressValidation {
    public static final String INVALID_HOST = "InvalidHost";
    public static final String RULE_WITHOUT_HTTP = "RuleWithoutHTTP";
    public static final String INVALID_PATH_TYPE = "InvalidPathType";
    public static final String INVALID_PATH = "InvalidPath";
    public static final String UNSUPPORTED_BACKEND = "UnsupportedBackend";

    private static final Set<String> PATH_TYPES = Set.of("Exact", "Prefix", "ImplementationSpecific");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern ALL_DIGITS = Pattern.compile("^[0-9.]+$");
    private static final Pattern DNS_NAME =
            Pattern.compile("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    /** The servable part of an Ingress and the problems found in the rest. */
    public record Validated(Ingress ingress, List<Problem> problems) {
        public boolean isClean() {
            return problems.isEmpty();
        }
    }

    private IngressValidation() {
    }

    public static Validated validate(Ingress ingress) {
        IngressSpec spec = ingress.getSpec();
        if (spec == null) {
            return new Validated(ingress, List.of());
        }
        List<Problem> problems = new ArrayList<>(0);
        List<IngressRule> rules = spec.getRules() == null ? List.of() : spec.getRules();
        List<IngressRule> keptRules = new ArrayList<>(rules.size());
        boolean rulesChanged = false;
        for (int r = 0; r < rules.size(); r++) {
            IngressRule rule = rules.get(r);
            IngressRule kept = validateRule(rule, "spec.rules[" + r + "]", problems);
            rulesChanged |= kept != rule;
            if (kept != null) {
                keptRules.add(kept);
            }
        }
        IngressBackend defaultBackend = spec.getDefaultBackend();
        if (defaultBackend != null) {
            String why = backendProblem(defaultBackend);
            if (why != null) {
                problems.add(new Problem(UNSUPPORTED_BACKEND, "spec.defaultBackend " + why + ". The default backend is skipped."));
                defaultBackend = null;
            }
        }
        List<IngressTLS> tls = spec.getTls() == null ? List.of() : spec.getTls();
        List<IngressTLS> keptTls = new ArrayList<>(tls.size());
        boolean tlsChanged = false;
        for (int t = 0; t < tls.size(); t++) {
            IngressTLS entry = tls.get(t);
            IngressTLS kept = validateTls(entry, "spec.tls[" + t + "]", problems);
            tlsChanged |= kept != entry;
            keptTls.add(kept);
        }
        if (problems.isEmpty()) {
            return new Validated(ingress, List.of());
        }
        IngressSpec sanitized = new IngressSpec(defaultBackend, spec.getIngressClassName(),
                rulesChanged ? keptRules : spec.getRules(), tlsChanged ? keptTls : spec.getTls());
        Ingress copy = new Ingress(ingress.getApiVersion(), ingress.getKind(), ingress.getMetadata(), sanitized, ingress.getStatus());
        return new Validated(copy, List.copyOf(problems));
    }

    /** Null when the host is a name an Ingress rule may carry; else what is wrong and how to fix it. */
    public static String hostProblem(String host) {
        if (host.equals("*")) {
            return "is \"*\" alone; omit host to match every host, or use a wildcard of one label such as *.example.com";
        }
        if (host.startsWith("[") || host.indexOf(':') != host.lastIndexOf(':')) {
            return "is an IP address; Ingress hosts must be DNS names (omit host to match requests by IP)";
        }
        if (host.indexOf(':') >= 0) {
            return "has a port; remove \"" + host.substring(host.indexOf(':')) + "\" (the port of a request is ignored for matching)";
        }
        if (IPV4.matcher(host).matches()) {
            return "is an IP address; Ingress hosts must be DNS names (omit host to match requests by IP)";
        }
        if (host.length() > 253 || !DNS_NAME.matcher(host).matches() || ALL_DIGITS.matcher(host).matches()) {
            return "is not a DNS name; use lower-case letters, digits, '-' and '.', optionally starting with \"*.\"";
        }
        for (String label : host.split("\\.")) {
            if (label.length() > 63) {
                return "has a label of " + label.length() + " characters; a DNS label has at most 63";
            }
        }
        return null;
    }

    private static IngressRule validateRule(IngressRule rule, String where, List<Problem> problems) {
        String host = rule.getHost();
        if (host != null && !host.isEmpty()) {
            String why = hostProblem(host);
            if (why != null) {
                problems.add(new Problem(INVALID_HOST, where + ".host \"" + host + "\" " + why + ". The rule is skipped."));
                return null;
            }
        }
        HTTPIngressRuleValue http = rule.getHttp();
        if (http == null || http.getPaths() == null || http.getPaths().isEmpty()) {
            problems.add(new Problem(RULE_WITHOUT_HTTP, where + describeHost(host)
                    + " has no http paths; add http.paths or remove the rule. The rule is skipped."));
            return null;
        }
        List<HTTPIngressPath> kept = new ArrayList<>(http.getPaths().size());
        for (int p = 0; p < http.getPaths().size(); p++) {
            HTTPIngressPath path = http.getPaths().get(p);
            String pathWhere = where + ".http.paths[" + p + "]" + describeHost(host) + " path \"" + path.getPath() + "\"";
            if (path.getPathType() == null || path.getPathType().isEmpty()) {
                problems.add(new Problem(INVALID_PATH_TYPE, pathWhere
                        + " has no pathType; set Exact, Prefix or ImplementationSpecific. The path is skipped."));
            } else if (!PATH_TYPES.contains(path.getPathType())) {
                problems.add(new Problem(INVALID_PATH_TYPE, pathWhere + " has pathType \"" + path.getPathType()
                        + "\"; use Exact, Prefix or ImplementationSpecific. The path is skipped."));
            } else if (pathProblem(path) != null) {
                problems.add(new Problem(INVALID_PATH, pathWhere + " " + pathProblem(path) + ". The path is skipped."));
            } else if (path.getBackend() == null) {
                problems.add(new Problem(UNSUPPORTED_BACKEND, pathWhere + " has no backend; set backend.service. The path is skipped."));
            } else if (backendProblem(path.getBackend()) != null) {
                problems.add(new Problem(UNSUPPORTED_BACKEND, pathWhere + " " + backendProblem(path.getBackend()) + ". The path is skipped."));
            } else {
                kept.add(path);
            }
        }
        if (kept.size() == http.getPaths().size()) {
            return rule;
        }
        return kept.isEmpty() ? null : new IngressRule(host, new HTTPIngressRuleValue(kept));
    }

    private static IngressTLS validateTls(IngressTLS tls, String where, List<Problem> problems) {
        if (tls.getHosts() == null) {
            return tls;
        }
        List<String> kept = new ArrayList<>(tls.getHosts().size());
        for (int h = 0; h < tls.getHosts().size(); h++) {
            String host = tls.getHosts().get(h);
            String why = host == null || host.isEmpty() ? null : hostProblem(host);
            if (why != null) {
                problems.add(new Problem(INVALID_HOST, where + ".hosts[" + h + "] \"" + host + "\" " + why
                        + ". TLS for this host is skipped."));
            } else {
                kept.add(host);
            }
        }
        return kept.size() == tls.getHosts().size() ? tls : new IngressTLS(kept, tls.getSecretName());
    }

    /** Null for a path the Ingress specification accepts: absolute, or empty under ImplementationSpecific (meaning "/"). */
    private static String pathProblem(HTTPIngressPath path) {
        String value = path.getPath() == null ? "" : path.getPath();
        if (value.startsWith("/") || value.isEmpty() && path.getPathType().equals("ImplementationSpecific")) {
            return null;
        }
        return value.isEmpty() ? "is empty; an " + path.getPathType() + " path needs one, such as /"
                : "does not start with '/'; write it as an absolute path such as /" + value;
    }

    /** Null for a Service backend with a port; else what is wrong and how to fix it. */
    private static String backendProblem(IngressBackend backend) {
        if (backend.getResource() != null) {
            return "has a resource backend (" + backend.getResource().getKind() + " " + backend.getResource().getName()
                    + "); only Service backends are supported, use backend.service";
        }
        if (backend.getService() == null || backend.getService().getName() == null) {
            return "has no backend Service; set backend.service.name";
        }
        var port = backend.getService().getPort();
        if (port == null || (port.getNumber() == null && (port.getName() == null || port.getName().isEmpty()))) {
            return "has no Service port; set backend.service.port.number or backend.service.port.name";
        }
        if (port.getNumber() != null && (port.getNumber() < 1 || port.getNumber() > 65535)) {
            return "has Service port number " + port.getNumber() + "; a port number is 1 to 65535";
        }
        return null;
    }

    private static String describeHost(String host) {
        return host == null || host.isEmpty() ? " (no host)" : " (host \"" + host + "\")";
    }
}
