package io.akocamel.avi;

import io.akocamel.model.AviType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The tables behind the error policy, the checksum fields, references and the version cap. */
class ClassificationTest {

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            500 | Internal error                                  | AviTransientException
            502 | Bad Gateway                                     | AviTransientException
            503 | Service Unavailable                             | AviTransientException
            408 | Request Timeout                                 | AviTransientException
            401 | CSRF token missing or incorrect.                | AviSessionExpiredException
            419 | Session expired                                 | AviSessionExpiredException
            404 | Pool object not found!                          | AviNotFoundException
            409 | Pool with this Name already exists.             | AviConflictException
            412 | Need to reload object data VsVip                | AviPreconditionFailedException
            400 | No available free IPs                           | AviSlowRetryException
            400 | VrfContext not found                            | AviSlowRetryException
            400 | VrfContext object not found                     | AviSlowRetryException
            400 | Network object not found                        | AviSlowRetryException
            403 | Tenant 'team-a' does not exist!                 | AviSlowRetryException
            403 | Configuration is disallowed during upgrade      | AviSlowRetryException
            400 | Invalid value for field lb_algorithm            | AviRejectedException
            403 | Cannot delete, object is referred by: ['x']     | AviRejectedException
            422 | Unprocessable                                   | AviRejectedException
            """)
    void statusAndMessageGiveTheErrorClass(int status, String message, String exception) {
        AviException e = AviException.fromResponse(status, "POST", "/api/pool", message);

        assertThat(e.getClass().getSimpleName()).isEqualTo(exception);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.aviMessage()).isEqualTo(message);
        assertThat(e.getMessage()).isEqualTo("POST /api/pool -> " + status + ": " + message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            VSVIP,                vsvip_cloud_config_cksum
            POOL,                 cloud_config_cksum
            POOLGROUP,            cloud_config_cksum
            HTTPPOLICYSET,        cloud_config_cksum
            VIRTUALSERVICE,       cloud_config_cksum
            SSLKEYANDCERTIFICATE, ''
            PKIPROFILE,           ''
            VRFCONTEXT,           ''
            """)
    void theChecksumGoesWhereTheSchemaHasAField(AviType type, String field) {
        assertThat(Payloads.checksumField(type)).isEqualTo(field.isEmpty() ? Optional.empty() : Optional.of(field));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            /api/pool?name=cluster-1--p,                                  pool/cluster-1--p
            /api/tenant/?name=admin,                                      tenant/admin
            /api/cloud?name=vcenter-cloud&tenant=admin,                   cloud/vcenter-cloud
            /api/pool?name=cluster-1--*.foo.com,                          pool/cluster-1--*.foo.com
            /api/pool?name=cluster-1--sale-50%25,                         pool/cluster-1--sale-50%25
            https://10.0.0.10/api/pool/pool-123#cluster-1--sale-50%,      pool/cluster-1--sale-50%25
            /api/pool?name=cluster-1--%,                                  pool/cluster-1--%
            https://10.0.0.10/api/pool/pool-123#cluster-1--p,             pool/cluster-1--p
            https://10.0.0.10:9443/api/vrfcontext/vrfcontext-9#global,    vrfcontext/global
            https://10.0.0.10/api/pool/pool-123,                          pool@pool-123
            /api/pool/pool-123,                                           pool@pool-123
            not a ref,                                                    ''
            """)
    void referencesAreReadByTypeAndEncodedNameNeverDecoded(String text, String target) {
        assertThat(Payloads.refTarget(text)).isEqualTo(target.isEmpty() ? Optional.empty() : Optional.of(target));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            22.1.2,   22.1.2
            30.2.1,   30.2.1
            30.2.2,   30.2.1
            31.1.1,   30.2.1
            30.1.9,   30.1.9
            20.1.1,   20.1.1
            22.1.3-9001, 22.1.3-9001
            """)
    void aDiscoveredControllerVersionIsCappedAt30_2_1(String controller, String sent) {
        assertThat(AviSession.capVersion(controller)).isEqualTo(sent);
    }

    @ParameterizedTest(name = "body [{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            {"error":"Pool object not found!"}      | Pool object not found!
            CSRF token missing or incorrect.        | CSRF token missing or incorrect.
            ''                                      | (no message)
            {"other":"x"}                           | {"other":"x"}
            """)
    void theAviMessageIsTheErrorFieldOrThePlainBody(String body, String message) {
        assertThat(AviSession.errorText(body)).isEqualTo(message);
    }
}
