package io.akocamel.model;

import io.akocamel.config.Settings;
import io.akocamel.testing.TestSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Test fixtures: Kubernetes objects from YAML or a small builder, settings, and the test key pair. */
final class K8s {
    static final String CERT_PEM = resource("tls/test-cert.pem");
    static final String KEY_PEM = resource("tls/test-key.pem");

    private K8s() {
    }

    /** Every object of a (multi-document) YAML text. */
    @SuppressWarnings("unchecked")
    static List<HasMetadata> yaml(String yaml) {
        Object parsed = Serialization.unmarshal(yaml);
        return parsed instanceof List<?> list ? new ArrayList<>((List<HasMetadata>) list) : new ArrayList<>(List.of((HasMetadata) parsed));
    }

    static String resource(String path) {
        try (InputStream in = K8s.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link TestSettings}' base with {@code path=value} overrides such as {@code L7Settings.shardVSSize=SMALL}. */
    static Settings settings(String... overrides) {
        TestSettings.Builder settings = TestSettings.builder();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            settings.set(override.substring(0, eq), override.substring(eq + 1));
        }
        return settings.build();
    }

    static ClusterSnapshot cluster(List<? extends HasMetadata> objects) {
        return ClusterSnapshot.of(settings(), objects);
    }

    // ------------------------------------------------------------------------------------------ builders

    /** An Ingress {@code namespace/name} created {@code minute} minutes after a fixed epoch (smaller = older). */
    static IngressSpecBuilder ingress(String ref, int minute) {
        return new IngressSpecBuilder(ref, minute);
    }

    static HTTPIngressPath exact(String path, String service) {
        return path(path, "Exact", service);
    }

    static HTTPIngressPath prefix(String path, String service) {
        return path(path, "Prefix", service);
    }

    static HTTPIngressPath implementationSpecific(String path, String service) {
        return path(path, "ImplementationSpecific", service);
    }

    static HTTPIngressPath path(String path, String type, String service) {
        return new HTTPIngressPathBuilder().withPath(path).withPathType(type)
                .withNewBackend().withNewService().withName(service).withNewPort().withNumber(80).endPort().endService().endBackend()
                .build();
    }

    static final class IngressSpecBuilder {
        private final IngressBuilder builder = new IngressBuilder();

        IngressSpecBuilder(String ref, int minute) {
            String[] parts = ref.split("/");
            builder.withNewMetadata().withNamespace(parts[0]).withName(parts[1])
                    .withCreationTimestamp(String.format("2024-01-01T%02d:%02d:00Z", minute / 60, minute % 60)).endMetadata()
                    .withNewSpec().endSpec();
        }

        IngressSpecBuilder rule(String host, HTTPIngressPath... paths) {
            builder.editSpec().addToRules(new IngressRuleBuilder().withHost(host).withNewHttp().withPaths(paths).endHttp().build()).endSpec();
            return this;
        }

        IngressSpecBuilder tls(String secret, String... hosts) {
            builder.editSpec().addToTls(new IngressTLSBuilder().withSecretName(secret).withHosts(hosts).build()).endSpec();
            return this;
        }

        IngressSpecBuilder defaultBackend(String service) {
            builder.editSpec().withNewDefaultBackend().withNewService().withName(service).withNewPort().withNumber(80).endPort()
                    .endService().endDefaultBackend().endSpec();
            return this;
        }

        IngressSpecBuilder className(String className) {
            builder.editSpec().withIngressClassName(className).endSpec();
            return this;
        }

        Ingress build() {
            return builder.build();
        }
    }

    /** A ClusterIP Service with port 80 ("http") → 8080 and an EndpointSlice with one ready endpoint at {@code ip}. */
    static List<HasMetadata> serviceWithEndpoint(String ref, String ip) {
        String[] parts = ref.split("/");
        Service service = new ServiceBuilder().withNewMetadata().withNamespace(parts[0]).withName(parts[1]).endMetadata()
                .withNewSpec().withType("ClusterIP").addToSelector("app", parts[1])
                .addNewPort().withName("http").withPort(80).withNewTargetPort(8080).endPort().endSpec().build();
        EndpointSlice slice = new EndpointSliceBuilder().withNewMetadata().withNamespace(parts[0]).withName(parts[1] + "-x1")
                .addToLabels("kubernetes.io/service-name", parts[1]).endMetadata()
                .withAddressType("IPv4").addNewPort().withName("http").withPort(8080).endPort()
                .addNewEndpoint().withAddresses(ip).withNewConditions().withReady(true).endConditions().withNodeName("node-1").endEndpoint()
                .build();
        return List.of(service, slice);
    }

    /** A kubernetes.io/tls Secret with the test key pair. */
    static Secret tlsSecret(String ref) {
        return tlsSecret(ref, CERT_PEM, KEY_PEM);
    }

    static Secret tlsSecret(String ref, String certificate, String key) {
        String[] parts = ref.split("/");
        SecretBuilder b = new SecretBuilder().withNewMetadata().withNamespace(parts[0]).withName(parts[1]).endMetadata()
                .withType("kubernetes.io/tls");
        if (certificate != null) {
            b.addToData("tls.crt", Base64.getEncoder().encodeToString(certificate.getBytes(StandardCharsets.UTF_8)));
        }
        if (key != null) {
            b.addToData("tls.key", Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }
}
