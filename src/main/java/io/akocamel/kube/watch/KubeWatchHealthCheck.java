package io.akocamel.kube.watch;

import io.akocamel.kube.ClusterState;
import io.akocamel.kube.KubeKind;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Health of the Kubernetes watches ({@code ako/kubernetes-watches}). Readiness: DOWN until every required kind is
 * watched and every informer has listed completely. Liveness: DOWN when an informer has stopped by itself (a dead
 * watch must not hide behind a started route). Camel picks it up from the registry (bean {@code kubeWatchHealthCheck}).
 */
public class KubeWatchHealthCheck extends AbstractHealthCheck {
    private final ClusterState state;

    public KubeWatchHealthCheck(ClusterState state) {
        super("ako", "kubernetes-watches");
        this.state = state;
    }

    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> stopped = new ArrayList<>();
        List<String> listing = new ArrayList<>();
        for (ClusterState.Watch watch : state.watches()) {
            if (watch.absent()) {
                builder.detail("watch." + watch.spec(), "not served by this cluster (CustomResourceDefinition not installed)");
                continue;
            }
            String status = watch.stopped() ? "stopped" : watch.synced() ? "synced" : "listing";
            builder.detail("watch." + watch.spec(), watch.lastError() == null ? status : status + " (last error: " + watch.lastError() + ")");
            if (watch.stopped()) {
                stopped.add(watch.spec().toString());
            } else if (!watch.synced()) {
                listing.add(watch.spec().toString());
            }
        }
        List<String> missing = state.unwatchedKinds().stream().map(KubeKind::plural).toList();
        builder.up();
        if (!stopped.isEmpty()) {
            builder.message("watch stopped: " + String.join(", ", stopped)).down();
            return;
        }
        if (options.getOrDefault(HealthCheck.CHECK_KIND, HealthCheck.Kind.ALL) == HealthCheck.Kind.LIVENESS) {
            return;
        }
        if (!missing.isEmpty()) {
            builder.message("not watched (no kube-watch route started): " + String.join(", ", missing)).down();
        } else if (!listing.isEmpty()) {
            builder.message("initial list not complete: " + String.join(", ", listing)).down();
        }
    }
}
