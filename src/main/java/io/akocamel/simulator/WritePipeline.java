package io.akocamel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;

/**
 * Turns a POST/PUT/PATCH payload into the object to store, in the controller's order:
 * <ol>
 * <li>schema check (types, enums, required fields) and a name;</li>
 * <li>server-set fields ({@code uuid}, {@code url}, {@code _last_modified}, read-only fields) and fields unknown to the
 * schema dropped;</li>
 * <li>tenant: the body's {@code tenant_ref}, else the object's (PUT/PATCH), else the request's;</li>
 * <li>cloud of a cloud-scoped object: its {@code cloud_ref}, else the object's (PUT/PATCH), else {@code Default-Cloud};
 * </li>
 * <li>type default refs ({@link TypeRules}), then every ref resolved to {@code /api/<type>/<uuid>};</li>
 * <li>schema defaults and type normalisation;</li>
 * <li>name unique per tenant (and cloud): else 409;</li>
 * <li>VsVip: IPAM; SSLKeyAndCertificate: the write-only {@code key} kept when left out, certificate fields derived.</li>
 * </ol>
 * Runs inside the store's write lock.
 */
final class WritePipeline {
    private final ObjectStore store;
    private final RefResolver refs;
    private final Ipam ipam;
    private final Clock clock;

    WritePipeline(ObjectStore store, RefResolver refs, Clock clock) {
        this.store = store;
        this.refs = refs;
        this.ipam = new Ipam(store);
        this.clock = clock;
    }

    /** {@code previous} is the stored version on PUT/PATCH, null on POST. */
    ObjectNode prepare(ModelType type, ObjectNode input, StoredObject previous, TenantScope callScope) {
        ObjectSchema schema = SchemaRegistry.forModel(type.model()).orElse(null);
        if (schema != null) {
            schema.validate(input);
        }
        if (input.path("name").asText("").isEmpty()) {
            throw new ApiException(400, "Field 'name' is required (" + type.model() + ")");
        }
        ObjectNode body = input.deepCopy();
        body.remove(List.of("uuid", "url", "_last_modified"));
        if (schema != null) {
            schema.dropIgnoredFields(body);
        }
        TenantScope owner = TenantScope.ALL;
        if (type.tenantScoped()) {
            String tenant = tenantOf(body, previous, callScope);
            body.put("tenant_ref", tenant);
            owner = new TenantScope(Ref.uuidOf(tenant));
        }
        String cloudUuid = null;
        if (type.cloudScoped()) {
            String cloud = cloudOf(body, previous, new RefResolver.Owner(type, owner, null));
            body.put("cloud_ref", cloud);
            cloudUuid = Ref.uuidOf(cloud);
        }
        TypeRules.fillDefaultRefs(type, body);
        refs.resolveAll(body, new RefResolver.Owner(type, owner, cloudUuid));
        if (schema != null) {
            schema.applyDefaults(body);
        }
        TypeRules.normalise(type, body);
        requireUniqueName(type, body, owner.tenantUuid(), cloudUuid, previous);
        if (type.path().equals(ModelType.VSVIP)) {
            ipam.allocate(body, previous, cloudUuid);
        }
        if (type.path().equals(ModelType.SSL_CERTIFICATE)) {
            if (!body.has("key") && previous != null && previous.body().has("key")) {
                body.set("key", previous.body().get("key"));
            }
            Certificates.describe(body, clock.instant());
        }
        return body;
    }

    private String tenantOf(ObjectNode body, StoredObject previous, TenantScope callScope) {
        String sent = body.path("tenant_ref").asText("");
        if (!sent.isEmpty()) {
            return refs.resolve(sent, new RefResolver.Owner(ModelType.require(ModelType.TENANT), TenantScope.ALL, null))
                    .ref().path();
        }
        if (previous != null) {
            return previous.body().path("tenant_ref").asText();
        }
        return new Ref(ModelType.TENANT, callScope.writeTenant()).path();
    }

    private String cloudOf(ObjectNode body, StoredObject previous, RefResolver.Owner owner) {
        String sent = body.path("cloud_ref").asText("");
        if (!sent.isEmpty()) {
            return refs.resolve(sent, owner).ref().path();
        }
        if (previous != null && previous.cloudUuid() != null) {
            return previous.body().path("cloud_ref").asText();
        }
        return refs.resolve("/api/cloud?name=Default-Cloud", owner).ref().path();
    }

    private void requireUniqueName(ModelType type, ObjectNode body, String tenantUuid, String cloudUuid,
                                   StoredObject previous) {
        String name = body.path("name").asText();
        for (StoredObject other : store.named(type, name)) {
            boolean clash = (previous == null || !other.uuid().equals(previous.uuid()))
                    && (!type.tenantScoped() || tenantUuid.equals(other.tenantUuid()))
                    && (!type.cloudScoped() || cloudUuid.equals(other.cloudUuid()));
            if (clash) {
                throw new ApiException(409, type.duplicateNameMessage());
            }
        }
    }
}
