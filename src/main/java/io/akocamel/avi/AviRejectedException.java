package io.akocamel.avi;

/** Any other 4xx: the controller refused the payload; not retried. */
public class AviRejectedException extends AviException {
    public AviRejectedException(int status, String aviMessage, String description) {
        super(status, aviMessage, description);
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.REJECTED;
    }
}
