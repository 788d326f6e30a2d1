package io.akocamel.it;

import io.akocamel.avi.LogCapture;
import io.akocamel.app.ControllerApp;
import io.fabric8.kubernetes.api.model.Event;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live route reload on a directory laid out as a Kubernetes ConfigMap volume: the files are symlinks through
 * {@code ..data}, and an update swaps that symlink to a new timestamped directory.
 */
class RoutesReloadTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DELIVERY = "avi-delivery.camel.yaml";
    /** The wire-tap of docs/routes.md: every write to the controller, method and URI, logged. */
    static final String PREPARE = """
                    - bean:
                        ref: aviSession
                        method: prepare
            """;
    static final String WIRE_TAP = PREPARE + """
                    - filter:
                        simple: "${header.CamelHttpMethod} != 'GET'"
                        steps:
                          - wireTap:
                              uri: direct:avi-write-log
            """;
    static final String WRITE_LOG_ROUTE = """

            - route:
                id: avi-write-log
                from:
                  uri: direct:avi-write-log
                  steps:
                    - log:
                        logName: io.akocamel.avi.writes
                        message: "${header.CamelHttpMethod} ${header.CamelHttpUri}"
            """;

    @TempDir
    Path volume;
    ControllerFixture fixture;
    int version;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start() throws Exception {
        publish(Map.of());
        fixture = ControllerFixture.create(s -> s.set("akoCamel.routes.reload", "true"));
        fixture.startControllerInPod("avi-system", "ako-0", b -> b.routesDir(volume).property(ControllerApp.RELOAD_MILLIS, "100"));
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml");
    }

    /** A ConfigMap update: the packaged routes with some files edited, in a new directory that {@code ..data} then names. */
    private void publish(Map<String, UnaryOperator<String>> edits) throws IOException {
        Path data = volume.resolve("..2026_12_03_" + ++version);
        Files.createDirectory(data);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Files.writeString(data.resolve(name), edits.getOrDefault(name, UnaryOperator.identity()).apply(Files.readString(file)));
                if (!Files.exists(volume.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(volume.resolve(name), Path.of("..data", name));
                }
            }
        }
        Path next = volume.resolve("..data_tmp");
        Files.createSymbolicLink(next, data.getFileName());
        Files.move(next, volume.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private List<Event> podEvents(String reason) {
        return fixture.events("ako-0").stream().filter(e -> reason.equals(e.getReason())).toList();
    }

    private long logins() {
        return fixture.avi.requestLog().stream().filter(r -> r.path().startsWith("/login")).count();
    }

    record BadEdit(String what, String file, UnaryOperator<String> edit, String expected) {
    }

    @Test
    void anInvalidEditIsRefusedWithAWarningOnThePodAndThePreviousRoutesKeepRunning() throws Exception {
        start();
        List<BadEdit> edits = List.of(
                new BadEdit("not YAML", "reconcile.camel.yaml", text -> text + "\n- route: [unclosed\n", "(reconcile.camel.yaml)"),
                new BadEdit("an unknown step", DELIVERY, text -> text.replace("- removeHeaders:", "- removeHeaderz:"), "removeHeaderz"),
                new BadEdit("the contract broken", DELIVERY, text -> text.replace("uri: direct:avi-apply\n", "uri: direct:avi-apply-v2\n"),
                        "no route consumes from direct:avi-apply (the reconciler sends each shard's writes there)"),
                new BadEdit("a bean that does not exist", DELIVERY, text -> text.replace("ref: aviSession\n            method: prepare",
                        "ref: noSuchBean\n            method: prepare"), "route avi-call names bean 'noSuchBean', which does not exist"));

        for (BadEdit bad : edits) {
            publish(Map.of(bad.file(), bad.edit()));

            await(bad.what()).atMost(WAIT).until(() -> podEvents(ControllerApp.ROUTES_RELOAD_FAILED).stream()
                    .anyMatch(e -> e.getMessage().contains(bad.expected())));
            assertThat(podEvents(ControllerApp.ROUTES_RELOAD_FAILED)).filteredOn(e -> e.getMessage().contains(bad.expected()))
                    .singleElement().satisfies(e -> assertThat(e.getMessage())
                            .startsWith("The routes in " + volume.toAbsolutePath() + " were not reloaded (" + bad.file() + ")"));
        }
        for (String id : List.of("avi-apply", "avi-call", "reconcile-run", "full-sync-begin")) {
            assertThat(fixture.app().context().getRouteController().getRouteStatus(id)).as(id).isEqualTo(ServiceStatus.Started);
        }

        fixture.applyExamples("20-ingresses.yaml");

        await().atMost(WAIT).until(() -> !fixture.status("shop").isEmpty());
        assertThat(fixture.ownedObjects("virtualservice")).isNotEmpty();
    }

    @Test
    void aValidEditIsLoadedWithoutRestartKeepingTheAviSession() throws Exception {
        start();
        fixture.applyExamples("20-ingresses.yaml");
        await().atMost(WAIT).until(() -> !fixture.status("shop").isEmpty());
        long loginsBefore = logins();

        try (LogCapture logs = new LogCapture(Map.of())) {
            publish(Map.of(DELIVERY, text -> text.replace(PREPARE, WIRE_TAP) + WRITE_LOG_ROUTE));
            await().atMost(WAIT).until(() -> !podEvents(ControllerApp.ROUTES_RELOADED).isEmpty());
            assertThat(podEvents(ControllerApp.ROUTES_RELOADED).get(0).getMessage()).endsWith(": " + DELIVERY);

            fixture.applyExamples("30-tls.yaml");

            await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.startsWith("INFO io.akocamel.avi.writes - POST ")));
            assertThat(logs.lines()).filteredOn(l -> l.contains("io.akocamel.avi.writes")).noneMatch(l -> l.contains(" - GET "));
        }
        assertThat(logins()).as("the session survives the reload").isEqualTo(loginsBefore);
        assertThat(podEvents(ControllerApp.ROUTES_RELOAD_FAILED)).isEmpty();
    }
}
