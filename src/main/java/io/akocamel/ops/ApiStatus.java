package io.akocamel.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.avi.AviSession;
import io.akocamel.avi.DeadLetterStore;
import io.akocamel.kube.Leadership;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * AKO's {@code GET /api/status} (bean {@code akoApiStatus}, route {@code ako-api-status} of routes/ops.camel.yaml):
 * {@code {"avi_api":{"connection_status":"INITIATING|CONNECTED|DISCONNECTED","errors":[...]},"role":"leader|follower"}} with the last
 * {@value #MAX_ERRORS} Avi errors, newest last. The texts are those of the dead letters (already scrubbed of secrets)
 * and, while not connected, why.
 */
public final class ApiStatus {
    static final int MAX_ERRORS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AviSession session;
    private final Leadership leadership;
    private final Deque<String> errors = new ArrayDeque<>();

    ApiStatus(AviSession session, Leadership leadership) {
        this.session = session;
        this.leadership = leadership;
    }

    /** AKO's three states: before the first login, logged in, and unreachable or credentials rejected. */
    public String connectionStatus() {
        return switch (session.state()) {
            case NOT_CONNECTED -> "INITIATING";
            case CONNECTED -> "CONNECTED";
            case UNREACHABLE, CREDENTIALS_REJECTED -> "DISCONNECTED";
        };
    }

    void deadLetterRecorded(DeadLetterStore.DeadLetter entry) {
        String status = entry.status() > 0 ? " (" + entry.status() + ")" : "";
        add(entry.lastTime() + " " + entry.method() + " " + entry.objectKey() + " failed [" + entry.errorClass() + "]" + status + ": "
                + entry.error());
    }

    private synchronized void add(String error) {
        errors.addLast(error);
        while (errors.size() > MAX_ERRORS) {
            errors.removeFirst();
        }
    }

    /** The last errors, oldest first; while disconnected, the reason comes last. */
    public synchronized List<String> errors() {
        List<String> all = new ArrayList<>(errors);
        String problem = session.problem();
        if (session.state() != AviSession.State.CONNECTED && problem != null) {
            all.add(problem);
        }
        return List.copyOf(all.subList(Math.max(0, all.size() - MAX_ERRORS), all.size()));
    }

    /** Route step: the response body. */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode api = root.putObject("avi_api");
        api.put("connection_status", connectionStatus());
        ArrayNode list = api.putArray("errors");
        errors().forEach(list::add);
        root.put("role", leadership.role());
        return root.toString();
    }
}
