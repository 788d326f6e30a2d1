package io.akocamel.avi;

import io.akocamel.model.AviType;

/** A desired object the planner will not write, and why (owned by someone else, or depends on such an object). */
public record Conflict(AviType type, String name, String reason) {

    public String key() {
        return type.path() + "/" + name;
    }
}
