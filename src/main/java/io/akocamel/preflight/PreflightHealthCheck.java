package io.akocamel.preflight;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Readiness check {@code ako-camel/avi-preflight} (bean {@code aviPreflightHealthCheck}): DOWN until the controller
 * preflight has passed and while it fails, with the problems as message; UP once it passes.
 */
public final class PreflightHealthCheck extends AbstractHealthCheck {
    private final Preflight preflight;

    public PreflightHealthCheck(Preflight preflight) {
        super("ako-camel", "avi-preflight");
        this.preflight = preflight;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        PreflightResult result = preflight.result();
        builder.detail("state", result.state().name());
        if (result.checkedAt() != null) {
            builder.detail("checkedAt", result.checkedAt().toString());
        }
        if (result.passed()) {
            builder.up();
        } else {
            builder.detail("problems", result.problems().size());
            builder.message(String.join(" | ", result.problems())).down();
        }
    }
}
