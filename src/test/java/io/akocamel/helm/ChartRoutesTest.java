package io.akocamel.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML routes travel in ConfigMap ako-camel-routes, mounted where the application loads them. */
class ChartRoutesTest {
    private static final Path PROJECT_ROUTES = Path.of("routes");
    private static final Path CHART_ROUTES = Chart.DIR.resolve("files/routes");

    private static Map<String, String> routeFiles(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String annotation(StatefulSet sts, String name) {
        return sts.getSpec().getTemplate().getMetadata().getAnnotations().get(name);
    }

    @Test
    void chartShipsExactlyTheProjectRoutes() {
        assertThat(routeFiles(CHART_ROUTES))
                .as("helm/ako-camel/files/routes/ must equal routes/*.camel.yaml: `mvn generate-resources` copies them; "
                        + "delete chart files whose route is gone from routes/, and commit both folders together")
                .isEqualTo(routeFiles(PROJECT_ROUTES));
    }

    @Test
    void routesConfigMapHoldsTheProjectRoutesMountedWhereTheApplicationLoadsThem() {
        Chart.Rendered chart = Chart.template(t -> t);
        PodSpec pod = chart.statefulSet().getSpec().getTemplate().getSpec();
        Container ako = pod.getContainers().get(0);

        assertThat(chart.get(ConfigMap.class, "ako-camel-routes").getData()).isEqualTo(routeFiles(PROJECT_ROUTES));
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("routes");
            assertThat(v.getConfigMap().getName()).isEqualTo("ako-camel-routes");
        });
        assertThat(ako.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("routes");
            assertThat(m.getMountPath()).isEqualTo("/etc/ako-camel/routes");
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(chart.containerEnvironment()).containsEntry("AKO_CAMEL_ROUTES_DIR", "/etc/ako-camel/routes");
    }

    @Test
    void routeFileGivenWithSetFileIsAddedAndRollsThePodUnlessReloadedLive(@TempDir Path dir) throws IOException {
        String route = """
                - route:
                    id: extra-tick
                    from:
                      uri: timer:extra-tick
                      steps:
                        - log: tick
                """;
        Path file = Files.writeString(dir.resolve("my-route.yaml"), route);

        Chart.Rendered plain = Chart.template(t -> t.set("akoCamel.routes.reload", false));
        Chart.Rendered withRoute = Chart.template(t -> t.set("akoCamel.routes.reload", false).setFile("akoCamel.routes.files.extra\\.camel\\.yaml", file));
        Chart.Rendered reloaded = Chart.template(t -> t.setFile("akoCamel.routes.files.extra\\.camel\\.yaml", file));

        assertThat(withRoute.get(ConfigMap.class, "ako-camel-routes").getData()).containsEntry("extra.camel.yaml", route);
        assertThat(annotation(withRoute.statefulSet(), "checksum/routes")).isNotEqualTo(annotation(plain.statefulSet(), "checksum/routes"));
        assertThat(reloaded.statefulSet().getSpec().getTemplate().getMetadata().getAnnotations())
                .as("reloaded live, a route change does not roll the pod").doesNotContainKey("checksum/routes");
        assertThat(reloaded.statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("AKO_CAMEL_ROUTES_RELOAD=true"));
    }

    @Test
    void routeFileWithEmptyContentIsLeftOut() {
        Chart.Rendered chart = Chart.template(t -> t.set("akoCamel.routes.files.kept\\.camel\\.yaml", "- route: {id: kept, from: {uri: 'timer:k', steps: [{log: k}]}}")
                .set("akoCamel.routes.files.dropped\\.camel\\.yaml", ""));

        assertThat(chart.get(ConfigMap.class, "ako-camel-routes").getData()).containsKey("kept.camel.yaml").doesNotContainKey("dropped.camel.yaml");
    }

    @Test
    void settingReadWhileRunningKeepsThePodButAnEnvironmentSettingRollsIt() {
        String plain = annotation(Chart.template(t -> t).statefulSet(), "checksum/config");

        assertThat(annotation(Chart.template(t -> t.set("AKOSettings.logLevel", "DEBUG")).statefulSet(), "checksum/config")).isEqualTo(plain);
        assertThat(annotation(Chart.template(t -> t.set("AKOSettings.deleteConfig", "true")).statefulSet(), "checksum/config")).isEqualTo(plain);
        assertThat(annotation(Chart.template(t -> t.set("AKOSettings.clusterName", "cluster-2")).statefulSet(), "checksum/config")).isNotEqualTo(plain);
    }
}
