package io.akocamel.avi;

import java.util.regex.Pattern;

/**
 * A failed controller call, typed by error class so that the error policy (routes/avi-error-policy.camel.yaml)
 * can react by exception type. Messages are already scrubbed of secrets ({@link Redactor}).
 */
public abstract class AviException extends RuntimeException {
    private static final Pattern SLOW_RETRY_400 =
            Pattern.compile("No available free IPs|VrfContext not found|VrfContext object not found|Network object not found");
    private static final Pattern SLOW_RETRY_403 =
            Pattern.compile("Configuration is disallowed during upgrade|Tenant '.*' does not exist!");

    private final int status;
    private final String aviMessage;

    protected AviException(int status, String aviMessage, String description) {
        super(description);
        this.status = status;
        this.aviMessage = aviMessage;
    }

    /** HTTP status, 0 when there was no response. */
    public int status() {
        return status;
    }

    /** The controller's own error text (its {@code error} field), or a description when there was none. */
    public String aviMessage() {
        return aviMessage;
    }

    public abstract ErrorClass errorClass();

    /** The typed exception for a non-2xx answer to an API call; {@code aviMessage} must already be scrubbed. */
    public static AviException fromResponse(int status, String method, String path, String aviMessage) {
        String where = method + " " + path + " -> " + status + ": " + aviMessage;
        if (status == 401 || status == 419) {
            return new AviSessionExpiredException(status, aviMessage, where);
        }
        if (status >= 500 || status == 408) {
            return new AviTransientException(status, aviMessage, where);
        }
        if ((status == 400 && SLOW_RETRY_400.matcher(aviMessage).find()) || (status == 403 && SLOW_RETRY_403.matcher(aviMessage).find())) {
            return new AviSlowRetryException(status, aviMessage, where);
        }
        return switch (status) {
            case 404 -> new AviNotFoundException(status, aviMessage, where);
            case 409 -> new AviConflictException(status, aviMessage, where);
            case 412 -> new AviPreconditionFailedException(status, aviMessage, where);
            default -> new AviRejectedException(status, aviMessage, where);
        };
    }
}
