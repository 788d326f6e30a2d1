package io.akocamel.app;

import io.akocamel.avi.AviBatchProcessor;
import io.akocamel.avi.AviControllerHealthCheck;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviSession;
import io.akocamel.avi.AviStepProcessor;
import io.akocamel.avi.BatchResult;
import io.akocamel.avi.DeadLetterStore;
import io.akocamel.avi.DeletionBrake;
import io.akocamel.avi.InventoryLoader;
import io.akocamel.avi.Planner;
import io.akocamel.avi.ShardBatch;
import io.akocamel.config.Settings;
import io.akocamel.kube.ClusterState;
import io.akocamel.kube.ClusterUid;
import io.akocamel.kube.ControllerPod;
import io.akocamel.kube.ControllerStatefulSet;
import io.akocamel.kube.DeletionStatus;
import io.akocamel.kube.EventRecorder;
import io.akocamel.kube.EventSink;
import io.akocamel.kube.FullSync;
import io.akocamel.kube.HostVsAnnotation;
import io.akocamel.kube.IngressRelease;
import io.akocamel.kube.KubeIngestion;
import io.akocamel.kube.Leadership;
import io.akocamel.kube.LeaseElection;
import io.akocamel.kube.PodEvents;
import io.akocamel.kube.ResourceVersionRepository;
import io.akocamel.kube.watch.KubeWatchComponent;
import io.akocamel.kube.watch.KubeWatchHealthCheck;
import io.akocamel.ops.ControllerActions;
import io.akocamel.ops.LogFormat;
import io.akocamel.ops.Operations;
import io.akocamel.preflight.Preflight;
import io.akocamel.preflight.PreflightHealthCheck;
import io.akocamel.reconcile.DeleteConfigProgress;
import io.akocamel.reconcile.DnsDomainCheck;
import io.akocamel.reconcile.CustomResourceAdmission;
import io.akocamel.reconcile.CustomResourceStatusWriter;
import io.akocamel.reconcile.IngressStatusWriter;
import io.akocamel.reconcile.StatusWriter;
import io.akocamel.reconcile.InitialSync;
import io.akocamel.reconcile.ReadyEvents;
import io.akocamel.reconcile.ReconcileRetries;
import io.akocamel.reconcile.Reconciler;
import io.akocamel.reconcile.RuntimeConfig;
import io.akocamel.reconcile.ShardKeyCoalescer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Service;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The composition root: builds the controller's objects with their constructors, in dependency order (settings →
 * Avi session and inventory → delivery → preflight → cluster state → reconciler → operations), and binds into the
 * Camel registry the beans the route files name. It is the only code that knows those names; the endpoints and route
 * ids Java relies on are {@link RouteContract}'s.
 * <p>
 * Without a Kubernetes client (the {@code plan} command, delivery tests) only the Avi side is built: there is no cluster
 * to watch, reconcile or record Events on.
 */
public final class Components implements CamelConfiguration {
    static final int DEAD_LETTER_CAPACITY = 1000;
    static final int WRITE_LEDGER_CAPACITY = 10_000;
    static final int INVENTORY_PAGE_SIZE = 100;
    /** The bean name camel-micrometer-prometheus looks up (and binds its own registry under when there is none). */
    static final String METER_REGISTRY = "metricsRegistry";
    /** Properties naming the pod the controller runs as (tests; in a pod the downward API's POD_NAME / POD_NAMESPACE). */
    public static final String POD_NAME = "ako.podName";
    public static final String POD_NAMESPACE = "ako.podNamespace";
    /** AKO's namespace, when POD_NAMESPACE is not set. */
    static final String DEFAULT_NAMESPACE = "avi-system";

    private final Settings settings;
    private final KubernetesClient client;
    private volatile ProducerTemplate producer;

    private AviSession session;
    private AviInventory inventory;
    private InventoryLoader inventoryLoader;
    private Planner planner;
    private DeadLetterStore deadLetters;
    private Preflight preflight;
    private ClusterState cluster;
    private FullSync fullSync;
    private InitialSync initialSync;
    private Reconciler reconciler;
    private DeletionBrake brake;
    private Leadership leadership;
    private volatile PodEvents podEvents = PodEvents.NONE;

    /** @param client the Kubernetes client, or null for the Avi side alone */
    public Components(Settings settings, KubernetesClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        Registry registry = camel.getRegistry();
        PropertiesComponent properties = camel.getPropertiesComponent();
        LogFormat.apply(settings.akoCamel().logFormat());

        String podName = property(properties, POD_NAME, System.getenv().getOrDefault("POD_NAME", ""));
        String podNamespace = property(properties, POD_NAMESPACE, System.getenv().getOrDefault("POD_NAMESPACE", ""));
        if (!podName.isBlank() && podNamespace.isBlank()) {
            podNamespace = DEFAULT_NAMESPACE;
        }
        leadership = electLeader(camel, podName, podNamespace);
        bindDelivery(camel, registry);
        EventRecorder recorder = client == null ? null : new EventRecorder(client, settings, leadership);
        if (recorder != null) {
            camel.addService(closeOnStop(recorder));
        }
        EventSink events = recorder == null ? EventSink.NONE : recorder;
        podEvents = client == null ? PodEvents.NONE : new ControllerPod(client, events, podName, podNamespace);
        bindPreflight(registry, properties, podEvents);
        RuntimeConfig runtime = recorder == null ? new RuntimeConfig(settings)
                : new RuntimeConfig(settings, recorder::setNormalEvents, new DeleteConfigProgress(podEvents, ownStatefulSet(podName, podNamespace)));
        initialSync = new InitialSync(new ReadyEvents(podEvents, runtime::deleteConfig));
        bindReconcileSupport(registry, properties, runtime);
        if (client != null) {
            IngressRelease release = bindKubernetes(registry, recorder);
            brake = new DeletionBrake(settings.akoCamel().deletionBrake(), message -> podEvents.warning(DeletionBrake.REASON, message));
            StatusWriter status = new IngressStatusWriter(client, leadership, new HostVsAnnotation(client, leadership));
            reconciler = new Reconciler(settings, new Reconciler.Cluster(cluster, fullSync::listsComplete, events, status, release::releaseShowing, leadership),
                    new Reconciler.Avi(inventory, planner, this::deliver, preflight, brake),
                    this::outsideDnsDomains, runtime, initialSync);
            registry.bind("shardReconciler", reconciler);
            registry.bind("customResourceAdmission", new CustomResourceAdmission(cluster, new CustomResourceStatusWriter(client, leadership), events));
        }
        bindOperations(camel, registry);
        producer = camel.createProducerTemplate();
    }

    /**
     * In a pod ({@code POD_NAME} set), an election on the Lease decides which replica writes; outside one the controller
     * runs alone and always writes.
     */
    private Leadership electLeader(CamelContext camel, String podName, String podNamespace) throws Exception {
        if (client == null || podName.isBlank()) {
            return Leadership.SOLE;
        }
        LeaseElection election = new LeaseElection(client, podNamespace, podName, settings.akoCamel().leaderElection(),
                () -> elected(podName));
        camel.addService(election);
        // a stopping replica gives up the Lease first: the other takes over while this one drains its routes
        camel.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                ServiceHelper.stopService(election);
            }
        });
        return election;
    }

    /**
     * This replica is about to write: what the leader before it wrote is unknown, so nothing is planned until the
     * inventory is read again, by a full sync at the next tick; and its pod says it leads now.
     */
    private void elected(String podName) {
        inventory.staleUntilNextLoad();
        fullSync.requestSoon();
        CompletableFuture.runAsync(() -> podEvents.normal(LeaseElection.EVENT_REASON, podName + " became the leader (Lease "
                + LeaseElection.LEASE + "): it writes to the Avi Controller and the cluster from now on"));
    }

    /** In a pod, the chart's StatefulSet, annotated during deleteConfig; outside one none. */
    private DeletionStatus ownStatefulSet(String podName, String podNamespace) {
        return podName.isBlank() ? DeletionStatus.NONE : new ControllerStatefulSet(client, leadership, podNamespace);
    }

    /** The Avi session, inventory, planner, and the processors of avi-delivery.camel.yaml and its error policy. */
    private void bindDelivery(CamelContext camel, Registry registry) throws Exception {
        String clusterName = settings.akoSettings().clusterName();
        String vrf = settings.controllerSettings().vrfName().isEmpty() ? "global" : settings.controllerSettings().vrfName();
        String clusterUid = client == null ? null : ClusterUid.read(client);
        session = new AviSession(settings, leadership::isLeader);
        inventory = new AviInventory(clusterName, clusterUid);
        planner = new Planner(clusterName, clusterUid);
        deadLetters = new DeadLetterStore(settings.akoCamel().retry(), DEAD_LETTER_CAPACITY);
        inventoryLoader = new InventoryLoader(inventory, clusterName, settings.controllerSettings().cloudName(), List.of(vrf), INVENTORY_PAGE_SIZE);
        IdempotentRepository writeLedger = MemoryIdempotentRepository.memoryIdempotentRepository(WRITE_LEDGER_CAPACITY);
        camel.addService(session);
        camel.addService(writeLedger);
        registry.bind("aviSession", session);
        registry.bind("aviInventoryLoader", inventoryLoader);
        registry.bind("deadLetters", deadLetters);
        registry.bind("aviWriteLedger", writeLedger);
        registry.bind("aviSteps", new AviStepProcessor(inventory, planner, deadLetters, writeLedger, session));
        registry.bind("aviBatch", new AviBatchProcessor(deadLetters));
        // one pool for every shard's parallel writes, so that at most aviSessions writes are in flight in total
        registry.bind("aviWritePool", camel.getExecutorServiceManager().newFixedThreadPool(this, "avi-writes", settings.akoCamel().aviSessions()));
        registry.bind("aviTransientRedelivery", transientRedelivery(settings.akoCamel().retry()));
        registry.bind("aviControllerHealthCheck", new AviControllerHealthCheck(session));
    }

    /** The preflight of preflight.camel.yaml, which is also the reconciler's write gate. */
    private void bindPreflight(Registry registry, PropertiesComponent properties, PodEvents podEvents) {
        preflight = new Preflight(settings, session, podEvents, () -> cluster == null ? List.of() : cluster.acceptedInfraSettings());
        preflight.setRecheckMillis(Long.parseLong(property(properties, "preflight.recheckMillis", "30000")));
        properties.resolveProperty("preflight.requireDnsProfile").map(Boolean::parseBoolean).ifPresent(preflight::setRequireDnsProfile);
        registry.bind("preflight", preflight);
        registry.bind("aviPreflightHealthCheck", new PreflightHealthCheck(preflight));
    }

    /** What reconcile.camel.yaml uses besides the reconciler: coalescing, live configuration, the initial-sync check. */
    private void bindReconcileSupport(Registry registry, PropertiesComponent properties, RuntimeConfig runtime) {
        properties.addInitialProperty("ako.reconcile.workers", String.valueOf(settings.akoCamel().workers()));
        properties.addInitialProperty("ako.reconcile.debounceMillis", String.valueOf(Math.max(1, settings.akoCamel().debounce().toMillis())));
        registry.bind("akoRuntimeConfig", runtime);
        registry.bind("initialSyncHealthCheck", initialSync);
        registry.bind("shardKeyCoalescer", new ShardKeyCoalescer(settings.akoCamel().maxDebounce()));
        registry.bind("reconcileRetries", new ReconcileRetries(settings.akoCamel().retry(), Clock.systemUTC()));
        registry.bind("useOriginalAggregationStrategy", new UseOriginalAggregationStrategy());
    }

    /**
     * The cluster state, the kube-watch component and the processors of kubernetes-watch.camel.yaml and
     * full-sync.camel.yaml; returns the Ingress release, which the reconciler also uses.
     */
    private IngressRelease bindKubernetes(Registry registry, EventRecorder recorder) {
        cluster = new ClusterState(settings, client);
        fullSync = new FullSync(cluster);
        IngressRelease release = new IngressRelease(cluster, client, leadership, new HostVsAnnotation(client, leadership));
        registry.bind("kube-watch", new KubeWatchComponent(cluster));
        registry.bind("kubeIngestion", new KubeIngestion(cluster, recorder));
        registry.bind("kubeIngressRelease", release);
        registry.bind("kubeEventVersions", new ResourceVersionRepository());
        registry.bind("kubeWatchHealthCheck", new KubeWatchHealthCheck(cluster));
        registry.bind("fullSync", fullSync);
        return release;
    }

    /** Metrics, /api/status (ops.camel.yaml), the inventory readiness check and the Controller MBean. */
    private void bindOperations(CamelContext camel, Registry registry) throws Exception {
        Operations.Progress progress = reconciler == null ? Operations.Progress.NONE
                : new Operations.Progress(initialSync::isDone, cluster::isComplete, reconciler::busyKeys);
        Operations operations = new Operations(camel, meterRegistry(registry), session, inventory, deadLetters, cluster, leadership,
                new CamelActions(), progress,
                new Operations.ObservedRoutes(RouteContract.RECONCILE_RUN_ROUTE, RouteContract.FULL_SYNC_BEGIN_ROUTE));
        operations.meterPreflight(preflight::passed);
        if (brake != null) {
            operations.meter(brake);
        }
        operations.install();
        registry.bind("akoApiStatus", operations.apiStatus());
        registry.bind("aviInventoryHealthCheck", operations.inventoryHealthCheck());
    }

    private BatchResult deliver(ShardBatch batch) {
        return producer.requestBody(RouteContract.AVI_APPLY, batch, BatchResult.class);
    }

    private Optional<String> outsideDnsDomains(String host) {
        return preflight.hostInDnsDomains(host) ? Optional.empty() : Optional.of(preflight.hostOutsideWarning(host));
    }

    /** The JMX operations, as messages to the routes. */
    private final class CamelActions implements ControllerActions {
        @Override
        public void fullSync() {
            producer.asyncSendBody(RouteContract.FULL_SYNC_NOW, null);
        }

        @Override
        public void reread(String objectKey) {
            producer.requestBody(RouteContract.AVI_INVENTORY_REFRESH, objectKey);
        }

        @Override
        public void reconcile(String shardKey) {
            producer.sendBody(RouteContract.RECONCILE + "?blockWhenFull=true", shardKey);
        }
    }

    private static Service closeOnStop(AutoCloseable closeable) {
        return new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                closeable.close();
            }
        };
    }

    private static String property(PropertiesComponent properties, String key, String defaultValue) {
        return properties.resolveProperty(key).orElse(defaultValue);
    }

    private static MeterRegistry meterRegistry(Registry registry) {
        MeterRegistry existing = registry.lookupByNameAndType(METER_REGISTRY, MeterRegistry.class);
        if (existing != null) {
            return existing;
        }
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.bind(METER_REGISTRY, created);
        return created;
    }

    /** Connection errors, timeouts, 5xx: {@code maxAttempts} calls, delays from {@code initialDelay} doubling up to {@code maxDelay}. */
    static RedeliveryPolicy transientRedelivery(Settings.Retry retry) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(retry.maxAttempts() - 1);
        policy.setRedeliveryDelay(retry.initialDelay().toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setMaximumRedeliveryDelay(retry.maxDelay().toMillis());
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setLogStackTrace(false);
        policy.setLogRetryStackTrace(false);
        policy.setLogExhausted(false);
        policy.setLogHandled(false);
        return policy;
    }

    // ---- the objects, for the commands and tests that drive the controller from Java ----

    public Settings settings() {
        return settings;
    }

    public AviSession session() {
        return session;
    }

    public AviInventory inventory() {
        return inventory;
    }

    public InventoryLoader inventoryLoader() {
        return inventoryLoader;
    }

    public Planner planner() {
        return planner;
    }

    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    public Preflight preflight() {
        return preflight;
    }

    /** The live cluster state; null without a Kubernetes client. */
    public ClusterState cluster() {
        return cluster;
    }

    /** When full syncs are due and what they visit; null without a Kubernetes client. */
    public FullSync fullSync() {
        return fullSync;
    }

    /** Whether this replica writes: the election on the Lease in a pod, {@link Leadership#SOLE} outside one. */
    public Leadership leadership() {
        return leadership;
    }

    public InitialSync initialSync() {
        return initialSync;
    }

    /** The Events on the controller's own pod (none outside a pod or without a Kubernetes client). */
    public PodEvents podEvents() {
        return podEvents;
    }

    /** The reconciler; null without a Kubernetes client. */
    public Reconciler reconciler() {
        return reconciler;
    }
}
