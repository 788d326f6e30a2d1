package io.akocamel.ops;

import io.akocamel.avi.AviInventory;
import io.akocamel.avi.DeadLetterStore;
import io.akocamel.kube.ClusterState;
import io.akocamel.reconcile.InitialSync;
import io.akocamel.reconcile.Reconciler;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link ControllerMXBean}, registered on the platform MBean server while the Camel context runs, and only when
 * Camel's JMX is on ({@code camel.main.jmxEnabled}, Helm {@code akoCamel.jmx.enabled}).
 */
final class ControllerManagement extends ServiceSupport implements ControllerMXBean {
    static final String FULL_SYNC_NOW = "direct:full-sync-now";
    static final String INVENTORY_REFRESH = "direct:avi-inventory-refresh";
    private static final Logger LOG = LoggerFactory.getLogger(ControllerManagement.class);

    private final CamelContext camel;
    private final DeadLetterStore deadLetters;
    private final AviInventory inventory;
    private final ApiStatus status;
    private final FullSyncTracker fullSyncs;
    private ObjectName name;
    private ProducerTemplate producer;

    ControllerManagement(CamelContext camel, DeadLetterStore deadLetters, AviInventory inventory, ApiStatus status, FullSyncTracker fullSyncs) {
        this.camel = camel;
        this.deadLetters = deadLetters;
        this.inventory = inventory;
        this.status = status;
        this.fullSyncs = fullSyncs;
    }

    /** {@code io.akocamel:type=Controller,context=ako-camel}; a context name with JMX special characters is quoted. */
    static ObjectName objectName(String contextName) throws JMException {
        boolean plain = contextName.chars().noneMatch(c -> ",=:\"*?\\\n".indexOf(c) >= 0);
        return new ObjectName("io.akocamel:type=Controller,context=" + (plain ? contextName : ObjectName.quote(contextName)));
    }

    @Override
    protected void doStart() throws Exception {
        producer = camel.createProducerTemplate();
        if (camel.getManagementStrategy().getManagementAgent() == null) {
            return;
        }
        String contextName = Optional.ofNullable(camel.getManagementName()).orElse(camel.getName());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName wanted = objectName(contextName);
        if (server.isRegistered(wanted)) {
            LOG.warn("JMX name {} is taken (another controller in this JVM); this controller's MBean is not registered", wanted);
            return;
        }
        server.registerMBean(new StandardMBean(this, ControllerMXBean.class, true), wanted);
        name = wanted;
    }

    @Override
    protected void doStop() throws Exception {
        if (name != null) {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            name = null;
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Override
    public List<DeadLetterInfo> getDeadLetters() {
        return deadLetters.list().stream().map(DeadLetterInfo::of).toList();
    }

    @Override
    public int getDeadLetterCount() {
        return deadLetters.size();
    }

    @Override
    public boolean replayDeadLetter(String objectKey) {
        Optional<DeadLetterStore.DeadLetter> entry = deadLetters.list().stream().filter(d -> d.objectKey().equals(objectKey)).findFirst();
        entry.ifPresent(d -> {
            LOG.info("JMX: replaying dead letter {} (re-reading it, then re-reconciling shard {})", objectKey, d.shardKey());
            reread(objectKey);
            deadLetters.requestReconcile(d.shardKey());
        });
        return entry.isPresent();
    }

    @Override
    public int replayAllDeadLetters() {
        Map<String, List<String>> objectsByShard = new TreeMap<>();
        deadLetters.list().forEach(d -> objectsByShard.computeIfAbsent(d.shardKey(), k -> new ArrayList<>()).add(d.objectKey()));
        LOG.info("JMX: replaying every dead letter (re-reading them, then re-reconciling shards {})", objectsByShard.keySet());
        objectsByShard.forEach((shard, objects) -> {
            objects.forEach(this::reread);
            deadLetters.requestReconcile(shard);
        });
        return objectsByShard.size();
    }

    /**
     * The cached copy of a failed object may be stale (an operator removed a conflicting object or fixed a reference):
     * the re-plan must start from what the controller holds now.
     */
    private void reread(String objectKey) {
        try {
            producer.requestBody(INVENTORY_REFRESH, objectKey);
        } catch (RuntimeException e) {
            LOG.warn("JMX replay: could not re-read {} from the Avi Controller ({}); re-planning from the last known state",
                    objectKey, e.getMessage());
        }
    }

    @Override
    public String triggerFullSync() {
        LOG.info("JMX: full sync requested");
        producer.asyncSendBody(FULL_SYNC_NOW, null);
        return "full sync started; follow LastFullSyncTime and FullSyncPendingKeys";
    }

    @Override
    public boolean isInitialSyncDone() {
        InitialSync initialSync = camel.getRegistry().lookupByNameAndType("initialSyncHealthCheck", InitialSync.class);
        return initialSync != null && initialSync.isDone();
    }

    @Override
    public boolean isKubernetesListsComplete() {
        ClusterState cluster = camel.getRegistry().lookupByNameAndType("clusterState", ClusterState.class);
        return cluster != null && cluster.isComplete();
    }

    @Override
    public boolean isAviInventoryLoaded() {
        return inventory.epoch() > 0;
    }

    @Override
    public String getAviConnectionStatus() {
        return status.connectionStatus();
    }

    @Override
    public String getLastFullSyncTime() {
        return fullSyncs.lastFinished().map(Object::toString).orElse("");
    }

    @Override
    public double getLastFullSyncDurationSeconds() {
        return fullSyncs.lastDurationSeconds();
    }

    @Override
    public int getFullSyncPendingKeys() {
        return fullSyncs.pendingKeys();
    }

    @Override
    public List<String> getReconcilingShards() {
        Reconciler reconciler = camel.getRegistry().lookupByNameAndType("shardReconciler", Reconciler.class);
        return reconciler == null ? List.of() : List.copyOf(reconciler.busyKeys());
    }
}
