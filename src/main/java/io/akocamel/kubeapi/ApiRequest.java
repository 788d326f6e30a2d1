package io.akocamel.kubeapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The parts of an API request URI the front reads: path, query, and the resource it names. */
record ApiRequest(String path, Map<String, String> query) {

    /** A resource path: {@code /api/v1[/namespaces/NS]/PLURAL[/NAME[/SUBRESOURCE]]} or the same under {@code /apis/GROUP/VERSION}. */
    record Resource(String groupVersion, String namespace, String plural, String name) {
        boolean isList() {
            return name.isEmpty();
        }
    }

    static ApiRequest parse(String uri) {
        int q = uri.indexOf('?');
        Map<String, String> query = new HashMap<>();
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                } else if (!pair.isEmpty()) {
                    query.put(decode(pair), "");
                }
            }
        }
        return new ApiRequest(q >= 0 ? uri.substring(0, q) : uri, query);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String param(String name) {
        return query.getOrDefault(name, "");
    }

    boolean isWatch() {
        return param("watch").equals("true") || param("watch").equals("1");
    }

    Optional<Resource> resource() {
        String[] parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        int rest;
        String groupVersion;
        if (parts.length >= 3 && parts[0].equals("api")) {
            groupVersion = parts[1];
            rest = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            groupVersion = parts[1] + "/" + parts[2];
            rest = 3;
        } else {
            return Optional.empty();
        }
        String[] tail = Arrays.copyOfRange(parts, rest, parts.length);
        if (tail.length >= 3 && tail[0].equals("namespaces")) {
            return Optional.of(new Resource(groupVersion, tail[1], tail[2], tail.length > 3 ? tail[3] : ""));
        }
        return Optional.of(new Resource(groupVersion, "", tail[0], tail.length > 1 ? tail[1] : ""));
    }
}
