package io.akocamel.model;

import io.akocamel.admission.IngressValidation;
import io.akocamel.model.AviRouter.PortReading;
import io.akocamel.model.AviRouter.SetReading;
import io.akocamel.model.ModelWarning.Reason;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad input gives its warning (reason, and a message saying what is wrong and how to fix it), never an
 * exception, and a good Ingress next to it is still served. What admission rejects is reported by the cluster view,
 * the rest by the model.
 */
class WarningsTest {

    /** A good Ingress (ok.test/ok → default/ok) whose Service works in every routing mode. */
    private static final String BASE = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: good, namespace: default, creationTimestamp: "2024-01-01T00:00:00Z"}
            spec:
              rules:
              - host: ok.test
                http:
                  paths:
                  - {path: /ok, pathType: Prefix, backend: {service: {name: ok, port: {number: 80}}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: ok, namespace: default}
            spec:
              type: NodePort
              selector: {app: ok}
              ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30080}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: ok-1, namespace: default, labels: {kubernetes.io/service-name: ok}}
            addressType: IPv4
            ports: [{name: http, port: 8080}]
            endpoints:
            - {addresses: [192.168.1.10], conditions: {ready: true}, nodeName: node-1}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: node-1}
            status: {addresses: [{type: InternalIP, address: 10.20.0.11}]}
            """;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                row("backend Service missing", "ClusterIP", Reason.ServiceNotFound, "Service default/missing does not exist",
                        bad("/x", "{name: missing, port: {number: 80}}")),
                row("backend port number unknown", "ClusterIP", Reason.PortNotResolved, "Service default/ok has no port 8081 (its ports: 80/http)",
                        bad("/x", "{name: ok, port: {number: 8081}}")),
                row("backend port name unknown", "ClusterIP", Reason.PortNotResolved, "has no port 'grpc'",
                        bad("/x", "{name: ok, port: {name: grpc}}")),
                row("ExternalName Service", "ClusterIP", Reason.UnsupportedServiceType, "is of type ExternalName",
                        bad("/x", "{name: ext, port: {number: 80}}") + """
                                ---
                                apiVersion: v1
                                kind: Service
                                metadata: {name: ext, namespace: default}
                                spec: {type: ExternalName, externalName: example.org, ports: [{port: 80}]}
                                """),
                row("ClusterIP Service in NodePort mode", "NodePort", Reason.UnsupportedServiceType,
                        "is of type ClusterIP but L7Settings.serviceType is NodePort", bad("/x", "{name: cip, port: {number: 80}}") + """
                                ---
                                apiVersion: v1
                                kind: Service
                                metadata: {name: cip, namespace: default}
                                spec: {type: ClusterIP, ports: [{port: 80, targetPort: 8080}]}
                                """),
                row("NodePort Service without nodePort", "NodePort", Reason.PortNotResolved, "has no nodePort yet",
                        bad("/x", "{name: np, port: {number: 80}}") + """
                                ---
                                apiVersion: v1
                                kind: Service
                                metadata: {name: np, namespace: default}
                                spec: {type: NodePort, ports: [{port: 80, targetPort: 8080}]}
                                """),
                row("TLS Secret missing", "ClusterIP", Reason.SecretNotFound, "TLS Secret default/gone for host 'bad.test' does not exist",
                        tlsBad("gone")),
                row("TLS without secretName", "ClusterIP", Reason.SecretNotFound, "without a secretName", tlsBad(null)),
                row("TLS Secret without key", "ClusterIP", Reason.SecretInvalid, "it has no tls.key",
                        tlsBad("s") + secret(K8s.CERT_PEM, null)),
                row("TLS Secret with text instead of a certificate", "ClusterIP", Reason.SecretInvalid, "tls.crt is not a PEM certificate",
                        tlsBad("s") + secret("hello", K8s.KEY_PEM)),
                row("TLS Secret with a broken certificate", "ClusterIP", Reason.SecretInvalid, "tls.crt is not a readable X.509 certificate",
                        tlsBad("s") + secret("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", K8s.KEY_PEM)),
                row("TLS Secret with a key that is not PEM", "ClusterIP", Reason.SecretInvalid, "tls.key is not a PEM private key",
                        tlsBad("s") + secret(K8s.CERT_PEM, "secret")),
                row("rule without http", "ClusterIP", IngressValidation.RULE_WITHOUT_HTTP, "has no http paths", ingress("""
                        - host: bad.test
                        """)),
                row("host with capitals", "ClusterIP", IngressValidation.INVALID_HOST, "host \"Bad.Test\" is not a DNS name", ingress("""
                        - host: Bad.Test
                          http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ok, port: {number: 80}}}}]}
                        """)),
                row("host that is an IP address", "ClusterIP", IngressValidation.INVALID_HOST, "host \"10.0.0.1\" is an IP address", ingress("""
                        - host: 10.0.0.1
                          http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ok, port: {number: 80}}}}]}
                        """)),
                row("wildcard not in the first label", "ClusterIP", IngressValidation.INVALID_HOST, "host \"foo.*.test\" is not a DNS name", ingress("""
                        - host: foo.*.test
                          http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ok, port: {number: 80}}}}]}
                        """)),
                row("relative path", "ClusterIP", IngressValidation.INVALID_PATH, "path \"api\" does not start with '/'", bad("api", "{name: ok, port: {number: 80}}")),
                row("Exact without path", "ClusterIP", IngressValidation.INVALID_PATH, "is empty; an Exact path needs one, such as /", ingress("""
                        - host: bad.test
                          http: {paths: [{pathType: Exact, backend: {service: {name: ok, port: {number: 80}}}}]}
                        """)),
                row("unknown pathType", "ClusterIP", IngressValidation.INVALID_PATH_TYPE, "has pathType \"Regex\"; use Exact, Prefix or ImplementationSpecific", ingress("""
                        - host: bad.test
                          http: {paths: [{path: /, pathType: Regex, backend: {service: {name: ok, port: {number: 80}}}}]}
                        """)),
                row("resource backend", "ClusterIP", IngressValidation.UNSUPPORTED_BACKEND, "has a resource backend (Bucket b)", ingress("""
                        - host: bad.test
                          http: {paths: [{path: /, pathType: Prefix, backend: {resource: {apiGroup: k8s.example.com, kind: Bucket, name: b}}}]}
                        """)),
                row("service backend without port", "ClusterIP", IngressValidation.UNSUPPORTED_BACKEND, "has no Service port; set backend.service.port.number", ingress("""
                        - host: bad.test
                          http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ok}}}]}
                        """)),
                row("host and path of an older Ingress", "ClusterIP", Reason.DuplicateHostPath,
                        "host 'ok.test' path '/ok' (Prefix) is already declared by Ingress default/good, which is older", ingress("""
                        - host: ok.test
                          http: {paths: [{path: /ok, pathType: Prefix, backend: {service: {name: ok, port: {number: 80}}}}]}
                        """)),
                row("same path twice in one Ingress, written differently", "ClusterIP", Reason.DuplicateHostPath,
                        "is already declared earlier in this Ingress (as '/x' (Prefix)", ingress("""
                        - host: bad.test
                          http:
                            paths:
                            - {path: /x, pathType: Prefix, backend: {service: {name: ok, port: {number: 80}}}}
                            - {path: /x/, pathType: ImplementationSpecific, backend: {service: {name: ok, port: {number: 80}}}}
                        """)),
                row("regex-looking ImplementationSpecific path", "ClusterIP", Reason.PathMatchedAsPrefix,
                        "path '/api/(v1|v2)/.*' (ImplementationSpecific) looks like a regular expression, but ako-camel matches it as a Prefix",
                        ingress("""
                        - host: bad.test
                          http: {paths: [{path: "/api/(v1|v2)/.*", pathType: ImplementationSpecific, backend: {service: {name: ok, port: {number: 80}}}}]}
                        """)),
                row("second default backend", "ClusterIP", Reason.DefaultBackendConflict,
                        "Ingress default/first is older and already provides the default backend", """
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        metadata: {name: first, namespace: default, creationTimestamp: "2024-01-01T00:01:00Z"}
                        spec: {defaultBackend: {service: {name: ok, port: {number: 80}}}}
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        metadata: {name: bad, namespace: default, creationTimestamp: "2024-01-01T00:05:00Z"}
                        spec: {defaultBackend: {service: {name: ok, port: {number: 80}}}}
                        """),
                row("broken TLS Secret while an older Ingress has a good one", "ClusterIP", Reason.SecretNotFound,
                        "Host 'ok.test' is served meanwhile with the certificate of Secret default/s", """
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        metadata: {name: first, namespace: default, creationTimestamp: "2024-01-01T00:01:00Z"}
                        spec: {tls: [{hosts: [ok.test], secretName: s}]}
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        metadata: {name: bad, namespace: default, creationTimestamp: "2024-01-01T00:05:00Z"}
                        spec: {tls: [{hosts: [ok.test], secretName: gone}]}
                        """ + secret(K8s.CERT_PEM, K8s.KEY_PEM)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGivesItsWarningAndTheRestIsStillServed(String name, String serviceType, Object reason, String fragment, String yaml) {
        List<HasMetadata> objects = new ArrayList<>(K8s.yaml(BASE));
        objects.addAll(K8s.yaml(yaml));
        ClusterSnapshot cluster = ClusterSnapshot.of(K8s.settings(), objects);
        List<ShardModel> shards = new ModelBuilder().buildAll(cluster,
                K8s.settings("L7Settings.shardVSSize=SMALL", "L7Settings.serviceType=" + serviceType));

        List<Warned> warnings = new ArrayList<>();
        shards.get(0).warnings().forEach(w -> warnings.add(new Warned(w.ingress(), w.reason().name(), w.message())));
        cluster.admissionProblems().forEach((ingress, problems) ->
                problems.forEach(p -> warnings.add(new Warned(ingress, p.reason(), p.message()))));
        assertThat(warnings).as("warnings of the model and of admission").anySatisfy(w -> {
            assertThat(w.ingress()).isEqualTo(new IngressRef("default", "bad"));
            assertThat(w.reason()).isEqualTo(reason.toString());
            assertThat(w.message()).contains(fragment);
        });
        assertThat(warnings).as("only the bad Ingress is warned about").allSatisfy(w -> assertThat(w.ingress().name()).isEqualTo("bad"));
        String okPath = reason == Reason.SecretNotFound && fragment.contains("served meanwhile") ? "https://ok.test/ok" : "http://ok.test/ok";
        assertThat(new AviRouter(shards).route(okPath, SetReading.EVERY_SET_RUNS, PortReading.HOST_PORT_KEPT)).isEqualTo("svc:default/ok");
    }

    /** A warning by the model ({@link Reason}) or by admission (an {@link IngressValidation} reason). */
    private record Warned(IngressRef ingress, String reason, String message) {
    }

    private static Arguments row(String name, String serviceType, Object reason, String fragment, String yaml) {
        return Arguments.of(name, serviceType, reason, fragment, yaml);
    }

    /** Ingress default/bad with host bad.test and one path to the given backend. */
    private static String bad(String path, String service) {
        return ingress("- host: bad.test\n  http: {paths: [{path: " + path + ", pathType: Prefix, backend: {service: " + service + "}}]}\n");
    }

    private static String ingress(String rules) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: bad, namespace: default, creationTimestamp: "2024-01-01T00:05:00Z"}
                spec:
                  rules:
                """ + rules.indent(2);
    }

    private static String tlsBad(String secretName) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: bad, namespace: default, creationTimestamp: "2024-01-01T00:05:00Z"}
                spec:
                  tls: [{hosts: [bad.test]%s}]
                  rules:
                  - host: bad.test
                    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ok, port: {number: 80}}}}]}
                """.formatted(secretName == null ? "" : ", secretName: " + secretName);
    }

    /** Secret default/s with these values (null = left out). */
    private static String secret(String certificate, String key) {
        return "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: default}\ntype: kubernetes.io/tls\ndata:\n"
                + (certificate == null ? "" : "  tls.crt: " + Base64.getEncoder().encodeToString(certificate.getBytes()) + "\n")
                + (key == null ? "" : "  tls.key: " + Base64.getEncoder().encodeToString(key.getBytes()) + "\n");
    }
}
