package io.akocamel.testing;

import io.akocamel.config.ServiceType;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsException;
import io.akocamel.config.ShardSize;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSettingsTest {
    @Test
    void theBaseIsClusterOneWithOneVipNetworkAndProductionDefaultsElsewhere() {
        Settings settings = TestSettings.builder().build();

        assertThat(settings.akoSettings().clusterName()).isEqualTo("cluster-1");
        assertThat(settings.networkSettings().vipNetworkList()).singleElement()
                .satisfies(n -> assertThat(n.networkName() + " " + n.cidr()).isEqualTo("vip-net 10.10.10.0/24"));
        assertThat(settings.controllerSettings().cloudName()).isEqualTo("Default-Cloud");
        assertThat(settings.akoCamel().callTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void builderMethodsSetTheirValuesKeys() {
        Settings settings = TestSettings.builder().controller("http://127.0.0.1:9443").seedCloud().serviceType(ServiceType.NodePort)
                .shardSize(ShardSize.SMALL).nodePortSelector("pool", "yes").token("tok").build();

        assertThat(settings.controllerSettings().controllerHost()).isEqualTo("http://127.0.0.1:9443");
        assertThat(settings.controllerSettings().cloudName()).isEqualTo("vcenter-cloud");
        assertThat(settings.networkSettings().vipNetworkList().get(0).networkName()).isEqualTo("vip-network");
        assertThat(settings.l7Settings().serviceType()).isEqualTo(ServiceType.NodePort);
        assertThat(settings.l7Settings().shardVSSize()).isEqualTo(ShardSize.SMALL);
        assertThat(settings.nodePortSelector().key() + "=" + settings.nodePortSelector().value()).isEqualTo("pool=yes");
        assertThat(settings.aviCredentials().hasToken()).isTrue();
        assertThat(settings.aviCredentials().password().isEmpty()).isTrue();
    }

    @Test
    void quickRetriesAreBelowWhatValuesYamlCanSay() {
        Settings.AkoCamelSettings camel = TestSettings.builder().quickRetries().build().akoCamel();

        assertThat(camel.callTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(camel.retry()).isEqualTo(new Settings.Retry(Duration.ofMillis(20), Duration.ofMillis(80), 3, Duration.ofMillis(300)));
        assertThat(camel.workers()).isEqualTo(2);
    }

    @Test
    void theProductionValidationApplies() {
        assertThatThrownBy(() -> TestSettings.builder().vipNetwork("vip-net", "10.10.10.0/33").build())
                .isInstanceOf(SettingsException.class).hasMessageContaining("NetworkSettings.vipNetworkList[0].cidr");
    }
}
