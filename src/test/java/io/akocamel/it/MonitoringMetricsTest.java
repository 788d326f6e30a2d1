package io.akocamel.it;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every metric the chart's alerts and Grafana dashboard use is in a real scrape of a running controller. */
class MonitoringMetricsTest {
    private static final Pattern METRIC = Pattern.compile("\\bako_[a-z0-9_]+");

    @Test
    void everyMetricOfTheAlertsAndTheDashboardIsScraped() throws Exception {
        Set<String> used = new TreeSet<>();
        for (String file : new String[] {"templates/prometheusrule.yaml", "files/dashboards/ako-camel.json"}) {
            Matcher metric = METRIC.matcher(Files.readString(Path.of("helm/ako-camel").resolve(file)));
            while (metric.find()) {
                used.add(metric.group());
            }
        }
        assertThat(used).contains("ako_avi_connected", "ako_preflight_passed", "ako_dead_letters", "ako_avi_call_duration_seconds_bucket");

        try (ControllerFixture fixture = ControllerFixture.create()) {
            fixture.startController();
            fixture.applyExamples("00-cluster.yaml", "10-services.yaml", "20-ingresses.yaml");
            await().atMost(Duration.ofSeconds(30)).until(() -> !fixture.status("shop").isEmpty());

            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fixture.managementPort + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Set<String> scraped = new TreeSet<>();
            scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> scraped.add(l.split("[{ ]", 2)[0]));

            assertThat(scraped).containsAll(used);
            assertThat(scrape).contains("ako_avi_connected 1.0", "ako_preflight_passed 1.0");
        }
    }
}
