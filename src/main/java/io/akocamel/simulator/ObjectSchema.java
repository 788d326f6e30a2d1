package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Avi object's schema ({@code avi-api/<Model>.json}, compact definitions generated from the vmware/alb-sdk
 * Swagger specs), compiled into a small tree of types that checks payloads and fills defaults.
 *
 * <p>Why a focused walker and not a JSON Schema library: the controller's answer is one {@code {"error": ...}} naming
 * the field, which a generic validator would not produce. The walker checks exactly what the simulator promises: JSON
 * types (string, integer, number, boolean, object, array) and string enum values, recursively through {@code $ref}
 * definitions, plus the top-level {@code required} fields that have no default. Unknown fields are accepted and
 * dropped, as the controller silently ignores them (a VirtualService posted with {@code application_profile_name}
 * came back without it); JSON {@code null} counts as absent.
 */
final class ObjectSchema {
    private final String model;
    private final ObjectType root;

    private ObjectSchema(String model, ObjectType root) {
        this.model = model;
        this.root = root;
    }

    /** Compiles {@code definitions.<model>} of a schema document. */
    static ObjectSchema compile(String model, JsonNode document) {
        JsonNode definitions = document.path("definitions");
        if (!definitions.has(model)) {
            throw new IllegalArgumentException("schema has no definition " + model);
        }
        return new ObjectSchema(model, new Compiler(definitions).definition(model));
    }

    /** 400 naming the first field that has the wrong type, an unknown enum value, or a missing required field. */
    void validate(JsonNode body) {
        for (String field : root.required) {
            Property property = root.properties.get(field);
            boolean defaulted = property != null && property.defaultValue != null;
            JsonNode value = body.get(field);
            if ((value == null || value.isNull()) && !defaulted) {
                throw new ApiException(400, "Field '" + field + "' is required (" + model + ")");
            }
        }
        check(body, root, "");
    }

    /** Fills schema defaults into the object and every nested object present in it (read-only fields excluded). */
    void applyDefaults(ObjectNode body) {
        fill(body, root);
    }

    /**
     * Removes what the controller ignores on input: fields the schema does not know, at every depth (objects without
     * declared properties keep all), and top-level read-only (server-set) fields.
     */
    void dropIgnoredFields(ObjectNode body) {
        prune(body, root);
        root.properties.forEach((name, property) -> {
            if (property.readOnly) {
                body.remove(name);
            }
        });
    }

    /** The schema default of a top-level field, or null. */
    JsonNode defaultOf(String field) {
        Property property = root.properties.get(field);
        return property == null ? null : property.defaultValue;
    }

    private void check(JsonNode value, Type type, String path) {
        if (value == null || value.isNull() || type == null) {
            return;
        }
        if (type instanceof ObjectType object) {
            requireKind(value.isObject(), "object", value, path);
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Property property = object.properties.get(field.getKey());
                if (property != null) {
                    check(field.getValue(), property.type, path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                }
            }
        } else if (type instanceof ArrayType array) {
            requireKind(value.isArray(), "array", value, path);
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), array.items, path + "[" + i + "]");
            }
        } else if (type instanceof ScalarType scalar) {
            switch (scalar.kind) {
                case STRING -> requireKind(value.isTextual(), "string", value, path);
                case INTEGER -> requireKind(value.isIntegralNumber(), "integer", value, path);
                case NUMBER -> requireKind(value.isNumber(), "number", value, path);
                case BOOLEAN -> requireKind(value.isBoolean(), "boolean", value, path);
            }
            if (!scalar.enumValues.isEmpty() && !scalar.enumValues.contains(value.asText())) {
                throw new ApiException(400, "Invalid enum value '" + value.asText() + "' for field '" + path
                        + "' (" + model + ")");
            }
        }
    }

    private void requireKind(boolean ok, String expected, JsonNode value, String path) {
        if (!ok) {
            throw new ApiException(400, "Invalid type for field '" + path + "' (" + model + "): expected " + expected
                    + ", got " + kindOf(value));
        }
    }

    private static String kindOf(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void prune(JsonNode value, Type type) {
        if (type instanceof ObjectType object && value instanceof ObjectNode node && !object.properties.isEmpty()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Property property = object.properties.get(field.getKey());
                if (property == null) {
                    fields.remove();
                } else {
                    prune(field.getValue(), property.type);
                }
            }
        } else if (type instanceof ArrayType array && value.isArray()) {
            value.forEach(item -> prune(item, array.items));
        }
    }

    private static void fill(JsonNode value, Type type) {
        if (type instanceof ObjectType object && value instanceof ObjectNode node) {
            object.properties.forEach((name, property) -> {
                JsonNode present = node.get(name);
                if ((present == null || present.isNull()) && property.defaultValue != null && !property.readOnly) {
                    node.set(name, property.defaultValue.deepCopy());
                } else if (present != null) {
                    fill(present, property.type);
                }
            });
        } else if (type instanceof ArrayType array && value.isArray()) {
            value.forEach(item -> fill(item, array.items));
        }
    }

    private sealed interface Type permits ObjectType, ArrayType, ScalarType {
    }

    private static final class ObjectType implements Type {
        final Map<String, Property> properties = new LinkedHashMap<>();
        final List<String> required = new ArrayList<>();
    }

    private record ArrayType(Type items) implements Type {
    }

    private enum Kind { STRING, INTEGER, NUMBER, BOOLEAN }

    private record ScalarType(Kind kind, Set<String> enumValues) implements Type {
    }

    private record Property(Type type, JsonNode defaultValue, boolean readOnly) {
    }

    /** Compiles definitions once each; recursive definitions resolve to the same (still filling) object type. */
    private static final class Compiler {
        private final JsonNode definitions;
        private final Map<String, ObjectType> compiled = new HashMap<>();

        Compiler(JsonNode definitions) {
            this.definitions = definitions;
        }

        ObjectType definition(String name) {
            ObjectType existing = compiled.get(name);
            if (existing != null) {
                return existing;
            }
            ObjectType type = new ObjectType();
            compiled.put(name, type);
            JsonNode definition = definitions.path(name);
            definition.path("required").forEach(r -> type.required.add(r.asText()));
            definition.path("properties").fields().forEachRemaining(field -> {
                JsonNode schema = field.getValue();
                JsonNode defaultValue = schema.get("default");
                type.properties.put(field.getKey(),
                        new Property(type(schema), defaultValue, schema.path("readOnly").asBoolean(false)));
            });
            return type;
        }

        /** Null means "anything" (a property without type or $ref). */
        private Type type(JsonNode schema) {
            String ref = schema.path("$ref").asText("");
            if (ref.startsWith("#/definitions/")) {
                return definition(ref.substring("#/definitions/".length()));
            }
            return switch (schema.path("type").asText("")) {
                case "array" -> new ArrayType(type(schema.path("items")));
                case "object" -> schema.has("properties") ? inline(schema) : new ObjectType();
                case "string" -> new ScalarType(Kind.STRING, enumValues(schema));
                case "integer" -> new ScalarType(Kind.INTEGER, Set.of());
                case "number" -> new ScalarType(Kind.NUMBER, Set.of());
                case "boolean" -> new ScalarType(Kind.BOOLEAN, Set.of());
                default -> null;
            };
        }

        private ObjectType inline(JsonNode schema) {
            ObjectType type = new ObjectType();
            schema.path("properties").fields().forEachRemaining(field -> type.properties.put(field.getKey(),
                    new Property(type(field.getValue()), field.getValue().get("default"),
                            field.getValue().path("readOnly").asBoolean(false))));
            return type;
        }

        private static Set<String> enumValues(JsonNode schema) {
            Set<String> values = new HashSet<>();
            schema.path("enum").forEach(value -> values.add(value.asText()));
            return Set.copyOf(values);
        }
    }
}
