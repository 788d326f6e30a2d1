package io.akocamel.config;

import java.util.Locale;

/**
 * One configuration key: its path in values.yaml, the environment variable AKO's chart sets for it, the key it has
 * in AKO's {@code avi-k8s-config} ConfigMap, its default, what it accepts and what it does. This catalogue drives the
 * loader's validation messages and {@code docs/configuration.md}. Sources override each other in this order:
 * default, values file, ConfigMap, environment, command line.
 */
enum SettingKey {
    CLUSTER_NAME("AKOSettings.clusterName", "CLUSTER_NAME", "clusterName", "my-cluster",
            Allowed.described("a non-empty name of letters, digits, '-' and '_' (^[a-zA-Z0-9-_]*$)"),
            "Names this cluster on the Avi Controller: the `<clusterName>--` prefix of object names, "
                    + "`created_by: ako-<clusterName>` and the `clustername` marker. Give each cluster its own."),
    LAYER7_ONLY("AKOSettings.layer7Only", "LAYER7_ONLY", "layer7Only", "false", Allowed.trueOrFalse(),
            "Validated and otherwise unused: ako-camel always handles L7 Ingresses only."),
    FULL_SYNC_FREQUENCY("AKOSettings.fullSyncFrequency", "FULL_SYNC_INTERVAL", "fullSyncFrequency", "1800",
            Allowed.wholeNumber(1, Integer.MAX_VALUE),
            "Seconds between full syncs (re-read the Avi inventory, reconcile every shard key; repairs objects "
                    + "edited or deleted by hand), and between preflight runs while the preflight passes."),
    LOG_LEVEL("AKOSettings.logLevel", "LOG_LEVEL", "logLevel", "WARN",
            Allowed.oneOf("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR"),
            "Level of the `io.akocamel` loggers; an edit of the `avi-k8s-config` ConfigMap applies at once."),
    DELETE_CONFIG("AKOSettings.deleteConfig", "DELETE_CONFIG", "deleteConfig", "false", Allowed.trueOrFalse(),
            "`true` deletes every Avi object this cluster owns and its static routes, and clears Ingress statuses; "
                    + "`false` again recreates them. An edit of `avi-k8s-config` applies at once."),
    DISABLE_STATIC_ROUTE_SYNC("AKOSettings.disableStaticRouteSync", "DISABLE_STATIC_ROUTE_SYNC", "disableStaticRouteSync", "false",
            Allowed.trueOrFalse(), "`true`: no static routes to the nodes' pod CIDRs in ClusterIP mode."),
    CNI_PLUGIN("AKOSettings.cniPlugin", "CNI_PLUGIN", "cniPlugin", "",
            Allowed.oneOf("", "calico", "canal", "flannel", "openshift", "antrea", "ncp", "ovn-kubernetes", "cilium"),
            "The cluster's CNI: `calico` and `antrea` give the node address from their node annotation, "
                    + "`ovn-kubernetes` the pod CIDR from `k8s.ovn.org/node-subnets`; otherwise the node's InternalIP "
                    + "and `spec.podCIDRs` are used."),
    NS_LABEL_KEY("AKOSettings.namespaceSelector.labelKey", "NAMESPACE_SYNC_LABEL_KEY", "nsSyncLabelKey", "",
            Allowed.described("a label key, or empty"),
            "When set, only Ingresses in namespaces whose label `labelKey` equals `labelValue` are ours."),
    NS_LABEL_VALUE("AKOSettings.namespaceSelector.labelValue", "NAMESPACE_SYNC_LABEL_VALUE", "nsSyncLabelValue", "",
            Allowed.described("a label value"), "The value `namespaceSelector.labelKey` must have."),
    BLOCKED_NAMESPACES("AKOSettings.blockedNamespaceList", "BLOCKED_NS_LIST", "blockedNamespaceList", "[]",
            Allowed.described("a list of namespace names (JSON in the ConfigMap and the environment)"),
            "Namespaces whose Ingresses are never ours."),
    API_SERVER_PORT("AKOSettings.apiServerPort", "AKO_API_PORT", "apiServerPort", "8080", Allowed.wholeNumber(1, 65535),
            "The management port: `/observe/health/*`, `/observe/metrics`, `/observe/info` and `/api/status`."),
    ENABLE_EVENTS("AKOSettings.enableEvents", "ENABLE_EVENTS", "enableEvents", "true", Allowed.trueOrFalse(),
            "`false` stops Normal Events (`Synced`, `Removed`); Warning Events are always written."),

    VIP_NETWORK_LIST("NetworkSettings.vipNetworkList", "VIP_NETWORK_LIST", "vipNetworkList", "[]",
            Allowed.described("a list of `{networkName or networkUUID, cidr, v6cidr}`, `cidr` an IPv4 CIDR; "
                    + "when given, at least one entry (JSON in the ConfigMap and the environment)"),
            "The VIP network of every virtual service: the first entry, with its `cidr` and `v6cidr` subnets when given."),
    NODE_NETWORK_LIST("NetworkSettings.nodeNetworkList", "NODE_NETWORK_LIST", "nodeNetworkList", "[]",
            Allowed.described("a list of `{networkName or networkUUID, cidrs}`, `cidrs` IPv4 CIDRs "
                    + "(JSON in the ConfigMap and the environment)"),
            "The networks that reach the pool servers: every CIDR becomes a pool placement network."),
    DEFAULT_DOMAIN("NetworkSettings.defaultDomain", "DEFAULT_DOMAIN", "defaultDomain", "", Allowed.described("any text"),
            "Read and otherwise unused."),

    SERVICE_TYPE("L7Settings.serviceType", "SERVICE_TYPE", "serviceType", "ClusterIP", Allowed.names(ServiceType.values()),
            "Where pool servers come from: ClusterIP = EndpointSlice addresses (with static routes to pod CIDRs), "
                    + "NodePort = node addresses and the Service's nodePort, NodePortLocal = Antrea's per-pod node ports."),
    SHARD_VS_SIZE("L7Settings.shardVSSize", "SHARD_VS_SIZE", "shardVSSize", "LARGE", Allowed.names(ShardSize.values()),
            "Number of shared virtual services the hosts are spread over: LARGE 8, MEDIUM 4, SMALL 1; "
                    + "DEDICATED is one virtual service per host."),
    DEFAULT_ING_CONTROLLER("L7Settings.defaultIngController", "DEFAULT_ING_CONTROLLER", "defaultIngController", "true",
            Allowed.trueOrFalse(), "Used by the Helm chart: `true` makes its IngressClass the cluster's default class."),
    PASSTHROUGH_SHARD_SIZE("L7Settings.passthroughShardSize", "PASSTHROUGH_SHARD_SIZE", "passthroughShardSize", "SMALL",
            Allowed.names("LARGE", "MEDIUM", "SMALL"), "Validated and otherwise unused (no TLS passthrough)."),
    NO_PG_FOR_SNI("L7Settings.noPGForSNI", "NO_PG_FOR_SNI", "noPGForSNI", "false", Allowed.trueOrFalse(),
            "Validated and otherwise unused: rules always switch to a path's pool directly, as `true` does in AKO (a path has "
                    + "one Service, so no pool group is needed)."),

    CONTROLLER_HOST("ControllerSettings.controllerHost", "CTRL_IPADDRESS", "controllerIP", "",
            Allowed.described("a host name or IP, host:port, or a URL such as https://10.0.0.1 or http://127.0.0.1:9443"),
            "The Avi Controller; https unless the URL says otherwise."),
    CONTROLLER_VERSION("ControllerSettings.controllerVersion", "CTRL_VERSION", "controllerVersion", "",
            Allowed.described("a version such as 22.1.2, or empty to use the controller's own (capped at 30.2.1)"),
            "The `X-Avi-Version` of every call; the preflight rejects a version newer than the controller's."),
    CLOUD_NAME("ControllerSettings.cloudName", "CLOUD_NAME", "cloudName", "Default-Cloud", Allowed.nonEmptyName(),
            "The Avi cloud of every virtual service; it needs an IPAM profile (and a DNS profile for DNS records)."),
    SE_GROUP("ControllerSettings.serviceEngineGroupName", "SEG_NAME", "serviceEngineGroupName", "Default-Group",
            Allowed.nonEmptyName(), "The Service Engine group of every virtual service, in that cloud."),
    TENANT_NAME("ControllerSettings.tenantName", "TENANT_NAME", "tenantName", "admin", Allowed.nonEmptyName(),
            "The Avi tenant every object is written in."),
    VRF_NAME("ControllerSettings.vrfName", "VRF_NAME", "vrfName", "", Allowed.described("a VRF context name, or empty"),
            "The VRF context of the virtual services and static routes; empty: `global`."),

    USERNAME("avicredentials.username", "AVI_USERNAME", null, "", Allowed.described("a user name"),
            "The Avi user; required when `controllerHost` is set."),
    PASSWORD("avicredentials.password", "AVI_PASSWORD", null, "", Allowed.described("a password"),
            "The user's password (or give `authtoken`); never logged."),
    AUTHTOKEN("avicredentials.authtoken", "AVI_AUTHTOKEN", null, "", Allowed.described("an Avi auth token"),
            "Used instead of the password when set; never logged."),
    CA_DATA("avicredentials.certificateAuthorityData", "AVI_CA_DATA", null, "", Allowed.described("PEM certificates"),
            "The CA that signed the controller's certificate; empty: the JVM's trusted CAs."),

    NODE_KEY("nodePortSelector.key", "NODE_KEY", "nodeKey", "", Allowed.described("a label key, or empty"),
            "NodePort mode: when set, only nodes whose label `key` equals `value` are pool servers."),
    NODE_VALUE("nodePortSelector.value", "NODE_VALUE", "nodeValue", "", Allowed.described("a label value"),
            "The value `nodePortSelector.key` must have."),

    INSECURE("akoCamel.controllerInsecureSkipVerify", null, null, "false", Allowed.trueOrFalse(),
            "`true` skips TLS verification of the controller (logs a warning)."),
    LEGACY_CLASS_ANNOTATION("akoCamel.honourLegacyIngressClassAnnotation", null, null, "false", Allowed.trueOrFalse(),
            "`true`: an Ingress without `spec.ingressClassName` whose annotation `kubernetes.io/ingress.class` "
                    + "equals `ingressClassName` is ours (AKO ignores the annotation)."),
    INGRESS_CLASS_NAME("akoCamel.ingressClassName", null, null, "avi-lb", Allowed.nonEmptyName(),
            "The IngressClass the Helm chart creates, and the class the legacy annotation must name."),
    WORKERS("akoCamel.workers", null, null, "8", Allowed.wholeNumber(1, 256),
            "Shard keys reconciled in parallel; one key is never on two workers at once."),
    AVI_SESSIONS("akoCamel.aviSessions", null, null, "8", Allowed.wholeNumber(1, 64),
            "Writes to the Avi Controller in flight at once, over all shards: the operations of a shard that do not depend "
                    + "on each other (the pools of different hosts) go out in parallel up to this many (AKO's width is 8)."),
    DEBOUNCE_MILLIS("akoCamel.debounceMillis", null, null, "100", Allowed.wholeNumber(0, 60_000),
            "A burst of changes to one shard key within this many milliseconds is reconciled once."),
    MAX_DEBOUNCE_MILLIS("akoCamel.maxDebounceMillis", null, null, "1000", Allowed.wholeNumber(1, 600_000),
            "A shard key changed without pause is still reconciled at least this often (milliseconds after its "
                    + "first unreconciled change); at least `debounceMillis`."),
    CALL_TIMEOUT_SECONDS("akoCamel.callTimeoutSeconds", null, null, "30", Allowed.wholeNumber(1, 3600),
            "Timeout of one Avi Controller REST call."),
    RETRY_INITIAL_MILLIS("akoCamel.retry.initialDelayMillis", null, null, "500", Allowed.wholeNumber(1, 3_600_000),
            "First delay before a transient failure is retried; it doubles at every attempt."),
    RETRY_MAX_MILLIS("akoCamel.retry.maxDelayMillis", null, null, "30000", Allowed.wholeNumber(1, 3_600_000),
            "Longest delay between two retries."),
    RETRY_MAX_ATTEMPTS("akoCamel.retry.maxAttempts", null, null, "6", Allowed.wholeNumber(1, 100),
            "Attempts of a transient failure before it becomes a dead letter."),
    RETRY_SLOW_SECONDS("akoCamel.retry.slowRetrySeconds", null, null, "90", Allowed.wholeNumber(1, 86_400),
            "Seconds before a shard that waits for the controller's set-up (no free IP, missing VRF, network or "
                    + "tenant, upgrade in progress) is reconciled again."),
    RESYNC_SECONDS("akoCamel.kubernetesResyncSeconds", null, null, "600", Allowed.wholeNumber(0, 86_400),
            "Resync period of the Kubernetes informers (0: none)."),
    LOG_FORMAT("akoCamel.logFormat", null, null, "text", Allowed.oneOf("text", "json"),
            "`json` writes one ECS JSON object per log line."),
    BRAKE_MAX_SHARE("akoCamel.deletionBrake.maxShare", null, null, "0.5", Allowed.fraction(),
            "Deletes of more than this share of the objects this cluster owns, between two full syncs, are held until "
                    + "the next complete full sync confirms them (or `deleteConfig`); `1` turns the brake off."),
    BRAKE_MIN_OBJECTS("akoCamel.deletionBrake.minObjects", null, null, "20", Allowed.wholeNumber(0, Integer.MAX_VALUE),
            "The deletion brake holds deletes only when there are also more than this many of them."),
    LEASE_DURATION("akoCamel.leaderElection.leaseDuration", null, null, "15s", Allowed.duration(),
            "With two replicas (or any pod: `POD_NAME` set), how long the Lease `ako-lease-lock` stays the leader's "
                    + "without renewal; a follower takes over at the latest this long after the leader stopped renewing."),
    RENEW_DEADLINE("akoCamel.leaderElection.renewDeadline", null, null, "10s", Allowed.duration(),
            "A leader that could not renew its Lease for this long stops writing (before another replica may take "
                    + "over); shorter than `leaseDuration`."),
    RETRY_PERIOD("akoCamel.leaderElection.retryPeriod", null, null, "2s", Allowed.duration(),
            "How often the leader renews the Lease and a follower tries to take it; shorter than `renewDeadline`."),
    REQUIRE_DNS_PROFILE("akoCamel.preflight.requireDnsProfile", null, null, "false", Allowed.trueOrFalse(),
            "`true`: a cloud without a DNS profile fails the preflight, so nothing is written. `false` (AKO's "
                    + "behaviour): hosts are served, and a Warning Event `AviDnsNotRegistered` on the controller's pod says "
                    + "Avi DNS registers no record for them."),
    ROUTES_RELOAD("akoCamel.routes.reload", null, null, "true", Allowed.trueOrFalse(),
            "An edit of a `*.camel.yaml` in the routes directory (`--routes-dir`, the chart's ConfigMap) is loaded "
                    + "without a restart; an invalid file is refused and the running routes stay ([routes](routes.md)). "
                    + "The packaged routes (no routes directory) are never reloaded.");

    final String path;
    final String env;
    final String configMapKey;
    final String defaultValue;
    final Allowed allowed;
    final String description;
    final boolean secret;

    SettingKey(String path, String env, String configMapKey, String defaultValue, Allowed allowed, String description) {
        this.path = path;
        // our own keys get AKO_CAMEL_<KEY> environment names, e.g. AKO_CAMEL_WORKERS
        this.env = env != null ? env : "AKO_CAMEL_" + name();
        this.configMapKey = configMapKey;
        this.defaultValue = defaultValue;
        this.allowed = allowed;
        this.description = description;
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
