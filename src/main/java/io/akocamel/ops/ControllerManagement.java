package io.akocamel.ops;

import io.akocamel.avi.AviInventory;
import io.akocamel.avi.DeadLetterStore;
import org.apache.camel.CamelContext;
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
    private static final Logger LOG = LoggerFactory.getLogger(ControllerManagement.class);

    private final CamelContext camel;
    private final ControllerActions actions;
    private final DeadLetterStore deadLetters;
    private final AviInventory inventory;
    private final ApiStatus status;
    private final FullSyncTracker fullSyncs;
    private final Operations.Progress progress;
    private ObjectName name;

    ControllerManagement(CamelContext camel, ControllerActions actions, DeadLetterStore deadLetters, AviInventory inventory,
                         ApiStatus status, FullSyncTracker fullSyncs, Operations.Progress progress) {
        this.camel = camel;
        this.actions = actions;
        this.deadLetters = deadLetters;
        this.inventory = inventory;
        this.status = status;
        this.fullSyncs = fullSyncs;
        this.progress = progress;
    }

    /** {@code io.akocamel:type=Controller,context=ako-camel}; a context name with JMX special characters is quoted. */
    static ObjectName objectName(String contextName) throws JMException {
        boolean plain = contextName.chars().noneMatch(c -> ",=:\"*?\\\n".indexOf(c) >= 0);
        return new ObjectName("io.akocamel:type=Controller,context=" + (plain ? contextName : ObjectName.quote(contextName)));
    }

    @Override
    protected void doStart() throws Exception {
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
            actions.reconcile(d.shardKey());
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
            actions.reconcile(shard);
        });
        return objectsByShard.size();
    }

    /**
     * The cached copy of a failed object may be stale (an operator removed a conflicting object or fixed a reference):
     * the re-plan must start from what the controller holds now.
     */
    private void reread(String objectKey) {
        try {
            actions.reread(objectKey);
        } catch (RuntimeException e) {
            LOG.warn("JMX replay: could not re-read {} from the Avi Controller ({}); re-planning from the last known state",
                    objectKey, e.getMessage());
        }
    }

    @Override
    public String triggerFullSync() {
        LOG.info("JMX: full sync requested");
        actions.fullSync();
        return "full sync started; follow LastFullSyncTime and FullSyncPendingKeys";
    }

    @Override
    public boolean isInitialSyncDone() {
        return progress.initialSyncDone().getAsBoolean();
    }

    @Override
    public boolean isKubernetesListsComplete() {
        return progress.kubernetesComplete().getAsBoolean();
    }

    @Override
    public boolean isAviInventoryLoaded() {
        return inventory.isRead();
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
        return List.copyOf(progress.reconcilingShards().get());
    }
}
