package io.akocamel.avi;

import io.akocamel.model.AviType;

/**
 * A desired object the planner will not write, and why (owned by someone else, or depends on such an object).
 *
 * @param eventReason the reason of the Warning Event on the shard's Ingresses
 */
public record Conflict(AviType type, String name, String reason, String eventReason) {

    public Conflict(AviType type, String name, String reason) {
        this(type, name, reason, ErrorClass.CONFLICT.eventReason());
    }

    public String key() {
        return type.path() + "/" + name;
    }
}
