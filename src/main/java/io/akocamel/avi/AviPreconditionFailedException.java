package io.akocamel.avi;

/** 412: the object changed since it was read; re-read and retry. */
public class AviPreconditionFailedException extends AviException {
    public AviPreconditionFailedException(int status, String aviMessage, String description) {
        super(status, aviMessage, description);
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.REJECTED;
    }
}
