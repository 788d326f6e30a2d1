package io.akocamel.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one setting accepts: the words a validation message and {@code docs/configuration.md} show, and the bounds or
 * values {@link SettingsLoader} checks. {@code values} is empty when any value of the right shape is accepted.
 */
record Allowed(String text, int min, int max, List<String> values) {

    static Allowed trueOrFalse() {
        return described("true or false");
    }

    static Allowed wholeNumber(int min, int max) {
        return new Allowed("a whole number from " + min + " to " + max, min, max, List.of());
    }

    /** Any of {@code values}, shown sorted; an empty string among them means the setting may stay empty. */
    static Allowed oneOf(String... values) {
        String shown = Arrays.stream(values).filter(v -> !v.isEmpty()).sorted().collect(Collectors.joining(", "));
        boolean emptyAllowed = Arrays.asList(values).contains("");
        return new Allowed("one of " + shown + (emptyAllowed ? " (or empty)" : ""), 0, 0, List.of(values));
    }

    /** Constants of an enum, in declaration order. */
    static Allowed names(Enum<?>... constants) {
        return names(Arrays.stream(constants).map(Enum::name).toArray(String[]::new));
    }

    /** Names in the order given. */
    static Allowed names(String... values) {
        return new Allowed("one of " + String.join(", ", values), 0, 0, List.of(values));
    }

    static Allowed fraction() {
        return described("a number from 0 to 1, such as 0.5");
    }

    static Allowed duration() {
        return described("a duration such as 15s, 1500ms or 1m");
    }

    static Allowed nonEmptyName() {
        return described("a non-empty name");
    }

    static Allowed described(String text) {
        return new Allowed(text, 0, 0, List.of());
    }
}
