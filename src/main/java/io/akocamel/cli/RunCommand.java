package io.akocamel.cli;

import io.akocamel.app.ControllerApp;
import io.akocamel.config.PodConfiguration;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.simulator.AviSimulator;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The controller itself, configured like AKO: values file, then (in a pod) the avi-k8s-config ConfigMap and the
 * avi-secret Secret, then AKO's environment variables. Either end may be the embedded one.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the controller against a Kubernetes cluster and an Avi Controller.",
        footer = {"", "The configuration reference, every setting with its values.yaml key, environment variable, default and "
                + "allowed values: docs/configuration.md in the ako-camel sources (generated from the code).",
                "Camel's own settings (management server, JMX, Jolokia): src/main/resources/application.properties, "
                + "overridable with -Dcamel.* or CAMEL_* environment variables; live route reload: docs/routes.md."})
public class RunCommand implements Callable<Integer> {
    /** Exit code after the avi-secret Secret changed: the pod restarts with the new credentials, as AKO does. */
    public static final int RESTART = 3;
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--values", description = "An AKO-style values.yaml.")
    Path values;

    @ArgGroup(exclusive = true)
    KubernetesEnd kubernetes = new KubernetesEnd();

    static class KubernetesEnd {
        @Option(names = "--kubeconfig", description = "A kubeconfig file (default: in-cluster configuration, then ~/.kube/config).")
        Path kubeconfig;

        @Option(names = "--embedded-kubernetes", paramLabel = "PORT", description = "Serve an embedded Kubernetes API on 127.0.0.1:PORT.")
        Integer embeddedPort;
    }

    @Option(names = "--embedded-avi", paramLabel = "PORT", description = "Serve the Avi Controller simulator on 127.0.0.1:PORT and use it.")
    Integer embeddedAvi;

    @Option(names = "--routes-dir", description = "Load *.camel.yaml routes from this directory instead of the packaged ones "
            + "(default: env " + ControllerApp.ROUTES_DIR_ENV + ").")
    Path routesDir;

    @Override
    public Integer call() throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            KubernetesClient client = kubernetesClient(resources);
            SettingsLoader loader = SettingsLoader.defaults();
            if (values != null) {
                loader.valuesFile(values);
            }
            Optional<PodConfiguration> pod = PodConfiguration.forPod(client, System.getenv());
            pod.ifPresent(p -> p.readInto(loader));
            loader.environment(System.getenv());
            if (embeddedAvi != null) {
                AviSimulator avi = AviSimulator.builder().port(embeddedAvi).build().start();
                resources.add(0, avi);
                loader.override("ControllerSettings.controllerHost", avi.baseUrl())
                        .override("avicredentials.username", AviSimulator.DEFAULT_USERNAME)
                        .override("avicredentials.password", AviSimulator.DEFAULT_PASSWORD);
            }
            Settings settings = loader.load();
            if (settings.controllerSettings().controllerHost().isEmpty()) {
                throw new io.akocamel.config.SettingsException(List.of("ControllerSettings.controllerHost: is empty; set the Avi "
                        + "Controller address (values ControllerSettings.controllerHost, env CTRL_IPADDRESS) or use --embedded-avi PORT"));
            }
            ControllerApp app = ControllerApp.start(settings, client, routesDirectory());
            resources.add(0, app);
            CountDownLatch stop = new CountDownLatch(1);
            int[] exitCode = {0};
            pod.ifPresent(p -> resources.add(0, p.watchAviSecret(reason -> {
                LOG.warn("avi-secret changed ({}): restarting to use the new credentials", reason);
                exitCode[0] = RESTART;
                stop.countDown();
            })));
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "ako-camel-shutdown"));
            LOG.info("ako-camel running for cluster {} against {}", settings.akoSettings().clusterName(),
                    settings.controllerSettings().controllerUri());
            stop.await();
            return exitCode[0];
        } finally {
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        }
    }

    private KubernetesClient kubernetesClient(List<AutoCloseable> resources) throws IOException {
        if (kubernetes.embeddedPort != null) {
            EmbeddedKubernetes kube = EmbeddedKubernetes.start(kubernetes.embeddedPort);
            resources.add(kube);
            LOG.info("embedded Kubernetes API on {} (kubectl --server {})", kube.url(), kube.url());
            return kube.client();
        }
        KubernetesClient client = kubernetes.kubeconfig != null
                ? new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubernetes.kubeconfig))).build()
                : new KubernetesClientBuilder().build();
        resources.add(client);
        return client;
    }

    private Path routesDirectory() {
        if (routesDir != null) {
            return routesDir;
        }
        String fromEnv = System.getenv(ControllerApp.ROUTES_DIR_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
}
