package io.akocamel.avi;

/**
 * The error classes of the delivery error policy (routes/avi-error-policy.camel.yaml); see
 * docs/architecture.md#avi-delivery-steps-and-error-policy.
 */
public enum ErrorClass {
    /** Connection error, timeout or 5xx: retried with exponential back-off, then dead letter. */
    TRANSIENT("AviUnavailable"),
    /** 401/419 that persisted after one re-login. */
    SESSION("AviSessionRejected"),
    /** The controller rejected the configured credentials: fatal configuration error. */
    CREDENTIALS("AviCredentialsRejected"),
    /** No free IP, VRF or network not found, tenant missing, upgrade in progress: retried slowly. */
    SLOW_RETRY("AviWaiting"),
    /** Any other 4xx: not retried; the message goes to the Ingress as a Warning. */
    REJECTED("AviRejected"),
    /** The name is taken by an object this cluster does not own: never written. */
    CONFLICT("AviConflict"),
    /** A later operation was not sent because an operation it depends on failed. */
    NOT_ATTEMPTED("AviNotAttempted"),
    /** Not sent: this replica lost the Lease (leader election); the new leader reconciles. No dead letter. */
    NOT_LEADER("AviNotLeader"),
    /** A bug or an unexpected response. */
    INTERNAL("AviInternalError");

    private final String eventReason;

    ErrorClass(String eventReason) {
        this.eventReason = eventReason;
    }

    /** The reason of the Warning Event the status routes put on affected Ingresses. */
    public String eventReason() {
        return eventReason;
    }

    /** Classes that mean the controller (not this object) is the problem: the rest of the batch is not attempted. */
    public boolean stopsBatch() {
        return this == TRANSIENT || this == SESSION || this == CREDENTIALS || this == SLOW_RETRY || this == NOT_LEADER;
    }
}
