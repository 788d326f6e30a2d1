package io.akocamel.preflight;

import io.akocamel.preflight.PreflightRun.Reply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The reads a preflight run still has to make, in order, and the problems found so far. A follow-up read (listing
 * what the controller has instead) goes before every other planned one; a stop ends the run.
 */
final class ReadQueue {
    /** One GET: its path (computed when it is sent), what its answer means, and whether that handles a failed read. */
    record Read(Supplier<String> path, Consumer<Reply> handler, boolean handlesErrors) {
    }

    private final Deque<Read> reads = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();
    private Read current;
    private boolean stopped;

    /** The path of the next GET, or null when the run is over. */
    String nextPath() {
        if (stopped || reads.isEmpty()) {
            current = null;
            return null;
        }
        current = reads.removeFirst();
        return current.path().get();
    }

    /** The read whose answer has come. */
    Read answered() {
        Read read = current;
        current = null;
        return read;
    }

    /** A read after the ones already planned. */
    void later(String path, Consumer<Reply> handler, boolean handlesErrors) {
        later(() -> path, handler, handlesErrors);
    }

    /** A read after the ones already planned, whose path depends on what earlier reads found. */
    void later(Supplier<String> path, Consumer<Reply> handler, boolean handlesErrors) {
        reads.addLast(new Read(path, handler, handlesErrors));
    }

    /** A follow-up read before every other planned one; its handler gets a failure too (and lists it). */
    void now(String path, Consumer<Reply> handler) {
        reads.addFirst(new Read(() -> path, handler, true));
    }

    void problem(String message) {
        problems.add(message);
    }

    /** A problem that makes every later read pointless. */
    void stop(String message) {
        problems.add(message);
        stopped = true;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
