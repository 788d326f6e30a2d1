package io.akocamel.avi;

/**
 * A problem to show on the Ingresses that use {@code objectKey} as a Warning Event: {@code reason} is the Event reason
 * ({@link ErrorClass#eventReason()}), {@code message} the Avi error message or the conflict.
 */
public record AviWarning(String objectKey, String reason, String message) {
}
