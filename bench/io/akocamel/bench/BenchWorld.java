package io.akocamel.bench;

import io.akocamel.app.ControllerApp;
import io.akocamel.config.Settings;
import io.akocamel.ops.ControllerMXBean;
import io.akocamel.simulator.AviSimulator;
import io.akocamel.testing.FreePort;
import io.akocamel.testing.MockKubernetes;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import javax.management.JMX;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * One benchmark world: the embedded Kubernetes API, the Avi simulator answering every call after the configured
 * latency, the controller with its real routes (started and stopped at will), what the controller asked of the
 * simulator ({@link AviCalls}) and when each Ingress got its status.
 */
final class BenchWorld implements AutoCloseable {
    static final String CLOUD = "vcenter-cloud";
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    final MockKubernetes kube = MockKubernetes.start();
    final AviSimulator avi = AviSimulator.builder().build().start();
    final AviCalls calls = new AviCalls();
    final BenchCluster cluster = new BenchCluster(kube.client());
    private final Settings settings;
    private final Map<String, Instant> statusSince = new ConcurrentHashMap<>();
    private final SharedIndexInformer<Ingress> statusWatch;
    private ControllerApp app;

    BenchWorld(BenchOptions options) {
        avi.faults().latency(options.latency());
        avi.onRequest(calls);
        settings = TestSettings.builder().controller(avi.baseUrl()).credentials(avi.username(), AviSimulator.DEFAULT_PASSWORD)
                .seedCloud().set("AKOSettings.layer7Only", "true").set("AKOSettings.apiServerPort", String.valueOf(FreePort.find()))
                .fullSyncSeconds(3600).set(options.sessionsSetting(), String.valueOf(options.sessions())).build();
        statusWatch = kube.client().network().v1().ingresses().inAnyNamespace().inform(new StatusHandler(), 0);
        cluster.createBase();
    }

    /** Starts the controller; returns when its Camel context runs (not yet ready). */
    void startController() throws Exception {
        app = ControllerApp.start(settings, kube.client(), null);
    }

    void stopController() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /** Runs {@code action} for 0 ≤ i < count on four threads (the Kubernetes mock answers several calls at once). */
    static void inParallel(int count, IntConsumer action) {
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(action)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Waits until the controller is ready (its first full sync done): when that was. */
    Instant awaitReady() {
        await("the controller to be ready", () -> app.components().initialSync().isDone());
        return Instant.now();
    }

    /** Waits until {@code count} Ingresses have a status: when the last of them got it. */
    Instant awaitStatuses(int count) {
        await(count + " Ingresses with status", () -> statusSince.size() >= count);
        return statusSince.values().stream().max(Instant::compareTo).orElseThrow();
    }

    /** When each Ingress first showed its status, in no order. */
    List<Instant> statusTimes() {
        return List.copyOf(statusSince.values());
    }

    /** Waits until the simulator heard no call for {@code quiet}. */
    void awaitQuiet(Duration quiet) {
        await("Avi calls to stop", () -> calls.lastCallAt().isBefore(Instant.now().minus(quiet)));
    }

    /** The controller's management bean (full syncs). */
    ControllerMXBean management() {
        try {
            return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                    new ObjectName("io.akocamel:type=Controller,context=ako-camel"), ControllerMXBean.class);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    AviState aviState() {
        return AviState.of(avi, CLOUD);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + TIMEOUT);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    @Override
    public void close() {
        stopController();
        statusWatch.stop();
        avi.close();
        kube.close();
    }

    /** Notes when each Ingress first showed a load-balancer status. */
    private final class StatusHandler implements ResourceEventHandler<Ingress> {
        @Override
        public void onAdd(Ingress ingress) {
            seen(ingress);
        }

        @Override
        public void onUpdate(Ingress before, Ingress ingress) {
            seen(ingress);
        }

        @Override
        public void onDelete(Ingress ingress, boolean finalStateUnknown) {
            statusSince.remove(key(ingress));
        }

        private void seen(Ingress ingress) {
            if (ingress.getStatus() != null && ingress.getStatus().getLoadBalancer() != null
                    && ingress.getStatus().getLoadBalancer().getIngress() != null
                    && !ingress.getStatus().getLoadBalancer().getIngress().isEmpty()) {
                statusSince.putIfAbsent(key(ingress), Instant.now());
            }
        }

        private String key(Ingress ingress) {
            return ingress.getMetadata().getNamespace() + "/" + ingress.getMetadata().getName();
        }
    }
}
