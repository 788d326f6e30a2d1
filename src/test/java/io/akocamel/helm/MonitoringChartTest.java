package io.akocamel.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The optional Prometheus Operator and Grafana objects, and the prometheus.io annotations of AKO's EnablePrometheus. */
class MonitoringChartTest {
    private static Optional<GenericKubernetesResource> generic(Chart.Rendered chart, String kind) {
        return chart.objects().stream().filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
                .filter(o -> kind.equals(o.getKind())).findFirst();
    }

    @Test
    void byDefaultNoMonitoringObjectIsRenderedAndTheServiceHasNoScrapeAnnotations() {
        Chart.Rendered chart = Chart.template(t -> t);

        assertThat(generic(chart, "ServiceMonitor")).isEmpty();
        assertThat(generic(chart, "PrometheusRule")).isEmpty();
        assertThat(chart.find(ConfigMap.class, "ako-camel-dashboard")).isEmpty();
        assertThat(chart.get(Service.class, "ako").getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @Test
    void enablePrometheusAnnotatesTheServiceWithTheManagementPortAndMetricsPath() {
        Chart.Rendered chart = Chart.template(t -> t.set("featureGates.EnablePrometheus", true).set("AKOSettings.apiServerPort", 9090));

        assertThat(chart.get(Service.class, "ako").getMetadata().getAnnotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "prometheus.io/scrape", "true", "prometheus.io/port", "9090", "prometheus.io/path", "/observe/metrics"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServiceMonitorScrapesTheManagementPortOfThePods() {
        Chart.Rendered chart = Chart.template(t -> t.set("akoCamel.monitoring.serviceMonitor.enabled", true)
                .set("akoCamel.monitoring.serviceMonitor.labels.release", "kube-prometheus-stack"));

        GenericKubernetesResource monitor = generic(chart, "ServiceMonitor").orElseThrow();
        Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat((Map<String, Object>) spec.get("selector")).isEqualTo(Map.of("matchLabels",
                chart.get(Service.class, "ako").getSpec().getSelector()));
        assertThat((List<Map<String, Object>>) spec.get("endpoints")).singleElement()
                .isEqualTo(Map.of("port", "management", "path", "/observe/metrics", "interval", "30s"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePrometheusRuleHasTheFiveAlertsWithTheFullSyncThresholdFromTheSettings() {
        Chart.Rendered chart = Chart.template(t -> t.set("akoCamel.monitoring.prometheusRule.enabled", true)
                .set("AKOSettings.fullSyncFrequency", "600"));

        Map<String, Object> spec = (Map<String, Object>) generic(chart, "PrometheusRule").orElseThrow().getAdditionalProperties().get("spec");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) ((List<Map<String, Object>>) spec.get("groups")).get(0).get("rules");
        assertThat(rules).extracting(r -> r.get("alert")).containsExactly("AkoCamelAviControllerDisconnected", "AkoCamelPreflightFailing",
                "AkoCamelDeadLetters", "AkoCamelNoFullSync", "AkoCamelIngressesWithErrors");
        assertThat(rules).filteredOn(r -> r.get("alert").equals("AkoCamelDeadLetters")).singleElement()
                .satisfies(r -> assertThat(r.get("for")).isEqualTo("10m"));
        assertThat(rules).filteredOn(r -> r.get("alert").equals("AkoCamelNoFullSync")).singleElement()
                .satisfies(r -> assertThat((String) r.get("expr")).endsWith("> 1800"));
    }

    @Test
    void theGrafanaDashboardIsAConfigMapForTheSidecarWithEveryPanel() throws Exception {
        Chart.Rendered chart = Chart.template(t -> t.set("akoCamel.monitoring.grafanaDashboard.enabled", true));

        ConfigMap dashboard = chart.get(ConfigMap.class, "ako-camel-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("ako-camel.json"));
        assertThat(json.path("panels").findValuesAsText("title")).contains("Ingresses", "Avi calls by type and status",
                "Avi call latency p99 by type", "Reconcile latency", "Dead letters", "Kubernetes watch events");
    }
}
