package io.akocamel.kube;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * When to run a full sync and what it reconciles. The first runs as soon as every informer has listed completely
 * (or after one period if they never do); then every {@code AKOSettings.fullSyncFrequency} seconds. Nothing is written
 * while the lists are incomplete, so a full sync is also due as soon as they are complete again after a reconcile
 * was refused for that reason ({@link #listsComplete()}) or a full sync ran on incomplete lists.
 */
public final class FullSync {
    public static final String CAUSE = "full sync";
    private static final Logger LOG = LoggerFactory.getLogger(FullSync.class);

    private final ClusterState state;
    private final long periodMillis;
    private final long createdAt = System.currentTimeMillis();
    private volatile long lastRun;
    private volatile boolean lastRunComplete;
    private volatile boolean refusedWhileIncomplete;
    private volatile boolean requested;

    public FullSync(ClusterState state) {
        this.state = state;
        this.periodMillis = state.settings().akoSettings().fullSyncFrequency() * 1000L;
    }

    /** A full sync at the next tick on complete lists (this replica just became the leader). */
    public void requestSoon() {
        requested = true;
    }

    /** Route filter: is a full sync due now? */
    public boolean due() {
        if (requested && state.isComplete()) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (lastRun == 0) {
            return state.isComplete() || now - createdAt >= periodMillis;
        }
        // keys refused on incomplete lists (a full sync made on them included) are visited as soon as the lists are complete
        return now - lastRun >= periodMillis || ((!lastRunComplete || refusedWhileIncomplete) && state.isComplete());
    }

    /**
     * For the reconciler: is the cluster state complete? A caller told no is owed a full sync once it is, which
     * reconciles the keys it could not.
     */
    public boolean listsComplete() {
        boolean complete = state.isComplete();
        if (!complete) {
            refusedWhileIncomplete = true;
        }
        return complete;
    }

    /**
     * Route step: every shard key (body), with {@link KubeHeaders#FULL_SYNC} and {@link KubeHeaders#KUBERNETES_COMPLETE}
     * (false means some list is missing or stale: the planner must not garbage-collect).
     */
    public List<String> shardKeys(Exchange exchange) {
        lastRun = System.currentTimeMillis();
        requested = false;
        boolean complete = state.isComplete();
        lastRunComplete = complete;
        if (complete) {
            refusedWhileIncomplete = false;
        }
        List<String> keys = state.allShardKeys();
        Message message = exchange.getMessage();
        message.setHeader(KubeHeaders.FULL_SYNC, true);
        message.setHeader(KubeHeaders.KUBERNETES_COMPLETE, complete);
        message.setHeader(KubeHeaders.CAUSE, CAUSE);
        if (!complete) {
            LOG.warn("Full sync with incomplete Kubernetes state (not every watch has listed, or one has stopped): "
                    + "nothing is written until every list is complete; a full sync follows then");
        }
        return keys;
    }
}
