package io.akocamel.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryTest {
    @Test
    void everyServedTypeHasItsPackagedSchema() {
        for (ModelType type : ModelType.all()) {
            boolean checked = !SchemaRegistry.UNCHECKED.contains(type.model());

            assertThat(SchemaRegistry.forModel(type.model()).isPresent()).as(type.model()).isEqualTo(checked);
        }
    }

    @Test
    void uncheckedTypesAreServedTypesWithoutAPackagedSchema() {
        for (String model : SchemaRegistry.UNCHECKED) {
            assertThat(ModelType.all()).extracting(ModelType::model).contains(model);
            assertThat(getClass().getClassLoader().getResource("avi-api/" + model + ".json")).as(model).isNull();
        }
    }

    @Test
    void aServedTypeWithoutItsSchemaFailsTheLoad(@TempDir Path empty) throws IOException {
        try (URLClassLoader classpath = new URLClassLoader(new URL[] {empty.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> SchemaRegistry.load(classpath, List.of(ModelType.require("pool"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Avi schema avi-api/Pool.json is not on the classpath: the simulator would accept any "
                            + "Pool payload");
        }
    }
}
