package io.akocamel.ops;

import io.akocamel.avi.AviInventory;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Readiness check {@code ako/avi-inventory} (bean {@code aviInventoryHealthCheck}): DOWN until the objects this
 * cluster owns on the Avi Controller have been read once (nothing is planned before that).
 */
final class InventoryHealthCheck extends AbstractHealthCheck {
    private final AviInventory inventory;

    InventoryHealthCheck(AviInventory inventory) {
        super("ako", "avi-inventory");
        this.inventory = inventory;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("objects", inventory.size());
        builder.detail("complete", inventory.isComplete());
        if (inventory.isRead()) {
            builder.up();
        } else {
            builder.message("the Avi inventory has not been read completely yet").down();
        }
    }
}
