package io.akocamel.it;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * application.properties is overridable the Camel way: a system property turns Jolokia on (off by default), and
 * Jolokia then reads JMX on the management port but runs no operation.
 */
class JolokiaTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSystemPropertyTurnsJolokiaOnReadOnlyOnTheManagementPort() throws Exception {
        System.setProperty("camel.management.jolokiaEnabled", "true");
        try (ControllerFixture fixture = ControllerFixture.create()) {
            fixture.startController();
            String base = "http://127.0.0.1:" + fixture.managementPort + "/observe/jolokia";

            String read = send(HttpRequest.newBuilder(URI.create(base + "/read/io.akocamel:type=Controller,context=ako-camel/DeadLetterCount")).build());
            String exec = send(HttpRequest.newBuilder(URI.create(base)).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"type\":\"exec\",\"mbean\":\"io.akocamel:type=Controller,context=ako-camel\",\"operation\":\"triggerFullSync\"}")).build());

            assertThat(read).contains("\"value\":0", "\"status\":200");
            assertThat(exec).contains("\"status\":403").doesNotContain("\"status\":200");
        } finally {
            System.clearProperty("camel.management.jolokiaEnabled");
        }
    }

    private static String send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
