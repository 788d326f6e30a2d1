package io.akocamel.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the ref forms clients send into stored refs, and stored refs back into absolute URLs.
 * Accepted: {@code https://host/api/pool/<uuid>[#name]}, {@code /api/pool/<uuid>}, {@code /api/pool?name=x} and
 * {@code /api/pool/?name=x}, optionally qualified with {@code cloud=}, {@code cloud_ref.name=}, {@code cloud_uuid=} or
 * {@code cloud_ref.uuid=}. Names resolve among the objects the owner's tenant sees; names of cloud-scoped objects
 * (VRFs, SE groups, networks, pools, ...) resolve inside the owner's own cloud unless a qualifier names the cloud. Unresolvable refs are 404 {@code <Model> object not found!},
 * except on a VsVip, whose missing VRF or network is 400 {@code VrfContext not found} / {@code Network object not found}
 * (the controller's messages).
 */
final class RefResolver {
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/]+");

    private final ObjectStore store;

    RefResolver(ObjectStore store) {
        this.store = store;
    }

    /** The object whose refs are being resolved: its type, the tenant it belongs to, the cloud it is in (or null). */
    record Owner(ModelType type, TenantScope scope, String cloudUuid) {
    }

    void resolveAll(ObjectNode body, Owner owner) {
        RefFields.transform(body, value -> resolve(value, owner).ref().path());
    }

    StoredObject resolve(String value, Owner owner) {
        String text = value.contains("#") ? value.substring(0, value.indexOf('#')) : value;
        int api = text.indexOf(Ref.PREFIX);
        if (api < 0 || api > 0 && !ORIGIN.matcher(text.substring(0, api)).matches()) {
            throw new ApiException(400, "Invalid reference '" + value + "'");
        }
        String pathAndQuery = text.substring(api);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        List<String> segments = List.of(path.substring(Ref.PREFIX.length()).split("/"));
        String type = segments.get(0);
        Map<String, List<String>> params = QueryString.parse(question < 0 ? "" : pathAndQuery.substring(question + 1));
        Optional<StoredObject> found;
        if (params.containsKey("name")) {
            found = byName(type, params.get("name").get(0), params, owner);
        } else if (segments.size() >= 2 && !segments.get(1).isEmpty()) {
            found = store.get(new Ref(type, segments.get(1)).path()).filter(owner.scope()::sees);
        } else {
            throw new ApiException(400, "Invalid reference '" + value + "'");
        }
        return found.orElseThrow(() -> notFound(type, owner.type()));
    }

    /** The absolute URL of a stored ref; {@code #name} appended when asked and the target exists. */
    String render(String storedPath, String baseUrl, boolean withName) {
        if (!withName) {
            return baseUrl + storedPath;
        }
        return store.get(storedPath).map(target -> baseUrl + storedPath + "#" + target.name())
                .orElse(baseUrl + storedPath);
    }

    void renderAll(ObjectNode body, String baseUrl, boolean withName) {
        RefFields.transform(body, path -> path.startsWith(Ref.PREFIX) ? render(path, baseUrl, withName) : path);
    }

    private Optional<StoredObject> byName(String type, String name, Map<String, List<String>> params, Owner owner) {
        ModelType model = ModelType.of(type).orElse(null);
        if (model == null) {
            return Optional.empty();
        }
        String cloudName = first(params, "cloud", "cloud_ref.name");
        String cloudUuid = first(params, "cloud_uuid", "cloud_ref.uuid");
        if (cloudName == null && cloudUuid == null && model.cloudScoped()) {
            cloudUuid = owner.cloudUuid();
        }
        String inCloud = cloudUuid;
        return store.named(model, name).stream()
                .filter(o -> owner.scope().sees(o))
                .filter(o -> inCloud == null || inCloud.equals(o.cloudUuid()))
                .filter(o -> cloudName == null || cloudName.equals(nameOf(o.body().path("cloud_ref").asText(null))))
                .findFirst();
    }

    String nameOf(String storedPath) {
        return storedPath == null ? null : store.get(storedPath).map(StoredObject::name).orElse(null);
    }

    private static String first(Map<String, List<String>> params, String... keys) {
        for (String key : keys) {
            if (params.containsKey(key)) {
                return params.get(key).get(0);
            }
        }
        return null;
    }

    private static ApiException notFound(String targetType, ModelType ownerType) {
        if (ownerType.path().equals(ModelType.VSVIP) && targetType.equals("vrfcontext")) {
            return new ApiException(400, "VrfContext not found");
        }
        if (ownerType.path().equals(ModelType.VSVIP) && targetType.equals("network")) {
            return new ApiException(400, "Network object not found");
        }
        return new ApiException(404, ModelType.modelNameOf(targetType) + " object not found!");
    }
}
