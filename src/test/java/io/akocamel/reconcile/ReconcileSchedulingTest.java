package io.akocamel.reconcile;

import io.akocamel.app.ControllerApp;
import io.akocamel.avi.AviDelivery;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.DeletionBrake;
import io.akocamel.avi.AviMethod;
import io.akocamel.avi.AviOperation;
import io.akocamel.avi.BatchResult;
import io.akocamel.avi.DeadLetterStore;
import io.akocamel.avi.ErrorClass;
import io.akocamel.avi.OperationResult;
import io.akocamel.avi.Outcome;
import io.akocamel.avi.Planner;
import io.akocamel.avi.ShardBatch;
import io.akocamel.config.Settings;
import io.akocamel.config.ShardSize;
import io.akocamel.kube.ClusterState;
import io.akocamel.kube.Leadership;
import io.akocamel.kube.EventSink;
import io.akocamel.kube.FullSync;
import io.akocamel.kube.KubeHeaders;
import io.akocamel.model.AviType;
import io.akocamel.model.ClusterSnapshot;
import io.akocamel.model.Naming;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduling of routes/reconcile.camel.yaml (coalescing, workers, reruns) with the real reconciler on plain fakes:
 * a cluster snapshot, a controller that counts each shard's batches and can hold one shard's batches. One controller
 * for every test (4 workers, quiet period 100 ms, max debounce 300 ms); each test uses its own shard keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcileSchedulingTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: %1$s, namespace: shop}
            spec:
              ingressClassName: avi-lb
              rules:
                - host: %1$s.example.com
                  http:
                    paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
            """;
    static final String CLUSTER = ReconcilerTest.MANIFESTS + "---\n" + INGRESS.formatted("a") + "---\n" + INGRESS.formatted("b")
            + "---\n" + INGRESS.formatted("c");

    static final int WORKERS = 4;

    final HeldController controller = new HeldController();
    final InitialSync initialSync = new InitialSync();
    /** Every reconcile waits for it at its start (the cluster's "lists complete" question). */
    volatile CountDownLatch workersFree = new CountDownLatch(0);
    Reconciler reconciler;
    ControllerApp app;
    ProducerTemplate template;
    Naming naming;

    @BeforeAll
    void start() throws Exception {
        // no route here calls the controller: delivery is the fake
        Settings settings = TestSettings.builder().controller("https://127.0.0.1:1").shardSize(ShardSize.DEDICATED).workers(WORKERS)
                .debounce(Duration.ofMillis(100)).maxDebounce(Duration.ofMillis(300)).build();
        naming = Naming.of(settings);
        AviInventory inventory = new AviInventory("cluster-1");
        inventory.replace(Map.of(), true);
        List<HasMetadata> objects = ReconcilerTest.objects(CLUSTER);
        reconciler = new Reconciler(settings,
                new Reconciler.Cluster(ClusterSnapshot.of(settings, objects), () -> awaitQuietly(workersFree), EventSink.NONE,
                        (ingress, status, vsUuids) -> false, Reconciler.MissedReleases.NONE, Leadership.SOLE),
                new Reconciler.Avi(inventory, new Planner("cluster-1"), controller, () -> true,
                        new DeletionBrake(settings.akoCamel().deletionBrake(), alarm -> { })),
                DnsDomainCheck.NONE, new RuntimeConfig(settings), initialSync);
        app = ControllerApp.builder(settings).routeFiles("reconcile.camel.yaml").addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("shardReconciler", reconciler);
                getContext().getRegistry().bind("fullSync", new FullSync(new ClusterState(settings, null)));
                getContext().getRegistry().bind("customResourceAdmission", new CustomResourceAdmission(new ClusterState(settings, null),
                        new CustomResourceStatusWriter(null, Leadership.SOLE), EventSink.NONE));
            }
        }).start();
        template = app.context().createProducerTemplate();
    }

    @AfterAll
    void stop() {
        controller.release.countDown();
        workersFree.countDown();
        app.close();
    }

    @Test
    void aKeyAlreadyRunningDoesNotTieUpASecondWorkerAndRunsOnceMoreWhenItEnds() {
        String a = shard("a");
        String b = shard("b");
        controller.held.add(a);

        request(a);
        await().atMost(WAIT).until(() -> controller.batches(a) == 1);
        for (int i = 0; i < 2; i++) {
            NotifyBuilder returned = new NotifyBuilder(app.context()).fromRoute("reconcile-run").whenDone(1).create();
            request(a);
            assertThat(returned.matches(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("a request for the running key returns").isTrue();
        }
        request(b);
        await().atMost(WAIT).until(() -> controller.batches(b) == 1);
        assertThat(controller.batches(a)).as("still held").isEqualTo(1);

        controller.release.countDown();
        await().atMost(WAIT).until(() -> controller.batches(a) == 2);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> controller.batches(a) == 2);
    }

    @Test
    void aKeyChangedWithoutPauseIsStillReconciledEveryMaxDebounce() {
        String c = shard("c");
        ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
        try {
            churn.scheduleAtFixedRate(() -> request(c), 0, 20, TimeUnit.MILLISECONDS);

            // a request every 20 ms: the quiet period (100 ms) never passes while the churn goes on,
            // so every reconcile here is one the max debounce forced
            await().atMost(Duration.ofSeconds(5)).until(() -> controller.batches(c) >= 3);
        } finally {
            churn.shutdownNow();
        }
    }

    @Test
    void aFullSyncOfFiveThousandDedicatedKeysReachesEveryKeyWhileTheWorkersAreBusy() {
        workersFree = new CountDownLatch(1);
        List<String> keys = IntStream.range(0, 5000).mapToObj(i -> shard("host-" + i)).toList();
        initialSync.started(keys);

        keys.forEach(key -> template.sendBodyAndHeader("seda:reconcile?blockWhenFull=true", key, KubeHeaders.FULL_SYNC, true));
        // every key coalesced and queued for a worker, none dropped, while each worker holds one key
        Set<String> wanted = Set.copyOf(keys);
        SedaEndpoint run = app.context().getEndpoint("seda:reconcile-run", SedaEndpoint.class);
        await().atMost(WAIT).until(() -> run.getQueue().stream().map(e -> e.getMessage().getBody(String.class)).filter(wanted::contains).count()
                + reconciler.busyKeys().stream().filter(wanted::contains).count() == keys.size());
        workersFree.countDown();

        await().atMost(WAIT).until(initialSync::isDone);
    }

    @Test
    void aShardReconciledWithNothingToSendDropsItsDeadLetters() {
        DeadLetterStore deadLetters = app.components().deadLetters();
        String gone = shard("gone");
        deadLetters.record(gone, new AviOperation(AviMethod.DELETE, AviType.POOL, "p", "pool-1", null, "", "", Set.of()),
                ErrorClass.TRANSIENT, 503, "Service Unavailable");

        request(gone);

        await().atMost(WAIT).until(() -> deadLetters.size() == 0);
    }

    private String shard(String name) {
        return naming.shardVsName(name + ".example.com");
    }

    private void request(String key) {
        template.sendBody("seda:reconcile?blockWhenFull=true", key);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Accepts every write without remembering it (each reconcile sends again); the shards in {@code held} wait for {@code release}. */
    static final class HeldController implements AviDelivery {
        final Map<String, AtomicInteger> batches = new ConcurrentHashMap<>();
        final Set<String> held = ConcurrentHashMap.newKeySet();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public BatchResult apply(ShardBatch batch) {
            batches.computeIfAbsent(batch.shardKey(), k -> new AtomicInteger()).incrementAndGet();
            if (held.contains(batch.shardKey())) {
                awaitQuietly(release);
            }
            return new BatchResult(batch.shardKey(), batch.operations().stream()
                    .map(op -> new OperationResult(op.key(), op.method(), Outcome.CREATED, 201, "", null)).toList(), List.of());
        }

        int batches(String shard) {
            AtomicInteger count = batches.get(shard);
            return count == null ? 0 : count.get();
        }
    }
}
