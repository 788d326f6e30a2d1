package io.akocamel.cli;

import io.akocamel.config.Settings;
import io.akocamel.kube.LeaseElection;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code kubernetes --port P}: the embedded API alone, with a kubeconfig that controller processes share. */
class KubernetesCommandTest {
    private static final Settings.LeaderElection TIMING = new Settings.LeaderElection(Duration.ofSeconds(2), Duration.ofMillis(1500),
            Duration.ofMillis(200));
    private final List<AutoCloseable> started = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void theKubeconfigItPrintsReachesTheApi() throws Exception {
        Path kubeconfig = startApi();

        KubernetesClient client = client(kubeconfig);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("avi-system").endMetadata().build()).create();

        assertThat(client.namespaces().withName("avi-system").get()).isNotNull();
    }

    @Test
    void twoReplicasElectOneLeaderWithNothingButTheLease() throws Exception {
        Path kubeconfig = startApi();
        AtomicInteger elections = new AtomicInteger();
        LeaseElection first = election(kubeconfig, "ako-0", elections);
        LeaseElection second = election(kubeconfig, "ako-1", elections);

        assertThat(first.isLeader()).as("the first to start takes the free Lease").isTrue();
        assertThat(second.isLeader()).isFalse();
        assertThat(second.holder()).isEqualTo("ako-0");
        assertThat(client(kubeconfig).pods().inAnyNamespace().list().getItems()).isEmpty();

        long stopped = System.nanoTime();
        first.stop();

        await().atMost(TIMING.leaseDuration()).until(second::isLeader);
        System.out.println("takeover after the leader stopped: " + Duration.ofNanos(System.nanoTime() - stopped).toMillis() + " ms");
        assertThat(elections).hasValue(2);
        assertThat(client(kubeconfig).leases().inNamespace("avi-system").withName(LeaseElection.LEASE).get().getSpec().getHolderIdentity())
                .isEqualTo("ako-1");
    }

    private Path startApi() throws Exception {
        KubernetesCommand command = new KubernetesCommand();
        command.port = 0;
        command.kubeconfig = dir.resolve("kubeconfig.yaml");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        started.add(command.start(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("kubeconfig: " + command.kubeconfig);
        return command.kubeconfig;
    }

    private KubernetesClient client(Path kubeconfig) throws Exception {
        KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
        started.add(client);
        return client;
    }

    private LeaseElection election(Path kubeconfig, String pod, AtomicInteger elections) throws Exception {
        LeaseElection election = new LeaseElection(client(kubeconfig), "avi-system", pod, TIMING, elections::incrementAndGet);
        election.start();
        started.add(election::stop);
        return election;
    }
}
