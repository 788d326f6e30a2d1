package io.akocamel.avi;

/** 404: success for DELETE, re-create for PUT, a rejection otherwise. */
public class AviNotFoundException extends AviException {
    public AviNotFoundException(int status, String aviMessage, String description) {
        super(status, aviMessage, description);
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.REJECTED;
    }
}
