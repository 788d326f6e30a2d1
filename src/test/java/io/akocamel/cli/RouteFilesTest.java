package io.akocamel.cli;

import io.akocamel.config.SettingsLoader;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteFilesTest {

    @Test
    void everyFileInRoutesIsListedForLoading() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")))
                    .containsExactlyInAnyOrderElementsOf(ControllerApp.ROUTE_FILES);
        }
    }

    @Test
    void everyRouteFileIsValidYamlDsl() throws Exception {
        try (var context = new DefaultCamelContext();
             var client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").build()).build()) {
            // the files declare beans built from these two; nothing is started, so nothing connects
            context.getRegistry().bind("settings", SettingsLoader.defaults().valuesFile(Path.of("examples/values.yaml")).load());
            context.getRegistry().bind("kubernetesClient", client);
            for (String file : ControllerApp.ROUTE_FILES) {
                // strict validation happens at load: unknown nodes, fields and misspelt options fail here
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:routes/" + file));
            }
            assertThat(context.getRouteDefinitions()).extracting(r -> r.getRouteId())
                    .contains("kube-ingest", "full-sync", "avi-apply", "reconcile-run", "full-sync-begin");
        }
    }

    @Test
    void aRoutesDirectoryReplacesThePackagedRoutes(@TempDir Path dir) {
        assertThat(ControllerApp.routesPattern(dir)).isEqualTo("file:" + dir.toAbsolutePath() + "/*.camel.yaml");
        assertThat(ControllerApp.routesPattern(null)).startsWith("classpath:routes/kubernetes-watch.camel.yaml,");
    }

    @Test
    void aMissingRoutesDirectoryIsAClearError() {
        assertThatThrownBy(() -> ControllerApp.routesPattern(Path.of("/no/such/routes")))
                .hasMessageContaining("routes directory /no/such/routes does not exist");
    }
}
