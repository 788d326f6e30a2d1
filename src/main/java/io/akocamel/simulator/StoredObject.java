package io.akocamel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object as stored: refs in the form {@code /api/<type>/<uuid>}, no {@code url}. The body is never changed after
 * it is stored (writers store a new StoredObject), so readers may share it.
 */
record StoredObject(ModelType type, ObjectNode body, boolean systemDefault) {
    static final String ADMIN_TENANT = "admin";

    String uuid() {
        return body.path("uuid").asText();
    }

    String name() {
        return body.path("name").asText();
    }

    Ref ref() {
        return new Ref(type.path(), uuid());
    }

    /** The owning tenant's uuid; null for tenants themselves. */
    String tenantUuid() {
        return type.tenantScoped() ? Ref.uuidOf(body.path("tenant_ref").asText(null)) : null;
    }

    String cloudUuid() {
        return Ref.uuidOf(body.path("cloud_ref").asText(null));
    }

    String lastModified() {
        return body.path("_last_modified").asText();
    }
}
