package io.akocamel.admission;

/** What is wrong, worded for a Warning Event: a CamelCase reason and a message that says how to fix it. */
public record Problem(String reason, String message) {
}
