package io.akocamel.ops;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.akocamel.avi.LogCapture;
import io.fabric8.kubernetes.api.model.Secret;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole controller, every logger turned up, with a TLS Ingress (a private key to deliver) and sessions that keep
 * expiring (new cookies and CSRF tokens): the password, the private key and every session cookie and CSRF token that
 * crossed the wire (recorded by a WireMock proxy in front of the simulator) appear in no log line, metric, health or
 * info answer, /api/status, or MBean attribute. (io.akocamel.avi.SecretsTest covers controller errors that echo secrets.)
 */
class NoSecretsTest {
    private final WireMockServer proxy = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private OpsFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        proxy.stop();
    }

    @Test
    void noSecretInLogsMetricsHealthStatusOrMBeans() throws Exception {
        List<String> exposed = new ArrayList<>();
        try (LogCapture logs = new LogCapture(Map.of("io.akocamel", Level.TRACE, "org.apache.camel", Level.DEBUG, "io.fabric8", Level.DEBUG))) {
            fixture = OpsFixture.create(simulator -> {
                proxy.start();
                proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(simulator.baseUrl())));
                return proxy.baseUrl();
            });
            fixture.avi.faults().sessionExpiryAfterCalls(6);
            fixture.applyExamples();
            fixture.startController();
            await().atMost(OpsFixture.WAIT).until(() -> fixture.initialSyncDone()
                    && fixture.avi.find("sslkeyandcertificate", "cluster-1--secure.example.com").isPresent());

            for (String path : List.of("/observe/metrics", "/observe/health", "/observe/health/ready", "/observe/health/live",
                    "/observe/info", "/api/status")) {
                exposed.add(path + " " + fixture.get(path).body());
            }
            exposed.add(mbeanAttributes("org.apache.camel:*"));
            exposed.add(mbeanAttributes("io.akocamel:*"));
            fixture.stopController();

            Set<String> secrets = secretsOnTheWire();
            assertThat(fixture.avi.requestLog()).as("sessions expired and were renewed").anyMatch(r -> r.status() == 401);
            assertThat(secrets).as("password, private key, at least two sessions' cookies and CSRF tokens").hasSizeGreaterThan(6);
            assertThat(logs.lines()).as("the run was logged at TRACE").hasSizeGreaterThan(200)
                    .anyMatch(l -> l.contains("logged in")).anyMatch(l -> l.contains("session expired"));
            assertThat(exposed).as("everything was read").allMatch(text -> text.length() > 20);
            for (String secret : secrets) {
                assertThat(logs.text()).as("logs").doesNotContain(secret);
                assertThat(String.join("\n", exposed)).as("metrics, health, info, status, MBeans").doesNotContain(secret);
            }
        }
    }

    /** The password and private key the controller sent, and every cookie value and CSRF token of the recorded exchanges. */
    private Set<String> secretsOnTheWire() {
        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(OpsFixture.PASSWORD);
        Secret tls = fixture.client().secrets().inNamespace("default").withName("secure-tls").get();
        String keyData = tls.getData().get("tls.key");
        String keyPem = new String(Base64.getDecoder().decode(keyData), StandardCharsets.UTF_8);
        String keyLine = keyPem.lines().skip(3).findFirst().orElseThrow();
        secrets.add(keyData.substring(0, 64));
        secrets.add(keyLine);
        List<ServeEvent> exchanges = proxy.getAllServeEvents();
        assertThat(exchanges).as("the password went to the login")
                .anyMatch(e -> e.getRequest().getBodyAsString().contains(OpsFixture.PASSWORD));
        assertThat(exchanges).as("the private key went to the controller")
                .anyMatch(e -> e.getRequest().getBodyAsString().contains(keyLine));
        for (ServeEvent exchange : exchanges) {
            HttpHeader setCookies = exchange.getResponse().getHeaders().getHeader("Set-Cookie");
            if (setCookies.isPresent()) {
                setCookies.values().forEach(c -> secrets.add(c.split(";", 2)[0].split("=", 2)[1]));
            }
            HttpHeader csrf = exchange.getRequest().getHeaders().getHeader("X-CSRFToken");
            if (csrf.isPresent()) {
                secrets.add(csrf.firstValue());
            }
        }
        secrets.removeIf(s -> s.length() < 8);
        return secrets;
    }

    /** Every readable attribute of the matching MBeans, as text. */
    private static String mbeanAttributes(String pattern) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder text = new StringBuilder();
        for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (attribute.isReadable()) {
                    try {
                        text.append(name).append(' ').append(attribute.getName()).append('=')
                                .append(server.getAttribute(name, attribute.getName())).append('\n');
                    } catch (Exception | LinkageError unreadable) {
                        // some attributes need a feature that is off; they hold no data then
                    }
                }
            }
        }
        return text.toString();
    }
}
