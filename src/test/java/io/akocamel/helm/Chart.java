package io.akocamel.helm;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The chart in helm/ako-camel, rendered offline by helm-java and parsed with fabric8. */
final class Chart {
    static final Path DIR = Path.of("helm/ako-camel");
    static final Path SEED_VALUES = Path.of("examples/values.yaml");
    static final Path AKO_DEFAULT_VALUES = Path.of("src/test/resources/helm/ako-default-values.yaml");
    static final String RELEASE = "ako-camel";

    private Chart() {
    }

    static Helm helm() {
        return new Helm(DIR);
    }

    /** {@code helm template ako-camel helm/ako-camel -n <namespace>} plus the given options. */
    static Rendered template(String namespace, UnaryOperator<TemplateCommand> options) {
        String yaml = options.apply(helm().template().withName(RELEASE).withNamespace(namespace)).call();
        Object parsed = Serialization.unmarshal(yaml);
        @SuppressWarnings("unchecked")
        List<HasMetadata> objects = parsed instanceof List<?> list ? (List<HasMetadata>) list : List.of((HasMetadata) parsed);
        return new Rendered(objects);
    }

    static Rendered template(UnaryOperator<TemplateCommand> options) {
        return template("avi-system", options);
    }

    /** The CustomResourceDefinitions Helm installs from the chart's {@code crds/} ({@code helm show crds}). */
    static Rendered crds() {
        Object parsed = Serialization.unmarshal(helm().show().crds().call());
        @SuppressWarnings("unchecked")
        List<HasMetadata> objects = parsed instanceof List<?> list ? (List<HasMetadata>) list : List.of((HasMetadata) parsed);
        return new Rendered(objects);
    }

    /** The NOTES that {@code helm install} prints, from a client-only dry run. */
    static String notes(UnaryOperator<InstallCommand> options) {
        String output = options.apply(helm().install().withName(RELEASE).withNamespace("avi-system")
                .clientOnly().dryRun().withDryRunOption(DryRun.CLIENT)).call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    record Rendered(List<HasMetadata> objects) {
        <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
            return objects.stream().filter(kind::isInstance).map(kind::cast)
                    .filter(o -> o.getMetadata().getName().equals(name)).findFirst();
        }

        <T extends HasMetadata> T get(Class<T> kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " rendered"));
        }

        StatefulSet statefulSet() {
            return get(StatefulSet.class, "ako");
        }

        Map<String, String> aviConfig() {
            return get(ConfigMap.class, "avi-k8s-config").getData();
        }

        /** avi-secret's data, decoded; empty when the chart renders no Secret. */
        Map<String, String> aviSecret() {
            Map<String, String> decoded = new LinkedHashMap<>();
            find(Secret.class, "avi-secret").ifPresent(s -> s.getData().forEach((k, v) ->
                    decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8))));
            return decoded;
        }

        /** The container's environment as the kubelet would set it (ConfigMap references resolved, downward API left out). */
        Map<String, String> containerEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            for (EnvVar var : statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (var.getValueFrom() == null) {
                    env.put(var.getName(), var.getValue());
                } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = var.getValueFrom().getConfigMapKeyRef();
                    env.put(var.getName(), get(ConfigMap.class, ref.getName()).getData().get(ref.getKey()));
                }
            }
            return env;
        }
    }
}
