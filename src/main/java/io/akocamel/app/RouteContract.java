package io.akocamel.app;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Java expects of the route files: the endpoints it sends to and the route ids it observes. A routes directory
 * that replaces the packaged {@code routes/} (Helm's {@code ako-camel-routes} ConfigMap, {@code --routes-dir}) must keep
 * them; {@link #check} says which one is missing, and who needs it, when it does not. The beans the route files refer
 * to are bound by {@link Components}. See docs/architecture.md "Route contract".
 */
public final class RouteContract {
    /** Body {@code ShardBatch} → {@code BatchResult}: the ordered writes of one shard (the reconciler). */
    public static final String AVI_APPLY = "direct:avi-apply";
    /** Reads every owned object into the inventory (the {@code plan} command, full syncs). */
    public static final String AVI_INVENTORY_LOAD = "direct:avi-inventory-load";
    /** Body {@code type/name}: re-reads one object (JMX dead-letter replay). */
    public static final String AVI_INVENTORY_REFRESH = "direct:avi-inventory-refresh";
    /** One controller preflight (the {@code plan --controller} command). */
    public static final String AVI_PREFLIGHT = "direct:avi-preflight";
    /** Body: a shard key to reconcile (JMX replay). */
    public static final String RECONCILE = "seda:reconcile";
    /** A full sync now (JMX). */
    public static final String FULL_SYNC_NOW = "direct:full-sync-now";

    /** The route whose exchanges are single reconciles (reconcile metrics). */
    public static final String RECONCILE_RUN_ROUTE = "reconcile-run";
    /** The route that starts a full sync with its shard keys (full-sync metrics). */
    public static final String FULL_SYNC_BEGIN_ROUTE = "full-sync-begin";

    private static final Map<String, String> ENDPOINTS = endpoints();
    private static final Map<String, String> ROUTES = Map.of(
            RECONCILE_RUN_ROUTE, "the reconcile metrics (ako_reconciles_total, ako_reconcile_duration_seconds)",
            FULL_SYNC_BEGIN_ROUTE, "the full-sync metrics (ako_full_sync_*)");

    private RouteContract() {
    }

    private static Map<String, String> endpoints() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(AVI_APPLY, "the reconciler sends each shard's writes there");
        m.put(AVI_INVENTORY_LOAD, "the plan command and the full sync read the controller's objects through it");
        m.put(AVI_INVENTORY_REFRESH, "the JMX dead-letter replay re-reads an object through it");
        m.put(AVI_PREFLIGHT, "the plan command checks the controller's set-up through it");
        m.put(RECONCILE, "watches, full syncs, dead-letter recovery and JMX replay send shard keys there");
        m.put(FULL_SYNC_NOW, "deleteConfig changes, a passing preflight and the JMX operation start a full sync through it");
        return m;
    }

    /**
     * Fails with one line per broken promise when the loaded routes do not keep the contract.
     *
     * @param origin where the routes came from, for the message (e.g. the routes directory)
     */
    public static void check(CamelContext camel, String origin) {
        List<String> missing = new ArrayList<>();
        ENDPOINTS.forEach((uri, why) -> {
            if (!consumed(camel, uri)) {
                missing.add("no route consumes from " + uri + " (" + why + ")");
            }
        });
        ROUTES.forEach((id, why) -> {
            if (definitions(camel).stream().noneMatch(r -> id.equals(r.getRouteId()))) {
                missing.add("no route has id " + id + " (" + why + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The routes from " + origin + " break the route contract:\n  - "
                    + String.join("\n  - ", missing)
                    + "\nStart from the packaged routes (routes/*.camel.yaml) and keep these endpoints and route ids.");
        }
    }

    private static boolean consumed(CamelContext camel, String uri) {
        return definitions(camel).stream().map(r -> r.getInput().getEndpointUri())
                .anyMatch(from -> from.equals(uri) || from.startsWith(uri + "?"));
    }

    private static List<RouteDefinition> definitions(CamelContext camel) {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions();
    }
}
