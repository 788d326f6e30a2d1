package io.akocamel.avi;

/**
 * The names of the exchange properties and headers of Avi delivery ({@code avi-delivery.camel.yaml},
 * {@code avi-error-policy.camel.yaml}, {@code preflight.camel.yaml}). Those the route files read by name are marked.
 */
public final class AviExchange {
    /** Property: the {@link AviStep} to call next through {@code direct:avi-step}; none = done (routes: loop condition). */
    public static final String STEP = "AviStep";
    /** Property: the HTTP method of the call in progress (routes: the error policy's {@code onWhen}). */
    public static final String HTTP_METHOD = "AviHttpMethod";
    /** Property: the message of a failed read, for the reader that asked (inventory load, preflight). */
    public static final String READ_ERROR = "AviReadError";

    /** Property: the {@link BatchState} of the {@code direct:avi-apply} batch in progress. */
    static final String BATCH = "AviBatch";
    /** Property: the operation of the batch in progress. */
    static final String OPERATION = "AviOperation";
    /** Property: its index in the batch. */
    static final String OPERATION_INDEX = "AviOperationIndex";
    /** Property: the idempotency key of the operation (routes: the write ledger's idempotent consumer). */
    static final String IDEMPOTENCY_KEY = "AviIdempotencyKey";
    /** Property: true when the operation is not sent (a dependency failed) (routes: filter). */
    static final String SKIP = "AviSkip";
    /** Header on the reply of {@code direct:avi-apply}: whether every operation succeeded. */
    public static final String BATCH_SUCCEEDED = "AviBatchSucceeded";
    /** Header on the reply of {@code direct:avi-apply}: the {@link AviWarning}s for the Ingresses. */
    public static final String WARNINGS = "AviWarnings";

    /** Property: the call got a 2xx answer. */
    static final String SESSION_ANSWERED = "AviAnswered";
    /** Property: the login generation the call was sent with (when several calls meet one expiry, one logs in again). */
    static final String SESSION_GENERATION = "AviSessionGeneration";
    /** Property: true once this call has logged in again (at most once per call). */
    static final String SESSION_RELOGGED_IN = "AviReLoggedIn";
    /** Property: why logging in again for the call failed. */
    static final String SESSION_LOGIN_ERROR = "AviLoginError";

    /** Property: the {@code InventoryLoader} load in progress. */
    static final String INVENTORY_LOAD = "AviInventoryLoad";
    /** Property: the inventory query in progress. */
    static final String INVENTORY_QUERY = "AviInventoryQuery";
    static final String INVENTORY_PAGE = "AviInventoryPage";
    /** Property: the {@code type/name} being re-read. */
    static final String REFRESH_NAME = "AviRefreshName";

    private AviExchange() {
    }
}
