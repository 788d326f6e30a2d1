package io.akocamel.preflight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.app.Components;
import io.akocamel.app.ControllerApp;
import io.akocamel.avi.BatchResult;
import io.akocamel.avi.Planner;
import io.akocamel.config.Settings;
import io.akocamel.kube.FullSync;
import io.akocamel.kube.KubeHeaders;
import io.akocamel.model.AviObject;
import io.akocamel.model.AviType;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real delivery and preflight routes in Camel Main, as the product wires them (plus any extra route files, and the
 * Kubernetes side when a client is given). Stand-ins for the reconcile routes: {@code seda:reconcile} records every
 * shard key and, behind the write gate (the preflight), writes one pool per shard through {@code direct:avi-apply},
 * so that a closed gate shows as no writes on the controller; {@code direct:full-sync-now} counts the full syncs asked
 * for and sends every shard key (bean {@code fullSync} when the Kubernetes routes run, else one shared VS).
 */
final class PreflightCamel implements AutoCloseable {
    static final String SHARD = "cluster-1--Shared-L7-0";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reconcile(String key, String cause) {
    }

    final ControllerApp app;
    final CamelContext context;
    final List<Reconcile> reconciles = new CopyOnWriteArrayList<>();
    final List<BatchResult> applied = new CopyOnWriteArrayList<>();
    final AtomicInteger fullSyncsAsked = new AtomicInteger();

    private PreflightCamel(Settings settings, List<String> extraRouteFiles, KubernetesClient client, Map<String, String> properties)
            throws Exception {
        List<String> files = new ArrayList<>(List.of("avi-delivery.camel.yaml", "avi-error-policy.camel.yaml", "preflight.camel.yaml"));
        files.addAll(extraRouteFiles);
        ControllerApp.Builder builder = ControllerApp.builder(settings).kubernetes(client).routeFiles(files.toArray(String[]::new))
                .property("preflight.recheckMillis", "100")
                .property("preflight.tickMillis", "20");
        properties.forEach(builder::property);
        Planner planner = new Planner(settings.akoSettings().clusterName());
        app = builder.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:reconcile?pollTimeout=20").routeId("test-reconcile")
                        .process(e -> reconciles.add(new Reconcile(e.getMessage().getBody(String.class),
                                e.getMessage().getHeader(KubeHeaders.CAUSE, String.class))))
                        .filter(e -> preflight().getAsBoolean())
                        .process(e -> e.getMessage().setBody(planner.plan(e.getMessage().getBody(String.class),
                                List.of(pool(e.getMessage().getBody(String.class))), app.components().inventory(), true).batch()))
                        .to("direct:avi-apply")
                        .process(e -> applied.add(e.getMessage().getBody(BatchResult.class)));
                from("direct:full-sync-now").routeId("test-full-sync-now")
                        .process(e -> {
                            fullSyncsAsked.incrementAndGet();
                            FullSync fullSync = app.components().fullSync();
                            e.getMessage().setBody(fullSync == null ? List.of(SHARD) : fullSync.shardKeys(e));
                        })
                        .split(body()).to("seda:reconcile");
            }
        }).start();
        context = app.context();
    }

    static PreflightCamel start(Settings settings) throws Exception {
        return new PreflightCamel(settings, List.of(), null, Map.of());
    }

    static PreflightCamel start(Settings settings, List<String> extraRouteFiles, KubernetesClient client, Map<String, String> properties)
            throws Exception {
        return new PreflightCamel(settings, extraRouteFiles, client, properties);
    }

    /** The one object the stand-in reconcile writes for a shard. */
    private static AviObject pool(String shardKey) {
        String name = "cluster-1--probe-" + shardKey.replaceAll("[^A-Za-z0-9-]", "-");
        ObjectNode body = JSON.createObjectNode().put("name", name).put("cloud_ref", "/api/cloud?name=vcenter-cloud")
                .put("tenant_ref", "/api/tenant/?name=admin").put("created_by", "ako-cluster-1");
        body.putArray("servers").addObject().put("port", 8080).putObject("ip").put("addr", "10.0.0.1").put("type", "V4");
        return new AviObject(AviType.POOL, name, body);
    }

    Preflight preflight() {
        return app.components().preflight();
    }

    Components components() {
        return app.components();
    }

    /** One check now, as {@code plan --controller} would run it. */
    PreflightResult check() {
        return context.createProducerTemplate().requestBody("direct:avi-preflight", null, PreflightResult.class);
    }

    /** One check, with the headers of its reply. */
    Exchange checkAsking() {
        return context.createProducerTemplate().request("direct:avi-preflight", e -> { });
    }

    void reconcile(String shardKey) {
        context.createProducerTemplate().sendBody("seda:reconcile", shardKey);
    }

    HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(r -> r.getCheck().getId().equals("avi-preflight")).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        app.close();
    }
}
