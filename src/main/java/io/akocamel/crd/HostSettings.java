package io.akocamel.crd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of an Accepted HostRule that ako-camel applies: to a secure host's SNI child virtual service, by the
 * names of the Avi objects they refer to (null or empty: not set); {@code certificateSecret} and
 * {@code alternateCertificateSecret} name Kubernetes Secrets of the HostRule's namespace; {@code aliases} are served like
 * the host; {@code tcpSettings} go on the parent VS the rule selects.
 */
public record HostSettings(Boolean enabled, String wafPolicy, String applicationProfile, String analyticsProfile, String errorPageProfile,
                           List<String> icapProfiles, List<String> dataScripts, List<String> policySets, boolean overwritePolicies,
                           String sslProfile, String certificate, String alternateCertificate, String networkSecurityPolicy,
                           AnalyticsPolicy analyticsPolicy, String certificateSecret, String alternateCertificateSecret, List<String> aliases,
                           TcpSettings tcpSettings) {
    public static final HostSettings NONE = new HostSettings(null, null, null, null, null, List.of(), List.of(), List.of(), false, null, null,
            null, null, null, null, null, List.of(), TcpSettings.NONE);

    /** The HostRule fields (as {@link Verdicts#settingsOf} names them) this record carries. */
    public static final List<String> APPLIED = List.of("HostRule.virtualhost.enableVirtualHost", "HostRule.virtualhost.wafPolicy",
            "HostRule.virtualhost.applicationProfile", "HostRule.virtualhost.analyticsProfile", "HostRule.virtualhost.errorPageProfile",
            "HostRule.virtualhost.icapProfile", "HostRule.virtualhost.datascripts", "HostRule.virtualhost.httpPolicy",
            "HostRule.virtualhost.tls.sslProfile", "HostRule.virtualhost.tls.sslKeyCertificate.ref", "HostRule.virtualhost.tls.termination",
            "HostRule.virtualhost.tls.sslKeyCertificate.alternateCertificate.ref", "HostRule.virtualhost.networkSecurityPolicy",
            "HostRule.virtualhost.analyticsPolicy", "HostRule.virtualhost.tls.sslKeyCertificate.secret",
            "HostRule.virtualhost.tls.sslKeyCertificate.alternateCertificate.secret", "HostRule.virtualhost.aliases",
            "HostRule.virtualhost.tcpSettings");

    /** {@code tcpSettings}: the ports of the parent VS (none: the defaults) and its VIP's address (null: allocated by the controller). */
    public record TcpSettings(List<Listener> listeners, String loadBalancerIp) {
        public static final TcpSettings NONE = new TcpSettings(List.of(), null);

        public record Listener(int port, boolean enableSsl) {
        }

        static TcpSettings of(Map<String, Object> settings) {
            List<Listener> listeners = settings.get("listeners") instanceof List<?> items ? items.stream().map(AviReferences::map)
                    .filter(l -> l.get("port") instanceof Number)
                    .map(l -> new Listener(((Number) l.get("port")).intValue(), Boolean.TRUE.equals(l.get("enableSSL")))).toList() : List.of();
            return new TcpSettings(listeners, AkoResources.name(settings.get("loadBalancerIP")));
        }

        public boolean isSet() {
            return !listeners.isEmpty() || loadBalancerIp != null;
        }
    }

    /**
     * {@code analyticsPolicy}: full client logs ({@code throttle} as the Avi number of logs, {@code duration} in minutes,
     * 0 = until turned off) and whether every header is logged.
     */
    public record AnalyticsPolicy(boolean fullClientLogs, int throttle, int duration, boolean allHeaders) {
        /** The CRD's throttle levels as Avi's {@code full_client_logs.throttle}; the CRD's default is HIGH. */
        private static final Map<String, Integer> THROTTLE = Map.of("LOW", 50, "MEDIUM", 30, "HIGH", 10, "DISABLED", 0);

        static AnalyticsPolicy of(Map<String, Object> policy) {
            Map<String, Object> logs = AviReferences.map(policy.get("fullClientLogs"));
            return new AnalyticsPolicy(Boolean.TRUE.equals(logs.get("enabled")), THROTTLE.getOrDefault(String.valueOf(logs.get("throttle")), 10),
                    logs.get("duration") instanceof Number n ? n.intValue() : 0, Boolean.TRUE.equals(policy.get("logAllHeaders")));
        }
    }

    public static HostSettings of(GenericKubernetesResource hostRule) {
        Map<String, Object> host = AviReferences.map(AkoResources.spec(hostRule).get("virtualhost"));
        Map<String, Object> httpPolicy = AviReferences.map(host.get("httpPolicy"));
        Map<String, Object> tls = AviReferences.map(host.get("tls"));
        Map<String, Object> certificate = AviReferences.map(tls.get("sslKeyCertificate"));
        return new HostSettings(host.get("enableVirtualHost") instanceof Boolean b ? b : null, AkoResources.name(host.get("wafPolicy")),
                AkoResources.name(host.get("applicationProfile")), AkoResources.name(host.get("analyticsProfile")),
                AkoResources.name(host.get("errorPageProfile")), AkoResources.names(host.get("icapProfile")),
                AkoResources.names(host.get("datascripts")), AkoResources.names(httpPolicy.get("policySets")),
                Boolean.TRUE.equals(httpPolicy.get("overwrite")), AkoResources.name(tls.get("sslProfile")), ofType("ref", certificate),
                ofType("ref", AviReferences.map(certificate.get("alternateCertificate"))), AkoResources.name(host.get("networkSecurityPolicy")),
                host.get("analyticsPolicy") instanceof Map<?, ?> ? AnalyticsPolicy.of(AviReferences.map(host.get("analyticsPolicy"))) : null,
                ofType("secret", certificate), ofType("secret", AviReferences.map(certificate.get("alternateCertificate"))),
                AkoResources.names(host.get("aliases")).stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList(),
                TcpSettings.of(AviReferences.map(host.get("tcpSettings"))));
    }

    /** Whether the rule sets anything on the host's own virtual service (the SNI child), besides the names and the parent's ports and VIP. */
    public boolean holdsVirtualServiceSettings() {
        return !new HostSettings(enabled, wafPolicy, applicationProfile, analyticsProfile, errorPageProfile, icapProfiles, dataScripts, policySets,
                overwritePolicies, sslProfile, certificate, alternateCertificate, networkSecurityPolicy, analyticsPolicy, certificateSecret,
                alternateCertificateSecret, List.of(), TcpSettings.NONE).equals(NONE);
    }

    /** Whether the rule brings a certificate of its own (an Avi one or a Secret): the host is then served over TLS. */
    public boolean bringsCertificate() {
        return certificate != null || certificateSecret != null;
    }

    /** The name a certificate of that type ({@code ref}: an Avi certificate, {@code secret}: a Kubernetes Secret) gives, or null. */
    private static String ofType(String type, Map<String, Object> certificate) {
        return type.equals(certificate.get("type")) ? AkoResources.name(certificate.get("name")) : null;
    }
}
