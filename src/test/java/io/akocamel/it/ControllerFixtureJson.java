package io.akocamel.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Avi JSON fragments for tests that edit the simulator's objects by hand. */
final class ControllerFixtureJson {
    private ControllerFixtureJson() {
    }

    static ObjectNode ip(String addr) {
        return JsonNodeFactory.instance.objectNode().put("addr", addr).put("type", "V4");
    }

    static ObjectNode prefix(String addr, int mask) {
        ObjectNode prefix = JsonNodeFactory.instance.objectNode();
        prefix.set("ip_addr", ip(addr));
        prefix.put("mask", mask);
        return prefix;
    }
}
