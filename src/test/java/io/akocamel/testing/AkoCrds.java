package io.akocamel.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chart's CustomResourceDefinitions and AKO's resources (HostRule, HTTPRule, AviInfraSetting) for tests. */
public final class AkoCrds {
    public static final Path DIR = Path.of("helm/ako-camel/crds");
    public static final String GROUP = "ako.vmware.com";
    public static final String API_VERSION = GROUP + "/v1beta1";

    private AkoCrds() {
    }

    public static List<Path> files() {
        try (var files = Files.list(DIR)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the chart's CustomResourceDefinitions in the cluster. */
    public static void install(KubernetesClient client) {
        for (Path file : files()) {
            try (InputStream in = Files.newInputStream(file)) {
                client.load(in).items().forEach(item -> client.resource(item).create());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A HostRule for {@code fqdn} ({@code fqdnType} null: the default, Exact) with more {@code virtualhost} fields. */
    public static GenericKubernetesResource hostRule(String namespace, String name, String fqdn, String fqdnType, Map<String, Object> fields) {
        Map<String, Object> virtualHost = new LinkedHashMap<>();
        virtualHost.put("fqdn", fqdn);
        if (fqdnType != null) {
            virtualHost.put("fqdnType", fqdnType);
        }
        virtualHost.putAll(fields);
        return resource("HostRule", namespace, name, Map.of("virtualhost", virtualHost));
    }

    public static GenericKubernetesResource httpRule(String namespace, String name, String fqdn, List<Map<String, Object>> paths) {
        return resource("HTTPRule", namespace, name, Map.of("fqdn", fqdn, "paths", paths));
    }

    public static GenericKubernetesResource aviInfraSetting(String name, Map<String, Object> spec) {
        return resource("AviInfraSetting", null, name, spec);
    }

    private static GenericKubernetesResource resource(String kind, String namespace, String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(API_VERSION).withKind(kind)
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec)).build();
    }
}
