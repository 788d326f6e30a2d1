package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * Events (core {@code v1} and {@code events.k8s.io/v1}, read in either shape) as {@code kubectl get events} prints them
 * from a real API server.
 */
final class EventPrinter {
    static final TablePrinter EVENT = new TablePrinter(List.of(
            Column.of("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
            Column.of("Type", "Type of this event (Normal, Warning)"),
            Column.of("Reason", "A short, machine understandable string that gives the reason for this event."),
            Column.of("Object", "The object that this event is about."),
            Column.wide("Subobject", "The field of the object this event is about."),
            Column.wide("Source", "The component reporting this event."),
            Column.of("Message", "A human-readable description of the status of this operation."),
            Column.wide("First Seen", "The time at which the event was first recorded."),
            Column.wide("Count", "The number of times this event has occurred."),
            new Column("Name", "string", "name", "Name must be unique within a namespace.", 1)),
            EventPrinter::cells);

    private EventPrinter() {
    }

    private static List<Object> cells(JsonNode e, Instant now) {
        String first = CellFormat.since(text(e, "firstTimestamp", "deprecatedFirstTimestamp", "eventTime"), now);
        String lastStamp = text(e, "lastTimestamp", "deprecatedLastTimestamp");
        String last = lastStamp.isEmpty() ? first : CellFormat.since(lastStamp, now);
        long count = e.path("count").asLong(e.path("deprecatedCount").asLong(0));
        if (e.hasNonNull("series")) {
            last = CellFormat.since(e.path("series").path("lastObservedTime").asText(""), now);
            count = e.path("series").path("count").asLong();
        } else if (count == 0) {
            count = 1;
        }
        JsonNode about = e.has("involvedObject") ? e.path("involvedObject") : e.path("regarding");
        String kind = about.path("kind").asText("").toLowerCase();
        String target = about.path("name").asText("").isEmpty() ? kind : kind + "/" + about.path("name").asText();
        String component = text(e.path("source"), "component").isEmpty() ? text(e, "reportingController", "reportingComponent")
                : text(e.path("source"), "component");
        String instance = text(e.path("source"), "host").isEmpty() ? text(e, "reportingInstance") : text(e.path("source"), "host");
        String source = component.isEmpty() ? "<unknown>" : instance.isEmpty() ? component : component + ", " + instance;
        return List.of(last, e.path("type").asText(""), e.path("reason").asText(""), target, about.path("fieldPath").asText(""), source,
                text(e, "message", "note").trim(), first, count, CellFormat.name(e));
    }

    /** The first non-empty text among the given fields. */
    private static String text(JsonNode object, String... fields) {
        for (String field : fields) {
            String value = object.path(field).asText("");
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
