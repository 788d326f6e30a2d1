package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Finds references in a payload: string values, at any depth, of fields named {@code *_ref} or {@code *_refs} that
 * contain {@code /api/}. (Every Avi ref field follows that naming; a value without {@code /api/} is kept verbatim.)
 */
final class RefFields {
    private RefFields() {
    }

    static boolean isRefField(String field) {
        return field.endsWith("_ref") || field.endsWith("_refs");
    }

    static boolean looksLikeRef(JsonNode value) {
        return value.isTextual() && value.asText().contains(Ref.PREFIX);
    }

    /** Every ref string in the tree. */
    static List<String> collect(JsonNode node) {
        List<String> refs = new ArrayList<>();
        transform(node, ref -> {
            refs.add(ref);
            return ref;
        });
        return refs;
    }

    /** Replaces each ref string in place by {@code mapping(ref)}; a null result removes the field or list entry. */
    static void transform(JsonNode node, UnaryOperator<String> mapping) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (isRefField(field.getKey()) && looksLikeRef(value)) {
                    String mapped = mapping.apply(value.asText());
                    if (mapped == null) {
                        fields.remove();
                    } else {
                        field.setValue(TextNode.valueOf(mapped));
                    }
                } else if (isRefField(field.getKey()) && value instanceof ArrayNode list) {
                    transformList(list, mapping);
                } else {
                    transform(value, mapping);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> transform(item, mapping));
        }
    }

    private static void transformList(ArrayNode list, UnaryOperator<String> mapping) {
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode item = list.get(i);
            if (looksLikeRef(item)) {
                String mapped = mapping.apply(item.asText());
                if (mapped == null) {
                    list.remove(i);
                } else {
                    list.set(i, TextNode.valueOf(mapped));
                }
            } else {
                transform(item, mapping);
            }
        }
    }
}
