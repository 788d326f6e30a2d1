package io.akocamel.simulator;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An object collection the simulator serves: its path segment ({@code pool}), its model name ({@code Pool}, used in
 * messages and to find {@code avi-api/Pool.json}), whether names are unique per cloud, and whether objects of the
 * {@code admin} tenant are visible from other tenants (infrastructure shared by all tenants).
 */
record ModelType(String path, String model, boolean cloudScoped, boolean shared) {
    static final String TENANT = "tenant";
    static final String CLOUD = "cloud";
    static final String VSVIP = "vsvip";
    static final String SSL_CERTIFICATE = "sslkeyandcertificate";

    private static final Map<String, ModelType> BY_PATH = new LinkedHashMap<>();
    private static final Pattern CAMEL_WORD_BOUNDARY = Pattern.compile("(((?<=[a-z])[A-Z])|([A-Z](?![A-Z]|$)))");

    static {
        register("virtualservice", "VirtualService", true, false);
        register(VSVIP, "VsVip", true, false);
        register("pool", "Pool", true, false);
        register("poolgroup", "PoolGroup", true, false);
        register("httppolicyset", "HTTPPolicySet", false, false);
        register(SSL_CERTIFICATE, "SSLKeyAndCertificate", false, false);
        register("stringgroup", "StringGroup", false, false);
        register("vsdatascriptset", "VSDataScriptSet", false, false);
        register("l4policyset", "L4PolicySet", false, false);
        register("pkiprofile", "PKIProfile", false, false);
        register("vrfcontext", "VrfContext", true, true);
        register(CLOUD, "Cloud", false, true);
        register("serviceenginegroup", "ServiceEngineGroup", true, true);
        register("network", "Network", true, true);
        register("ipamdnsproviderprofile", "IpamDnsProviderProfile", false, true);
        register(TENANT, "Tenant", false, true);
        register("healthmonitor", "HealthMonitor", false, false);
        register("applicationprofile", "ApplicationProfile", false, false);
        register("networkprofile", "NetworkProfile", false, false);
        register("sslprofile", "SSLProfile", false, false);
        register("analyticsprofile", "AnalyticsProfile", false, false);
        register("applicationpersistenceprofile", "ApplicationPersistenceProfile", false, false);
        // what HostRules name (ako-camel reads them, never writes them)
        register("wafpolicy", "WafPolicy", false, false);
        register("errorpageprofile", "ErrorPageProfile", false, false);
        register("icapprofile", "IcapProfile", false, false);
        register("networksecuritypolicy", "NetworkSecurityPolicy", false, false);
    }

    private static void register(String path, String model, boolean cloudScoped, boolean shared) {
        BY_PATH.put(path, new ModelType(path, model, cloudScoped, shared));
    }

    static Optional<ModelType> of(String path) {
        return Optional.ofNullable(BY_PATH.get(path.toLowerCase(Locale.ROOT)));
    }

    static Collection<ModelType> all() {
        return Collections.unmodifiableCollection(BY_PATH.values());
    }

    static ModelType require(String path) {
        return of(path).orElseThrow(() -> new ApiException(404, "Unknown object type '" + path + "'"));
    }

    /** For a ref to a type the simulator does not serve: the best model name for its not-found message. */
    static String modelNameOf(String path) {
        return of(path).map(ModelType::model)
                .orElse(path.isEmpty() ? path : Character.toUpperCase(path.charAt(0)) + path.substring(1));
    }

    boolean tenantScoped() {
        return !path.equals(TENANT);
    }

    /** Django's verbose name, as in {@code Vrf context with this Name, Tenant ref and Cloud ref already exists.} */
    String verboseName() {
        String spaced = CAMEL_WORD_BOUNDARY.matcher(model).replaceAll(" $1").trim().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    String duplicateNameMessage() {
        if (!tenantScoped()) {
            return verboseName() + " with this Name already exists.";
        }
        return verboseName() + (cloudScoped ? " with this Name, Tenant ref and Cloud ref already exists."
                : " with this Name and Tenant ref already exists.");
    }
}
