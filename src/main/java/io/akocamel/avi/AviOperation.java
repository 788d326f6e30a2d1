package io.akocamel.avi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviType;

import java.util.Set;

/**
 * One planned write to the Avi Controller.
 *
 * @param method    POST (create), PUT (full replace of {@code uuid}) or DELETE (of {@code uuid})
 * @param payload   the exact JSON body (null for DELETE); may hold a private key, so it is never printed
 * @param checksum  the payload's checksum as stamped on the object ({@link Payloads}); for DELETE the stored one
 * @param basis     the controller state the write was planned against: {@code new@<inventory epoch>} for a create,
 *                  {@code <uuid>@<_last_modified>} otherwise. Part of the idempotency key, so the same write planned
 *                  from the same state is sent once, while a later identical write against a changed state (an object
 *                  deleted or edited by hand) is sent again.
 * @param dependsOn keys ({@code type/name}) of operations in the same batch that must succeed before this one
 */
public record AviOperation(AviMethod method, AviType type, String name, String uuid, ObjectNode payload, String checksum,
                           String basis, Set<String> dependsOn) {

    public AviOperation {
        dependsOn = Set.copyOf(dependsOn);
    }

    /** {@code type/name}, e.g. {@code pool/cluster-1--foo.com_-default-web}. */
    public String key() {
        return type.path() + "/" + name;
    }

    /** The idempotent-consumer key: object, method, checksum and the state it was planned against. */
    public String idempotencyKey() {
        return key() + "|" + method + "|" + checksum + "|" + basis;
    }

    /** The REST path: the collection for POST, the object for PUT and DELETE. */
    public String path() {
        return method == AviMethod.POST ? "/api/" + type.path() : "/api/" + type.path() + "/" + uuid;
    }

    AviOperation withDependsOn(Set<String> keys) {
        return new AviOperation(method, type, name, uuid, payload, checksum, basis, keys);
    }

    @Override
    public String toString() {
        return method + " " + key() + (uuid == null ? "" : " (" + uuid + ")");
    }
}
