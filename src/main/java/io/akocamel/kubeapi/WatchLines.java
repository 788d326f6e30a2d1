package io.akocamel.kubeapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The mock's watch, which speaks to a WebSocket, turned into the lines of an HTTP watch as kubectl reads them: one
 * {@code {"type":...,"object":...}} per line, the object as a Table when the request asked for one (column definitions
 * in the first event only, as an API server sends them). The mock replays every stored object as ADDED when a watch
 * opens; those a list at {@code resourceVersion} already showed are left out, as a server does.
 */
final class WatchLines implements WebSocket {
    private final RecordedRequest request;
    private final long sinceVersion;
    private final FieldSelector fields;
    private final Optional<TablePrinter> table;
    private final String includeObject;
    private final Consumer<String> lines;
    private final Runnable end;
    private final AtomicBoolean first = new AtomicBoolean(true);
    private final AtomicBoolean ended = new AtomicBoolean();

    WatchLines(RecordedRequest request, ApiRequest api, Optional<TablePrinter> table, Consumer<String> lines, Runnable end) {
        this.request = request;
        String version = api.param("resourceVersion");
        this.sinceVersion = version.matches("\\d+") ? Long.parseLong(version) : 0;
        this.fields = FieldSelector.parse(api.param("fieldSelector"));
        this.table = table;
        this.includeObject = api.param("includeObject");
        this.lines = lines;
        this.end = end;
    }

    @Override
    public RecordedRequest request() {
        return request;
    }

    @Override
    public boolean send(String event) {
        try {
            JsonNode parsed = Tables.JSON.readTree(event);
            JsonNode object = parsed.path("object");
            boolean replayed = "ADDED".equals(parsed.path("type").asText())
                    && object.path("metadata").path("resourceVersion").asLong(Long.MAX_VALUE) <= sinceVersion;
            if (replayed || !fields.matches(object)) {
                return true;
            }
            if (table.isPresent()) {
                ObjectNode wrapped = Tables.JSON.createObjectNode().put("type", parsed.path("type").asText());
                wrapped.set("object", Tables.of(object, table.get(), includeObject, Instant.now(), first.getAndSet(false)));
                parsed = wrapped;
            }
            lines.accept(Tables.JSON.writeValueAsString(parsed) + "\n");
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @Override
    public boolean send(byte[] bytes) {
        return send(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public boolean close(int code, String reason) {
        if (!ended.getAndSet(true)) {
            end.run();
        }
        return true;
    }
}
