package io.akocamel.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The whole configuration, shaped like AKO's {@code values.yaml} (same section and key names), plus our own
 * {@code akoCamel} section for what AKO does not have. Immutable; built by {@link SettingsLoader}.
 */
public record Settings(
        AkoSettings akoSettings,
        NetworkSettings networkSettings,
        L7Settings l7Settings,
        ControllerSettings controllerSettings,
        AviCredentials aviCredentials,
        NodePortSelector nodePortSelector,
        AkoCamelSettings akoCamel) {

    /** {@code created_by} on every object this cluster owns: {@code ako-<clusterName>}. */
    public String createdBy() {
        return "ako-" + akoSettings.clusterName();
    }

    public record AkoSettings(
            String clusterName,
            boolean layer7Only,
            int fullSyncFrequency,
            String logLevel,
            boolean deleteConfig,
            boolean disableStaticRouteSync,
            String cniPlugin,
            NamespaceSelector namespaceSelector,
            List<String> blockedNamespaceList,
            int apiServerPort,
            boolean enableEvents) {
    }

    /** AKO's {@code namespaceSelector}: only Ingresses in namespaces with this label are ours (empty = all). */
    public record NamespaceSelector(String labelKey, String labelValue) {
        public boolean isSet() {
            return !labelKey.isEmpty();
        }
    }

    public record NetworkSettings(List<VipNetwork> vipNetworkList, List<NodeNetwork> nodeNetworkList, String defaultDomain) {
    }

    /** A VIP network: by name or uuid, optionally with the IPv4 subnet ({@code cidr}) to allocate from. */
    public record VipNetwork(String networkName, String networkUUID, String cidr, String v6cidr) {
        /** The network's identity as the user wrote it: name if given, else uuid. */
        public String displayName() {
            return networkName.isEmpty() ? networkUUID : networkName;
        }
    }

    public record NodeNetwork(String networkName, String networkUUID, List<String> cidrs) {
    }

    public record L7Settings(
            ServiceType serviceType,
            ShardSize shardVSSize,
            boolean defaultIngController,
            ShardSize passthroughShardSize,
            boolean noPGForSNI) {
    }

    public record ControllerSettings(
            String controllerHost,
            String controllerVersion,
            String cloudName,
            String serviceEngineGroupName,
            String tenantName,
            String vrfName) {

        /** The controller's base URL: {@code controllerHost} with https as the default scheme, no trailing slash. */
        public URI controllerUri() {
            String host = controllerHost.contains("://") ? controllerHost : "https://" + controllerHost;
            return URI.create(host.endsWith("/") ? host.substring(0, host.length() - 1) : host);
        }
    }

    public record AviCredentials(String username, SecretValue password, SecretValue authtoken, String certificateAuthorityData) {
        public boolean hasToken() {
            return !authtoken.isEmpty();
        }
    }

    /** NodePort mode: only nodes with this label are pool servers (empty = all nodes). */
    public record NodePortSelector(String key, String value) {
        public boolean isSet() {
            return !key.isEmpty();
        }
    }

    /** What ako-camel adds to AKO's settings (values key {@code akoCamel}). */
    public record AkoCamelSettings(
            boolean controllerInsecureSkipVerify,
            boolean honourLegacyIngressClassAnnotation,
            String ingressClassName,
            int workers,
            int aviSessions,
            Duration debounce,
            Duration maxDebounce,
            Duration callTimeout,
            Retry retry,
            Duration kubernetesResync,
            String logFormat,
            BrakeLimits deletionBrake,
            LeaderElection leaderElection,
            boolean requireDnsProfile,
            boolean reloadRoutes) {
    }

    /**
     * The timings of the election on the Lease (client-go's, as AKO uses them): a follower takes over a Lease not
     * renewed for {@code leaseDuration}; a leader that could not renew for {@code renewDeadline} stops writing; both
     * try every {@code retryPeriod}.
     */
    public record LeaderElection(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    }

    /**
     * When deletes are held (the deletion brake): more than {@code maxShare} of the owned objects and more than
     * {@code minObjects} objects deleted between two full syncs.
     */
    public record BrakeLimits(double maxShare, int minObjects) {
    }

    /** Redelivery of failed controller calls: exponential back-off for transient errors, a slow retry for set-up errors. */
    public record Retry(Duration initialDelay, Duration maxDelay, int maxAttempts, Duration slowRetry) {
    }
}
