package io.akocamel.config;

import io.akocamel.config.Settings.VipNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SettingsLoaderTest {
    private static final String MINIMAL = """
            NetworkSettings:
              vipNetworkList: [{networkName: vip-network}]
            """;

    private static Settings load(String yaml) {
        return SettingsLoader.defaults().values(yaml).load();
    }

    private static SettingsException failure(String yaml) {
        return catchThrowableOfType(SettingsException.class, () -> load(yaml));
    }

    @Test
    void seedValuesFileLoadsAsAUserWritesIt() {
        Settings s = SettingsLoader.defaults().valuesFile(Path.of("examples/values.yaml")).load();

        assertThat(s.akoSettings().clusterName()).isEqualTo("cluster-1");
        assertThat(s.akoSettings().layer7Only()).isTrue();
        assertThat(s.networkSettings().vipNetworkList()).containsExactly(new VipNetwork("vip-network", "", "10.10.10.0/24", ""));
        assertThat(s.l7Settings().serviceType()).isEqualTo(ServiceType.ClusterIP);
        assertThat(s.controllerSettings().serviceEngineGroupName()).isEqualTo("Default-Group");
        assertThat(s.controllerSettings().controllerVersion()).isEqualTo("22.1.2");
        assertThat(s.controllerSettings().cloudName()).isEqualTo("vcenter-cloud");
        assertThat(s.controllerSettings().tenantName()).isEqualTo("admin");
        assertThat(s.aviCredentials().username()).isEqualTo("admin");
        assertThat(s.aviCredentials().password().reveal()).isEqualTo("avi123");
        assertThat(s.createdBy()).isEqualTo("ako-cluster-1");
    }

    @Test
    void defaultsAreAkos() {
        Settings s = load(MINIMAL);

        assertThat(s.akoSettings().clusterName()).isEqualTo("my-cluster");
        assertThat(s.akoSettings().layer7Only()).isFalse();
        assertThat(s.akoSettings().fullSyncFrequency()).isEqualTo(1800);
        assertThat(s.akoSettings().logLevel()).isEqualTo("WARN");
        assertThat(s.akoSettings().deleteConfig()).isFalse();
        assertThat(s.akoSettings().apiServerPort()).isEqualTo(8080);
        assertThat(s.akoSettings().namespaceSelector().isSet()).isFalse();
        assertThat(s.akoSettings().blockedNamespaceList()).isEmpty();
        assertThat(s.akoSettings().cniPlugin()).isEmpty();
        assertThat(s.l7Settings().serviceType()).isEqualTo(ServiceType.ClusterIP);
        assertThat(s.l7Settings().shardVSSize()).isEqualTo(ShardSize.LARGE);
        assertThat(s.l7Settings().defaultIngController()).isTrue();
        assertThat(s.l7Settings().passthroughShardSize()).isEqualTo(ShardSize.SMALL);
        assertThat(s.controllerSettings().cloudName()).isEqualTo("Default-Cloud");
        assertThat(s.controllerSettings().serviceEngineGroupName()).isEqualTo("Default-Group");
        assertThat(s.controllerSettings().tenantName()).isEqualTo("admin");
        assertThat(s.controllerSettings().controllerVersion()).isEmpty();
        assertThat(s.akoCamel().workers()).isEqualTo(8);
        assertThat(s.akoCamel().aviSessions()).isEqualTo(8);
        assertThat(s.akoCamel().debounce()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.akoCamel().retry().initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.akoCamel().retry().maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.akoCamel().retry().maxAttempts()).isEqualTo(6);
        assertThat(s.akoCamel().retry().slowRetry()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.akoCamel().leaderElection()).as("client-go's timings, as AKO uses them")
                .isEqualTo(new Settings.LeaderElection(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)));
        assertThat(s.akoCamel().controllerInsecureSkipVerify()).isFalse();
    }

    @Test
    void everyValuesKeyIsRead() {
        Settings s = load("""
                AKOSettings:
                  clusterName: c_2
                  layer7Only: "true"
                  fullSyncFrequency: 300
                  logLevel: debug
                  deleteConfig: true
                  disableStaticRouteSync: "true"
                  cniPlugin: antrea
                  namespaceSelector: {labelKey: team, labelValue: web}
                  blockedNamespaceList: [kube-system, avi-system]
                  apiServerPort: 9090
                  enableEvents: "false"
                NetworkSettings:
                  vipNetworkList: [{networkUUID: dvportgroup-1, cidr: 10.1.0.0/16, v6cidr: "2001:db8::/64"}]
                  nodeNetworkList: [{networkName: nodes, cidrs: [10.2.0.0/16]}]
                  defaultDomain: example.com
                L7Settings:
                  serviceType: NodePortLocal
                  shardVSSize: DEDICATED
                  defaultIngController: "false"
                  passthroughShardSize: MEDIUM
                  noPGForSNI: true
                ControllerSettings:
                  controllerHost: https://avi.example.com:8443
                  controllerVersion: 30.2.1
                  cloudName: c
                  serviceEngineGroupName: seg
                  tenantName: t
                  vrfName: v
                avicredentials: {username: u, authtoken: tok, certificateAuthorityData: PEM}
                nodePortSelector: {key: role, value: edge}
                akoCamel:
                  controllerInsecureSkipVerify: true
                  honourLegacyIngressClassAnnotation: true
                  ingressClassName: avi
                  workers: 4
                  aviSessions: 16
                  debounceMillis: 50
                  callTimeoutSeconds: 5
                  retry: {initialDelayMillis: 10, maxDelayMillis: 20, maxAttempts: 2, slowRetrySeconds: 3}
                  kubernetesResyncSeconds: 60
                  logFormat: json
                """);

        var ako = s.akoSettings();
        assertThat(ako.clusterName()).isEqualTo("c_2");
        assertThat(ako.layer7Only()).isTrue();
        assertThat(ako.fullSyncFrequency()).isEqualTo(300);
        assertThat(ako.logLevel()).isEqualTo("DEBUG");
        assertThat(ako.deleteConfig()).isTrue();
        assertThat(ako.disableStaticRouteSync()).isTrue();
        assertThat(ako.cniPlugin()).isEqualTo("antrea");
        assertThat(ako.namespaceSelector()).isEqualTo(new Settings.NamespaceSelector("team", "web"));
        assertThat(ako.blockedNamespaceList()).containsExactly("kube-system", "avi-system");
        assertThat(ako.apiServerPort()).isEqualTo(9090);
        assertThat(ako.enableEvents()).isFalse();
        assertThat(s.networkSettings().vipNetworkList()).containsExactly(new VipNetwork("", "dvportgroup-1", "10.1.0.0/16", "2001:db8::/64"));
        assertThat(s.networkSettings().nodeNetworkList()).containsExactly(new Settings.NodeNetwork("nodes", "", List.of("10.2.0.0/16")));
        assertThat(s.networkSettings().defaultDomain()).isEqualTo("example.com");
        assertThat(s.l7Settings()).isEqualTo(new Settings.L7Settings(ServiceType.NodePortLocal, ShardSize.DEDICATED, false, ShardSize.MEDIUM, true));
        assertThat(s.controllerSettings()).isEqualTo(new Settings.ControllerSettings("https://avi.example.com:8443", "30.2.1", "c", "seg", "t", "v"));
        assertThat(s.aviCredentials().authtoken().reveal()).isEqualTo("tok");
        assertThat(s.aviCredentials().hasToken()).isTrue();
        assertThat(s.aviCredentials().certificateAuthorityData()).isEqualTo("PEM");
        assertThat(s.nodePortSelector()).isEqualTo(new Settings.NodePortSelector("role", "edge"));
        var camel = s.akoCamel();
        assertThat(camel.controllerInsecureSkipVerify()).isTrue();
        assertThat(camel.honourLegacyIngressClassAnnotation()).isTrue();
        assertThat(camel.ingressClassName()).isEqualTo("avi");
        assertThat(camel.workers()).isEqualTo(4);
        assertThat(camel.aviSessions()).isEqualTo(16);
        assertThat(camel.debounce()).isEqualTo(Duration.ofMillis(50));
        assertThat(camel.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(camel.retry()).isEqualTo(new Settings.Retry(Duration.ofMillis(10), Duration.ofMillis(20), 2, Duration.ofSeconds(3)));
        assertThat(camel.kubernetesResync()).isEqualTo(Duration.ofSeconds(60));
        assertThat(camel.logFormat()).isEqualTo("json");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "CTRL_IPADDRESS         | 10.1.1.1       | ControllerSettings.controllerHost",
            "CTRL_VERSION           | 22.1.3         | ControllerSettings.controllerVersion",
            "CLUSTER_NAME           | from-env       | AKOSettings.clusterName",
            "SERVICE_TYPE           | NodePort       | L7Settings.serviceType",
            "SHARD_VS_SIZE          | SMALL          | L7Settings.shardVSSize",
            "SEG_NAME               | seg-env        | ControllerSettings.serviceEngineGroupName",
            "CLOUD_NAME             | cloud-env      | ControllerSettings.cloudName",
            "TENANT_NAME            | tenant-env     | ControllerSettings.tenantName",
            "VRF_NAME               | vrf-env        | ControllerSettings.vrfName",
            "FULL_SYNC_INTERVAL     | 60             | AKOSettings.fullSyncFrequency",
            "DEFAULT_DOMAIN         | env.example    | NetworkSettings.defaultDomain",
            "CNI_PLUGIN             | calico         | AKOSettings.cniPlugin",
            "BLOCKED_NS_LIST        | '[\"a\",\"b\"]' | AKOSettings.blockedNamespaceList",
            "NODE_KEY               | zone           | nodePortSelector.key",
            "AKO_API_PORT           | 9999           | AKOSettings.apiServerPort",
            "AKO_CAMEL_WORKERS      | 3              | akoCamel.workers",
            "AKO_CAMEL_AVI_SESSIONS | 2              | akoCamel.aviSessions",
    })
    void akoEnvironmentVariableOverridesTheValuesFile(String env, String value, String path) {
        String yaml = MINIMAL + """
                ControllerSettings: {controllerHost: 10.9.9.9, controllerVersion: 22.1.2}
                avicredentials: {username: admin, password: x}
                """;
        Settings fromFile = SettingsLoader.defaults().values(yaml).load();
        Settings fromEnv = SettingsLoader.defaults().values(yaml).environment(Map.of(env, value)).load();

        assertThat(read(fromEnv, path)).isNotEqualTo(read(fromFile, path));
        assertThat(String.valueOf(read(fromEnv, path))).isEqualTo(value.replace("[\"a\",\"b\"]", "[a, b]"));
    }

    private static Object read(Settings s, String path) {
        return switch (path) {
            case "ControllerSettings.controllerHost" -> s.controllerSettings().controllerHost();
            case "ControllerSettings.controllerVersion" -> s.controllerSettings().controllerVersion();
            case "AKOSettings.clusterName" -> s.akoSettings().clusterName();
            case "L7Settings.serviceType" -> s.l7Settings().serviceType();
            case "L7Settings.shardVSSize" -> s.l7Settings().shardVSSize();
            case "ControllerSettings.serviceEngineGroupName" -> s.controllerSettings().serviceEngineGroupName();
            case "ControllerSettings.cloudName" -> s.controllerSettings().cloudName();
            case "ControllerSettings.tenantName" -> s.controllerSettings().tenantName();
            case "ControllerSettings.vrfName" -> s.controllerSettings().vrfName();
            case "AKOSettings.fullSyncFrequency" -> s.akoSettings().fullSyncFrequency();
            case "NetworkSettings.defaultDomain" -> s.networkSettings().defaultDomain();
            case "AKOSettings.cniPlugin" -> s.akoSettings().cniPlugin();
            case "AKOSettings.blockedNamespaceList" -> s.akoSettings().blockedNamespaceList();
            case "nodePortSelector.key" -> s.nodePortSelector().key();
            case "AKOSettings.apiServerPort" -> s.akoSettings().apiServerPort();
            case "akoCamel.workers" -> s.akoCamel().workers();
            case "akoCamel.aviSessions" -> s.akoCamel().aviSessions();
            default -> throw new IllegalArgumentException(path);
        };
    }

    @Test
    void vipNetworkListFromEnvironmentIsJson() {
        Settings s = SettingsLoader.defaults()
                .environment(Map.of("VIP_NETWORK_LIST", "[{\"networkName\":\"env-net\",\"cidr\":\"10.3.0.0/24\"}]"))
                .load();

        assertThat(s.networkSettings().vipNetworkList()).containsExactly(new VipNetwork("env-net", "", "10.3.0.0/24", ""));
    }

    @Test
    void credentialsComeFromAviEnvironmentVariables() {
        Settings s = SettingsLoader.defaults().values(MINIMAL)
                .environment(Map.of("AVI_USERNAME", "ops", "AVI_PASSWORD", "pw", "AVI_CA_DATA", "CA"))
                .load();

        assertThat(s.aviCredentials().username()).isEqualTo("ops");
        assertThat(s.aviCredentials().password().reveal()).isEqualTo("pw");
        assertThat(s.aviCredentials().certificateAuthorityData()).isEqualTo("CA");
    }

    @Test
    void configMapKeysOverrideTheValuesFileAndEnvironmentOverridesTheConfigMap() {
        Settings s = SettingsLoader.defaults().values(MINIMAL)
                .configMap(Map.of("clusterName", "from-cm", "shardVSSize", "MEDIUM", "controllerIP", "10.4.4.4",
                        "vipNetworkList", "[{\"networkName\":\"cm-net\"}]", "logLevel", "INFO", "deleteConfig", "true"))
                .aviSecret(Map.of("username", "secret-user", "password", "secret-pw"))
                .environment(Map.of("SHARD_VS_SIZE", "SMALL"))
                .load();

        assertThat(s.akoSettings().clusterName()).isEqualTo("from-cm");
        assertThat(s.akoSettings().logLevel()).isEqualTo("INFO");
        assertThat(s.akoSettings().deleteConfig()).isTrue();
        assertThat(s.l7Settings().shardVSSize()).isEqualTo(ShardSize.SMALL);
        assertThat(s.controllerSettings().controllerHost()).isEqualTo("10.4.4.4");
        assertThat(s.networkSettings().vipNetworkList()).extracting(VipNetwork::networkName).containsExactly("cm-net");
        assertThat(s.aviCredentials().username()).isEqualTo("secret-user");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "clusterName with a space   | AKOSettings: {clusterName: 'a b'}                         | AKOSettings.clusterName: 'a b'",
            "empty clusterName          | AKOSettings: {clusterName: ''}                            | AKOSettings.clusterName: ''",
            "serviceType                | L7Settings: {serviceType: LoadBalancer}                   | L7Settings.serviceType: 'LoadBalancer' is not allowed; expected one of ClusterIP, NodePort, NodePortLocal",
            "shardVSSize                | L7Settings: {shardVSSize: HUGE}                           | L7Settings.shardVSSize: 'HUGE' is not allowed; expected one of LARGE, MEDIUM, SMALL, DEDICATED",
            "passthroughShardSize       | L7Settings: {passthroughShardSize: DEDICATED}             | L7Settings.passthroughShardSize: 'DEDICATED'",
            "layer7Only not a boolean   | AKOSettings: {layer7Only: yes please}                     | AKOSettings.layer7Only: 'yes please' is not allowed; expected true or false",
            "fullSyncFrequency          | AKOSettings: {fullSyncFrequency: often}                   | AKOSettings.fullSyncFrequency: 'often'",
            "logLevel                   | AKOSettings: {logLevel: LOUD}                             | AKOSettings.logLevel: 'LOUD'",
            "cniPlugin                  | AKOSettings: {cniPlugin: weave}                           | AKOSettings.cniPlugin: 'weave'",
            "apiServerPort              | AKOSettings: {apiServerPort: 70000}                       | AKOSettings.apiServerPort: '70000' is not allowed; expected a whole number from 1 to 65535",
            "controllerHost             | ControllerSettings: {controllerHost: 'ftp://x'}           | ControllerSettings.controllerHost: 'ftp://x'",
            "controllerHost bad port    | ControllerSettings: {controllerHost: 'avi:99999'}         | ControllerSettings.controllerHost: 'avi:99999'",
            "controllerVersion          | ControllerSettings: {controllerVersion: latest}           | ControllerSettings.controllerVersion: 'latest'",
            "empty cloudName            | ControllerSettings: {cloudName: ''}                       | ControllerSettings.cloudName: ''",
            "list where a value belongs | ControllerSettings: {tenantName: [a]}                     | ControllerSettings.tenantName: '[\"a\"]' is not allowed; expected a single value",
            "workers                    | akoCamel: {workers: 0}                                    | akoCamel.workers: '0'",
            "aviSessions above 64       | akoCamel: {aviSessions: 65}                               | akoCamel.aviSessions: '65'",
            "logFormat                  | akoCamel: {logFormat: xml}                                | akoCamel.logFormat: 'xml'",
            "brake share above 1        | akoCamel: {deletionBrake: {maxShare: 1.5}}                | akoCamel.deletionBrake.maxShare: '1.5' is not allowed; expected a number from 0 to 1",
            "brake share not a number   | akoCamel: {deletionBrake: {maxShare: half}}               | akoCamel.deletionBrake.maxShare: 'half' is not allowed",
            "lease duration, no unit    | akoCamel: {leaderElection: {leaseDuration: 15}}           | akoCamel.leaderElection.leaseDuration: '15' is not allowed; expected a duration such as 15s",
            "renew deadline too long    | akoCamel: {leaderElection: {renewDeadline: 15s}}          | akoCamel.leaderElection.renewDeadline: '15s' is not allowed; expected a duration shorter than akoCamel.leaderElection.leaseDuration (15s)",
            "retry period too long      | akoCamel: {leaderElection: {retryPeriod: 10000ms}}        | akoCamel.leaderElection.retryPeriod: '10000ms' is not allowed; expected a duration shorter than akoCamel.leaderElection.renewDeadline (10s)",
    })
    void invalidValueIsReportedWithKeyValueAndWhatIsAllowed(String what, String yaml, String expected) {
        SettingsException e = failure(MINIMAL + "avicredentials: {username: a, password: b}\n" + yaml);

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0)).startsWith(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty list         | []                                            | NetworkSettings.vipNetworkList: '[]' is not allowed; expected at least one network",
            "neither name nor uuid | [{cidr: 10.0.0.0/24}]                     | NetworkSettings.vipNetworkList[0]: {\"cidr\":\"10.0.0.0/24\"} has neither networkName nor networkUUID",
            "bad cidr           | [{networkName: n, cidr: 10.0.0.300/24}]       | NetworkSettings.vipNetworkList[0].cidr: '10.0.0.300/24' is not allowed",
            "v6 as cidr         | [{networkName: n, cidr: 'fd00:10::/64'}]      | NetworkSettings.vipNetworkList[0].cidr: 'fd00:10::/64' is not allowed",
            "bad v6cidr         | [{networkName: n, v6cidr: 'fd00:zz::/64'}]    | NetworkSettings.vipNetworkList[0].v6cidr: 'fd00:zz::/64' is not allowed",
            "v4 as v6cidr       | [{networkName: n, v6cidr: 10.0.0.0/24}]       | NetworkSettings.vipNetworkList[0].v6cidr: '10.0.0.0/24' is not allowed",
    })
    void invalidVipNetworkListIsReported(String what, String list, String expected) {
        SettingsException e = failure("NetworkSettings: {vipNetworkList: " + list + "}");

        assertThat(e.problems()).singleElement().asString().startsWith(expected);
    }

    @ParameterizedTest
    @CsvSource({"avi.example.com", "10.0.0.1", "10.0.0.1:9443", "https://avi.example.com", "http://127.0.0.1:9443", "https://[fd00::1]:443/"})
    void controllerHostMayBeAHostAHostPortOrAUrl(String host) {
        Settings s = load(MINIMAL + "ControllerSettings: {controllerHost: '" + host + "'}\navicredentials: {username: a, password: b}\n");

        assertThat(s.controllerSettings().controllerUri().getScheme()).isIn("https", "http");
    }

    @Test
    void controllerUriDefaultsToHttps() {
        Settings s = load(MINIMAL + "ControllerSettings: {controllerHost: '10.0.0.1:9443'}\navicredentials: {username: a, password: b}\n");

        assertThat(s.controllerSettings().controllerUri()).hasToString("https://10.0.0.1:9443");
    }

    @Test
    void aControllerNeedsCredentials() {
        SettingsException e = failure(MINIMAL + "ControllerSettings: {controllerHost: avi.example.com}\n");

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).startsWith("avicredentials.username: is empty");
        assertThat(e.problems().get(1)).startsWith("avicredentials.password: neither a password nor an authtoken");
    }

    @Test
    void everyMistakeIsReportedAtOnceAndNoSecretIsShown() {
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> SettingsLoader.defaults().valuesFile(Path.of("src/test/resources/values/three-mistakes.yaml")).load());

        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).startsWith("3 configuration error(s):")
                .contains("AKOSettings.clusterName: 'cluster 1'", "L7Settings.serviceType: 'LoadBalancer'", "L7Settings.shardVSSize: 'HUGE'")
                .doesNotContain("s3cr3t-Passw0rd");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> load("AKOSettings:\n  clusterName: [unclosed\n"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("values file is not valid YAML at line");
    }

    @Test
    void missingValuesFileIsAClearError() {
        assertThatThrownBy(() -> SettingsLoader.defaults().valuesFile(Path.of("no/such/values.yaml")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--values no/such/values.yaml: cannot read the file");
    }

    @Test
    void secretValueNeverPrintsItself() {
        Settings s = SettingsLoader.defaults().values(MINIMAL + "avicredentials: {username: admin, password: hunter2}\n").load();

        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(s.aviCredentials().password()).hasToString("<redacted>");
    }
}
