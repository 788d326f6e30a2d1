package io.akocamel.reconcile;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Coalesces a burst of reconcile requests for one shard key into one (bean {@code shardKeyCoalescer}): the key is the
 * same, so only the flags matter — it is a full-sync reconcile if any request was, and the causes are kept for logs.
 */
public class ShardKeyCoalescer implements AggregationStrategy {
    public static final String FULL_SYNC = "AkoFullSync";
    public static final String CAUSE = "AkoCause";
    public static final String COALESCED = "AkoCoalesced";
    private static final int MAX_CAUSES = 5;

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            newExchange.getMessage().setHeader(COALESCED, 1);
            return newExchange;
        }
        var old = oldExchange.getMessage();
        var latest = newExchange.getMessage();
        int count = old.getHeader(COALESCED, 1, Integer.class) + 1;
        old.setHeader(COALESCED, count);
        if (Boolean.TRUE.equals(latest.getHeader(FULL_SYNC, Boolean.class))) {
            old.setHeader(FULL_SYNC, true);
        }
        String causes = old.getHeader(CAUSE, "", String.class);
        String cause = latest.getHeader(CAUSE, "", String.class);
        if (count <= MAX_CAUSES && !cause.isEmpty() && !causes.contains(cause)) {
            old.setHeader(CAUSE, causes.isEmpty() ? cause : causes + "; " + cause);
        }
        return oldExchange;
    }
}
