package io.akocamel.avi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.model.AviType;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The steps of route {@code avi-step} and the handlers the error policy (routes/avi-error-policy.camel.yaml) calls
 * (bean {@code aviSteps}). A handler either records the operation's outcome or sets the next {@link AviStep}
 * (re-create after 404 on PUT, read by name after 409 on POST, re-read after 412), which the caller's loop runs.
 */
public final class AviStepProcessor {
    /** The HTTP method of the current step, for the error policy's {@code onWhen}. */
    /** Calls per operation, follow-ups included. */
    static final int MAX_STEPS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(AviStepProcessor.class);

    private final AviInventory inventory;
    private final Planner planner;
    private final DeadLetterStore deadLetters;
    private final IdempotentRepository writeLedger;
    private final AviSession session;

    public AviStepProcessor(AviInventory inventory, Planner planner, DeadLetterStore deadLetters, IdempotentRepository writeLedger,
                            AviSession session) {
        this.inventory = inventory;
        this.planner = planner;
        this.deadLetters = deadLetters;
        this.writeLedger = writeLedger;
        this.session = session;
    }

    /** First step of {@code avi-step} (not repeated on redelivery): a new call may re-login once. */
    public void begin(Exchange exchange) {
        exchange.removeProperty(AviExchange.SESSION_ANSWERED);
        exchange.removeProperty(AviExchange.SESSION_RELOGGED_IN);
        exchange.removeProperty(AviExchange.SESSION_LOGIN_ERROR);
        exchange.setProperty(AviExchange.HTTP_METHOD, step(exchange).method());
    }

    /** Last step of {@code avi-step}: after a 2xx answer (body: the parsed JSON); nothing when the error policy took over. */
    public void response(Exchange exchange) {
        if (!exchange.getProperty(AviExchange.SESSION_ANSWERED, false, Boolean.class)) {
            return;
        }
        AviStep step = step(exchange);
        JsonNode body = exchange.getMessage().getBody(JsonNode.class);
        switch (step.kind()) {
            case READ -> {
                // the caller reads the body
            }
            case WRITE -> written(exchange, step, body);
            case ADOPT_LOOKUP -> adoptOrRefuse(exchange, step, body);
            case REREAD -> {
                ObjectNode fresh = (ObjectNode) body;
                inventory.record(step.operation().type(), fresh);
                next(exchange, AviStep.write(planner.rebase(step.operation(), fresh), step.number() + 1));
            }
        }
    }

    private void written(Exchange exchange, AviStep step, JsonNode body) {
        AviOperation op = step.operation();
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (op.method() == AviMethod.DELETE) {
            inventory.forget(op.type(), op.name());
            succeeded(exchange, Outcome.DELETED, status, "deleted");
            return;
        }
        if (body instanceof ObjectNode stored && stored.hasNonNull("name")) {
            inventory.record(op.type(), stored);
        }
        succeeded(exchange, op.method() == AviMethod.POST ? Outcome.CREATED : Outcome.UPDATED, status,
                op.method() == AviMethod.POST ? "created" : "updated");
    }

    private void adoptOrRefuse(Exchange exchange, AviStep step, JsonNode body) {
        AviOperation op = step.operation();
        JsonNode existing = body.path("results").path(0);
        if (!(existing instanceof ObjectNode found)) {
            // gone again since the 409: create it
            next(exchange, AviStep.write(op, step.number() + 1));
            return;
        }
        StoredObject stored = inventory.record(op.type(), found);
        if (stored.owned()) {
            LOG.info("{} already exists and belongs to this cluster: adopting it", op.key());
            next(exchange, AviStep.write(planner.rebase(op, found), step.number() + 1));
        } else {
            fail(exchange, ErrorClass.CONFLICT, 409, Planner.FOREIGN + " (" + Payloads.ownerOf(found) + ")");
        }
    }

    // ---- error policy handlers ----

    /** Terminal handler: the call failed for good (after the redeliveries its class allows). */
    public void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(AviExchange.SESSION_LOGIN_ERROR, Throwable.class);
        if (cause == null) {
            cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        ErrorClass errorClass;
        int status = 0;
        String message;
        if (cause instanceof AviException avi) {
            errorClass = avi.errorClass();
            status = avi.status();
            message = status > 0 && errorClass != ErrorClass.CREDENTIALS ? avi.aviMessage() : avi.getMessage();
        } else if (cause instanceof IOException) {
            errorClass = ErrorClass.TRANSIENT;
            message = "no answer from the Avi Controller: " + session.scrub(cause.toString());
        } else {
            errorClass = ErrorClass.INTERNAL;
            message = "unexpected error: " + session.scrub(String.valueOf(cause));
        }
        AviStep step = step(exchange);
        if (step.kind() == AviStep.Kind.READ) {
            LOG.warn("reading {} from the Avi Controller failed [{}]: {}", step.path(), errorClass, message);
            exchange.setProperty(AviExchange.READ_ERROR, message);
            exchange.getMessage().setBody(null);
            exchange.removeProperty(AviExchange.STEP);
            return;
        }
        fail(exchange, errorClass, status, message);
    }

    /** 404 on DELETE: the object is already gone, which is what was wanted. */
    public void alreadyDeleted(Exchange exchange) {
        AviOperation op = step(exchange).operation();
        inventory.forget(op.type(), op.name());
        succeeded(exchange, Outcome.DELETED, 404, "already absent");
    }

    /** 404 on PUT: the object vanished; create it. */
    public void recreate(Exchange exchange) {
        AviStep step = step(exchange);
        AviOperation op = step.operation();
        if (op.type() == AviType.VRFCONTEXT) {
            fail(exchange, ErrorClass.REJECTED, 404, "vrfcontext " + op.name() + " vanished from the controller");
            return;
        }
        LOG.info("{} vanished from the controller; creating it again", op.key());
        inventory.forget(op.type(), op.name());
        next(exchange, AviStep.write(planner.recreate(op), step.number() + 1));
    }

    /** 409 on POST: read the object by name; {@link #response} adopts it if it is ours. */
    public void lookupForAdoption(Exchange exchange) {
        AviStep step = step(exchange);
        next(exchange, AviStep.adoptLookup(step.operation(), step.number() + 1));
    }

    /** 412: the object changed since it was read; read it again, then the update is rebased on it. */
    public void reread(Exchange exchange) {
        AviStep step = step(exchange);
        if (step.operation() == null || step.operation().uuid() == null) {
            failed(exchange);
            return;
        }
        next(exchange, AviStep.reread(step.operation(), step.number() + 1));
    }

    /** 404 on GET: no such object (a read gets an empty body; a re-read before an update turns into a create). */
    public void readAbsent(Exchange exchange) {
        AviStep step = step(exchange);
        if (step.kind() == AviStep.Kind.REREAD) {
            recreate(exchange);
            return;
        }
        if (step.kind() == AviStep.Kind.READ) {
            exchange.getMessage().setBody(null);
            exchange.removeProperty(AviExchange.STEP);
            return;
        }
        failed(exchange);
    }

    // ---- outcomes ----

    private void next(Exchange exchange, AviStep next) {
        if (next.number() > MAX_STEPS) {
            fail(exchange, ErrorClass.INTERNAL, 0, "gave up after " + MAX_STEPS + " calls (the object keeps changing)");
            return;
        }
        exchange.setProperty(AviExchange.STEP, next);
    }

    private void succeeded(Exchange exchange, Outcome outcome, int status, String note) {
        AviOperation op = operation(exchange);
        exchange.removeProperty(AviExchange.STEP);
        deadLetters.resolved(op.key());
        BatchState batch = exchange.getProperty(AviExchange.BATCH, BatchState.class);
        if (batch != null) {
            batch.record(exchange.getProperty(AviExchange.OPERATION_INDEX, Integer.class), new OperationResult(op.key(), op.method(), outcome, status, note, null));
        }
        LOG.debug("{}: {}", op, outcome);
    }

    private void fail(Exchange exchange, ErrorClass errorClass, int status, String message) {
        AviOperation op = operation(exchange);
        exchange.removeProperty(AviExchange.STEP);
        BatchState batch = exchange.getProperty(AviExchange.BATCH, BatchState.class);
        if (batch != null) {
            batch.record(exchange.getProperty(AviExchange.OPERATION_INDEX, Integer.class), new OperationResult(op.key(), op.method(), Outcome.FAILED,
                    status, message, errorClass));
        }
        if (errorClass != ErrorClass.NOT_LEADER) {
            deadLetters.record(batch == null ? "unknown" : batch.shardKey(), op, errorClass, status, message);
        }
        writeLedger.remove(op.idempotencyKey());
        LOG.warn("{} failed [{}{}]: {}", op, errorClass, status > 0 ? " " + status : "", message);
    }

    /** The batch's operation (a follow-up step may be a variant of it, e.g. a POST for a vanished PUT). */
    private static AviOperation operation(Exchange exchange) {
        AviOperation op = exchange.getProperty(AviExchange.OPERATION, AviOperation.class);
        return op != null ? op : step(exchange).operation();
    }

    private static AviStep step(Exchange exchange) {
        return exchange.getProperty(AviExchange.STEP, AviStep.class);
    }
}
