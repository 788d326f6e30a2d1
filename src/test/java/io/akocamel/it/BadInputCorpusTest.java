package io.akocamel.it;

import io.akocamel.avi.DeadLetterStore.DeadLetter;
import io.akocamel.avi.ErrorClass;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, see its README): every case applied to one cluster next
 * to the healthy examples, then per case the Warning its header expects (and no other), and for all of them together:
 * the controller converges, the healthy Ingresses keep their status, and no reconcile threw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad-input");
    /** Paths of the generated case 49; it is applied only when this is set (it takes minutes today, see its header). */
    static final int GENERATED_PATHS = Integer.getInteger("reliability.paths", 0);
    private static final Duration WITHIN = Duration.ofSeconds(Integer.getInteger("reliability.waitSeconds", 60));
    private static final Pattern WARNING = Pattern.compile("Warning (\\w+) on (\\w+) ([^/\\s]+)/(\\S+)");

    /** What a case's second line promises. */
    sealed interface Expectation {
    }

    record WarningOn(String reason, String kind, String namespace, String name) implements Expectation {
        String describe() {
            return kind + " " + namespace + "/" + name + " " + reason;
        }
    }

    record NoWarning(String why) implements Expectation {
    }

    record KnownGap(String today) implements Expectation {
    }

    record Case(String file, String what, Expectation expected, List<HasMetadata> objects) {
    }

    private ControllerFixture fixture;
    private List<Case> cases;

    @BeforeAll
    void applyTheCorpusNextToHealthyIngresses() throws Exception {
        fixture = ControllerFixture.create();
        cases = new ArrayList<>(corpusFiles());
        cases.add(parse("49-ten-thousand-paths.yaml (generated)", tenThousandPaths()));
        fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml", "30-tls.yaml");
        fixture.startController();
        await().atMost(WITHIN).until(() -> !fixture.status("shop").isEmpty());
        for (Case c : cases) {
            // what an Ingress names exists before it (each case's warning is about the final state, not a passing gap)
            c.objects().stream().sorted(Comparator.comparing(object -> object instanceof Ingress))
                    .forEach(object -> fixture.client().resource(object).create());
        }
        await().atMost(WITHIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            fixture.fullSyncNow();
            assertThat(Convergence.remainingWrites(fixture)).as("writes still needed").isEmpty();
        });
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theCorpusHoldsAtLeastFortyCases() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).extracting(Case::file).doesNotHaveDuplicates();
    }

    @TestFactory
    Stream<DynamicTest> eachCaseGetsTheWarningItsHeaderExpects() {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.what(), () -> check(c)));
    }

    @Test
    void theHealthyIngressesKeepTheirStatus() {
        for (String name : List.of("shop", "secure", "fallback")) {
            assertThat(fixture.status(name)).as("status of default/" + name).isNotEmpty();
        }
    }

    @Test
    void noReconcileThrew() {
        List<DeadLetter> internal = fixture.app().components().deadLetters().list().stream()
                .filter(d -> d.errorClass() == ErrorClass.INTERNAL).toList();
        assertThat(internal).as("dead letters of class INTERNAL").isEmpty();
        MeterRegistry meters = fixture.app().context().getRegistry().findSingleByType(MeterRegistry.class);
        assertThat(meters.find("ako.reconciles").counters()).as("reconciles counted").isNotEmpty();
        double errors = meters.find("ako.reconciles").tag("result", "error").counters().stream().mapToDouble(Counter::count).sum();
        assertThat(errors).as("reconciles that threw").isZero();
    }

    private void check(Case c) {
        if (c.expected() instanceof KnownGap gap) {
            Assumptions.abort("known gap: " + gap.today());
        } else if (c.expected() instanceof WarningOn warning) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(warningsAbout(c))
                    .as("Warnings about the objects of " + c.file()).containsExactly(warning.describe()));
        } else {
            assertThat(warningsAbout(c)).as("Warnings about the objects of " + c.file()).isEmpty();
        }
    }

    /** The Warning Events about the objects of the case, as "Kind namespace/name Reason" (a repeat bumps an Event's count). */
    private List<String> warningsAbout(Case c) {
        Set<String> objects = c.objects().stream().map(o -> o.getKind() + " " + namespaceOf(o) + "/" + o.getMetadata().getName())
                .collect(Collectors.toSet());
        List<String> found = new ArrayList<>();
        for (Event event : fixture.client().v1().events().inAnyNamespace().list().getItems()) {
            var about = event.getInvolvedObject();
            String object = about.getKind() + " " + (about.getNamespace() == null ? "" : about.getNamespace()) + "/" + about.getName();
            if ("Warning".equals(event.getType()) && objects.contains(object)) {
                found.add(object + " " + event.getReason());
            }
        }
        return found;
    }

    private static String namespaceOf(HasMetadata object) {
        return object.getMetadata().getNamespace() == null ? "" : object.getMetadata().getNamespace();
    }

    private List<Case> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Case> found = new ArrayList<>();
            // NN-*.yaml; the names-*.yaml cases (special characters in names) belong to SpecialCharacterNamesTest
            for (Path file : files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.yaml")).sorted().toList()) {
                found.add(parse(file.getFileName().toString(), Files.readString(file)));
            }
            return found;
        }
    }

    /** The header (what it is; what to expect) and the objects of one case. */
    private Case parse(String file, String text) {
        String[] lines = text.split("\n", 3);
        if (lines.length < 2 || !lines[0].startsWith("# ") || !lines[1].startsWith("# expect: ")) {
            throw new IllegalArgumentException(file + ": the first line must be \"# what it is\", the second \"# expect: ...\"");
        }
        String expect = lines[1].substring("# expect: ".length());
        Matcher warning = WARNING.matcher(expect);
        Expectation expected;
        if (warning.matches()) {
            expected = new WarningOn(warning.group(1), warning.group(2), warning.group(3), warning.group(4));
        } else if (expect.startsWith("no Warning")) {
            expected = new NoWarning(expect);
        } else if (expect.startsWith("known gap: ")) {
            expected = new KnownGap(expect.substring("known gap: ".length()));
        } else {
            throw new IllegalArgumentException(file + ": cannot read \"" + lines[1] + "\"; see " + CORPUS.resolve("README.md"));
        }
        if (lines.length < 3 || lines[2].isBlank()) {
            return new Case(file, lines[0].substring(2), expected, List.of());
        }
        try (var in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return new Case(file, lines[0].substring(2), expected, fixture.client().load(in).items());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Too large to keep as a file: one host with {@link #GENERATED_PATHS} Exact paths (none by default: nothing applied). */
    private static String tenThousandPaths() {
        StringBuilder yaml = new StringBuilder("# One host with 10,000 Exact paths (generated by the test; applied with -Dreliability.paths=10000).\n");
        if (GENERATED_PATHS == 0) {
            return yaml.append("# expect: known gap: not applied by default: 1,000 pools and pool groups take minutes to converge\n").toString();
        }
        yaml.append("# expect: Warning SizeLimitExceeded on Ingress bad-49/app\n");
        yaml.append("""
                apiVersion: v1
                kind: Service
                metadata: {name: app, namespace: bad-49}
                spec: {type: ClusterIP, ports: [{name: http, port: 80, targetPort: 8080}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: app, namespace: bad-49}
                spec:
                  rules:
                  - host: bad-49.example.com
                    http:
                      paths:
                """);
        for (int i = 0; i < GENERATED_PATHS; i++) {
            yaml.append("      - {path: /p").append(i).append(", pathType: Exact, backend: {service: {name: app, port: {number: 80}}}}\n");
        }
        return yaml.toString();
    }
}
