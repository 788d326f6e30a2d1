package io.akocamel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akocamel.simulator.AviSimulator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AviStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMinimalWritesAreTheObjectsAddedRemovedAndChanged() {
        AviState before = state(Map.of("pool/kept", "{\"servers\":1}", "pool/changed", "{\"servers\":1}", "pool/removed", "{}"));
        AviState after = state(Map.of("pool/kept", "{\"servers\":1}", "pool/changed", "{\"servers\":2}", "pool/added", "{}",
                "poolgroup/added", "{}"));

        assertThat(before.writesTo(after)).isEqualTo(4);
        assertThat(after.writesTo(after)).isZero();
    }

    @Test
    void whatTheControllerAssignsOnEveryWriteIsNoChangeAndOtherCloudsAreNotCounted() {
        try (AviSimulator avi = AviSimulator.builder().build().start()) {
            AviState seed = AviState.of(avi, "vcenter-cloud");
            avi.create("pool", "{\"name\":\"p1\",\"cloud_ref\":\"/api/cloud?name=vcenter-cloud\"}");
            avi.create("pool", "{\"name\":\"elsewhere\",\"cloud_ref\":\"/api/cloud?name=Default-Cloud\"}");
            AviState created = AviState.of(avi, "vcenter-cloud");
            avi.update("pool", "p1", pool -> pool.put("description", "same"));
            AviState described = seed.reread(avi, "vcenter-cloud", List.of("pool/p1"));
            avi.update("pool", "p1", pool -> pool.put("description", "same"));

            assertThat(seed.writesTo(created)).as("one pool added in this cloud").isEqualTo(1);
            assertThat(created.writesTo(described)).as("the description changed").isEqualTo(1);
            assertThat(described.writesTo(AviState.of(avi, "vcenter-cloud"))).as("a PUT of the same content").isZero();
        }
    }

    private static AviState state(Map<String, String> objects) {
        Map<String, JsonNode> parsed = new java.util.HashMap<>();
        objects.forEach((key, json) -> {
            try {
                parsed.put(key, JSON.readTree(json));
            } catch (Exception e) {
                throw new IllegalArgumentException(json, e);
            }
        });
        return new AviState(parsed);
    }
}
