package io.akocamel.avi;

import io.akocamel.app.Components;
import io.akocamel.app.ControllerApp;
import io.akocamel.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real Avi delivery routes in Camel Main, as the product wires them; shard keys sent to seda:reconcile are collected. */
final class AviCamel implements AutoCloseable {
    final ControllerApp app;
    final CamelContext context;
    final ProducerTemplate template;
    final List<String> reconcileRequests = new CopyOnWriteArrayList<>();

    private AviCamel(Settings settings) throws Exception {
        app = ControllerApp.builder(settings)
                .routeFiles("avi-delivery.camel.yaml", "avi-error-policy.camel.yaml")
                .property("avi.deadLetters.recoveryCheckMillis", "25")
                .addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("seda:reconcile?pollTimeout=20").routeId("test-reconcile-requests")
                                .process(e -> reconcileRequests.add(e.getMessage().getBody(String.class)));
                    }
                })
                .start();
        context = app.context();
        template = context.createProducerTemplate();
    }

    static AviCamel start(Settings settings) throws Exception {
        return new AviCamel(settings);
    }

    BatchResult apply(ShardBatch batch) {
        return template.requestBody("direct:avi-apply", batch, BatchResult.class);
    }

    InventoryLoader.LoadSummary loadInventory() {
        return template.requestBody("direct:avi-inventory-load", null, InventoryLoader.LoadSummary.class);
    }

    Components components() {
        return app.components();
    }

    AviInventory inventory() {
        return components().inventory();
    }

    DeadLetterStore deadLetters() {
        return components().deadLetters();
    }

    /** The readiness check on the controller connection, as Camel's health registry holds it. */
    HealthCheck controllerHealthCheck() {
        return HealthCheckRegistry.get(context).getCheck("avi-controller").orElseThrow();
    }

    @Override
    public void close() {
        app.close();
    }
}
