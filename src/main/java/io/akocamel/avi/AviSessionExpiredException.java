package io.akocamel.avi;

/** 401 or 419 on an API call: the session is gone; re-login once and replay. */
public class AviSessionExpiredException extends AviException {
    public AviSessionExpiredException(int status, String aviMessage, String description) {
        super(status, aviMessage, description);
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.SESSION;
    }
}
