package io.akocamel.testing;

import io.akocamel.config.ServiceType;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.config.ShardSize;
import io.akocamel.simulator.AviSimulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings for tests, built by the production {@link SettingsLoader} so that its defaults and validation apply. The
 * base is cluster {@value #CLUSTER} with VIP network vip-net (10.10.10.0/24), a full sync once an hour, log level INFO
 * (log4j2.xml's, so a whole controller started by a test leaves the level as it was) and the
 * credentials admin / {@link #PASSWORD} for a controller running {@value AviSimulator#DEFAULT_VERSION}; each builder
 * method sets values.yaml keys on top of it.
 */
public final class TestSettings {
    public static final String CLUSTER = "cluster-1";
    public static final String PASSWORD = "pa55-W0rd-very-secret";
    private static final String BASE = """
            AKOSettings:
              clusterName: %s
              fullSyncFrequency: 3600
              logLevel: INFO
            NetworkSettings:
              vipNetworkList: [{networkName: vip-net, cidr: 10.10.10.0/24}]
            ControllerSettings:
              controllerVersion: "%s"
            avicredentials: {username: admin, password: "%s"}
            """.formatted(CLUSTER, AviSimulator.DEFAULT_VERSION, PASSWORD);

    private TestSettings() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<String> values = new ArrayList<>(List.of(BASE));
        private final Map<String, String> keys = new LinkedHashMap<>();
        private Duration callTimeout;
        private Duration slowRetry;

        private Builder() {
        }

        /** Any values.yaml key by its path, e.g. {@code set("AKOSettings.cniPlugin", "antrea")}. */
        public Builder set(String path, String value) {
            keys.put(path, value);
            return this;
        }

        /** A values.yaml fragment applied over the base; keys given by the other methods win. */
        public Builder values(String yaml) {
            values.add(yaml);
            return this;
        }

        public Builder controller(String url) {
            return set("ControllerSettings.controllerHost", url);
        }

        /** Empty: the controller's own version is used. */
        public Builder controllerVersion(String version) {
            return set("ControllerSettings.controllerVersion", version);
        }

        public Builder credentials(String username, String password) {
            return set("avicredentials.username", username).set("avicredentials.password", password);
        }

        /** Log in with this token instead of the password. */
        public Builder token(String token) {
            return set("avicredentials.password", "").set("avicredentials.authtoken", token);
        }

        public Builder caData(String pem) {
            return set("avicredentials.certificateAuthorityData", pem);
        }

        public Builder insecure() {
            return set("akoCamel.controllerInsecureSkipVerify", "true");
        }

        public Builder cloud(String name) {
            return set("ControllerSettings.cloudName", name);
        }

        public Builder seGroup(String name) {
            return set("ControllerSettings.serviceEngineGroupName", name);
        }

        public Builder tenant(String name) {
            return set("ControllerSettings.tenantName", name);
        }

        public Builder vrf(String name) {
            return set("ControllerSettings.vrfName", name);
        }

        public Builder vipNetwork(String name, String cidr) {
            return set("NetworkSettings.vipNetworkList", "[{\"networkName\": \"%s\", \"cidr\": \"%s\"}]".formatted(name, cidr));
        }

        public Builder vipNetworkUuid(String uuid, String cidr) {
            return set("NetworkSettings.vipNetworkList", "[{\"networkUUID\": \"%s\", \"cidr\": \"%s\"}]".formatted(uuid, cidr));
        }

        /** The cloud and VIP network of the simulator's seed: vcenter-cloud, vip-network 10.10.10.0/24. */
        public Builder seedCloud() {
            return cloud("vcenter-cloud").vipNetwork("vip-network", "10.10.10.0/24");
        }

        public Builder serviceType(ServiceType type) {
            return set("L7Settings.serviceType", type.name());
        }

        public Builder shardSize(ShardSize size) {
            return set("L7Settings.shardVSSize", size.name());
        }

        /** NodePort mode: only the nodes with this label are pool servers. */
        public Builder nodePortSelector(String key, String value) {
            return set("nodePortSelector.key", key).set("nodePortSelector.value", value);
        }

        public Builder fullSyncSeconds(int seconds) {
            return set("AKOSettings.fullSyncFrequency", String.valueOf(seconds));
        }

        public Builder workers(int workers) {
            return set("akoCamel.workers", String.valueOf(workers));
        }

        public Builder debounce(Duration debounce) {
            return set("akoCamel.debounceMillis", String.valueOf(debounce.toMillis()));
        }

        public Builder maxDebounce(Duration maxDebounce) {
            return set("akoCamel.maxDebounceMillis", String.valueOf(maxDebounce.toMillis()));
        }

        public Builder retry(Duration initialDelay, Duration maxDelay, int maxAttempts) {
            return set("akoCamel.retry.initialDelayMillis", String.valueOf(initialDelay.toMillis()))
                    .set("akoCamel.retry.maxDelayMillis", String.valueOf(maxDelay.toMillis()))
                    .set("akoCamel.retry.maxAttempts", String.valueOf(maxAttempts));
        }

        /** Any duration: values.yaml takes whole seconds, tests want less. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** Any duration: values.yaml takes whole seconds, tests want less. */
        public Builder slowRetry(Duration delay) {
            this.slowRetry = delay;
            return this;
        }

        /**
         * Failures settle within a second: calls time out after 800 ms, two workers retry after 20 to 80 ms, three
         * attempts, the slow retry after 300 ms.
         */
        public Builder quickRetries() {
            return workers(2).callTimeout(Duration.ofMillis(800)).retry(Duration.ofMillis(20), Duration.ofMillis(80), 3)
                    .slowRetry(Duration.ofMillis(300));
        }

        public Settings build() {
            SettingsLoader loader = SettingsLoader.defaults();
            values.forEach(loader::values);
            keys.forEach(loader::override);
            Settings settings = loader.load();
            if (callTimeout == null && slowRetry == null) {
                return settings;
            }
            Settings.AkoCamelSettings c = settings.akoCamel();
            Settings.Retry r = c.retry();
            var timings = new Settings.AkoCamelSettings(c.controllerInsecureSkipVerify(), c.honourLegacyIngressClassAnnotation(),
                    c.ingressClassName(), c.workers(), c.aviSessions(), c.debounce(), c.maxDebounce(), callTimeout == null ? c.callTimeout() : callTimeout,
                    new Settings.Retry(r.initialDelay(), r.maxDelay(), r.maxAttempts(), slowRetry == null ? r.slowRetry() : slowRetry),
                    c.kubernetesResync(), c.logFormat(), c.deletionBrake(), c.leaderElection(),
                    c.requireDnsProfile(), c.reloadRoutes());
            return new Settings(settings.akoSettings(), settings.networkSettings(), settings.l7Settings(), settings.controllerSettings(),
                    settings.aviCredentials(), settings.nodePortSelector(), timings);
        }
    }
}
