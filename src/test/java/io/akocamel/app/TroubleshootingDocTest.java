package io.akocamel.app;

import io.akocamel.avi.ErrorClass;
import io.akocamel.model.ModelWarning;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/troubleshooting.md lists every Event reason and every error line the controller's code emits. */
class TroubleshootingDocTest {
    /** A reason written as a literal, or a constant that holds one. */
    private static final Pattern REASON = Pattern.compile("(?:(?:warning|normal)\\([^;\"]*?|String (?:\\w*REASON\\w*|INVALID_\\w+|"
            + "UNSUPPORTED_\\w+|SECRET_INVALID|RULE_WITHOUT_HTTP|CLUSTER_NAME_IN_USE) = )\"([A-Z][A-Za-z]+)\"");
    private static final Pattern ERROR_LINE = Pattern.compile("LOG\\.error\\(\"([^\"]*)\"");

    @Test
    void everyEventReasonAndErrorLineOfTheCodeIsListed() throws IOException {
        String page = Files.readString(Path.of("docs/troubleshooting.md"));
        Set<String> reasons = new TreeSet<>();
        Set<String> errors = new TreeSet<>();
        for (ModelWarning.Reason reason : ModelWarning.Reason.values()) {
            reasons.add(reason.name());
        }
        for (ErrorClass error : ErrorClass.values()) {
            reasons.add(error.eventReason());
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/akocamel"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/kubeapi/")).toList()) {
                String code = Files.readString(file);
                Matcher reason = REASON.matcher(code);
                while (reason.find()) {
                    reasons.add(reason.group(1));
                }
                Matcher error = ERROR_LINE.matcher(code);
                while (error.find()) {
                    // the longest fixed part of the message, without its placeholders
                    Stream.of(error.group(1).split("\\{}")).map(String::trim).max((a, b) -> a.length() - b.length()).ifPresent(errors::add);
                }
            }
        }

        assertThat(reasons).hasSizeGreaterThan(30).contains("RoutesReloadFailed", "AviDnsNotRegistered", "ServiceNotFound");
        assertThat(reasons).allSatisfy(reason -> assertThat(page).as("reason " + reason).contains("| `" + reason + "` |"));
        assertThat(errors).allSatisfy(error -> assertThat(page).as("error line " + error).contains(error));
    }
}
