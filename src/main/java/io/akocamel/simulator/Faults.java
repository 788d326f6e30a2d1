package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection, changeable at any time from any thread (and over {@code /simulator/faults}). Applies to every call
 * except the {@code /simulator/} admin paths:
 * <ul>
 * <li>{@link #latency(Duration)}: each call is answered that much later (a timer, no thread blocked);</li>
 * <li>{@link #errorRate(double, int)}: that fraction of calls is answered with the status, spread evenly and
 * deterministically (0.25 fails every 4th call; 1.0 every call), body {@code {"error": "Injected fault"}};</li>
 * <li>{@link #outage(Duration)} / {@link #outageUntilCleared()}: 503 {@code Service Unavailable} until the window ends
 * or {@link #endOutage()};</li>
 * <li>{@link #sessionExpiryAfterCalls(int)}: each session expires after that many API calls counted from login or from
 * when this was set, so the next call gets 401 and the client must log in again (0 = off);</li>
 * <li>{@link #clusterState(String)}: the state {@code /api/cluster/runtime} reports (default CLUSTER_UP_NO_HA);</li>
 * <li>{@link #rejectWrites(String, String, String)}: POST and PUT of one object (type and name) answer 400 with that
 * message, as the controller does for a payload it does not accept, until {@link #acceptWrites} or {@link #clear}.</li>
 * </ul>
 */
public final class Faults {
    public static final String CLUSTER_UP = "CLUSTER_UP_NO_HA";

    private final Clock clock;
    private volatile Duration latency = Duration.ZERO;
    private volatile double errorRate;
    private volatile int errorStatus = 500;
    private double errorCredit;
    private volatile Instant outageUntil;
    private volatile int sessionExpiryAfterCalls;
    private final AtomicInteger sessionRuleGeneration = new AtomicInteger();
    private volatile String clusterState = CLUSTER_UP;
    private final Map<String, String> rejectedWrites = new ConcurrentHashMap<>();

    Faults(Clock clock) {
        this.clock = clock;
    }

    public Faults latency(Duration perCall) {
        if (perCall.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + perCall);
        }
        this.latency = perCall;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** {@code fraction} of calls (0..1) fail with {@code status}. */
    public synchronized Faults errorRate(double fraction, int status) {
        if (fraction < 0 || fraction > 1 || status < 100 || status > 599) {
            throw new IllegalArgumentException("error rate must be within 0..1 and status a HTTP status: "
                    + fraction + ", " + status);
        }
        this.errorRate = fraction;
        this.errorStatus = status;
        this.errorCredit = 0;
        return this;
    }

    public double errorRate() {
        return errorRate;
    }

    public int errorStatus() {
        return errorStatus;
    }

    public Faults outage(Duration duration) {
        this.outageUntil = clock.instant().plus(duration);
        return this;
    }

    public Faults outageUntilCleared() {
        this.outageUntil = Instant.MAX;
        return this;
    }

    public Faults endOutage() {
        this.outageUntil = null;
        return this;
    }

    public boolean inOutage() {
        Instant until = outageUntil;
        return until != null && clock.instant().isBefore(until);
    }

    public Faults sessionExpiryAfterCalls(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative: " + calls);
        }
        this.sessionExpiryAfterCalls = calls;
        sessionRuleGeneration.incrementAndGet();
        return this;
    }

    public int sessionExpiryAfterCalls() {
        return sessionExpiryAfterCalls;
    }

    public Faults clusterState(String state) {
        this.clusterState = Objects.requireNonNull(state);
        return this;
    }

    public String clusterState() {
        return clusterState;
    }

    /** POST and PUT of the object {@code type}/{@code name} (e.g. {@code httppolicyset}) answer 400 {@code message}. */
    public Faults rejectWrites(String type, String name, String message) {
        rejectedWrites.put(type + "/" + name, Objects.requireNonNull(message));
        return this;
    }

    public Faults acceptWrites(String type, String name) {
        rejectedWrites.remove(type + "/" + name);
        return this;
    }

    /** The 400 message for a write of this object, if its writes are rejected. */
    Optional<String> writeRejection(String type, String name) {
        return Optional.ofNullable(rejectedWrites.get(type + "/" + name));
    }

    /** No latency, no errors, no outage, no session expiry, no rejected writes, cluster up. */
    public Faults clear() {
        rejectedWrites.clear();
        latency(Duration.ZERO);
        errorRate(0, 500);
        endOutage();
        sessionExpiryAfterCalls(0);
        clusterState(CLUSTER_UP);
        return this;
    }

    /** Whether this call is one of the injected errors (advances the deterministic spread). */
    synchronized boolean nextCallFails() {
        if (errorRate <= 0) {
            return false;
        }
        errorCredit += errorRate;
        if (errorCredit >= 1 - 1e-9) {
            errorCredit -= 1;
            return true;
        }
        return false;
    }

    int sessionRuleGeneration() {
        return sessionRuleGeneration.get();
    }

    /** The admin view: {@code {latencyMs, errorRate, errorStatus, outage, outageRemainingMs, sessionExpiryAfterCalls, clusterState}}. */
    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("latencyMs", latency.toMillis());
        json.put("errorRate", errorRate);
        json.put("errorStatus", errorStatus);
        json.put("outage", inOutage());
        Instant until = outageUntil;
        if (inOutage() && !Instant.MAX.equals(until)) {
            json.put("outageRemainingMs", Duration.between(clock.instant(), until).toMillis());
        }
        json.put("sessionExpiryAfterCalls", sessionExpiryAfterCalls);
        json.put("clusterState", clusterState);
        return json;
    }

    /**
     * Applies the fields present in an admin request: {@code latencyMs}, {@code errorRate} (+ {@code errorStatus},
     * default 500), {@code outageMs} (a window) or {@code outage} (true = until cleared, false = end),
     * {@code sessionExpiryAfterCalls}, {@code clusterState}.
     */
    void apply(JsonNode json) {
        if (!json.isObject()) {
            throw new ApiException(400, "Expected a JSON object of faults");
        }
        try {
            if (json.has("latencyMs")) {
                latency(Duration.ofMillis(json.get("latencyMs").asLong()));
            }
            if (json.has("errorRate")) {
                errorRate(json.get("errorRate").asDouble(), json.path("errorStatus").asInt(500));
            }
            if (json.has("outageMs")) {
                outage(Duration.ofMillis(json.get("outageMs").asLong()));
            }
            if (json.has("outage")) {
                if (json.get("outage").asBoolean()) {
                    outageUntilCleared();
                } else {
                    endOutage();
                }
            }
            if (json.has("sessionExpiryAfterCalls")) {
                sessionExpiryAfterCalls(json.get("sessionExpiryAfterCalls").asInt());
            }
            if (json.has("clusterState")) {
                clusterState(json.get("clusterState").asText());
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
