package io.akocamel.simulator;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent calls (at most {@value #CAPACITY}), oldest first. */
final class RequestLog {
    static final int CAPACITY = 100_000;
    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

    synchronized void add(RecordedRequest request) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
