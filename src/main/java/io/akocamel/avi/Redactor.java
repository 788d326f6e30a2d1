package io.akocamel.avi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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

    /** Remember a secret value (ignored when shorter than 4 characters, which would redact ordinary text). */
    public void addSecret(String value) {
        if (value != null && value.length() >= 4) {
            secrets.add(value);
        }
    }

    public String scrub(String text) {
        if (text == null) {
            return "";
        }
        String result = PRIVATE_KEY.matcher(text).replaceAll(REDACTED);
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result.length() > MAX_LENGTH ? result.substring(0, MAX_LENGTH) + "..." : result;
    }
}
