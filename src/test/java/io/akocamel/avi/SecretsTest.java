package io.akocamel.avi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.akocamel.model.AviType;
import io.akocamel.testing.TestSettings;
import org.apache.camel.health.HealthCheck;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full run — login, inventory, a certificate with its private key, a session renewal, failures whose controller
 * messages even echo the secrets, rejected credentials — with every log line captured (ako-camel at TRACE, Camel at
 * DEBUG): the password, the private key, the session cookies and CSRF tokens appear in no log line, exception,
 * dead-letter entry, batch result, readiness message or Camel MBean attribute.
 */
class SecretsTest {
    static final String SHARD = "cluster-1--Shared-L7-0";
    final FakeController controller = new FakeController();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        controller.close();
    }


    static AviOperation create(AviType type, String name, ObjectNode payload) {
        return new AviOperation(AviMethod.POST, type, name, null, payload.put("name", name), "ck-" + name, "new@0", Set.of());
    }

    @Test
    void noSecretReachesLogsExceptionsDeadLettersResultsOrJmx() throws Exception {
        TestCertificates.Issued tls = TestCertificates.selfSigned("10.1.1.1", dir);
        String keyBody = tls.privateKeyPem().lines().skip(5).findFirst().orElseThrow();
        List<String> secrets = List.of(TestSettings.PASSWORD, tls.privateKeyPem().strip(), keyBody,
                FakeController.csrf("1"), FakeController.sessionId("1"), FakeController.csrf("2"), FakeController.sessionId("2"));
        String echo = "Import error: " + tls.privateKeyPem() + " with password " + TestSettings.PASSWORD + " and session "
                + FakeController.sessionId("1");

        controller.stubLogins("1", "2");
        controller.server.stubFor(get(urlPathEqualTo("/api/vrfcontext")).willReturn(okJson("{\"count\":0,\"results\":[]}")));
        controller.server.stubFor(get(urlPathEqualTo("/api/sslkeyandcertificate")).willReturn(okJson("{\"count\":0,\"results\":[]}")));
        for (String type : List.of("vsvip", "pool", "poolgroup", "httppolicyset", "virtualservice")) {
            controller.server.stubFor(get(urlPathEqualTo("/api/" + type)).willReturn(okJson("{\"count\":0,\"results\":[]}")));
        }
        controller.script("POST", "/api/sslkeyandcertificate", FakeController.error(401, "Authentication credentials were not provided."),
                ErrorPolicyTest.stored(201, "cluster-1--foo.com", "sslkeyandcertificate-1", "ako-cluster-1", "1"),
                FakeController.error(500, echo.replace("\n", "\\n")));
        controller.script("POST", "/api/pool", FakeController.error(400, "Invalid field for " + TestSettings.PASSWORD), FakeController.error(409, "exists"));
        controller.script("GET", "/api/pool?name=cluster-1--taken&include_name=true",
                okJson("{\"count\":1,\"results\":[{\"name\":\"cluster-1--taken\",\"uuid\":\"pool-9\",\"created_by\":\"someone\"}]}"));

        List<Object> reported = new ArrayList<>();
        try (LogCapture logs = new LogCapture(Map.of("io.akocamel", Level.TRACE, "org.apache.camel", Level.DEBUG))) {
            try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
                reported.add(camel.loadInventory());
                ObjectNode certificate = PlannerTest.json("{\"type\":\"SSL_CERTIFICATE_TYPE_VIRTUALSERVICE\",\"created_by\":\"ako-cluster-1\"}");
                certificate.putObject("certificate").put("certificate", tls.certificatePem());
                certificate.put("key", tls.privateKeyPem());
                reported.add(camel.apply(new ShardBatch(SHARD, List.of(create(AviType.SSLKEYANDCERTIFICATE, "cluster-1--foo.com", certificate)))));
                reported.add(camel.apply(new ShardBatch(SHARD, List.of(create(AviType.SSLKEYANDCERTIFICATE, "cluster-1--bar.com", certificate.deepCopy())))));
                reported.add(camel.apply(new ShardBatch("cluster-1--Shared-L7-1", List.of(
                        create(AviType.POOL, "cluster-1--bad", PlannerTest.json("{}")),
                        create(AviType.POOL, "cluster-1--taken", PlannerTest.json("{}"))))));
                reported.add(camel.deadLetters().list());
                reported.add(camel.components().session());
                reported.add(mbeanAttributes());

                assertThat(reported.get(1).toString()).contains("CREATED");
                assertThat(camel.deadLetters().list()).extracting(DeadLetterStore.DeadLetter::errorClass)
                        .containsExactlyInAnyOrder(ErrorClass.TRANSIENT, ErrorClass.REJECTED, ErrorClass.CONFLICT);
                assertThat(camel.deadLetters().list()).anySatisfy(d -> assertThat(d.error()).contains("Import error: <redacted>"));
            }
            controller.server.stubFor(post(urlEqualTo("/login")).willReturn(FakeController.error(401, "Invalid credentials "
                    + TestSettings.PASSWORD)));
            try (AviCamel camel = AviCamel.start(TestSettings.builder().controller(controller.url()).quickRetries().build())) {
                reported.add(camel.apply(new ShardBatch(SHARD, List.of(create(AviType.POOL, "cluster-1--p", PlannerTest.json("{}"))))));
                reported.add(camel.controllerHealthCheck().call().getMessage());
            }

            assertThat(logs.lines()).as("the run was logged").anyMatch(l -> l.contains("logged in")).anyMatch(l -> l.contains("Failed delivery"));
            assertThat(controller.requests()).as("the secrets were really sent").anyMatch(r -> r.getBodyAsString().contains(keyBody));
            for (String secret : secrets) {
                assertThat(logs.text()).as("logs").doesNotContain(secret);
                assertThat(reported.toString()).as("results, dead letters, readiness, JMX").doesNotContain(secret);
            }
        }
    }

    /** Every readable attribute of every Camel MBean, as text. */
    static String mbeanAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder text = new StringBuilder();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (attribute.isReadable()) {
                    try {
                        text.append(name).append(' ').append(attribute.getName()).append('=').append(server.getAttribute(name, attribute.getName())).append('\n');
                    } catch (Exception | LinkageError unreadable) {
                        // some attributes need a running feature; they hold no data then
                    }
                }
            }
        }
        return text.toString();
    }
}
