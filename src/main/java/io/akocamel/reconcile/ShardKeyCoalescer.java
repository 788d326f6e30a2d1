package io.akocamel.reconcile;

import io.akocamel.kube.KubeHeaders;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Coalesces a burst of reconcile requests for one shard key into one (bean {@code shardKeyCoalescer}): the key is the
 * same, so only the flags matter — it is a full-sync reconcile if any request was, and the causes are kept for logs.
 * The aggregator's quiet-period timeout restarts with every request, so {@link #overdue} also completes a key whose
 * first waiting request is {@code akoCamel.maxDebounceMillis} old: a key changed without pause is not starved.
 */
public class ShardKeyCoalescer implements AggregationStrategy {
    /** When the oldest request of the waiting group arrived (epoch milliseconds). */
    static final String WAITING_SINCE = "AkoWaitingSince";
    private static final int MAX_CAUSES = 5;

    private final long maxDebounceMillis;
    private final LongSupplier clock;

    public ShardKeyCoalescer(Duration maxDebounce) {
        this(maxDebounce, System::currentTimeMillis);
    }

    ShardKeyCoalescer(Duration maxDebounce, LongSupplier clock) {
        this.maxDebounceMillis = maxDebounce.toMillis();
        this.clock = clock;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            newExchange.getMessage().setHeader(KubeHeaders.COALESCED, 1);
            newExchange.getMessage().setHeader(WAITING_SINCE, clock.getAsLong());
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

    /** The aggregator's completion predicate: the group has waited {@code maxDebounceMillis} since its first request. */
    public boolean overdue(Exchange group) {
        long since = group.getMessage().getHeader(WAITING_SINCE, Long.MAX_VALUE, Long.class);
        return clock.getAsLong() - since >= maxDebounceMillis;
    }
}
