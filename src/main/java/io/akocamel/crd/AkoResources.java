package io.akocamel.crd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;
import java.util.Map;

/** AKO's API group and how its resources are read: the storage version's fields, whatever version they were written in. */
public final class AkoResources {
    public static final String GROUP = "ako.vmware.com";
    public static final String API_VERSION = GROUP + "/v1beta1";
    /** The Namespace annotation that names the AviInfraSetting of the namespace's Ingresses. */
    public static final String NAMESPACE_INFRA_SETTING = "aviinfrasetting.ako.vmware.com/name";

    private AkoResources() {
    }

    /** The {@code spec} of a resource, empty when it has none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> spec(GenericKubernetesResource resource) {
        Object spec = resource.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The string at a path below {@code spec}, or null. */
    public static String text(GenericKubernetesResource resource, String... path) {
        Object value = at(spec(resource), path);
        return value instanceof String s ? s : null;
    }

    /** A non-empty string, or null. */
    static String name(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    /** The non-empty strings of a list (none when it is not a list). */
    static List<String> names(Object value) {
        return value instanceof List<?> list ? list.stream().map(AkoResources::name).filter(s -> s != null).toList() : List.of();
    }

    /** {@code status.status}: {@code Accepted}, {@code Rejected}, or null before the controller decided. */
    public static String status(GenericKubernetesResource resource) {
        return resource.getAdditionalProperties().get("status") instanceof Map<?, ?> status && status.get("status") instanceof String s ? s : null;
    }

    static Object at(Map<String, Object> map, String... path) {
        Object node = map;
        for (String step : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(step);
        }
        return node;
    }
}
