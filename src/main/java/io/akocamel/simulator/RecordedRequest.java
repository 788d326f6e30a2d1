package io.akocamel.simulator;

import java.time.Instant;
import java.util.Set;

/**
 * A call the simulator answered (admin paths under {@code /simulator/} are not recorded): when, method, path without
 * query, the raw query (or ""), the status answered, the {@code X-Avi-Tenant} header (or null), and the name of the
 * object a successful call on one object created, read, changed or deleted (null for collections, logins and errors).
 */
public record RecordedRequest(Instant at, String method, String path, String query, int status, String tenant,
                              String objectName) {
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
