package io.akocamel.app;

import io.akocamel.testing.FreePort;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.apache.camel.CamelContext;
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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The route files: valid YAML DSL, all listed for loading, and a user's routes directory held to the route contract. */
@EnableKubernetesMockClient(crud = true)
class RouteFilesTest {
    KubernetesClient client;

    @Test
    void everyFileInRoutesIsListedForLoading() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")))
                    .containsExactlyInAnyOrderElementsOf(ControllerApp.ROUTE_FILES);
        }
    }

    @Test
    void everyRouteFileIsValidYamlDslAndThePackagedRoutesKeepTheContract() throws Exception {
        try (var context = new DefaultCamelContext()) {
            // strict validation happens at load: unknown nodes, fields and misspelt options fail here
            load(context, Path.of("routes"));

            assertThat(context.getRouteDefinitions()).extracting(r -> r.getRouteId())
                    .contains("kube-ingest", "full-sync", "avi-apply", "reconcile-run", "full-sync-begin");
            assertThatCode(() -> RouteContract.check(context, "routes/")).doesNotThrowAnyException();
        }
    }

    @Test
    void aRoutesDirectoryWithoutADeliveryRouteSaysWhatIsMissingAndWhoNeedsIt(@TempDir Path dir) throws Exception {
        copyRoutesExcept(dir, "avi-delivery.camel.yaml");
        try (var context = new DefaultCamelContext()) {
            load(context, dir);

            assertThatThrownBy(() -> RouteContract.check(context, dir.toString()))
                    .hasMessageContaining("The routes from " + dir + " break the route contract")
                    .hasMessageContaining("no route consumes from direct:avi-apply (the reconciler sends each shard's writes there)")
                    .hasMessageContaining("no route consumes from direct:avi-inventory-refresh")
                    .hasMessageNotContaining("direct:full-sync-now");
        }
    }

    @Test
    void theControllerRefusesToStartOnARoutesDirectoryThatBreaksTheContract(@TempDir Path dir) throws Exception {
        copyRoutesExcept(dir, "reconcile.camel.yaml");
        var settings = TestSettings.builder().controller("127.0.0.1:1").set("AKOSettings.apiServerPort", String.valueOf(FreePort.find())).build();

        assertThatThrownBy(() -> ControllerApp.start(settings, client, dir))
                .hasMessageContaining("no route consumes from seda:reconcile")
                .hasMessageContaining("no route has id reconcile-run");
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

    private static void load(CamelContext context, Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:" + file));
            }
        }
    }

    private static void copyRoutesExcept(Path dir, String left) throws IOException {
        for (String file : ControllerApp.ROUTE_FILES) {
            if (!file.equals(left)) {
                Files.copy(Path.of("routes", file), dir.resolve(file));
            }
        }
    }
}
