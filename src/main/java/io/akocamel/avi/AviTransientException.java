package io.akocamel.avi;

/** 5xx, 408, or the controller could not be reached: retried with exponential back-off. */
public class AviTransientException extends AviException {
    public AviTransientException(int status, String aviMessage, String description) {
        super(status, aviMessage, description);
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.TRANSIENT;
    }
}
