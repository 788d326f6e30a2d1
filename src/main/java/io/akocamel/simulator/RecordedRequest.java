package io.akocamel.simulator;

import java.time.Instant;
import java.util.Set;

/**
 * A call the simulator answered (admin paths under {@code /simulator/} are not recorded): when, method, path without
 * query, the raw query (or ""), the status answered, and the {@code X-Avi-Tenant} header (or null).
 */
public record RecordedRequest(Instant at, String method, String path, String query, int status, String tenant) {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** A POST/PUT/PATCH/DELETE on {@code /api/} (login and logout are not writes). */
    public boolean isWrite() {
        return WRITES.contains(method) && path.startsWith("/api/");
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
    }
}
