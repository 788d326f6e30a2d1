package io.akocamel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Renders {@code docs/configuration.md}: the settings the controller reads (the {@link SettingKey} catalogue), the
 * Helm chart's own {@code akoCamel} keys (defaults from its values.yaml) and the AKO keys the chart accepts without
 * acting on them (its {@code ako-camel.ignoredAkoKeys} list).
 */
final class ConfigurationDoc {
    static final Path FILE = Path.of("docs/configuration.md");
    static final String REGENERATE = "mvn -B -q test -Dtest=ConfigurationDocTest -Ddocs.update=true";

    private static final Path CHART = Path.of("helm/ako-camel");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the chart does with the {@code akoCamel} keys only it reads. */
    private static final Map<String, String> CHART_KEYS = Map.ofEntries(
            Map.entry("akoCamel.image.repository", "Image of the controller container."),
            Map.entry("akoCamel.image.tag", "Image tag; empty: the chart's `appVersion`."),
            Map.entry("akoCamel.image.pullPolicy", "Pull policy of that image (`image.pullSecrets` are used for it)."),
            Map.entry("akoCamel.management.metricsEnabled", "Serve `/observe/metrics` (Prometheus text) on the management port."),
            Map.entry("akoCamel.jmx.enabled", "Camel's MBeans and the controller's `io.akocamel:type=Controller` MBean."),
            Map.entry("akoCamel.jmx.port", "Greater than 0: remote JMX on 127.0.0.1 at this port in the pod, for `kubectl port-forward`."),
            Map.entry("akoCamel.jvmOptions", "Options of the controller's JVM."),
            Map.entry("akoCamel.routes.files", "Route files by name: added to the shipped `routes/*.camel.yaml`, or replacing the file "
                    + "of the same name; an empty content drops a shipped file. Mounted at `/etc/ako-camel/routes`."),
            Map.entry("akoCamel.monitoring.serviceMonitor.enabled", "A Prometheus Operator `ServiceMonitor` scraping `/observe/metrics` of every replica."),
            Map.entry("akoCamel.monitoring.serviceMonitor.interval", "Its scrape interval."),
            Map.entry("akoCamel.monitoring.serviceMonitor.labels", "Labels added to it, e.g. the ones your Prometheus selects ServiceMonitors by."),
            Map.entry("akoCamel.monitoring.prometheusRule.enabled", "A `PrometheusRule` with the controller's alerts ([operations](operations.md#prometheus-operator-alerts-and-grafana))."),
            Map.entry("akoCamel.monitoring.prometheusRule.labels", "Labels added to it."),
            Map.entry("akoCamel.monitoring.grafanaDashboard.enabled", "The Grafana dashboard in ConfigMap `ako-camel-dashboard`, for the Grafana sidecar."),
            Map.entry("akoCamel.monitoring.grafanaDashboard.namespace", "Its namespace; empty: the release namespace."),
            Map.entry("akoCamel.monitoring.grafanaDashboard.labels", "Its labels (the sidecar looks for `grafana_dashboard: \"1\"`)."));

    private ConfigurationDoc() {
    }

    static String render() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration\n\n")
                .append("<!-- Generated from io.akocamel.config.SettingKey and helm/ako-camel; do not edit. Regenerate: ")
                .append(REGENERATE).append(" -->\n\n")
                .append("ako-camel reads AKO's `values.yaml` keys, with AKO's defaults, plus its own section `akoCamel`. ")
                .append("Sources, later wins: the default, the `--values` file, in a pod the ConfigMap `avi-k8s-config` ")
                .append("and the Secret `avi-secret` of `POD_NAMESPACE`, the environment; `run --embedded-avi PORT` then sets ")
                .append("the controller address and credentials to the simulator's. Lists are JSON in the ConfigMap and the ")
                .append("environment (`[{\"networkName\":\"vip-net\",\"cidr\":\"10.10.10.0/24\"}]`). Every invalid value is ")
                .append("reported at once, each with its key, the value and what is allowed, and the command exits with code 2.\n");
        settings(md);
        chartOnly(md);
        ignored(md);
        return md.toString();
    }

    private static void settings(StringBuilder md) {
        Map<String, List<SettingKey>> sections = Arrays.stream(SettingKey.values()).collect(Collectors.groupingBy(
                k -> k.pathElements()[0], LinkedHashMap::new, Collectors.toList()));
        sections.forEach((section, keys) -> {
            md.append("\n## ").append(section).append("\n\n")
                    .append("| key | environment | ").append(section.equals("avicredentials") ? "`avi-secret` key" : "ConfigMap key")
                    .append(" | default | allowed | what it does |\n|---|---|---|---|---|---|\n");
            for (SettingKey key : keys) {
                md.append("| `").append(key.path).append("` | `").append(key.env).append("` | ")
                        .append(sourceKey(key)).append(" | ").append(code(key.defaultValue)).append(" | ")
                        .append(cell(key.allowed.text())).append(" | ").append(cell(key.description)).append(" |\n");
            }
        });
    }

    private static void chartOnly(StringBuilder md) throws IOException {
        md.append("\n## Helm chart only\n\n")
                .append("Read by the chart `helm/ako-camel`, not by the controller.\n\n")
                .append("| key | default | what it does |\n|---|---|---|\n");
        JsonNode values = YAML.readTree(Files.readString(CHART.resolve("values.yaml")));
        for (String path : chartOnlyKeys()) {
            String description = CHART_KEYS.get(path);
            if (description == null) {
                throw new IllegalStateException("the chart reads " + path + "; describe it in ConfigurationDoc.CHART_KEYS");
            }
            md.append("| `").append(path).append("` | ").append(code(scalar(at(values, path)))).append(" | ")
                    .append(cell(description)).append(" |\n");
        }
    }

    private static void ignored(StringBuilder md) throws IOException {
        md.append("\n## AKO keys accepted and ignored\n\n")
                .append("AKO features ako-camel does not have. The chart accepts these keys; `helm install` and `helm upgrade` ")
                .append("list under \"Ignored\" the ones set to anything but the value below, and any key the chart does not know.\n\n")
                .append("| key | value that means \"off\" |\n|---|---|\n");
        YAML.readTree(define("ako-camel.ignoredAkoKeys")).fields().forEachRemaining(e ->
                md.append("| `").append(e.getKey()).append("` | ").append(code(scalar(e.getValue()))).append(" |\n"));
    }

    /** The key in the ConfigMap, or for credentials in the Secret; a dash when neither holds the setting. */
    private static String sourceKey(SettingKey key) {
        if (key.configMapKey != null) {
            return code(key.configMapKey);
        }
        return key.path.startsWith("avicredentials.") ? code(key.pathElements()[1]) : "—";
    }

    private static List<String> chartOnlyKeys() throws IOException {
        Set<String> read = Arrays.stream(SettingKey.values()).map(k -> k.path).collect(Collectors.toSet());
        return textList(define("ako-camel.knownValueKeys")).stream()
                .filter(k -> k.startsWith("akoCamel.") && !read.contains(k)).toList();
    }

    /** The body of a named template in the chart's _helpers.tpl. */
    private static String define(String name) throws IOException {
        String helpers = Files.readString(CHART.resolve("templates/_helpers.tpl"));
        Matcher m = Pattern.compile("\\{\\{- define \"" + Pattern.quote(name) + "\" -}}\\n(.*?)\\{\\{- end -}}", Pattern.DOTALL)
                .matcher(helpers);
        if (!m.find()) {
            throw new IllegalStateException("no template " + name + " in the chart's _helpers.tpl");
        }
        return m.group(1);
    }

    private static List<String> textList(String yaml) throws IOException {
        return StreamSupport.stream(YAML.readTree(yaml).spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String element : path.split("\\.")) {
            node = node.path(element);
        }
        return node;
    }

    private static String scalar(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String code(String value) {
        return value.isEmpty() ? "empty" : "`" + value + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
