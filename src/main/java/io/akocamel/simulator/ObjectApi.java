package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The object API of the controller, independent of HTTP: create, replace, patch, delete, get and list, with the
 * controller's checks and answers. Each operation runs atomically under the store's lock.
 *
 * <p>Writes: the payload is checked against the schema, server-set fields ({@code uuid}, {@code url},
 * {@code _last_modified}, read-only fields) and fields unknown to the schema are dropped, the tenant is the body's {@code tenant_ref} or the request's
 * tenant (on PUT/PATCH: the object's), the cloud of a cloud-scoped object is its {@code cloud_ref} or
 * {@code Default-Cloud} (on PUT/PATCH without one: unchanged), type defaults and refs are resolved, schema defaults
 * filled, names checked unique per tenant (and cloud), VIPs allocated. The {@code key} of an SSL certificate is
 * write-only: never returned, and kept when a PUT leaves it out.
 */
final class ObjectApi {
    private final ObjectStore store;
    private final RefResolver refs;
    private final Ipam ipam;
    private final Clock clock;
    private final AtomicLong lastModified = new AtomicLong();

    ObjectApi(ObjectStore store, Clock clock) {
        this.store = store;
        this.refs = new RefResolver(store);
        this.ipam = new Ipam(store);
        this.clock = clock;
    }

    /** Who asks and how URLs in answers begin ({@code https://host:port}). */
    record Call(TenantScope scope, String baseUrl) {
    }

    /** One page of a collection: the total number of matches and this page's rendered objects. */
    record Page(int count, List<ObjectNode> results, boolean hasNext) {
    }

    ObjectNode create(Call call, String typePath, JsonNode input, String slug) {
        ModelType type = ModelType.require(typePath);
        return store.write(() -> {
            ObjectNode body = prepare(type, requireObject(input), null, call.scope());
            String uuid = slug != null && !slug.isBlank() ? slug : type.path() + "-" + UUID.randomUUID();
            if (store.get(new Ref(type.path(), uuid).path()).isPresent()) {
                throw new ApiException(409, type.verboseName() + " with this Uuid already exists.");
            }
            StoredObject stored = store(type, body, uuid, false);
            return render(stored, call.baseUrl(), true, CollectionQuery.none());
        });
    }

    ObjectNode replace(Call call, String typePath, String uuid, JsonNode input) {
        ModelType type = ModelType.require(typePath);
        return store.write(() -> {
            StoredObject existing = visible(call.scope(), type, uuid);
            JsonNode sentLastModified = requireObject(input).get("_last_modified");
            if (sentLastModified != null && !sentLastModified.isNull()
                    && !sentLastModified.asText().equals(existing.lastModified())) {
                throw new ApiException(412, "Need to reload object data " + type.model());
            }
            ObjectNode body = prepare(type, (ObjectNode) input, existing, call.scope());
            return render(store(type, body, uuid, existing.systemDefault()), call.baseUrl(), true,
                    CollectionQuery.none());
        });
    }

    ObjectNode patch(Call call, String typePath, String uuid, JsonNode patch) {
        ModelType type = ModelType.require(typePath);
        return store.write(() -> {
            StoredObject existing = visible(call.scope(), type, uuid);
            ObjectNode merged = Patch.apply(existing.body(), patch);
            ObjectNode body = prepare(type, merged, existing, call.scope());
            return render(store(type, body, uuid, existing.systemDefault()), call.baseUrl(), true,
                    CollectionQuery.none());
        });
    }

    void delete(Call call, String typePath, String uuid) {
        ModelType type = ModelType.require(typePath);
        store.write(() -> {
            StoredObject existing = visible(call.scope(), type, uuid);
            if (existing.systemDefault()) {
                throw new ApiException(403, "Cannot delete system default object");
            }
            List<StoredObject> referrers = store.referrersOf(existing);
            if (!referrers.isEmpty()) {
                throw new ApiException(403, "Cannot delete, object is referred by: " + referrers.stream()
                        .map(r -> "'" + r.type().model() + " " + r.name() + "'")
                        .collect(Collectors.joining(", ", "[", "]")));
            }
            store.remove(existing);
            return null;
        });
    }

    ObjectNode get(Call call, String typePath, String uuid, CollectionQuery shape) {
        ModelType type = ModelType.require(typePath);
        return store.read(() -> render(visible(call.scope(), type, uuid), call.baseUrl(), shape.includeName, shape));
    }

    Page list(Call call, String typePath, CollectionQuery query) {
        ModelType type = ModelType.require(typePath);
        return store.read(() -> {
            List<StoredObject> matches = matches(call, type, query);
            List<ObjectNode> results = query.page(matches).stream()
                    .map(o -> render(o, call.baseUrl(), query.includeName, query)).toList();
            return new Page(matches.size(), results, query.hasNext(matches.size()));
        });
    }

    /** Every match, unpaged (for the Java API and the login's tenant list). */
    List<ObjectNode> listAll(Call call, String typePath, CollectionQuery query) {
        ModelType type = ModelType.require(typePath);
        return store.read(() -> matches(call, type, query).stream()
                .map(o -> render(o, call.baseUrl(), query.includeName, query)).toList());
    }

    private List<StoredObject> matches(Call call, ModelType type, CollectionQuery query) {
        List<StoredObject> matches = new ArrayList<>(store.all(type).stream()
                .filter(call.scope()::sees)
                .filter(query.filter(refs, store))
                .toList());
        Comparator<StoredObject> order = query.order();
        if (order != null) {
            matches.sort(order);
        }
        return matches;
    }

    Optional<TenantScope> tenantScopeByName(String name) {
        return store.read(() -> store.all(ModelType.require(ModelType.TENANT)).stream()
                .filter(t -> t.name().equals(name)).findFirst().map(t -> new TenantScope(t.uuid())));
    }

    Optional<TenantScope> tenantScopeByUuid(String uuid) {
        return store.read(() -> store.get(new Ref(ModelType.TENANT, uuid).path()).map(t -> new TenantScope(t.uuid())));
    }

    /** Stores the seed's objects (refs already in stored form) with their schema defaults. */
    void seed(List<StoredObject> objects) {
        store.write(() -> {
            for (StoredObject object : objects) {
                ObjectNode body = object.body().deepCopy();
                SchemaRegistry.forModel(object.type().model()).ifPresent(schema -> schema.applyDefaults(body));
                body.put("_last_modified", nextLastModified());
                store.put(new StoredObject(object.type(), body, object.systemDefault()));
            }
            return null;
        });
    }

    String nextLastModified() {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return Long.toString(lastModified.updateAndGet(previous -> Math.max(previous + 1, micros)));
    }

    private StoredObject store(ModelType type, ObjectNode body, String uuid, boolean systemDefault) {
        ObjectNode stored = Json.object().put("uuid", uuid);
        stored.setAll(body);
        stored.put("_last_modified", nextLastModified());
        StoredObject object = new StoredObject(type, stored, systemDefault);
        store.put(object);
        return object;
    }

    private StoredObject visible(TenantScope scope, ModelType type, String uuid) {
        return store.get(new Ref(type.path(), uuid).path()).filter(scope::sees)
                .orElseThrow(() -> ApiException.notFound(type));
    }

    private static ObjectNode requireObject(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new ApiException(400, "Request body must be a JSON object");
        }
        return (ObjectNode) input;
    }

    private ObjectNode prepare(ModelType type, ObjectNode input, StoredObject previous, TenantScope callScope) {
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
            schema.dropUnknownFields(body);
            List<String> readOnly = new ArrayList<>();
            body.fieldNames().forEachRemaining(f -> {
                if (schema.isReadOnly(f)) {
                    readOnly.add(f);
                }
            });
            body.remove(readOnly);
        }
        TenantScope owner = TenantScope.ALL;
        if (type.tenantScoped()) {
            String tenant = tenantOf(body, previous, callScope);
            body.put("tenant_ref", tenant);
            owner = new TenantScope(Ref.uuidOf(tenant));
        }
        String cloudUuid = null;
        if (type.cloudScoped()) {
            String cloud = resolveOrDefault(body.path("cloud_ref").asText(""),
                    previous != null ? previous.body().path("cloud_ref").asText(null) : null,
                    "/api/cloud?name=Default-Cloud", new RefResolver.Owner(type, owner, null));
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
        if (type.path().equals("sslkeyandcertificate")) {
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
            return refs.resolve(sent, new RefResolver.Owner(ModelType.require(ModelType.TENANT), TenantScope.ALL,
                    null)).ref().path();
        }
        if (previous != null) {
            return previous.body().path("tenant_ref").asText();
        }
        return new Ref(ModelType.TENANT, callScope.writeTenant()).path();
    }

    private String resolveOrDefault(String sent, String previous, String fallback, RefResolver.Owner owner) {
        if (!sent.isEmpty()) {
            return refs.resolve(sent, owner).ref().path();
        }
        if (previous != null) {
            return previous;
        }
        return refs.resolve(fallback, owner).ref().path();
    }

    private void requireUniqueName(ModelType type, ObjectNode body, String tenantUuid, String cloudUuid,
                                   StoredObject previous) {
        String name = body.path("name").asText();
        for (StoredObject other : store.all(type)) {
            boolean same = other.name().equals(name)
                    && (previous == null || !other.uuid().equals(previous.uuid()))
                    && (!type.tenantScoped() || tenantUuid.equals(other.tenantUuid()))
                    && (!type.cloudScoped() || cloudUuid.equals(other.cloudUuid()));
            if (same) {
                throw new ApiException(409, type.duplicateNameMessage());
            }
        }
    }

    ObjectNode render(StoredObject object, String baseUrl, boolean withNames, CollectionQuery shape) {
        ObjectNode out = Json.object();
        out.put("url", refs.render(object.ref().path(), baseUrl, withNames));
        out.setAll(object.body().deepCopy());
        refs.renderAll(out, baseUrl, withNames);
        if (object.type().path().equals("sslkeyandcertificate")) {
            out.remove("key");
        }
        if (shape.skipDefault) {
            SchemaRegistry.forModel(object.type().model()).ifPresent(schema -> {
                List<String> defaults = new ArrayList<>();
                out.fields().forEachRemaining(f -> {
                    if (f.getValue().equals(schema.defaultOf(f.getKey()))) {
                        defaults.add(f.getKey());
                    }
                });
                out.remove(defaults);
            });
        }
        if (shape.fields != null) {
            out.retain(fieldsToKeep(shape));
        }
        return out;
    }

    private static List<String> fieldsToKeep(CollectionQuery shape) {
        List<String> keep = new ArrayList<>(shape.fields);
        keep.addAll(List.of("name", "url", "uuid"));
        return keep;
    }

    ObjectStore store() {
        return store;
    }
}
