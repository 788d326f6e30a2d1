package io.akocamel.model;

import java.util.List;

/** Host names as the Ingress specification allows them, and the Host header values that select them. */
final class Hosts {
    private Hosts() {
    }

    static boolean isWildcard(String host) {
        return host.startsWith("*.");
    }

    /** {@code *.foo.com} → {@code .foo.com}: what every host the wildcard covers ends with. */
    static String wildcardSuffix(String host) {
        return host.substring(1);
    }

    /**
     * The Host header values that mean this host or suffix: as is, and with the ports of the shard VS's services (80,
     * 443). The Ingress specification ignores a port in the Host header; whether Avi strips it before matching is not
     * documented, so the rules list both forms and are right either way.
     */
    static List<String> headerValues(String hostOrSuffix) {
        return List.of(hostOrSuffix, hostOrSuffix + ":80", hostOrSuffix + ":443");
    }

    /** A DNS-1123 subdomain (not an IP address), optionally with {@code *} as its whole first label. */
    static boolean isValid(String host) {
        String name = isWildcard(host) ? host.substring(2) : host;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        int labelStart = 0;
        boolean allNumeric = true;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : '.';
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0 || len > 63 || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (c >= 'a' && c <= 'z' || c == '-') {
                allNumeric = false;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return !allNumeric;
    }
}
