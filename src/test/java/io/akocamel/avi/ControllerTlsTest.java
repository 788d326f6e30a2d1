package io.akocamel.avi;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.akocamel.config.Settings;
import io.akocamel.model.AviType;
import io.akocamel.testing.TestSettings;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** TLS to the controller is verified unless switched off explicitly. */
class ControllerTlsTest {
    static final String SHARD = "cluster-1--Shared-L7-0";

    @TempDir
    Path dir;

    FakeController httpsController(TestCertificates.Issued certificate) {
        FakeController controller = new FakeController(WireMockConfiguration.options().bindAddress("127.0.0.1").httpDisabled(true)
                .dynamicHttpsPort().keystorePath(certificate.keyStore().toString()).keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD).keyManagerPassword(TestCertificates.PASSWORD));
        controller.server.stubFor(post(urlEqualTo("/api/pool")).willReturn(ErrorPolicyTest.created("p1")));
        return controller;
    }

    static String httpsUrl(FakeController controller) {
        return "https://127.0.0.1:" + controller.server.httpsPort();
    }

    BatchResult createPool(Settings settings) throws Exception {
        try (AviCamel camel = AviCamel.start(settings)) {
            return camel.apply(new ShardBatch(SHARD, List.of(ErrorPolicyTest.create(AviType.POOL, "p1"))));
        }
    }

    @Test
    void aControllerCertificateTheJvmDoesNotTrustIsRefused() throws Exception {
        try (FakeController controller = httpsController(TestCertificates.selfSigned("127.0.0.1", dir))) {
            BatchResult result = createPool(TestSettings.builder().controller(httpsUrl(controller)).quickRetries().build());

            assertThat(result.results().get(0).errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(result.results().get(0).message()).contains("TLS connection to the Avi Controller", "certificateAuthorityData");
            assertThat(controller.requests()).isEmpty();
        }
    }

    @Test
    void aControllerCertificateIssuedByTheConfiguredAuthorityIsTrusted() throws Exception {
        TestCertificates.Issued certificate = TestCertificates.selfSigned("127.0.0.1", dir);
        try (FakeController controller = httpsController(certificate)) {
            BatchResult result = createPool(TestSettings.builder().controller(httpsUrl(controller)).quickRetries().caData(certificate.certificatePem()).build());

            assertThat(result.results()).extracting(OperationResult::outcome).containsExactly(Outcome.CREATED);
            assertThat(controller.calls()).containsExactly("POST /login", "POST /api/pool");
        }
    }

    @Test
    void aTrustedCertificateForAnotherAddressIsRefused() throws Exception {
        TestCertificates.Issued certificate = TestCertificates.selfSigned("10.9.8.7", dir);
        try (FakeController controller = httpsController(certificate)) {
            BatchResult result = createPool(TestSettings.builder().controller(httpsUrl(controller)).quickRetries().caData(certificate.certificatePem()).build());

            assertThat(result.results().get(0).errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            assertThat(controller.requests()).isEmpty();
        }
    }

    @Test
    void insecureModeSkipsVerificationOnlyWhenAskedAndWarns() throws Exception {
        try (FakeController controller = httpsController(TestCertificates.selfSigned("10.9.8.7", dir));
             LogCapture logs = new LogCapture(Map.of("io.akocamel", Level.INFO))) {
            BatchResult result = createPool(TestSettings.builder().controller(httpsUrl(controller)).quickRetries().insecure().build());

            assertThat(result.results()).extracting(OperationResult::outcome).containsExactly(Outcome.CREATED);
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("TLS verification", "is OFF"));
        }
    }
}
