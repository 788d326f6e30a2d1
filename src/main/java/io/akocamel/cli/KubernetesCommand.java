package io.akocamel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Runs the embedded Kubernetes API on its own until Ctrl-C, and writes a kubeconfig for it, so that several controller
 * processes ({@code run --kubeconfig FILE}) can share one API: two replicas electing a leader, a benchmark, a demo.
 */
@Command(name = "kubernetes", description = "Run the embedded Kubernetes API standalone (until Ctrl-C) and write a kubeconfig for it.")
public class KubernetesCommand implements Callable<Integer> {
    static final String NAME = "ako-camel-embedded";

    @Option(names = "--port", defaultValue = "6443", description = "Port on 127.0.0.1; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--kubeconfig", description = "Where to write the kubeconfig (default: ako-camel-kubeconfig-PORT.yaml in the "
            + "temporary directory).")
    Path kubeconfig;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKubernetes kubernetes;
        try {
            kubernetes = start(System.out);
        } catch (RuntimeException | IOException e) {
            System.err.println("kubernetes: cannot start on 127.0.0.1:" + port + ": " + e.getMessage());
            return 1;
        }
        UntilStopped.await(kubernetes, "kubernetes-shutdown");
        return 0;
    }

    /** Starts the API, writes the kubeconfig and prints where both are and how to use them. */
    public EmbeddedKubernetes start(PrintStream out) throws IOException {
        EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(port);
        Path file = kubeconfig != null ? kubeconfig : Path.of(System.getProperty("java.io.tmpdir"), "ako-camel-kubeconfig-" + kubernetes.port() + ".yaml");
        try {
            Files.writeString(file, kubeconfig(kubernetes.url()));
        } catch (IOException e) {
            kubernetes.close();
            throw new IOException("cannot write the kubeconfig " + file + ": " + e.getMessage(), e);
        }
        out.println("Embedded Kubernetes API (fabric8 CRUD mock) listening on " + kubernetes.url());
        out.println("  kubeconfig: " + file);
        out.println("  controllers: java -jar target/ako-camel.jar run --kubeconfig " + file + " --values examples/values.yaml ...");
        out.println("  two replicas: run each with its own POD_NAME (ako-0, ako-1) and AKO_API_PORT; one leader writes (Lease "
                + "avi-system/ako-lease-lock)");
        out.println("  kubectl --kubeconfig " + file + " get leases -A");
        out.println("Ctrl-C stops it.");
        return kubernetes;
    }

    static String kubeconfig(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster: {server: "%2$s"}
                users:
                - name: %1$s
                  user: {}
                contexts:
                - name: %1$s
                  context: {cluster: %1$s, user: %1$s, namespace: default}
                current-context: %1$s
                """.formatted(NAME, server);
    }
}
