package io.akocamel.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;
import java.util.function.Supplier;

/**
 * The simulator's own unauthenticated admin paths (never subject to faults, never in the request log):
 * <ul>
 * <li>{@code GET /simulator/dns}: {@code [{fqdn, ip, vsvip}]}, the records Avi DNS serves;</li>
 * <li>{@code GET /simulator/faults}; {@code POST /simulator/faults} with any of {@code latencyMs}, {@code errorRate}
 * (+ {@code errorStatus}), {@code outageMs}, {@code outage} (true/false), {@code sessionExpiryAfterCalls},
 * {@code clusterState}; {@code DELETE /simulator/faults} clears all;</li>
 * <li>{@code POST /simulator/sessions/expire}: ends every session;</li>
 * <li>{@code GET /simulator/requests}: the request log; {@code DELETE /simulator/requests} empties it.</li>
 * </ul>
 */
final class AdminEndpoint {
    static final String PREFIX = "/simulator/";

    private final Faults faults;
    private final Sessions sessions;
    private final RequestLog requestLog;
    private final Supplier<List<DnsRecord>> dns;

    AdminEndpoint(Faults faults, Sessions sessions, RequestLog requestLog, Supplier<List<DnsRecord>> dns) {
        this.faults = faults;
        this.sessions = sessions;
        this.requestLog = requestLog;
        this.dns = dns;
    }

    HttpAnswer handle(HttpCall call) {
        String what = call.path().substring(PREFIX.length()).replaceAll("/+$", "");
        try {
            return switch (call.method() + " " + what) {
                case "GET dns" -> {
                    ArrayNode records = Json.MAPPER.createArrayNode();
                    dns.get().forEach(r -> records.addObject().put("fqdn", r.fqdn()).put("ip", r.ip())
                            .put("vsvip", r.vsvip()));
                    yield HttpAnswer.json(200, records);
                }
                case "GET faults" -> HttpAnswer.json(200, faults.toJson());
                case "POST faults" -> {
                    faults.apply(Json.parse(call.body()));
                    yield HttpAnswer.json(200, faults.toJson());
                }
                case "DELETE faults" -> HttpAnswer.json(200, faults.clear().toJson());
                case "POST sessions/expire" -> {
                    sessions.expireAll();
                    yield HttpAnswer.json(200, Json.object());
                }
                case "GET requests" -> {
                    ArrayNode log = Json.MAPPER.createArrayNode();
                    requestLog.snapshot().forEach(r -> log.addObject().put("at", r.at().toString())
                            .put("method", r.method()).put("path", r.path()).put("query", r.query())
                            .put("status", r.status()).put("tenant", r.tenant())
                            .put("objectName", r.objectName()));
                    yield HttpAnswer.json(200, log);
                }
                case "DELETE requests" -> {
                    requestLog.clear();
                    yield HttpAnswer.empty(204);
                }
                default -> HttpAnswer.json(404, Json.error("Unknown simulator admin path " + call.method() + " "
                        + call.path()));
            };
        } catch (ApiException e) {
            return HttpAnswer.error(e);
        }
    }
}
