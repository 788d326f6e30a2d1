package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds and compiles {@code avi-api/<Model>.json}: first on the classpath (the jar packages ../shared/avi-api there),
 * then in the folder named by the system property {@code avi.schema.dir}. Compiled schemas are immutable and shared by
 * every simulator in the JVM. When no schema can be found at all, validation is off and that is logged once.
 */
final class SchemaRegistry {
    static final String DIR_PROPERTY = "avi.schema.dir";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistry.class);
    private static final Map<String, Optional<ObjectSchema>> CACHE = new ConcurrentHashMap<>();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private SchemaRegistry() {
    }

    static Optional<ObjectSchema> forModel(String model) {
        return CACHE.computeIfAbsent(model, SchemaRegistry::load);
    }

    private static Optional<ObjectSchema> load(String model) {
        String file = model + ".json";
        try (InputStream in = open(file)) {
            if (in == null) {
                if (!present("VirtualService.json") && WARNED.compareAndSet(false, true)) {
                    LOG.warn("Avi object schemas (avi-api/*.json) are neither on the classpath nor in -D{}; "
                            + "the simulator does not validate payloads", DIR_PROPERTY);
                }
                return Optional.empty();
            }
            JsonNode swagger = Json.MAPPER.readTree(in);
            return Optional.of(ObjectSchema.compile(model, swagger));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Avi schema " + file, e);
        }
    }

    private static boolean present(String file) throws IOException {
        try (InputStream in = open(file)) {
            return in != null;
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = SchemaRegistry.class.getClassLoader().getResourceAsStream("avi-api/" + file);
        if (in != null) {
            return in;
        }
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && Files.isRegularFile(Path.of(dir, file))) {
            return Files.newInputStream(Path.of(dir, file));
        }
        return null;
    }
}
