package io.akocamel.admission;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceUsabilityTest {

    @ParameterizedTest(name = "{0} -> usable: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            ClusterIP,    true
            NodePort,     true
            LoadBalancer, true
            -,            true
            ExternalName, false
            """)
    void onlyExternalNameServicesAreUnusable(String type, boolean usable) {
        var service = new ServiceBuilder().withNewMetadata().withNamespace("ns").withName("db").endMetadata()
                .withNewSpec().withType(type).endSpec().build();

        Problem problem = ServiceUsability.problem(service);

        if (usable) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem).isEqualTo(new Problem(ServiceUsability.UNSUPPORTED_SERVICE_TYPE, "Service ns/db is of type ExternalName, "
                    + "which has no endpoints to load-balance; use a Service with a selector or endpoints"));
        }
    }
}
