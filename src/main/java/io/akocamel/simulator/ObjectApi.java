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
 * <p>Payloads are prepared by {@link WritePipeline}, answers rendered by {@link Renderer}. A PUT whose body carries a
 * {@code _last_modified} other than the stored one is 412; deleting a system default or a referenced object is 403.
 */
final class ObjectApi {
    private final ObjectStore store;
    private final RefResolver refs;
    private final WritePipeline writes;
    private final Renderer renderer;
    private final Clock clock;
    private final AtomicLong lastModified = new AtomicLong();

    ObjectApi(ObjectStore store, Clock clock) {
        this.store = store;
        this.refs = new RefResolver(store);
        this.writes = new WritePipeline(store, refs, clock);
        this.renderer = new Renderer(refs);
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
            ObjectNode body = writes.prepare(type, requireObject(input), null, call.scope());
            String uuid = slug != null && !slug.isBlank() ? slug : type.path() + "-" + UUID.randomUUID();
            if (store.get(new Ref(type.path(), uuid).path()).isPresent()) {
                throw new ApiException(409, type.verboseName() + " with this Uuid already exists.");
            }
            StoredObject stored = store(type, body, uuid, false);
            return renderer.render(stored, call.baseUrl(), true, CollectionQuery.none());
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
            ObjectNode body = writes.prepare(type, (ObjectNode) input, existing, call.scope());
            return renderer.render(store(type, body, uuid, existing.systemDefault()), call.baseUrl(), true,
                    CollectionQuery.none());
        });
    }

    ObjectNode patch(Call call, String typePath, String uuid, JsonNode patch) {
        ModelType type = ModelType.require(typePath);
        return store.write(() -> {
            StoredObject existing = visible(call.scope(), type, uuid);
            ObjectNode merged = Patch.apply(existing.body(), patch);
            ObjectNode body = writes.prepare(type, merged, existing, call.scope());
            return renderer.render(store(type, body, uuid, existing.systemDefault()), call.baseUrl(), true,
                    CollectionQuery.none());
        });
    }

    /** Returns the name of the object deleted. */
    String delete(Call call, String typePath, String uuid) {
        ModelType type = ModelType.require(typePath);
        return store.write(() -> {
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
            return existing.name();
        });
    }

    ObjectNode get(Call call, String typePath, String uuid, CollectionQuery shape) {
        ModelType type = ModelType.require(typePath);
        return store.read(() -> renderer.render(visible(call.scope(), type, uuid), call.baseUrl(), shape.includeName, shape));
    }

    Page list(Call call, String typePath, CollectionQuery query) {
        ModelType type = ModelType.require(typePath);
        return store.read(() -> {
            List<StoredObject> matches = matches(call, type, query);
            List<ObjectNode> results = query.page(matches).stream()
                    .map(o -> renderer.render(o, call.baseUrl(), query.includeName, query)).toList();
            return new Page(matches.size(), results, query.hasNext(matches.size()));
        });
    }

    /** Every match, unpaged (for the Java API and the login's tenant list). */
    List<ObjectNode> listAll(Call call, String typePath, CollectionQuery query) {
        ModelType type = ModelType.require(typePath);
        return store.read(() -> matches(call, type, query).stream()
                .map(o -> renderer.render(o, call.baseUrl(), query.includeName, query)).toList());
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

    /** The DNS records derived from the stored VsVips. */
    List<DnsRecord> dnsRecords() {
        return store.read(() -> DnsRecords.of(store));
    }
}
