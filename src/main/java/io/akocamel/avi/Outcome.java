package io.akocamel.avi;

/** What happened to one operation of a batch. */
public enum Outcome {
    /** Nothing sent: the identical write was already sent (idempotent consumer). */
    NOOP,
    CREATED,
    UPDATED,
    DELETED,
    /** Not done: see {@link OperationResult#errorClass()} and the dead-letter store. */
    FAILED
}
