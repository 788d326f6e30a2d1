package io.akocamel.admission;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TlsSecretUsabilityTest {

    @ParameterizedTest(name = "type={0} data={1} stringData={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            kubernetes.io/tls | tls.crt,tls.key | -               | -
            kubernetes.io/tls | -               | tls.crt,tls.key | -
            kubernetes.io/tls | tls.crt         | tls.key         | -
            kubernetes.io/tls | tls.crt         | -               | it has no tls.key; a kubernetes.io/tls Secret needs both (kubectl create secret tls NAME --cert=FILE --key=FILE)
            kubernetes.io/tls | -               | -               | it has no tls.crt and no tls.key; a kubernetes.io/tls Secret needs both (kubectl create secret tls NAME --cert=FILE --key=FILE)
            Opaque            | tls.crt,tls.key | -               | it is of type Opaque, not kubernetes.io/tls; create it with kubectl create secret tls NAME --cert=FILE --key=FILE
            -                 | tls.crt,tls.key | -               | it is of type Opaque, not kubernetes.io/tls; create it with kubectl create secret tls NAME --cert=FILE --key=FILE
            """)
    void problem(String type, String data, String stringData, String message) {
        Secret secret = new SecretBuilder().withNewMetadata().withNamespace("ns").withName("tls").endMetadata().withType(type)
                .withData(values(data)).withStringData(values(stringData)).build();

        Problem problem = TlsSecretUsability.problem(secret);

        if (message == null) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem).isEqualTo(new Problem(TlsSecretUsability.SECRET_INVALID, message));
        }
    }

    private static Map<String, String> values(String keys) {
        Map<String, String> values = new HashMap<>();
        if (keys != null) {
            for (String key : keys.split(",")) {
                values.put(key, "dmFsdWU=");
            }
        }
        return values;
    }
}
