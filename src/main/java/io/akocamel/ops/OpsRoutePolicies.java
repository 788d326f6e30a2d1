package io.akocamel.ops;

import io.akocamel.kube.FullSync;
import io.akocamel.kube.KubeHeaders;
import io.akocamel.reconcile.ReconcileResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Observes the controller's routes without changing them: a Camel {@link RoutePolicy} on the Kubernetes watch routes
 * (events by kind and action), on the full-sync-begin route (a full sync starts with its shard keys) and on the
 * reconcile-run route (each reconcile's result and duration, and the latency of a Kubernetes change to Avi).
 */
final class OpsRoutePolicies implements RoutePolicyFactory {
    static final String KUBE_WATCH_SCHEME = "kube-watch:";
    private static final String STARTED_NANOS = "AkoOpsStartedNanos";
    private static final String STARTED_AT = "AkoOpsStartedAt";

    private final AkoMetrics metrics;
    private final IngressSyncState ingresses;
    private final FullSyncTracker fullSyncs;
    private final Clock clock;
    private final Operations.ObservedRoutes routes;

    OpsRoutePolicies(AkoMetrics metrics, IngressSyncState ingresses, FullSyncTracker fullSyncs, Clock clock, Operations.ObservedRoutes routes) {
        this.routes = routes;
        this.metrics = metrics;
        this.ingresses = ingresses;
        this.fullSyncs = fullSyncs;
        this.clock = clock;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        if (routes.reconcileRun().equals(routeId)) {
            return new ReconcilePolicy();
        }
        if (routes.fullSyncBegin().equals(routeId)) {
            return new FullSyncBeginPolicy();
        }
        if (route instanceof RouteDefinition definition && definition.getInput() != null
                && definition.getInput().getEndpointUri().startsWith(KUBE_WATCH_SCHEME)) {
            return new KubeEventPolicy();
        }
        return null;
    }

    private final class KubeEventPolicy extends RoutePolicySupport {
        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            String kind = exchange.getMessage().getHeader(KubeHeaders.KIND, String.class);
            String action = exchange.getMessage().getHeader(KubeHeaders.ACTION, String.class);
            if (kind != null && action != null) {
                metrics.kubernetesEvent(kind, action);
            }
        }
    }

    private final class FullSyncBeginPolicy extends RoutePolicySupport {
        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(STARTED_AT, clock.instant());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            if (exchange.getException() == null && exchange.getMessage().getBody() instanceof List<?> keys) {
                fullSyncs.started(exchange.getProperty(STARTED_AT, Instant.class), keys.stream().map(String::valueOf).toList());
            }
        }
    }

    private final class ReconcilePolicy extends RoutePolicySupport {
        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            exchange.setProperty(STARTED_NANOS, System.nanoTime());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            long nanos = System.nanoTime() - exchange.getProperty(STARTED_NANOS, System.nanoTime(), Long.class);
            ReconcileResult result = exchange.getException() == null ? exchange.getMessage().getBody(ReconcileResult.class) : null;
            String outcome = result == null ? "error" : result.result().toLowerCase(Locale.ROOT);
            String key = result != null ? result.key() : exchange.getMessage().getBody(String.class);
            metrics.reconciled(outcome, nanos);
            if (key == null) {
                return;
            }
            ingresses.reconciled(key, outcome);
            if (Boolean.TRUE.equals(exchange.getMessage().getHeader(KubeHeaders.FULL_SYNC, Boolean.class))) {
                fullSyncs.reconciled(key);
            }
            if (result != null && result.writes() > 0 && startedByKubernetesChange(exchange)) {
                // a burst for one key is coalesced into its first exchange, created when the first change arrived
                metrics.changeWritten(clock.millis() - exchange.getClock().getCreated());
            }
        }

        /** The coalesced exchange began with a watch event (not a full sync, a dead-letter recovery or a replay). */
        private static boolean startedByKubernetesChange(Exchange exchange) {
            String cause = exchange.getMessage().getHeader(KubeHeaders.CAUSE, String.class);
            return cause != null && !cause.isEmpty() && !cause.startsWith(FullSync.CAUSE);
        }
    }
}
