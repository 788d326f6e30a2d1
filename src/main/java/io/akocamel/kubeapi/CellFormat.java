package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The cell formats of the API server's printers (k8s.io/kubernetes pkg/printers and apimachinery's duration). */
final class CellFormat {
    static final String NONE = "<none>";

    private CellFormat() {
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String age(JsonNode object, Instant now) {
        return since(object.path("metadata").path("creationTimestamp").asText(""), now);
    }

    /** translateTimestampSince: the age of an RFC 3339 timestamp, {@code <unknown>} when absent. */
    static String since(String timestamp, Instant now) {
        if (timestamp.isEmpty()) {
            return "<unknown>";
        }
        try {
            return humanDuration(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }

    /** apimachinery duration.HumanDuration. */
    static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        if (hours < 24 * 365 * 8) {
            long days = hours / 24 % 365;
            return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
        }
        return hours / 24 / 365 + "y";
    }

    /** listWithMoreString: at most three entries, then {@code + N more...}; {@code <unset>} when empty. */
    static String firstThree(List<String> values) {
        String shown = String.join(",", values.subList(0, Math.min(3, values.size())));
        if (values.size() > 3) {
            return shown + " + " + (values.size() - 3) + " more...";
        }
        return shown.isEmpty() ? "<unset>" : shown;
    }

    /** labels.FormatLabels: sorted {@code k=v} pairs, {@code <none>} when empty. */
    static String labels(JsonNode map) {
        TreeMap<String, String> sorted = new TreeMap<>();
        map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, v) -> pairs.add(k + "=" + v));
        return pairs.isEmpty() ? NONE : String.join(",", pairs);
    }

    static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> {
            String value = field.isEmpty() ? item.asText("") : item.path(field).asText("");
            if (!value.isEmpty()) {
                values.add(value);
            }
        });
        return values;
    }
}
