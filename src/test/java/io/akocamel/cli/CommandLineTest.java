package io.akocamel.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AkoCamel.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void valuesFileWithThreeMistakesPrintsThreeErrorsAndExitsTwo() {
        int code = run("run", "--values", "src/test/resources/values/three-mistakes.yaml");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().filter(l -> l.startsWith("  - "))).hasSize(3);
        assertThat(err.toString())
                .contains("AKOSettings.clusterName: 'cluster 1' is not allowed")
                .contains("L7Settings.serviceType: 'LoadBalancer' is not allowed")
                .contains("L7Settings.shardVSSize: 'HUGE' is not allowed")
                .doesNotContain("Exception", "\tat ", "s3cr3t-Passw0rd");
    }

    @Test
    void missingValuesFileExitsTwo() {
        assertThat(run("run", "--values", "does-not-exist.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("--values does-not-exist.yaml: cannot read the file");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("run", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void runHelpSaysWhereTheConfigurationReferenceIs() {
        int code = run("run", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--routes-dir", "The configuration reference", "docs/configuration.md", "application.properties");
    }
}
