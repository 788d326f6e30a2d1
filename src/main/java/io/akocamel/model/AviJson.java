package io.akocamel.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.TreeMap;

/**
 * Deterministic JSON for Avi bodies. Objects made here keep their fields sorted by name at every level, and
 * {@link #write} sorts the fields of any node, so equal content always gives byte-identical compact JSON (which is
 * what makes checksums stable and a restart write nothing).
 */
public final class AviJson {
    private static final JsonNodeFactory NODES = new SortedNodeFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(NODES);
    private static final ObjectWriter CANONICAL = MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    private AviJson() {
    }

    /** A new object node whose fields (and those of objects added to it) stay sorted by name. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Compact JSON with the fields of every object sorted by name. */
    public static String write(JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON into sorted nodes. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The mapper behind this class (sorted object nodes); for readers of Avi JSON that want the same guarantees. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final class SortedNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new TreeMap<>());
        }
    }
}
