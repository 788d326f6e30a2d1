package io.akocamel.avi;

/** 409: on POST the name exists; read it and adopt it if it is ours. */
public class AviConflictException extends AviException {
    public AviConflictException(int status, String aviMessage, String description) {
        super(status, aviMessage, description);
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.CONFLICT;
    }
}
