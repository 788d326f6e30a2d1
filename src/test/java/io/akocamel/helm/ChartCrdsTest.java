package io.akocamel.helm;

import io.akocamel.testing.AkoCrds;
import io.akocamel.testing.MockKubernetes;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart's CustomResourceDefinitions: AKO's API contract for HostRule, HTTPRule and AviInfraSetting. */
class ChartCrdsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hostrules.ako.vmware.com        | HostRule        | Namespaced | hostrule,hr | NAME,Host,Status,Age",
            "httprules.ako.vmware.com        | HTTPRule        | Namespaced | httprule    | NAME,HOST,Status,Age",
            "aviinfrasettings.ako.vmware.com | AviInfraSetting | Cluster    | ''          | NAME,Status,Age"})
    void chartInstallsEachKindWithAkosGroupVersionsScopeAndColumns(String name, String kind, String scope, String shortNames, String columns) {
        CustomResourceDefinition crd = Chart.crds().get(CustomResourceDefinition.class, name);

        assertThat(crd.getSpec().getGroup()).isEqualTo("ako.vmware.com");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo(kind);
        assertThat(crd.getSpec().getScope()).isEqualTo(scope);
        assertThat(String.join(",", crd.getSpec().getNames().getShortNames())).isEqualTo(shortNames);
        assertThat(crd.getSpec().getVersions()).extracting(v -> v.getName() + " served=" + v.getServed() + " storage=" + v.getStorage())
                .containsExactly("v1alpha1 served=true storage=false", "v1beta1 served=true storage=true");
        CustomResourceDefinitionVersion storage = crd.getSpec().getVersions().get(1);
        assertThat(storage.getSubresources().getStatus()).isNotNull();
        assertThat(storage.getSchema().getOpenAPIV3Schema().getProperties().get("status").getProperties()).containsOnlyKeys("status", "error");
        assertThat("NAME," + String.join(",", storage.getAdditionalPrinterColumns().stream().map(CustomResourceColumnDefinition::getName).toList()))
                .isEqualTo(columns);
        assertThat(storage.getSchema().getOpenAPIV3Schema().getDescription()).isNotBlank();
    }

    @Test
    void hostRuleKeepsAkosEnumsAndRequiredFields() {
        var virtualHost = Chart.crds().get(CustomResourceDefinition.class, "hostrules.ako.vmware.com").getSpec().getVersions().get(1)
                .getSchema().getOpenAPIV3Schema().getProperties().get("spec").getProperties().get("virtualhost");

        assertThat(virtualHost.getRequired()).containsExactly("fqdn");
        assertThat(virtualHost.getProperties().get("fqdnType").getEnum()).extracting(Object::toString)
                .containsExactly("\"Exact\"", "\"Wildcard\"", "\"Contains\"");
        assertThat(virtualHost.getProperties()).containsKeys("wafPolicy", "applicationProfile", "analyticsProfile", "errorPageProfile",
                "icapProfile", "datascripts", "httpPolicy", "enableVirtualHost", "tls", "networkSecurityPolicy", "l7Rule", "gslb",
                "analyticsPolicy", "tcpSettings", "aliases", "useRegex", "applicationRootPath");
        assertThat(virtualHost.getProperties().get("tls").getRequired()).containsExactly("sslKeyCertificate");
    }

    @Test
    void manifestsLoadInTheKubernetesMockAndServeTheirKinds() {
        try (MockKubernetes mock = MockKubernetes.start()) {
            KubernetesClient client = mock.client();
            AkoCrds.install(client);
            client.resource(AkoCrds.hostRule("default", "shop", "shop.example.com", null, Map.of())).create();

            assertThat(client.genericKubernetesResources("ako.vmware.com/v1beta1", "HostRule").inAnyNamespace().list().getItems())
                    .extracting(r -> r.getMetadata().getName()).containsExactly("shop");
            assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(3);
        }
    }
}
