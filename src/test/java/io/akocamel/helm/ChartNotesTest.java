package io.akocamel.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A values file with keys ako-camel does not use installs, and the notes say which keys had no effect. */
class ChartNotesTest {

    @Test
    void notesShowHowToCheckThePod() {
        String notes = Chart.notes(i -> i.withValuesFile(Chart.SEED_VALUES));

        assertThat(notes).contains("kubectl get pods -n avi-system", "# ako-0", "StatefulSet ako")
                .doesNotContain("WARNING", "Ignored", "create Secret avi-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "examples/values.yaml", "src/test/resources/helm/ako-default-values.yaml"})
    void chartAndAkoDefaultsListNoIgnoredKeys(String valuesFile) {
        String notes = Chart.notes(i -> valuesFile.isEmpty() ? i : i.withValuesFile(Path.of(valuesFile)));

        assertThat(notes).doesNotContain("Ignored");
    }

    @ParameterizedTest
    @CsvSource({
            "AKOSettings.enableEVH, true",
            "featureGates.GatewayAPI, true",
            "AKOSettings.primaryInstance, false",
            "L4Settings.autoFQDN, flat",
            "NetworkSettings.bgpPeerLabels[0], peer-1",
            "persistentVolumeClaim, ako-logs"})
    void akoFeatureThatIsSetIsListedAsIgnored(String key, String value) {
        String notes = Chart.notes(i -> i.set(key, value));

        String listed = key.replaceAll("\\[\\d+]$", "");
        assertThat(notes).contains("Ignored (AKO features ako-camel does not have")
                .containsOnlyOnce("  - " + listed + "\n");
    }

    @Test
    void unknownKeysAreListedAndFreeFormMapsAreNot() {
        String notes = Chart.notes(i -> i.set("AKOSettings.enableEVHH", "true").set("someTool.enabled", "true")
                .set("resources.limits.ephemeral-storage", "1Gi").set("nodeSelector.zone", "a")
                .set("akoCamel.routes.files.extra\\.camel\\.yaml", "- route: {from: {uri: 'timer:x', steps: [{log: x}]}}"));

        assertThat(notes).contains("Ignored (keys this chart does not know; check their spelling):\n  - AKOSettings.enableEVHH\n  - someTool\n")
                .doesNotContain("ephemeral-storage", "zone", "extra");
    }

    @Test
    void akoDefaultValuesWarnAboutWhatMustBeEdited() {
        String notes = Chart.notes(i -> i.withValuesFile(Chart.AKO_DEFAULT_VALUES));

        assertThat(notes).contains("ControllerSettings.controllerHost is empty", "NetworkSettings.vipNetworkList is empty",
                "AKOSettings.clusterName is still the default", "kubectl create secret generic avi-secret -n avi-system");
    }
}
