package io.akocamel.model;

import io.akocamel.model.ModelWarning.Reason;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One Ingress, validated and normalised, independent of shards: its paths per host, its host-less paths, its TLS
 * hosts, its default backend, and the problems found (each tied to the host it concerns, so that only that host's
 * shard reports it). Pure.
 */
record ParsedIngress(
        IngressRef ref,
        String age,
        Map<String, List<PathEntry>> hostPaths,
        List<PathEntry> hostlessPaths,
        Map<String, String> tlsSecrets,
        Backend defaultBackend,
        List<Problem> problems) {

    /** Oldest first: creationTimestamp (RFC 3339, so text order is time order), then namespace/name. */
    /** What makes an ImplementationSpecific path read as a regular expression to AKO. */
    private static final Pattern REGEX_LOOKING = Pattern.compile("\\.\\*|[()\\[\\]^$+?|\\\\]");

    static final Comparator<ParsedIngress> OLDEST_FIRST =
            Comparator.comparing(ParsedIngress::age).thenComparing(ParsedIngress::ref);

    enum PathKind { EXACT, PREFIX }

    /** A Service backend: the port by number or by name. */
    record Backend(String service, int portNumber, String portName) {
        String portText() {
            return portName.isEmpty() ? String.valueOf(portNumber) : "'" + portName + "'";
        }
    }

    /**
     * One path of one rule. {@code host} is empty for a host-less rule; {@code matchPath} is the path Avi matches
     * (a Prefix path without its trailing slash); {@code rawPath} is the path as written, used in names.
     */
    record PathEntry(IngressRef ingress, String host, String rawPath, String matchPath, PathKind kind,
                     String declaredType, Backend backend) {

        String describe() {
            return (host.isEmpty() ? "host-less rule" : "host '" + host + "'") + " path '" + rawPath + "' (" + declaredType + ")";
        }
    }

    /** A problem; {@code host} null = concerns every shard (default backend), "" = a host-less rule. */
    record Problem(String host, Reason reason, String message) {
    }

    static ParsedIngress parse(Ingress ingress) {
        IngressRef ref = IngressRef.of(ingress);
        String age = ingress.getMetadata().getCreationTimestamp() == null ? "" : ingress.getMetadata().getCreationTimestamp();
        Map<String, List<PathEntry>> hostPaths = new LinkedHashMap<>();
        List<PathEntry> hostless = new ArrayList<>();
        Map<String, String> tls = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<Backend, Backend> backends = new HashMap<>();
        Backend defaultBackend = null;
        IngressSpec spec = ingress.getSpec();
        if (spec != null) {
            List<IngressRule> rules = spec.getRules() == null ? List.of() : spec.getRules();
            for (int i = 0; i < rules.size(); i++) {
                parseRule(ref, rules.get(i), "spec.rules[" + i + "]", hostPaths, hostless, problems, backends);
            }
            List<IngressTLS> tlsList = spec.getTls() == null ? List.of() : spec.getTls();
            for (int i = 0; i < tlsList.size(); i++) {
                parseTls(tlsList.get(i), "spec.tls[" + i + "]", tls, problems);
            }
            if (spec.getDefaultBackend() != null) {
                defaultBackend = backend(spec.getDefaultBackend(), "spec.defaultBackend", null, problems, backends);
            }
        }
        return new ParsedIngress(ref, age, hostPaths, hostless, tls, defaultBackend, problems);
    }

    private static void parseRule(IngressRef ref, IngressRule rule, String where, Map<String, List<PathEntry>> hostPaths,
                                  List<PathEntry> hostless, List<Problem> problems, Map<Backend, Backend> backends) {
        String host = rule.getHost() == null ? "" : rule.getHost();
        if (!host.isEmpty() && !Hosts.isValid(host)) {
            problems.add(new Problem(host, Reason.InvalidRule, where + ": host '" + host + "' is not a valid DNS name; "
                    + "use lowercase letters, digits, '-' and '.', with a wildcard only as the whole first label (*.example.com)"));
            return;
        }
        if (rule.getHttp() == null || rule.getHttp().getPaths() == null || rule.getHttp().getPaths().isEmpty()) {
            problems.add(new Problem(host, Reason.InvalidRule, where + (host.isEmpty() ? "" : " (host '" + host + "')")
                    + " has no http paths, so it routes nothing; add http.paths or remove the rule"));
            return;
        }
        List<HTTPIngressPath> paths = rule.getHttp().getPaths();
        for (int j = 0; j < paths.size(); j++) {
            PathEntry entry = pathEntry(ref, host, paths.get(j), where + ".http.paths[" + j + "]", problems, backends);
            if (entry != null) {
                if (host.isEmpty()) {
                    hostless.add(entry);
                } else {
                    hostPaths.computeIfAbsent(host, h -> new ArrayList<>(4)).add(entry);
                }
            }
        }
    }

    private static PathEntry pathEntry(IngressRef ref, String host, HTTPIngressPath path, String where, List<Problem> problems,
                                       Map<Backend, Backend> backends) {
        String type = path.getPathType() == null ? "ImplementationSpecific" : path.getPathType();
        String raw = path.getPath() == null ? "" : path.getPath();
        PathKind kind;
        String match;
        switch (type) {
            case "Exact" -> {
                kind = PathKind.EXACT;
                match = raw;
            }
            case "Prefix", "ImplementationSpecific" -> {
                kind = PathKind.PREFIX;
                match = raw.isEmpty() ? "/" : withoutTrailingSlashes(raw);
            }
            default -> {
                problems.add(new Problem(host, Reason.InvalidRule, where + ": pathType '" + type
                        + "' is not Exact, Prefix or ImplementationSpecific; fix the pathType"));
                return null;
            }
        }
        if (!match.startsWith("/")) {
            problems.add(new Problem(host, Reason.InvalidRule, where + ": path '" + raw + "' (" + type
                    + ") does not start with '/'; write it as an absolute path such as /" + raw));
            return null;
        }
        Backend backend = backend(path.getBackend(), where + ".backend", host, problems, backends);
        if (backend != null && type.equals("ImplementationSpecific") && REGEX_LOOKING.matcher(raw).find()) {
            problems.add(new Problem(host, Reason.PathMatchedAsPrefix, where + (host.isEmpty() ? "" : " (host '" + host + "')")
                    + ": path '" + raw + "' (ImplementationSpecific) looks like a regular expression, but ako-camel matches it as a "
                    + "Prefix, character for character (AKO would read it as a regular expression); to route what it stands for, "
                    + "write the literal prefix (such as /api) with pathType Prefix, or the whole path with pathType Exact"));
        }
        return backend == null ? null : new PathEntry(ref, host, raw, match, kind, type, backend);
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /** The backend, the same instance for equal backends of one Ingress (so that its servers are looked up once). */
    private static Backend backend(IngressBackend backend, String where, String host, List<Problem> problems, Map<Backend, Backend> backends) {
        if (backend == null) {
            problems.add(new Problem(host, Reason.InvalidRule, where + " is missing; give backend.service.name and its port"));
            return null;
        }
        IngressServiceBackend service = backend.getService();
        if (service == null) {
            problems.add(new Problem(host, Reason.InvalidRule, where + " is a resource backend, which ako-camel does not route to; "
                    + "use backend.service with a Service name and port"));
            return null;
        }
        if (service.getName() == null || service.getName().isEmpty()) {
            problems.add(new Problem(host, Reason.InvalidRule, where + ".service has no name; set the Service name"));
            return null;
        }
        ServiceBackendPort port = service.getPort();
        String portName = port == null || port.getName() == null ? "" : port.getName();
        int portNumber = port == null || port.getNumber() == null ? 0 : port.getNumber();
        if (portName.isEmpty() && portNumber <= 0) {
            problems.add(new Problem(host, Reason.InvalidRule, where + ".service '" + service.getName()
                    + "' has no port; set backend.service.port.number or backend.service.port.name"));
            return null;
        }
        return backends.computeIfAbsent(new Backend(service.getName(), portNumber, portName), b -> b);
    }

    private static void parseTls(IngressTLS tls, String where, Map<String, String> secrets, List<Problem> problems) {
        if (tls.getHosts() == null) {
            return;
        }
        String secret = tls.getSecretName() == null ? "" : tls.getSecretName();
        for (String host : tls.getHosts()) {
            if (host == null || host.isEmpty()) {
                continue;
            }
            if (!Hosts.isValid(host)) {
                problems.add(new Problem(host, Reason.InvalidRule, where + ": TLS host '" + host + "' is not a valid DNS name; "
                        + "use lowercase letters, digits, '-' and '.', with a wildcard only as the whole first label"));
            } else {
                secrets.putIfAbsent(host, secret);
            }
        }
    }
}
