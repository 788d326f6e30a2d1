package io.akocamel.avi;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Readiness check {@code ako-camel/avi-controller} (bean {@code aviControllerHealthCheck}): UP while logged in to the
 * controller; DOWN before the first login, while unreachable (the last call met a connection error or a 5xx, until
 * the next answer), and when the credentials are rejected (with the reason).
 */
public final class AviControllerHealthCheck extends AbstractHealthCheck {
    private final AviSession session;

    public AviControllerHealthCheck(AviSession session) {
        super("ako-camel", "avi-controller");
        this.session = session;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("controller", session.controllerUri());
        builder.detail("state", session.state().name());
        if (session.state() == AviSession.State.CONNECTED) {
            builder.up();
        } else {
            builder.message(session.problem()).down();
        }
    }
}
