package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * Server-side printing: an object or a list as a {@code meta.k8s.io/v1} Table, each row carrying the object as
 * {@code includeObject} asks (PartialObjectMetadata by default, the whole object, or none).
 */
final class Tables {
    static final ObjectMapper JSON = new ObjectMapper();

    private Tables() {
    }

    /** Whether an Accept header asks for a Table ({@code application/json;as=Table;v=v1;g=meta.k8s.io}). */
    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    static ObjectNode of(JsonNode body, TablePrinter printer, String includeObject, Instant now, boolean withColumns) {
        ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        boolean list = body.has("items");
        table.putObject("metadata").put("resourceVersion", list ? listVersion(body) : body.path("metadata").path("resourceVersion").asText(""));
        if (withColumns) {
            ArrayNode columns = table.putArray("columnDefinitions");
            for (Column c : printer.columns()) {
                columns.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.description()).put("priority", c.priority());
            }
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : list ? body.path("items") : List.of(body)) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            printer.cells().of(object, now).forEach(cell -> cells.add(JSON.valueToTree(cell)));
            switch (includeObject) {
                case "None" -> { }
                case "Object" -> row.set("object", object);
                default -> row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1")
                        .set("metadata", object.path("metadata"));
            }
        }
        return table;
    }

    /** The list's resourceVersion, or (the mock leaves it empty) the newest of its items, for {@code get -w} to start after. */
    private static String listVersion(JsonNode list) {
        String version = list.path("metadata").path("resourceVersion").asText("");
        if (!version.isEmpty()) {
            return version;
        }
        long newest = 0;
        for (JsonNode item : list.path("items")) {
            newest = Math.max(newest, item.path("metadata").path("resourceVersion").asLong(0));
        }
        return String.valueOf(newest);
    }
}
