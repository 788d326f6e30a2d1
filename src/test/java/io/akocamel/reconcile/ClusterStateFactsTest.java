package io.akocamel.reconcile;

import io.akocamel.model.ClusterSnapshot;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What admission reads from the cluster for HostRules (golden/tls: Secret secure-tls, hosts secure/broken/plain.example.com). */
class ClusterStateFactsTest {

    @SuppressWarnings("unchecked")
    private static ClusterStateFacts facts() throws Exception {
        try (InputStream in = ClusterStateFactsTest.class.getClassLoader().getResourceAsStream("golden/tls.yaml")) {
            List<HasMetadata> objects = (List<HasMetadata>) Serialization.unmarshal(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new ClusterStateFacts(ClusterSnapshot.of(TestSettings.builder().build(), objects));
        }
    }

    @Test
    void aUsableSecretHasNoProblemAndAMissingOneSaysHowToCreateIt() throws Exception {
        ClusterStateFacts facts = facts();

        assertThat(facts.secretProblem("default", "secure-tls")).isNull();
        assertThat(facts.secretProblem("default", "missing-tls")).isEqualTo("does not exist (ako-camel reads Secrets of type kubernetes.io/tls "
                + "only); create a kubernetes.io/tls Secret with tls.crt and tls.key in namespace default");
    }

    @Test
    void theHostsOfTheIngressesAreKnownByTheirIngress() throws Exception {
        ClusterStateFacts facts = facts();

        assertThat(facts.ingressOfHost("plain.example.com")).isEqualTo("default/plain");
        assertThat(facts.ingressOfHost("www.example.com")).isNull();
    }
}
