package io.akocamel.simulator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Avi's PATCH bodies, applied to a copy of the stored object.
 * <ul>
 * <li>Classic, one level deep: {@code {"add": {...}}} sets scalars and appends to lists; {@code {"replace": {...}}}
 * sets fields; {@code {"delete": {...}}} removes list entries (an entry matches when it has every field the given
 * entry has, with equal values, e.g. {@code {"ip": {"addr": "10.0.0.1", "type": "V4"}}}) and unsets scalars (the
 * schema default then applies). Several of the keys may be combined; they apply in that order.</li>
 * <li>RFC 6902 style: {@code {"json_patch": [{"op": "add|replace|remove", "path": "/servers/0", "value": ...}]}}.</li>
 * </ul>
 */
final class Patch {
    private Patch() {
    }

    static ObjectNode apply(ObjectNode stored, JsonNode patch) {
        if (!patch.isObject() || !(patch.has("add") || patch.has("replace") || patch.has("delete")
                || patch.has("json_patch"))) {
            throw new ApiException(400, "PATCH body must have one of 'add', 'replace', 'delete' or 'json_patch'");
        }
        ObjectNode result = stored.deepCopy();
        fields(patch, "add").forEachRemaining(f -> add(result, f.getKey(), f.getValue()));
        fields(patch, "replace").forEachRemaining(f -> result.set(f.getKey(), f.getValue().deepCopy()));
        fields(patch, "delete").forEachRemaining(f -> delete(result, f.getKey(), f.getValue()));
        for (JsonNode operation : patch.path("json_patch")) {
            jsonPatch(result, operation);
        }
        return result;
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode patch, String op) {
        JsonNode body = patch.path(op);
        if (!body.isMissingNode() && !body.isObject()) {
            throw new ApiException(400, "PATCH '" + op + "' must be an object");
        }
        return body.fields();
    }

    private static void add(ObjectNode target, String field, JsonNode value) {
        JsonNode existing = target.get(field);
        if (existing instanceof ArrayNode list) {
            if (value.isArray()) {
                value.forEach(item -> list.add(item.deepCopy()));
            } else {
                list.add(value.deepCopy());
            }
        } else {
            target.set(field, value.deepCopy());
        }
    }

    private static void delete(ObjectNode target, String field, JsonNode value) {
        JsonNode existing = target.get(field);
        if (existing instanceof ArrayNode list && value.isArray()) {
            for (int i = list.size() - 1; i >= 0; i--) {
                JsonNode entry = list.get(i);
                boolean matches = false;
                for (JsonNode wanted : value) {
                    matches |= contains(entry, wanted);
                }
                if (matches) {
                    list.remove(i);
                }
            }
        } else {
            target.remove(field);
        }
    }

    /** Whether {@code entry} has every field of {@code wanted} with an equal value (plain equality for scalars). */
    private static boolean contains(JsonNode entry, JsonNode wanted) {
        if (!wanted.isObject() || !entry.isObject()) {
            return entry.equals(wanted);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!contains(entry.path(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static void jsonPatch(ObjectNode root, JsonNode operation) {
        String op = operation.path("op").asText("");
        JsonPointer pointer;
        try {
            pointer = JsonPointer.compile(operation.path("path").asText(""));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "Invalid json_patch path '" + operation.path("path").asText() + "'");
        }
        JsonNode parent = root.at(pointer.head());
        String last = pointer.last() == null ? null : pointer.last().getMatchingProperty();
        if (last == null || parent.isMissingNode()) {
            throw new ApiException(400, "Invalid json_patch path '" + operation.path("path").asText() + "'");
        }
        JsonNode value = operation.path("value").deepCopy();
        if (parent instanceof ObjectNode object) {
            switch (op) {
                case "add", "replace" -> object.set(last, value);
                case "remove" -> object.remove(last);
                default -> throw unsupported(op);
            }
        } else if (parent instanceof ArrayNode list) {
            int index = last.equals("-") ? list.size() : parseIndex(last, list.size());
            switch (op) {
                case "add" -> list.insert(index, value);
                case "replace" -> list.set(requireExisting(index, list), value);
                case "remove" -> list.remove(requireExisting(index, list));
                default -> throw unsupported(op);
            }
        } else {
            throw new ApiException(400, "Invalid json_patch path '" + operation.path("path").asText() + "'");
        }
    }

    private static int parseIndex(String text, int size) {
        try {
            int index = Integer.parseInt(text);
            if (index < 0 || index > size) {
                throw new ApiException(400, "json_patch index " + text + " out of range");
            }
            return index;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "json_patch index '" + text + "' is not a number");
        }
    }

    private static int requireExisting(int index, ArrayNode list) {
        if (index >= list.size()) {
            throw new ApiException(400, "json_patch index " + index + " out of range");
        }
        return index;
    }

    private static ApiException unsupported(String op) {
        return new ApiException(400, "Unsupported json_patch op '" + op + "' (use add, replace or remove)");
    }
}
