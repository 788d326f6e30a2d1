package io.akocamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A test client speaking to the simulator like the SDKs do: cookies, X-CSRFToken, X-Avi-Version, X-Avi-Tenant. */
final class AviClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean sendCsrf = true;

    AviClient(AviSimulator simulator) {
        this(simulator, simulator.baseUrl());
    }

    /** A client that reaches the simulator under another origin, e.g. {@code http://localhost:<port>}. */
    AviClient(AviSimulator simulator, String baseUrl) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10));
        simulator.certificatePem().ifPresent(pem -> builder.sslContext(trusting(pem)));
        this.http = builder.build();
        headers.put("X-Avi-Version", AviSimulator.DEFAULT_VERSION);
        headers.put("Content-Type", "application/json");
    }

    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String error() {
            return json().path("error").asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    AviClient header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** Stop sending X-CSRFToken (a client that forgot it). */
    AviClient withoutCsrf() {
        sendCsrf = false;
        return this;
    }

    AviClient tenant(String tenant) {
        return header("X-Avi-Tenant", tenant);
    }

    AviClient login() {
        Reply reply = login(AviSimulator.DEFAULT_USERNAME, AviSimulator.DEFAULT_PASSWORD);
        if (reply.status() != 200) {
            throw new IllegalStateException("login failed: " + reply);
        }
        return this;
    }

    Reply login(String username, String password) {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        return send("POST", "/login", body, Map.of());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpCookie cookieDetails(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElse(null);
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    Reply post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, Map.of());
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, Map.of());
    }

    Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Unsafe methods carry X-CSRFToken from the csrftoken cookie, as the SDKs do. */
    Reply send(String method, String path, String body, Map<String, String> extra) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        String csrf = cookie("csrftoken");
        if (sendCsrf && csrf != null && !extra.containsKey("X-CSRFToken")) {
            request.header("X-CSRFToken", csrf);
        }
        extra.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The uuid of the object of that type and name (as the client's tenant sees it). */
    String uuidOf(String type, String name) {
        Reply reply = get("/api/" + type + "?name=" + name);
        if (reply.status() != 200 || reply.json().path("count").asInt() == 0) {
            throw new IllegalStateException("no " + type + " " + name + ": " + reply);
        }
        return reply.json().path("results").get(0).path("uuid").asText();
    }

    static SSLContext trusting(String pem) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("simulator", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
