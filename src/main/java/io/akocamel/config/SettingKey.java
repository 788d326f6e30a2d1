package io.akocamel.config;

import java.util.Locale;

/**
 * One configuration key: its path in values.yaml, the environment variable AKO's chart sets for it, the key it has
 * in AKO's {@code avi-k8s-config} ConfigMap, and its default. Sources override each other in this order:
 * default, values file, ConfigMap, environment, command line.
 */
enum SettingKey {
    CLUSTER_NAME("AKOSettings.clusterName", "CLUSTER_NAME", "clusterName", "my-cluster"),
    LAYER7_ONLY("AKOSettings.layer7Only", "LAYER7_ONLY", "layer7Only", "false"),
    FULL_SYNC_FREQUENCY("AKOSettings.fullSyncFrequency", "FULL_SYNC_INTERVAL", "fullSyncFrequency", "1800"),
    LOG_LEVEL("AKOSettings.logLevel", "LOG_LEVEL", "logLevel", "WARN"),
    DELETE_CONFIG("AKOSettings.deleteConfig", "DELETE_CONFIG", "deleteConfig", "false"),
    DISABLE_STATIC_ROUTE_SYNC("AKOSettings.disableStaticRouteSync", "DISABLE_STATIC_ROUTE_SYNC", "disableStaticRouteSync", "false"),
    CNI_PLUGIN("AKOSettings.cniPlugin", "CNI_PLUGIN", "cniPlugin", ""),
    NS_LABEL_KEY("AKOSettings.namespaceSelector.labelKey", "NAMESPACE_SYNC_LABEL_KEY", "nsSyncLabelKey", ""),
    NS_LABEL_VALUE("AKOSettings.namespaceSelector.labelValue", "NAMESPACE_SYNC_LABEL_VALUE", "nsSyncLabelValue", ""),
    BLOCKED_NAMESPACES("AKOSettings.blockedNamespaceList", "BLOCKED_NS_LIST", "blockedNamespaceList", "[]"),
    API_SERVER_PORT("AKOSettings.apiServerPort", "AKO_API_PORT", "apiServerPort", "8080"),
    ENABLE_EVENTS("AKOSettings.enableEvents", "ENABLE_EVENTS", "enableEvents", "true"),

    VIP_NETWORK_LIST("NetworkSettings.vipNetworkList", "VIP_NETWORK_LIST", "vipNetworkList", "[]"),
    NODE_NETWORK_LIST("NetworkSettings.nodeNetworkList", "NODE_NETWORK_LIST", "nodeNetworkList", "[]"),
    DEFAULT_DOMAIN("NetworkSettings.defaultDomain", "DEFAULT_DOMAIN", "defaultDomain", ""),

    SERVICE_TYPE("L7Settings.serviceType", "SERVICE_TYPE", "serviceType", "ClusterIP"),
    SHARD_VS_SIZE("L7Settings.shardVSSize", "SHARD_VS_SIZE", "shardVSSize", "LARGE"),
    DEFAULT_ING_CONTROLLER("L7Settings.defaultIngController", "DEFAULT_ING_CONTROLLER", "defaultIngController", "true"),
    PASSTHROUGH_SHARD_SIZE("L7Settings.passthroughShardSize", "PASSTHROUGH_SHARD_SIZE", "passthroughShardSize", "SMALL"),
    NO_PG_FOR_SNI("L7Settings.noPGForSNI", "NO_PG_FOR_SNI", "noPGForSNI", "false"),

    CONTROLLER_HOST("ControllerSettings.controllerHost", "CTRL_IPADDRESS", "controllerIP", ""),
    CONTROLLER_VERSION("ControllerSettings.controllerVersion", "CTRL_VERSION", "controllerVersion", ""),
    CLOUD_NAME("ControllerSettings.cloudName", "CLOUD_NAME", "cloudName", "Default-Cloud"),
    SE_GROUP("ControllerSettings.serviceEngineGroupName", "SEG_NAME", "serviceEngineGroupName", "Default-Group"),
    TENANT_NAME("ControllerSettings.tenantName", "TENANT_NAME", "tenantName", "admin"),
    VRF_NAME("ControllerSettings.vrfName", "VRF_NAME", "vrfName", ""),

    USERNAME("avicredentials.username", "AVI_USERNAME", null, ""),
    PASSWORD("avicredentials.password", "AVI_PASSWORD", null, ""),
    AUTHTOKEN("avicredentials.authtoken", "AVI_AUTHTOKEN", null, ""),
    CA_DATA("avicredentials.certificateAuthorityData", "AVI_CA_DATA", null, ""),

    NODE_KEY("nodePortSelector.key", "NODE_KEY", "nodeKey", ""),
    NODE_VALUE("nodePortSelector.value", "NODE_VALUE", "nodeValue", ""),

    INSECURE("akoCamel.controllerInsecureSkipVerify", null, null, "false"),
    LEGACY_CLASS_ANNOTATION("akoCamel.honourLegacyIngressClassAnnotation", null, null, "false"),
    INGRESS_CLASS_NAME("akoCamel.ingressClassName", null, null, "avi-lb"),
    WORKERS("akoCamel.workers", null, null, "8"),
    DEBOUNCE_MILLIS("akoCamel.debounceMillis", null, null, "100"),
    CALL_TIMEOUT_SECONDS("akoCamel.callTimeoutSeconds", null, null, "30"),
    RETRY_INITIAL_MILLIS("akoCamel.retry.initialDelayMillis", null, null, "500"),
    RETRY_MAX_MILLIS("akoCamel.retry.maxDelayMillis", null, null, "30000"),
    RETRY_MAX_ATTEMPTS("akoCamel.retry.maxAttempts", null, null, "6"),
    RETRY_SLOW_SECONDS("akoCamel.retry.slowRetrySeconds", null, null, "90"),
    RESYNC_SECONDS("akoCamel.kubernetesResyncSeconds", null, null, "600"),
    LOG_FORMAT("akoCamel.logFormat", null, null, "text");

    final String path;
    final String env;
    final String configMapKey;
    final String defaultValue;
    final boolean secret;

    SettingKey(String path, String env, String configMapKey, String defaultValue) {
        this.path = path;
        // our own keys get AKO_CAMEL_<KEY> environment names, e.g. AKO_CAMEL_WORKERS
        this.env = env != null ? env : "AKO_CAMEL_" + name();
        this.configMapKey = configMapKey;
        this.defaultValue = defaultValue;
        this.secret = path.equals("avicredentials.password") || path.equals("avicredentials.authtoken");
    }

    String[] pathElements() {
        return path.split("\\.");
    }

    @Override
    public String toString() {
        return path;
    }

    static String describeSources() {
        StringBuilder sb = new StringBuilder();
        for (SettingKey k : values()) {
            sb.append(String.format(Locale.ROOT, "%-46s env %-28s default '%s'%n", k.path, k.env, k.secret ? "" : k.defaultValue));
        }
        return sb.toString();
    }
}
