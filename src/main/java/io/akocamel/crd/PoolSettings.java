package io.akocamel.crd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one {@code paths[]} entry of an Accepted HTTPRule sets on the pools of the Ingress paths it targets, by the names
 * of the Avi objects it refers to (null or empty: not set). {@code hash} is kept only with the consistent-hash
 * algorithm and {@code hostHeader} only with the custom-header hash, as AKO does.
 */
public record PoolSettings(String target, String algorithm, String hash, String hostHeader, List<String> healthMonitors,
                           String persistence, boolean reencrypt, String sslProfile, String pkiProfile, String destinationCa,
                           Boolean enableHttp2) {
    public static final PoolSettings NONE = new PoolSettings("/", null, null, null, List.of(), null, false, null, null, null, null);
    /** AKO's pool SSL profile when a re-encrypting path names none. */
    public static final String DEFAULT_SSL_PROFILE = "System-Standard";
    static final String CONSISTENT_HASH = "LB_ALGORITHM_CONSISTENT_HASH";
    static final String CUSTOM_HEADER = "LB_ALGORITHM_CONSISTENT_HASH_CUSTOM_HEADER";

    /** The HTTPRule fields (as {@link Verdicts#settingsOf} names them) this record carries. */
    public static final List<String> APPLIED = List.of("HTTPRule.paths.loadBalancerPolicy", "HTTPRule.paths.healthMonitors",
            "HTTPRule.paths.applicationPersistence", "HTTPRule.paths.tls", "HTTPRule.paths.enableHTTP2");

    /** The settings of each path of an HTTPRule, in the order written. */
    public static List<PoolSettings> of(GenericKubernetesResource httpRule) {
        List<PoolSettings> settings = new ArrayList<>();
        if (AkoResources.spec(httpRule).get("paths") instanceof List<?> paths) {
            for (Object item : paths) {
                Map<String, Object> path = AviReferences.map(item);
                if (AkoResources.name(path.get("target")) != null) {
                    settings.add(ofPath(path));
                }
            }
        }
        return settings;
    }

    private static PoolSettings ofPath(Map<String, Object> path) {
        Map<String, Object> lb = AviReferences.map(path.get("loadBalancerPolicy"));
        Map<String, Object> tls = AviReferences.map(path.get("tls"));
        String algorithm = AkoResources.name(lb.get("algorithm"));
        String hash = CONSISTENT_HASH.equals(algorithm) ? AkoResources.name(lb.get("hash")) : null;
        boolean reencrypt = "reencrypt".equals(tls.get("type"));
        return new PoolSettings(AkoResources.name(path.get("target")), algorithm, hash, CUSTOM_HEADER.equals(hash) ? AkoResources.name(lb.get("hostHeader")) : null,
                AkoResources.names(path.get("healthMonitors")), AkoResources.name(path.get("applicationPersistence")), reencrypt,
                reencrypt ? AkoResources.name(tls.get("sslProfile")) : null, reencrypt ? AkoResources.name(tls.get("pkiProfile")) : null,
                reencrypt ? AkoResources.name(tls.get("destinationCA")) : null, path.get("enableHTTP2") instanceof Boolean b ? b : null);
    }
}
