package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A field selector ({@code involvedObject.name=shop,status.phase!=Failed}) applied to stored objects: the mock
 * filters on {@code metadata.name} and {@code metadata.namespace} only, {@code kubectl describe} asks for more.
 */
record FieldSelector(List<Requirement> requirements) {

    record Requirement(String field, String value, boolean equal) {
        boolean matches(JsonNode object) {
            JsonNode node = object;
            for (String step : field.split("\\.")) {
                node = node.path(step);
            }
            return value.equals(node.asText("")) == equal;
        }
    }

    static FieldSelector parse(String selector) {
        List<Requirement> requirements = new ArrayList<>();
        for (String term : selector.split(",")) {
            int notEqual = term.indexOf("!=");
            int equal = term.indexOf('=');
            if (notEqual > 0) {
                requirements.add(new Requirement(term.substring(0, notEqual).trim(), term.substring(notEqual + 2).trim(), false));
            } else if (equal > 0) {
                int valueAt = term.startsWith("==", equal) ? equal + 2 : equal + 1;
                requirements.add(new Requirement(term.substring(0, equal).trim(), term.substring(valueAt).trim(), true));
            }
        }
        return new FieldSelector(requirements);
    }

    boolean matches(JsonNode object) {
        return requirements.stream().allMatch(r -> r.matches(object));
    }
}
