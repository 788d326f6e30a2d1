package io.akocamel.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpsTest {
    private static AviSimulator avi;

    @BeforeAll
    static void start() {
        avi = AviSimulator.builder().https(true).build().start();
    }

    @AfterAll
    static void stop() {
        avi.close();
    }

    @Test
    void servesHttpsWithTheSelfSignedCertificate() {
        AviClient client = new AviClient(avi).login();

        assertThat(avi.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(avi.certificatePem()).get().asString().startsWith("-----BEGIN CERTIFICATE-----");
        AviClient.Reply created = client.send("POST", "/api/pool", "{\"name\":\"tls-pool\"}",
                Map.of("Referer", avi.baseUrl()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith("https://127.0.0.1:");
    }

    @Test
    void sessionCookiesAreSecureOverHttps() {
        AviClient client = new AviClient(avi).login();

        assertThat(client.cookieDetails("avi-sessionid").getSecure()).isTrue();
        assertThat(client.cookieDetails("csrftoken").getSecure()).isTrue();
    }

    @Test
    void unsafeCallsWithoutRefererAreRefusedOverHttps() {
        AviClient.Reply reply = new AviClient(avi).login().post("/api/pool", "{\"name\":\"no-referer\"}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("Referer checking failed");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() {
        HttpClient untrusting = HttpClient.newHttpClient();

        assertThatThrownBy(() -> {
            try {
                untrusting.send(HttpRequest.newBuilder(URI.create(avi.baseUrl() + "/api/initial-data")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }).hasCauseInstanceOf(SSLHandshakeException.class);
    }
}
