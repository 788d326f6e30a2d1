package io.akocamel.avi;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets from any text that came from the controller or a payload before it reaches a log line, an
 * exception, a dead-letter entry or a Warning Event: PEM private keys, and the values it was told about (password,
 * token, session cookie and CSRF token values).
 */
public final class Redactor {
    static final String REDACTED = "<redacted>";
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", Pattern.DOTALL);
    private static final int MAX_LENGTH = 500;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private volatile Set<String> sessionSecrets = Set.of();
    private volatile Set<String> previousSessionSecrets = Set.of();

    /** Remember a secret for good, e.g. the password (ignored under 4 characters, which would redact ordinary text). */
    public void addSecret(String value) {
        if (value != null && value.length() >= 4) {
            secrets.add(value);
        }
    }

    /** The current session's cookie values and CSRF token; the previous session's stay redacted too. */
    public synchronized void sessionSecrets(Collection<String> values) {
        Set<String> current = values.stream().filter(v -> v != null && v.length() >= 4).collect(Collectors.toUnmodifiableSet());
        if (!current.equals(sessionSecrets)) {
            previousSessionSecrets = sessionSecrets;
            sessionSecrets = current;
        }
    }

    public String scrub(String text) {
        if (text == null) {
            return "";
        }
        String result = PRIVATE_KEY.matcher(text).replaceAll(REDACTED);
        for (Set<String> set : List.of(secrets, sessionSecrets, previousSessionSecrets)) {
            for (String secret : set) {
                result = result.replace(secret, REDACTED);
            }
        }
        return result.length() > MAX_LENGTH ? result.substring(0, MAX_LENGTH) + "..." : result;
    }
}
