package io.akocamel.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the machine's kubectl against an embedded Kubernetes API, with no kubeconfig. Without kubectl on the PATH a test
 * is skipped with that reason; on CI ({@code CI=true}) it fails instead, so that CI never skips these tests silently.
 */
final class Kubectl {
    private static final String PATH = System.getenv().getOrDefault("PATH", "");

    private Kubectl() {
    }

    static void assumeInstalled() {
        String missing = "kubectl not on PATH: " + PATH;
        if (binary().isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing + " (CI=true: the kubectl tests must run)");
        }
        assumeTrue(binary().isPresent(), missing);
    }

    static String run(String serverUrl, String... args) throws IOException, InterruptedException {
        Process p = start(serverUrl, args);
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Runs kubectl and asserts it exits 0; returns its output. */
    static String succeeds(String serverUrl, String... args) throws IOException, InterruptedException {
        Process p = start(serverUrl, args);
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl %s exit code; output:%n%s", String.join(" ", args), out).isZero();
        return out;
    }

    /** Starts a long-running kubectl ({@code get -w}); its output so far is in {@code output}, stdout and stderr together. */
    static Process watch(String serverUrl, StringBuffer output, String... args) throws IOException {
        Process p = start(serverUrl, args);
        Thread reader = new Thread(() -> {
            try (var in = p.getInputStream()) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    output.append(new String(buffer, 0, n));
                }
            } catch (IOException e) {
                output.append(e);
            }
        }, "kubectl-watch");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    /** A manifest of an Ingress in {@code default} that sends every path of {@code host} to the Service {@code web}. */
    static Path ingressManifest(String name, String host) throws IOException {
        Path manifest = Files.createTempFile(name, ".yaml");
        Files.writeString(manifest, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: %s, namespace: default}
                spec:
                  rules:
                  - host: %s
                    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
                """.formatted(name, host));
        return manifest;
    }

    private static Process start(String serverUrl, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary().orElseThrow().toString(), "--server", serverUrl, "--cache-dir",
                Files.createTempDirectory("kubectl").toString(), "-n", "default"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", "/dev/null");
        Process p = builder.start();
        p.getOutputStream().close();
        return p;
    }

    private static Optional<Path> binary() {
        return Stream.of(PATH.split(File.pathSeparator)).filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable).findFirst();
    }
}
