package io.akocamel.cli;

import io.akocamel.simulator.AviSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** Runs the embedded Avi Controller simulator on its own until Ctrl-C. */
@Command(name = "simulator", description = "Run the Avi Controller simulator standalone (until Ctrl-C).")
public class SimulatorCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9443", description = "Port on 127.0.0.1; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--https", description = "Serve HTTPS with a self-signed certificate made at start (default HTTP).")
    boolean https;

    @Option(names = "--username", defaultValue = AviSimulator.DEFAULT_USERNAME, description = "Login user (default ${DEFAULT-VALUE}).")
    String username;

    @Option(names = "--password", description = "Login password (default " + AviSimulator.DEFAULT_PASSWORD + ").")
    String password;

    @Option(names = "--controller-version", defaultValue = AviSimulator.DEFAULT_VERSION,
            description = "Controller version reported, newest X-Avi-Version accepted (default ${DEFAULT-VALUE}).")
    String controllerVersion;

    @Override
    public Integer call() throws InterruptedException {
        AviSimulator simulator;
        try {
            simulator = start(System.out);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("simulator: cannot start on 127.0.0.1:" + port + ": " + e.getMessage());
            return 1;
        }
        UntilStopped.await(simulator, "simulator-shutdown");
        return 0;
    }

    /** Starts the simulator as configured and prints where it is and how to log in (never the password itself). */
    public AviSimulator start(PrintStream out) {
        AviSimulator simulator = AviSimulator.builder()
                .port(port)
                .https(https)
                .username(username)
                .password(password != null ? password : AviSimulator.DEFAULT_PASSWORD)
                .controllerVersion(controllerVersion)
                .build()
                .start();
        String url = simulator.baseUrl();
        out.println("Avi Controller simulator " + simulator.controllerVersion() + " listening on " + url);
        out.println("  log in as '" + username + "' with "
                + (password != null ? "the password given with --password" : "the default password " + AviSimulator.DEFAULT_PASSWORD)
                + ", e.g.:");
        out.println("  curl" + (https ? " -k" : "") + " -c cookies -X POST " + url
                + "/login -H 'Content-Type: application/json' -d '{\"username\":\"" + username
                + "\",\"password\":\"...\"}'");
        out.println("  then: curl" + (https ? " -k" : "") + " -b cookies " + url + "/api/cloud");
        out.println("  faults: curl -X POST " + url + "/simulator/faults -d '{\"outageMs\":5000}'; DNS: " + url
                + "/simulator/dns");
        simulator.certificatePem().ifPresent(pem -> out.println("  self-signed certificate:\n" + pem));
        out.println("Ctrl-C stops it.");
        return simulator;
    }
}
