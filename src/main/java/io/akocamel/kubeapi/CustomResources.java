package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds a CustomResourceDefinition adds, printed with its {@code additionalPrinterColumns} as an API server does. */
final class CustomResources {
    /** {@code .field}, {@code [index]} or {@code [?(@.field=="value")]}: the JSONPath forms printer columns use. */
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]|\\[\\?\\(@\\.([\\w.]+)==[\"']([^\"']*)[\"']\\)]");

    private CustomResources() {
    }

    /** Storage version first: it is the preferred one. */
    static List<ApiResource> of(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(s -> shortNames.add(s.asText()));
        List<ApiResource> kinds = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            ApiResource kind = new ApiResource(spec.path("group").asText(), version.path("name").asText(), names.path("plural").asText(),
                    names.path("kind").asText(), !"Cluster".equals(spec.path("scope").asText()), List.copyOf(shortNames),
                    version.path("subresources").has("status"), printer(version.path("additionalPrinterColumns")));
            kinds.add(version.path("storage").asBoolean() ? 0 : kinds.size(), kind);
        }
        return kinds;
    }

    static TablePrinter printer(JsonNode printerColumns) {
        if (printerColumns.isEmpty()) {
            return TablePrinter.NAME_AND_AGE;
        }
        List<Column> columns = new ArrayList<>(List.of(Column.NAME));
        List<JsonNode> definitions = new ArrayList<>();
        printerColumns.forEach(c -> {
            columns.add(new Column(c.path("name").asText(), c.path("type").asText("string"), c.path("format").asText(""),
                    c.path("description").asText(""), c.path("priority").asInt()));
            definitions.add(c);
        });
        return new TablePrinter(columns, (o, now) -> {
            List<Object> cells = new ArrayList<>(List.of(CellFormat.name(o)));
            for (JsonNode c : definitions) {
                JsonNode value = select(o, c.path("jsonPath").asText());
                String text = value.isValueNode() ? value.asText() : value.isMissingNode() ? "" : value.toString();
                cells.add("date".equals(c.path("type").asText()) && !text.isEmpty() ? CellFormat.since(text, now) : text);
            }
            return cells;
        });
    }

    static JsonNode select(JsonNode object, String jsonPath) {
        String path = jsonPath.startsWith("{") && jsonPath.endsWith("}") ? jsonPath.substring(1, jsonPath.length() - 1) : jsonPath;
        Matcher step = STEP.matcher(path);
        JsonNode node = object;
        int at = 0;
        while (at < path.length() && step.find(at) && step.start() == at) {
            if (step.group(1) != null) {
                node = node.path(step.group(1));
            } else if (step.group(2) != null) {
                node = node.path(Integer.parseInt(step.group(2)));
            } else {
                node = firstMatching(node, step.group(3), step.group(4));
            }
            at = step.end();
        }
        return at == path.length() ? node : MissingNode.getInstance();
    }

    private static JsonNode firstMatching(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(select(item, "." + field).asText(null))) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }
}
