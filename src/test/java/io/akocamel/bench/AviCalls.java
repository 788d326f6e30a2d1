package io.akocamel.bench;

import io.akocamel.simulator.RecordedRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the controller asked of the Avi simulator, heard as it happens ({@code AviSimulator.onRequest}): every write
 * (POST/PUT/PATCH/DELETE under {@code /api/}) with the object it wrote, and the number of reads.
 */
final class AviCalls implements Consumer<RecordedRequest> {

    /** One write: when it was answered, the method, the object type ({@code pool}) and name, the status. */
    record Write(Instant at, String method, String type, String name, int status) {
        String object() {
            return type + "/" + name;
        }
    }

    private final List<Write> writes = new ArrayList<>();
    private long reads;
    private Instant lastCallAt = Instant.MIN;

    @Override
    public synchronized void accept(RecordedRequest request) {
        lastCallAt = request.at();
        if (request.isWrite()) {
            writes.add(new Write(request.at(), request.method(), typeOf(request.path()), request.objectName(), request.status()));
        } else if (request.method().equals("GET")) {
            reads++;
        }
    }

    /** {@code /api/pool/pool-1234} → {@code pool}. */
    static String typeOf(String path) {
        String[] segments = path.split("/");
        return segments.length > 2 ? segments[2] : "";
    }

    synchronized void clear() {
        writes.clear();
        reads = 0;
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized int writeCount() {
        return writes.size();
    }

    synchronized long reads() {
        return reads;
    }

    synchronized Instant lastCallAt() {
        return lastCallAt;
    }

    synchronized Optional<Instant> lastWriteAt() {
        return writes.isEmpty() ? Optional.empty() : Optional.of(writes.get(writes.size() - 1).at());
    }
}
