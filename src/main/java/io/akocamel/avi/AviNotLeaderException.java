package io.akocamel.avi;

/** A write this replica did not send: it is not (or no longer) the leader. The leader reconciles the object. */
public class AviNotLeaderException extends AviException {
    public AviNotLeaderException(String method, String path) {
        super(0, "not sent: this replica is not the leader", method + " " + path + " not sent: this replica is not the leader "
                + "(Lease ako-lease-lock); the leader reconciles it");
    }

    @Override
    public ErrorClass errorClass() {
        return ErrorClass.NOT_LEADER;
    }
}
