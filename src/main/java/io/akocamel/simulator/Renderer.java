package io.akocamel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A stored object as the controller answers it: {@code url} first, refs as absolute URLs on the client's origin
 * ({@code #name} appended in POST/PUT/PATCH answers and with {@code include_name}), the write-only certificate
 * {@code key} left out, then {@code skip_default} and {@code fields} applied.
 */
final class Renderer {
    private static final List<String> ALWAYS_KEPT = List.of("name", "url", "uuid");

    private final RefResolver refs;

    Renderer(RefResolver refs) {
        this.refs = refs;
    }

    ObjectNode render(StoredObject object, String baseUrl, boolean withNames, CollectionQuery shape) {
        ObjectNode out = Json.object();
        out.put("url", refs.render(object.ref().path(), baseUrl, withNames));
        out.setAll(object.body().deepCopy());
        refs.renderAll(out, baseUrl, withNames);
        if (object.type().path().equals(ModelType.SSL_CERTIFICATE)) {
            out.remove("key");
        }
        if (shape.skipDefault) {
            SchemaRegistry.forModel(object.type().model()).ifPresent(schema -> {
                List<String> defaults = new ArrayList<>();
                out.fields().forEachRemaining(f -> {
                    if (f.getValue().equals(schema.defaultOf(f.getKey()))) {
                        defaults.add(f.getKey());
                    }
                });
                out.remove(defaults);
            });
        }
        if (shape.fields != null) {
            List<String> keep = new ArrayList<>(shape.fields);
            keep.addAll(ALWAYS_KEPT);
            out.retain(keep);
        }
        return out;
    }
}
