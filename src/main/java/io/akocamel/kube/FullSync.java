package io.akocamel.kube;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * When to run a full sync and what it reconciles. The first runs as soon as every informer has listed completely
 * (or after one period if they never do); then every {@code AKOSettings.fullSyncFrequency} seconds.
 */
public final class FullSync {
    public static final String CAUSE = "full sync";
    private static final Logger LOG = LoggerFactory.getLogger(FullSync.class);

    private final ClusterState state;
    private final long periodMillis;
    private final long createdAt = System.currentTimeMillis();
    private volatile long lastRun;
    private volatile boolean lastRunComplete;

    public FullSync(ClusterState state) {
        this.state = state;
        this.periodMillis = state.settings().akoSettings().fullSyncFrequency() * 1000L;
    }

    /** Route filter: is a full sync due now? */
    public boolean due() {
        long now = System.currentTimeMillis();
        if (lastRun == 0) {
            return state.isComplete() || now - createdAt >= periodMillis;
        }
        // a full sync made on incomplete lists (it collects nothing) is made again as soon as the lists are complete
        return now - lastRun >= periodMillis || (!lastRunComplete && state.isComplete());
    }

    /**
     * Route step: every shard key (body), with {@link KubeHeaders#FULL_SYNC} and {@link KubeHeaders#KUBERNETES_COMPLETE}
     * (false means some list is missing or stale: the planner must not garbage-collect).
     */
    public List<String> shardKeys(Exchange exchange) {
        lastRun = System.currentTimeMillis();
        boolean complete = state.isComplete();
        lastRunComplete = complete;
        List<String> keys = state.allShardKeys();
        Message message = exchange.getMessage();
        message.setHeader(KubeHeaders.FULL_SYNC, true);
        message.setHeader(KubeHeaders.KUBERNETES_COMPLETE, complete);
        message.setHeader(KubeHeaders.CAUSE, CAUSE);
        if (!complete) {
            LOG.warn("Full sync with incomplete Kubernetes state (not every watch has listed, or one has stopped): "
                    + "objects will be updated but nothing will be garbage-collected");
        }
        return keys;
    }
}
