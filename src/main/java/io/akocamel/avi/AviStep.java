package io.akocamel.avi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviType;
import io.akocamel.model.NameRef;


/**
 * One controller call of {@code direct:avi-step}, carried in exchange property {@link AviExchange#STEP}: a read, a write of an
 * operation, or a follow-up the error policy asked for (read by name to adopt after 409, re-read after 412).
 *
 * @param operation the operation this step serves (null for plain reads)
 * @param number    1 for the first call of an operation, +1 per follow-up (bounded)
 */
public record AviStep(Kind kind, String method, String path, ObjectNode body, AviOperation operation, int number) {

    public enum Kind { READ, WRITE, ADOPT_LOOKUP, REREAD }

    public static AviStep read(String path) {
        return new AviStep(Kind.READ, "GET", path, null, null, 1);
    }

    static AviStep write(AviOperation op, int number) {
        return new AviStep(Kind.WRITE, op.method().name(), op.path(), op.payload(), op, number);
    }

    static AviStep adoptLookup(AviOperation op, int number) {
        return new AviStep(Kind.ADOPT_LOOKUP, "GET", byName(op.type(), op.name()), null, op, number);
    }

    static AviStep reread(AviOperation op, int number) {
        return new AviStep(Kind.REREAD, "GET", "/api/" + op.type().path() + "/" + op.uuid() + "?include_name=true", null, op, number);
    }

    /** {@code /api/<type>?name=<name>&include_name=true}. */
    static String byName(AviType type, String name) {
        return NameRef.of(type.path(), name) + "&include_name=true";
    }

    @Override
    public String toString() {
        return kind + " " + method + " " + path;
    }
}
