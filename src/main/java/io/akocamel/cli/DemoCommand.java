package io.akocamel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** The one-command demo: embedded Kubernetes API + embedded Avi simulator + the manifests in examples/. */
@Command(name = "demo", description = "Run the controller against an embedded Kubernetes API and an embedded Avi Controller simulator.")
public class DemoCommand implements Callable<Integer> {
    @Option(names = "--kubernetes-port", defaultValue = "6443", description = "Embedded Kubernetes API port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int kubernetesPort = 6443;

    @Option(names = "--avi-port", defaultValue = "9443", description = "Embedded Avi Controller port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int aviPort = 9443;

    @Option(names = "--management-port", defaultValue = "8080", description = "Health and metrics port (default ${DEFAULT-VALUE}).")
    int managementPort = 8080;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        out.println("Starting the embedded Kubernetes API (127.0.0.1:" + kubernetesPort + "), the Avi Controller simulator (127.0.0.1:"
                + aviPort + ") and the controller ...");
        out.flush();
        Demo demo = Demo.start(kubernetesPort, aviPort, managementPort, Duration.ofSeconds(120));
        demo.printSummary(out);
        UntilStopped.await(demo, "ako-camel-demo-shutdown");
        return 0;
    }
}
