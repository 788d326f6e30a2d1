package io.akocamel.simulator;

import io.akocamel.cli.SimulatorCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorCommandTest {

    private static String run(SimulatorCommand command, ThrowingCheck check, String... args) {
        new CommandLine(command).parseArgs(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AviSimulator simulator = command.start(new PrintStream(out, true, StandardCharsets.UTF_8))) {
            check.accept(simulator);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingCheck {
        void accept(AviSimulator simulator);
    }

    @Test
    void standaloneSimulatorPrintsItsUrlAndAcceptsTheDefaultLogin() {
        String printed = run(new SimulatorCommand(), simulator -> {
            AviClient client = new AviClient(simulator).login();
            assertThat(client.post("/api/pool", "{\"name\":\"standalone\"}").status()).isEqualTo(201);
        }, "--port", "0");

        assertThat(printed).containsPattern("listening on http://127\\.0\\.0\\.1:\\d+")
                .contains("log in as 'admin'").contains("avi123");
    }

    @Test
    void givenCredentialsAreUsedAndThePasswordIsNeverPrinted() {
        String printed = run(new SimulatorCommand(), simulator -> {
            assertThat(new AviClient(simulator).login("operator", "s3cr3t-pass").status()).isEqualTo(200);
            assertThat(new AviClient(simulator).login("admin", "avi123").status()).isEqualTo(401);
        }, "--port", "0", "--username", "operator", "--password", "s3cr3t-pass");

        assertThat(printed).contains("operator").doesNotContain("s3cr3t-pass");
    }

    @Test
    void httpsAndTheControllerVersionAreOptions() {
        String printed = run(new SimulatorCommand(), simulator -> {
            assertThat(simulator.baseUrl()).startsWith("https://");
            assertThat(simulator.controllerVersion()).isEqualTo("30.2.1");
        }, "--port", "0", "--https", "--controller-version", "30.2.1");

        assertThat(printed).contains("BEGIN CERTIFICATE").contains("curl -k");
    }
}
