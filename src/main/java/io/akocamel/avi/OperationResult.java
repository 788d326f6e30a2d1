package io.akocamel.avi;

/**
 * The result of one operation of a batch.
 *
 * @param status     the Avi HTTP status of the last call (0 when no call was made)
 * @param message    the Avi error message (or a description) for FAILED, otherwise a short note
 * @param errorClass null unless FAILED
 */
public record OperationResult(String key, AviMethod method, Outcome outcome, int status, String message, ErrorClass errorClass) {

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    public boolean wrote() {
        return outcome == Outcome.CREATED || outcome == Outcome.UPDATED || outcome == Outcome.DELETED;
    }
}
