package io.akocamel.avi;

import io.akocamel.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real Avi delivery routes in Camel Main, as the product wires them; shard keys sent to seda:reconcile are collected. */
final class AviCamel implements AutoCloseable {
    final Main main;
    final CamelContext context;
    final ProducerTemplate template;
    final List<String> reconcileRequests = new CopyOnWriteArrayList<>();

    private AviCamel(Settings settings) throws Exception {
        main = new Main();
        main.bind("settings", settings);
        main.configure().addConfiguration(new AviConfiguration());
        main.configure().withRoutesIncludePattern("classpath:routes/avi-delivery.camel.yaml,classpath:routes/avi-error-policy.camel.yaml");
        main.addOverrideProperty("avi.deadLetters.recoveryCheckMillis", "25");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:reconcile?pollTimeout=20").routeId("test-reconcile-requests").process(e -> reconcileRequests.add(e.getMessage().getBody(String.class)));
            }
        });
        main.start();
        context = main.getCamelContext();
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

    <T> T bean(String name, Class<T> type) {
        return context.getRegistry().lookupByNameAndType(name, type);
    }

    AviInventory inventory() {
        return bean("aviInventory", AviInventory.class);
    }

    DeadLetterStore deadLetters() {
        return bean("deadLetters", DeadLetterStore.class);
    }

    @Override
    public void close() {
        main.stop();
    }
}
