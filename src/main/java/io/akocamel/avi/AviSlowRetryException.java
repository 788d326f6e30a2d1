package io.akocamel.avi;

/** 400/403 that only time or an administrator fixes (no free IP, missing VRF/network/tenant, upgrade). */
public class AviSlowRetryException extends AviException {
    public AviSlowRetryException(int status, String aviMessage, String description) {
        super(status, aviMessage, description);
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.SLOW_RETRY;
    }
}
