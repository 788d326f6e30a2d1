package io.akocamel.reconcile;

import io.akocamel.kube.KubeHeaders;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Coalesces a burst of reconcile requests for one shard key into one (bean {@code shardKeyCoalescer}): the key is the
 * same, so only the flags matter — it is a full-sync reconcile if any request was, and the causes are kept for logs.
 */
public class ShardKeyCoalescer implements AggregationStrategy {
    private static final int MAX_CAUSES = 5;

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            newExchange.getMessage().setHeader(KubeHeaders.COALESCED, 1);
            return newExchange;
        }
        var old = oldExchange.getMessage();
        var latest = newExchange.getMessage();
        int count = old.getHeader(KubeHeaders.COALESCED, 1, Integer.class) + 1;
        old.setHeader(KubeHeaders.COALESCED, count);
        if (Boolean.TRUE.equals(latest.getHeader(KubeHeaders.FULL_SYNC, Boolean.class))) {
            old.setHeader(KubeHeaders.FULL_SYNC, true);
        }
        String causes = old.getHeader(KubeHeaders.CAUSE, "", String.class);
        String cause = latest.getHeader(KubeHeaders.CAUSE, "", String.class);
        if (count <= MAX_CAUSES && !cause.isEmpty() && !causes.contains(cause)) {
            old.setHeader(KubeHeaders.CAUSE, causes.isEmpty() ? cause : causes + "; " + cause);
        }
        return oldExchange;
    }
}
