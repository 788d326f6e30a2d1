package io.akocamel.preflight;

import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;

/** Settings for preflight tests: the seed's set-up on a local controller (vcenter-cloud, Default-Group, vip-network). */
final class TestSetup {
    static final String PASSWORD = "pr3flight-Secret";

    private final String controller;
    private String password = PASSWORD;
    private String version = "";
    private String cloud = "vcenter-cloud";
    private String seGroup = "Default-Group";
    private String tenant = "admin";
    private String vrf = "";
    private String network = "networkName: vip-network";
    private String cidr = "10.10.10.0/24";
    private int fullSyncSeconds = 3600;

    private TestSetup(String controller) {
        this.controller = controller;
    }

    static TestSetup controller(String url) {
        return new TestSetup(url);
    }

    TestSetup password(String password) {
        this.password = password;
        return this;
    }

    TestSetup version(String version) {
        this.version = version;
        return this;
    }

    TestSetup cloud(String cloud) {
        this.cloud = cloud;
        return this;
    }

    TestSetup seGroup(String seGroup) {
        this.seGroup = seGroup;
        return this;
    }

    TestSetup tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    TestSetup vrf(String vrf) {
        this.vrf = vrf;
        return this;
    }

    TestSetup networkName(String name) {
        this.network = "networkName: " + name;
        return this;
    }

    TestSetup networkUuid(String uuid) {
        this.network = "networkUUID: " + uuid;
        return this;
    }

    TestSetup cidr(String cidr) {
        this.cidr = cidr;
        return this;
    }

    TestSetup fullSyncSeconds(int seconds) {
        this.fullSyncSeconds = seconds;
        return this;
    }

    Settings build() {
        return SettingsLoader.defaults().values("""
                AKOSettings:
                  clusterName: cluster-1
                  fullSyncFrequency: "%d"
                NetworkSettings:
                  vipNetworkList:
                    - %s
                      cidr: "%s"
                L7Settings:
                  shardVSSize: SMALL
                ControllerSettings:
                  controllerHost: "%s"
                  controllerVersion: "%s"
                  cloudName: "%s"
                  serviceEngineGroupName: "%s"
                  tenantName: "%s"
                  vrfName: "%s"
                avicredentials:
                  username: admin
                  password: "%s"
                akoCamel:
                  callTimeoutSeconds: 2
                  retry:
                    initialDelayMillis: 10
                    maxDelayMillis: 20
                    maxAttempts: 2
                """.formatted(fullSyncSeconds, network, cidr, controller, version, cloud, seGroup, tenant, vrf, password)).load();
    }
}
