package io.akocamel.config;

import java.util.Objects;

/**
 * A password, token or key that must never reach a log line, an exception message, a metric or JMX:
 * {@link #toString()} is always redacted; only {@link #reveal()} gives the value, at the one place it is sent.
 */
public final class SecretValue {
    private static final SecretValue EMPTY = new SecretValue("");
    private final String value;

    private SecretValue(String value) {
        this.value = value;
    }

    public static SecretValue of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new SecretValue(value);
    }

    public static SecretValue empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : "<redacted>";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }
}
