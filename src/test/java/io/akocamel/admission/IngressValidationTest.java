package io.akocamel.admission;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IngressValidationTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            foo.example.com      | -
            *.example.com        | -
            a-b.c9.example.com   | -
            *                    | is "*" alone; omit host to match every host, or use a wildcard of one label such as *.example.com
            10.0.0.1             | is an IP address; Ingress hosts must be DNS names (omit host to match requests by IP)
            [::1]                | is an IP address; Ingress hosts must be DNS names (omit host to match requests by IP)
            fe80::1              | is an IP address; Ingress hosts must be DNS names (omit host to match requests by IP)
            foo.example.com:8080 | has a port; remove ":8080" (the port of a request is ignored for matching)
            Foo.Example.com      | is not a DNS name; use lower-case letters, digits, '-' and '.', optionally starting with "*."
            foo.*.example.com    | is not a DNS name; use lower-case letters, digits, '-' and '.', optionally starting with "*."
            123.456              | is not a DNS name; use lower-case letters, digits, '-' and '.', optionally starting with "*."
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com | has a label of 64 characters; a DNS label has at most 63
            """)
    void hostProblems(String host, String problem) {
        assertThat(IngressValidation.hostProblem(host)).isEqualTo(problem);
    }

    @Test
    void cleanIngressComesBackAsTheSameInstance() {
        Ingress ingress = Ingresses.ingress("ns", "web", "avi-lb", "foo.example.com", "svc");
        IngressValidation.Validated validated = IngressValidation.validate(ingress);
        assertThat(validated.isClean()).isTrue();
        assertThat(validated.ingress()).isSameAs(ingress);
    }

    @Test
    void badRuleIsLeftOutAndTheOthersAreKept() {
        Ingress ingress = new IngressBuilder(Ingresses.ingress("ns", "web", "avi-lb", "good.example.com", "svc")).editSpec()
                .addNewRule().withHost("10.1.2.3").endRule()
                .addNewRule().withHost("nohttp.example.com").endRule()
                .addNewTl().withHosts("good.example.com", "*").withSecretName("tls").endTl()
                .endSpec().build();

        IngressValidation.Validated validated = IngressValidation.validate(ingress);

        assertThat(validated.problems()).extracting(Problem::reason)
                .containsExactly(IngressValidation.INVALID_HOST, IngressValidation.RULE_WITHOUT_HTTP, IngressValidation.INVALID_HOST);
        assertThat(validated.ingress().getSpec().getRules()).extracting(IngressRule::getHost).containsExactly("good.example.com");
        assertThat(validated.ingress().getSpec().getTls().get(0).getHosts()).containsExactly("good.example.com");
        assertThat(ingress.getSpec().getRules()).as("the informer's object is untouched").hasSize(3);
    }

    @Test
    void pathsWithoutPathTypeOrWithResourceBackendAreLeftOut() {
        Ingress ingress = new IngressBuilder(Ingresses.ingress("ns", "web", "avi-lb", "foo.example.com", "svc")).editSpec()
                .editFirstRule().editHttp()
                .addNewPath().withPath("/typeless").withNewBackend().withNewService().withName("svc").withNewPort().withNumber(80)
                .endPort().endService().endBackend().endPath()
                .addNewPath().withPath("/regex").withPathType("Regex").withNewBackend().withNewService().withName("svc").withNewPort()
                .withNumber(80).endPort().endService().endBackend().endPath()
                .addNewPath().withPath("/bucket").withPathType("Prefix").withNewBackend()
                .withNewResource("k8s.example.com", "StorageBucket", "assets").endBackend().endPath()
                .addNewPath().withPath("/portless").withPathType("Prefix").withNewBackend().withNewService().withName("svc")
                .endService().endBackend().endPath()
                .endHttp().endRule().endSpec().build();

        IngressValidation.Validated validated = IngressValidation.validate(ingress);

        assertThat(validated.problems()).extracting(Problem::reason).containsExactly(
                IngressValidation.INVALID_PATH_TYPE, IngressValidation.INVALID_PATH_TYPE,
                IngressValidation.UNSUPPORTED_BACKEND, IngressValidation.UNSUPPORTED_BACKEND);
        assertThat(validated.problems().get(0).message()).isEqualTo("spec.rules[0].http.paths[1] (host \"foo.example.com\") path "
                + "\"/typeless\" has no pathType; set Exact, Prefix or ImplementationSpecific. The path is skipped.");
        assertThat(validated.ingress().getSpec().getRules().get(0).getHttp().getPaths()).extracting(p -> p.getPath()).containsExactly("/");
    }

    @ParameterizedTest(name = "{1} \"{0}\" port {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /api | Prefix                 | 80    | -
            ''   | ImplementationSpecific | 80    | -
            api  | Prefix                 | 80    | InvalidPath: does not start with '/'; write it as an absolute path such as /api
            api  | ImplementationSpecific | 80    | InvalidPath: does not start with '/'; write it as an absolute path such as /api
            ''   | Exact                  | 80    | InvalidPath: is empty; an Exact path needs one, such as /
            /api | Prefix                 | 0     | UnsupportedBackend: has Service port number 0; a port number is 1 to 65535
            /api | Prefix                 | 70000 | UnsupportedBackend: has Service port number 70000; a port number is 1 to 65535
            """)
    void pathAndPortProblems(String path, String pathType, int port, String problem) {
        Ingress ingress = new IngressBuilder().withNewMetadata().withNamespace("ns").withName("web").endMetadata().withNewSpec()
                .addNewRule().withHost("foo.example.com").withNewHttp().addNewPath().withPath(path).withPathType(pathType)
                .withNewBackend().withNewService().withName("svc").withNewPort().withNumber(port).endPort().endService().endBackend()
                .endPath().endHttp().endRule().endSpec().build();

        IngressValidation.Validated validated = IngressValidation.validate(ingress);

        String prefix = "spec.rules[0].http.paths[0] (host \"foo.example.com\") path \"" + path + "\" ";
        assertThat(validated.problems()).map(p -> p.reason() + ": " + p.message().replace(prefix, "").replace(". The path is skipped.", ""))
                .containsExactlyElementsOf(problem == null ? List.of() : List.of(problem));
    }

    @Test
    void resourceDefaultBackendIsLeftOut() {
        Ingress ingress = new IngressBuilder().withNewMetadata().withNamespace("ns").withName("web").endMetadata()
                .withNewSpec().withNewDefaultBackend().withNewResource("k8s.example.com", "StorageBucket", "assets").endDefaultBackend()
                .endSpec().build();

        IngressValidation.Validated validated = IngressValidation.validate(ingress);

        assertThat(validated.problems()).extracting(Problem::reason).containsExactly(IngressValidation.UNSUPPORTED_BACKEND);
        assertThat(validated.ingress().getSpec().getDefaultBackend()).isNull();
    }
}
