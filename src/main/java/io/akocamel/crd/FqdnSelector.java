package io.akocamel.crd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hosts a HostRule ({@code spec.virtualhost.fqdn} + {@code fqdnType}) or an HTTPRule ({@code spec.fqdn}, always
 * exact) selects, as AKO matches them: Exact the same host, Wildcard a {@code *.domain} (or {@code *} anywhere) pattern,
 * Contains a substring of the host, or of a shared virtual service's name ({@code Shared-L7-0} selects that VS).
 */
public record FqdnSelector(String fqdn, Type type) {
    public enum Type { Exact, Wildcard, Contains }

    /** Nothing: a resource without an fqdn. */
    public static final FqdnSelector NONE = new FqdnSelector("", Type.Exact);

    public FqdnSelector {
        fqdn = fqdn == null ? "" : fqdn.toLowerCase(Locale.ROOT);
    }

    public static FqdnSelector ofHostRule(GenericKubernetesResource rule) {
        String fqdn = AkoResources.text(rule, "virtualhost", "fqdn");
        String type = AkoResources.text(rule, "virtualhost", "fqdnType");
        return fqdn == null ? NONE : new FqdnSelector(fqdn, parseType(type));
    }

    public static FqdnSelector ofHttpRule(GenericKubernetesResource rule) {
        String fqdn = AkoResources.text(rule, "fqdn");
        return fqdn == null ? NONE : new FqdnSelector(fqdn, Type.Exact);
    }

    /** The CRD defaults fqdnType to Exact; an unknown value (the API server refuses it) selects like Exact. */
    private static Type parseType(String type) {
        for (Type t : Type.values()) {
            if (t.name().equals(type)) {
                return t;
            }
        }
        return Type.Exact;
    }

    public boolean selectsHost(String host) {
        if (fqdn.isEmpty() || host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return switch (type) {
            case Exact -> h.equals(fqdn);
            case Contains -> h.contains(fqdn);
            case Wildcard -> h.matches(wildcardRegex());
        };
    }

    /** Contains only: whether the selector names a whole virtual service. */
    public boolean selectsVirtualService(String vsName) {
        return type == Type.Contains && !fqdn.isEmpty() && vsName.toLowerCase(Locale.ROOT).contains(fqdn);
    }

    /** {@code *} stands for any run of characters: {@code *.example.com} selects {@code a.example.com} and {@code a.b.example.com}. */
    private String wildcardRegex() {
        return Arrays.stream(fqdn.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    }
}
