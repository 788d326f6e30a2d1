package io.akocamel.simulator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The most recent calls (at most {@value #CAPACITY}), oldest first, and listeners told of every call as it is
 * recorded (on the server's thread: they must be quick), however many there are.
 */
final class RequestLog {
    static final int CAPACITY = 100_000;
    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
    private final List<Consumer<RecordedRequest>> listeners = new CopyOnWriteArrayList<>();

    void add(RecordedRequest request) {
        synchronized (this) {
            if (entries.size() == CAPACITY) {
                entries.removeFirst();
            }
            entries.addLast(request);
        }
        listeners.forEach(listener -> listener.accept(request));
    }

    void listen(Consumer<RecordedRequest> listener) {
        listeners.add(listener);
    }

    void stopListening(Consumer<RecordedRequest> listener) {
        listeners.remove(listener);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
