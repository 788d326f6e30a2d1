package io.akocamel.avi;

/** The controller rejected the configured credentials at login: a fatal configuration error. */
public class AviCredentialsException extends AviException {
    public AviCredentialsException(int status, String aviMessage, String description) {
        super(status, aviMessage, description);
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.CREDENTIALS;
    }
}
