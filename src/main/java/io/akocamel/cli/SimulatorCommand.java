package io.akocamel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Runs the embedded Avi Controller simulator on its own. */
@Command(name = "simulator", description = "Run the Avi Controller simulator standalone.")
public class SimulatorCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9443", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        System.out.println("simulator: not built yet (issue 2)");
        return 0;
    }
}
