package io.akocamel.avi;

import io.akocamel.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Failed operations (bean {@code deadLetters}): one entry per object, bounded (the oldest entry goes first), never
 * holding a payload. Recovery never replays a stale payload: when an entry is due, its shard key goes to
 * {@code seda:reconcile} (route {@code avi-dead-letter-recovery}) and the shard is re-planned from current state.
 * Back-off: transient, session and internal errors wait {@code retry.maxDelay} doubling per failed attempt (capped at
 * 10 × {@code retry.slowRetry}); slow-retry and credential errors wait {@code retry.slowRetry}; rejected payloads and
 * conflicts are not retried automatically (the next change or full sync re-plans them; or {@link #requestReconcile}).
 * A shard handed out for recovery keeps its entries due again after the same back-off: if its reconcile is skipped or
 * fails before its batch settles them, it is handed out again rather than stranded.
 */
public final class DeadLetterStore {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStore.class);

    /**
     * One failed operation.
     *
     * @param attempts how many times it failed (batches, not HTTP calls)
     * @param retryAt  when its shard is re-reconciled automatically (again, if it was handed out and is still here); null when not
     */
    public record DeadLetter(String shardKey, String objectKey, AviMethod method, ErrorClass errorClass, int status, String error,
                             int attempts, Instant firstTime, Instant lastTime, Instant retryAt) {
    }

    private final Settings.Retry retry;
    private final int capacity;
    private final Clock clock;
    private final Map<String, DeadLetter> entries = new LinkedHashMap<>();
    private final AtomicLong recorded = new AtomicLong();
    private final List<Consumer<DeadLetter>> listeners = new CopyOnWriteArrayList<>();

    public DeadLetterStore(Settings.Retry retry, int capacity) {
        this(retry, capacity, Clock.systemUTC());
    }

    DeadLetterStore(Settings.Retry retry, int capacity, Clock clock) {
        this.retry = retry;
        this.capacity = capacity;
        this.clock = clock;
    }

    public synchronized void record(String shardKey, AviOperation op, ErrorClass errorClass, int status, String error) {
        Instant now = clock.instant();
        DeadLetter previous = entries.remove(op.key());
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        Instant first = previous == null ? now : previous.firstTime();
        Duration delay = recoveryDelay(errorClass, attempts);
        DeadLetter entry = new DeadLetter(shardKey, op.key(), op.method(), errorClass, status, error, attempts, first, now,
                delay == null ? null : now.plus(delay));
        entries.put(op.key(), entry);
        while (entries.size() > capacity) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        recorded.incrementAndGet();
        listeners.forEach(listener -> listener.accept(entry));
    }

    /** Called with every recorded entry (metrics, the status endpoint), on the recording thread: keep it short. */
    public void onRecorded(Consumer<DeadLetter> listener) {
        listeners.add(listener);
    }

    private Duration recoveryDelay(ErrorClass errorClass, int attempts) {
        return switch (errorClass) {
            case SLOW_RETRY, CREDENTIALS -> retry.slowRetry();
            case TRANSIENT, SESSION, INTERNAL, NOT_ATTEMPTED -> {
                Duration cap = retry.slowRetry().multipliedBy(10);
                Duration delay = retry.maxDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
                yield delay.compareTo(cap) > 0 ? cap : delay;
            }
            case REJECTED, CONFLICT, NOT_LEADER -> null;
        };
    }

    /** The object's operation succeeded: its entry goes. */
    public synchronized void resolved(String objectKey) {
        entries.remove(objectKey);
    }

    /** A batch of the shard finished: entries of the shard that it did not leave failing are obsolete. */
    public synchronized void shardApplied(String shardKey, Set<String> stillFailing) {
        entries.values().removeIf(e -> e.shardKey().equals(shardKey) && !stillFailing.contains(e.objectKey()));
    }

    /** The shard was reconciled with nothing left to send: its entries are obsolete. Used by route reconcile-run. */
    public synchronized void shardSettled(String shardKey) {
        shardApplied(shardKey, Set.of());
    }

    /**
     * Shards whose entries are due (route avi-dead-letter-recovery). A handed-out entry is due again after its back-off
     * unless the shard's next batch resolves it, records it again, or finds nothing to send.
     */
    public synchronized List<String> dueForRecovery() {
        Instant now = clock.instant();
        Set<String> shards = new TreeSet<>();
        entries.replaceAll((key, e) -> {
            if (e.retryAt() != null && !e.retryAt().isAfter(now)) {
                shards.add(e.shardKey());
                return new DeadLetter(e.shardKey(), e.objectKey(), e.method(), e.errorClass(), e.status(), e.error(), e.attempts(),
                        e.firstTime(), e.lastTime(), now.plus(recoveryDelay(e.errorClass(), e.attempts())));
            }
            return e;
        });
        if (!shards.isEmpty()) {
            LOG.info("re-reconciling after a back-off: {}", shards);
        }
        return new ArrayList<>(shards);
    }

    public synchronized List<DeadLetter> list() {
        return List.copyOf(entries.values());
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Entries ever recorded (the operations metrics export it as {@code ako_dead_letters_recorded_total}). */
    public long totalRecorded() {
        return recorded.get();
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized boolean remove(String objectKey) {
        return entries.remove(objectKey) != null;
    }
}
