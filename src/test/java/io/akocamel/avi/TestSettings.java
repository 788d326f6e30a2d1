package io.akocamel.avi;

import io.akocamel.config.SecretValue;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;

import java.time.Duration;

/** Settings for tests: cluster-1 on a local controller, retries in milliseconds. */
final class TestSettings {
    static final String PASSWORD = "pa55-W0rd-very-secret";

    private String controller;
    private String version = "22.1.2";
    private boolean insecure;
    private String caData = "";
    private String token = "";
    private int maxAttempts = 3;
    private Duration callTimeout = Duration.ofMillis(800);
    private Duration slowRetry = Duration.ofMillis(300);

    private TestSettings(String controller) {
        this.controller = controller;
    }

    static TestSettings controller(String url) {
        return new TestSettings(url);
    }

    TestSettings version(String version) {
        this.version = version;
        return this;
    }

    TestSettings insecure() {
        this.insecure = true;
        return this;
    }

    TestSettings caData(String pem) {
        this.caData = pem;
        return this;
    }

    /** Log in with this token instead of the password. */
    TestSettings token(String token) {
        this.token = token;
        return this;
    }

    TestSettings maxAttempts(int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    TestSettings callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        return this;
    }

    TestSettings slowRetry(Duration delay) {
        this.slowRetry = delay;
        return this;
    }

    Settings build() {
        Settings base = SettingsLoader.defaults().values("""
                AKOSettings:
                  clusterName: cluster-1
                NetworkSettings:
                  vipNetworkList:
                    - networkName: vip-net
                      cidr: 10.10.10.0/24
                ControllerSettings:
                  controllerHost: "%s"
                  controllerVersion: "%s"
                  tenantName: admin
                avicredentials:
                  username: admin
                  password: "%s"
                """.formatted(controller, version, PASSWORD)).load();
        Settings.AkoCamelSettings c = base.akoCamel();
        Settings.AviCredentials credentials = new Settings.AviCredentials(base.aviCredentials().username(),
                token.isEmpty() ? base.aviCredentials().password() : SecretValue.empty(), SecretValue.of(token), caData);
        return new Settings(base.akoSettings(), base.networkSettings(), base.l7Settings(), base.controllerSettings(), credentials,
                base.nodePortSelector(), new Settings.AkoCamelSettings(insecure, c.honourLegacyIngressClassAnnotation(), c.ingressClassName(),
                2, c.debounce(), callTimeout, new Settings.Retry(Duration.ofMillis(20), Duration.ofMillis(80), maxAttempts, slowRetry),
                c.kubernetesResync(), c.logFormat()));
    }
}
