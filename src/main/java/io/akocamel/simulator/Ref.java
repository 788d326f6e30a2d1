package io.akocamel.simulator;

import java.util.Optional;

/** A reference in the form the simulator stores it: {@code /api/<type>/<uuid>}; rendered absolute on the way out. */
record Ref(String type, String uuid) {
    static final String PREFIX = "/api/";

    String path() {
        return PREFIX + type + "/" + uuid;
    }

    /** Parses the stored form (no host, no {@code #name}, no query). */
    static Optional<Ref> parseStored(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Ref(rest.substring(0, slash), rest.substring(slash + 1)));
    }

    /** The uuid of a stored ref path, or null. */
    static String uuidOf(String path) {
        return parseStored(path).map(Ref::uuid).orElse(null);
    }
}
