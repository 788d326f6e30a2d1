package io.akocamel.helm;

import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart and the application cannot drift apart: what a values file says is what the pod's settings say. */
class ChartSettingsTest {

    private static Settings fromValuesFile(Path values) {
        return SettingsLoader.defaults().valuesFile(values).load();
    }

    @Test
    void seedValuesReachTheApplicationThroughConfigMapAndSecret() {
        Chart.Rendered chart = Chart.template(t -> t.withValuesFile(Chart.SEED_VALUES));

        Settings inPod = SettingsLoader.defaults().configMap(chart.aviConfig()).aviSecret(chart.aviSecret()).load();

        assertThat(inPod).isEqualTo(fromValuesFile(Chart.SEED_VALUES));
        assertThat(inPod.akoSettings().clusterName()).isEqualTo("cluster-1");
        assertThat(inPod.aviCredentials().password().reveal()).isEqualTo("avi123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/values.yaml", "src/test/resources/helm/every-setting.yaml"})
    void podSeesExactlyWhatTheValuesFileSays(String valuesFile) {
        Path values = Path.of(valuesFile);
        Chart.Rendered chart = Chart.template(t -> t.withValuesFile(values));

        Settings inPod = SettingsLoader.defaults().configMap(chart.aviConfig()).aviSecret(chart.aviSecret())
                .environment(chart.containerEnvironment()).load();

        assertThat(inPod).isEqualTo(fromValuesFile(values));
    }

    @Test
    void containerEnvironmentAloneCarriesEverySettingButTheOnesAkoReadsFromTheConfigMap() {
        Path values = Path.of("src/test/resources/helm/every-setting.yaml");
        Chart.Rendered chart = Chart.template(t -> t.withValuesFile(values));

        Settings fromEnvironment = SettingsLoader.defaults().environment(chart.containerEnvironment()).aviSecret(chart.aviSecret()).load();

        // as in AKO, these five are read from avi-k8s-config (some while running), never from the environment
        Settings expected = SettingsLoader.defaults().valuesFile(values)
                .override("AKOSettings.layer7Only", "false")
                .override("AKOSettings.logLevel", "WARN")
                .override("AKOSettings.deleteConfig", "false")
                .override("AKOSettings.enableEvents", "true")
                .override("L7Settings.noPGForSNI", "false")
                .load();
        assertThat(fromEnvironment).isEqualTo(expected);
    }

    @Test
    void chartDefaultsAreTheApplicationDefaults() {
        Chart.Rendered chart = Chart.template(t -> t
                .set("NetworkSettings.vipNetworkList[0].networkName", "vip-network"));

        Settings inPod = SettingsLoader.defaults().configMap(chart.aviConfig()).aviSecret(chart.aviSecret())
                .environment(chart.containerEnvironment()).load();

        assertThat(inPod).isEqualTo(SettingsLoader.defaults().values("""
                NetworkSettings:
                  vipNetworkList: [{networkName: vip-network}]
                """).load());
    }
}
