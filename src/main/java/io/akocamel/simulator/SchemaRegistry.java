package io.akocamel.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compiled schema of every object type the simulator serves, read once from the classpath
 * ({@code avi-api/<Model>.json}, which the project carries). A served type without its schema stops the first
 * simulator from starting, instead of letting it accept any payload of that type. Compiled schemas are immutable and
 * shared by every simulator in the JVM.
 */
final class SchemaRegistry {
    /** Served types that the packaged schema snapshot does not cover; their payloads are stored unchecked. */
    static final Set<String> UNCHECKED = Set.of("L4PolicySet");
    private static final Map<String, ObjectSchema> SCHEMAS = load(SchemaRegistry.class.getClassLoader(), ModelType.all());

    private SchemaRegistry() {
    }

    static Optional<ObjectSchema> forModel(String model) {
        return Optional.ofNullable(SCHEMAS.get(model));
    }

    static Map<String, ObjectSchema> load(ClassLoader classpath, Collection<ModelType> served) {
        Map<String, ObjectSchema> schemas = new HashMap<>();
        for (ModelType type : served) {
            if (UNCHECKED.contains(type.model())) {
                continue;
            }
            String resource = "avi-api/" + type.model() + ".json";
            try (InputStream in = classpath.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Avi schema " + resource + " is not on the classpath: the simulator "
                            + "would accept any " + type.model() + " payload");
                }
                schemas.put(type.model(), ObjectSchema.compile(type.model(), Json.MAPPER.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Avi schema " + resource, e);
            }
        }
        return Map.copyOf(schemas);
    }
}
