package io.akocamel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviType;
import io.akocamel.simulator.AviSimulator;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The objects of the types ako-camel writes, on the simulator, in the controller's cloud (objects outside any cloud
 * included), keyed {@code type/name}, without what the controller assigns on every write (uuid, url,
 * {@code _last_modified}). The minimal writes from one state to another ({@link #writesTo}) are the benchmark's
 * floor: one POST per object added, one PUT per object changed, one DELETE per object removed.
 */
final class AviState {
    private static final Set<String> ASSIGNED = Set.of("uuid", "url", "_last_modified");

    private final Map<String, JsonNode> objects;

    AviState(Map<String, JsonNode> objects) {
        this.objects = Map.copyOf(objects);
    }

    static AviState of(AviSimulator avi, String cloud) {
        Map<String, JsonNode> objects = new HashMap<>();
        for (AviType type : AviType.values()) {
            for (ObjectNode object : avi.objects(type.path())) {
                if (inCloud(object, cloud)) {
                    objects.put(type.path() + "/" + object.path("name").asText(), withoutAssigned(object));
                }
            }
        }
        return new AviState(objects);
    }

    /** This state with the current version of some objects ({@code type/name}) read again from the simulator. */
    AviState reread(AviSimulator avi, String cloud, Collection<String> keys) {
        Map<String, JsonNode> updated = new HashMap<>(objects);
        for (String key : keys) {
            String type = key.substring(0, key.indexOf('/'));
            String name = key.substring(key.indexOf('/') + 1);
            Optional<ObjectNode> now = avi.find(type, name, cloud).or(() -> avi.find(type, name).filter(o -> !o.has("cloud_ref")));
            now.ifPresentOrElse(o -> updated.put(key, withoutAssigned(o)), () -> updated.remove(key));
        }
        return new AviState(updated);
    }

    /** The fewest writes that turn this state into {@code after}: objects added + removed + changed. */
    int writesTo(AviState after) {
        Set<String> keys = new HashSet<>(objects.keySet());
        keys.addAll(after.objects.keySet());
        return (int) keys.stream().filter(key -> !Objects.equals(objects.get(key), after.objects.get(key))).count();
    }

    int size() {
        return objects.size();
    }

    private static boolean inCloud(JsonNode object, String cloud) {
        return !object.has("cloud_ref") || object.path("cloud_ref").asText().endsWith("#" + cloud);
    }

    private static JsonNode withoutAssigned(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(ASSIGNED);
        return copy;
    }
}
