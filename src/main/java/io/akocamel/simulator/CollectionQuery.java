package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The query parameters of a collection GET.
 * <ul>
 * <li>Paging: {@code page_size} (default 25, clamped to 1–200; the default is [?] in the docs, 25 is chosen) and
 * {@code page} (1-based; a page past the end is an empty {@code results}).</li>
 * <li>Shape: {@code fields=a,b} (name, url and uuid always kept), {@code include_name} (refs get {@code #name}),
 * {@code skip_default} (top-level fields equal to their schema default are left out), {@code sort=field|-field}.</li>
 * <li>Filters, all AND-ed: {@code <field>=v} equality on a top-level scalar (for a ref field: its uuid or URL);
 * {@code <field>.contains}, {@code .icontains}, {@code .in=a,b}; {@code <ref_field>.name} and {@code .uuid} (e.g.
 * {@code cloud_ref.name=vcenter-cloud}); {@code cloud_uuid}; {@code refers_to=type:uuid}; {@code referred_by=type:uuid}.
 * An object without the field does not match.</li>
 * <li>Accepted and ignored: {@code include_refs}, {@code join_subresources}, {@code search}, {@code isearch},
 * {@code exclude}, {@code limit_by}, {@code label_key}, {@code label_value}, {@code include}.</li>
 * </ul>
 */
final class CollectionQuery {
    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> CONTROLS = Set.of("page", "page_size", "fields", "include_name", "skip_default",
            "sort");
    private static final Set<String> IGNORED = Set.of("include_refs", "join_subresources", "search", "isearch",
            "exclude", "limit_by", "label_key", "label_value", "include");

    final int page;
    final int pageSize;
    final Set<String> fields;
    final boolean includeName;
    final boolean skipDefault;
    final String sort;
    private final Map<String, String> filters = new LinkedHashMap<>();

    CollectionQuery(Map<String, List<String>> params) {
        this.page = intParam(params, "page", 1);
        if (page < 1) {
            throw new ApiException(400, "Invalid page " + page);
        }
        this.pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, intParam(params, "page_size", DEFAULT_PAGE_SIZE)));
        String fieldList = first(params, "fields");
        this.fields = fieldList == null || fieldList.isBlank() ? null : Set.of(fieldList.split("\\s*,\\s*"));
        this.includeName = flag(params, "include_name");
        this.skipDefault = flag(params, "skip_default");
        this.sort = first(params, "sort");
        params.forEach((key, values) -> {
            if (!CONTROLS.contains(key) && !IGNORED.contains(key) && !values.isEmpty()) {
                filters.put(key, values.get(0));
            }
        });
    }

    static CollectionQuery none() {
        return new CollectionQuery(Map.of());
    }

    /** The filter over stored objects; refs are looked up through the resolver (inside the store's lock). */
    Predicate<StoredObject> filter(RefResolver refs, ObjectStore store) {
        Predicate<StoredObject> all = o -> true;
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            all = all.and(matcher(filter.getKey(), filter.getValue(), refs, store));
        }
        return all;
    }

    Comparator<StoredObject> order() {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<StoredObject> ascending = Comparator.comparing(o -> o.body().path(field).asText(""));
        return descending ? ascending.reversed() : ascending;
    }

    private static Predicate<StoredObject> matcher(String key, String value, RefResolver refs, ObjectStore store) {
        switch (key) {
            case "cloud_uuid":
                return matcher("cloud_ref.uuid", value, refs, store);
            case "refers_to":
                return o -> RefFields.collect(o.body()).contains(typedRef(value));
            case "referred_by":
                return o -> store.get(typedRef(value))
                        .map(owner -> RefFields.collect(owner.body()).contains(o.ref().path())).orElse(false);
            default:
                break;
        }
        int dot = key.lastIndexOf('.');
        String field = dot < 0 ? key : key.substring(0, dot);
        String operator = dot < 0 ? "" : key.substring(dot + 1);
        return o -> {
            JsonNode actual = o.body().get(field);
            if (actual == null || actual.isContainerNode() || actual.isNull()) {
                return false;
            }
            String text = actual.asText();
            boolean ref = RefFields.isRefField(field);
            return switch (operator) {
                case "" -> ref ? sameRef(text, value) : text.equals(value);
                case "contains" -> text.contains(value);
                case "icontains" -> text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
                case "in" -> List.of(value.split(",")).contains(text);
                case "name" -> ref && value.equals(refs.nameOf(text));
                case "uuid" -> ref && value.equals(Ref.uuidOf(text));
                default -> false;
            };
        };
    }

    private static boolean sameRef(String storedPath, String value) {
        String plain = value.contains("#") ? value.substring(0, value.indexOf('#')) : value;
        return plain.equals(Ref.uuidOf(storedPath)) || plain.endsWith(storedPath);
    }

    private static String typedRef(String typeColonUuid) {
        int colon = typeColonUuid.indexOf(':');
        if (colon <= 0) {
            throw new ApiException(400, "Expected <objtype>:<uuid>, got '" + typeColonUuid + "'");
        }
        return new Ref(typeColonUuid.substring(0, colon), typeColonUuid.substring(colon + 1)).path();
    }

    List<StoredObject> page(List<StoredObject> matches) {
        int from = (int) Math.min((long) (page - 1) * pageSize, matches.size());
        int to = Math.min(from + pageSize, matches.size());
        return new ArrayList<>(matches.subList(from, to));
    }

    boolean hasNext(int count) {
        return (long) page * pageSize < count;
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean flag(Map<String, List<String>> params, String key) {
        String value = first(params, key);
        return value != null && !value.equalsIgnoreCase("false") && !value.equals("0");
    }

    private static int intParam(Map<String, List<String>> params, String key, int fallback) {
        String value = first(params, key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Invalid " + key + " '" + value + "'");
        }
    }
}
