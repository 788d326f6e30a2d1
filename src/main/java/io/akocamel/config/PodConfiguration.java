package io.akocamel.config;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The configuration of a controller running in a pod, read as AKO reads it: the {@code avi-k8s-config} ConfigMap and
 * the {@code avi-secret} Secret of the pod's namespace (both written by the Helm chart). Credentials are read once, at
 * start; {@link #watchAviSecret} reports a later change of the Secret so that the process can restart, as AKO does.
 */
public final class PodConfiguration {
    public static final String CONFIG_MAP = "avi-k8s-config";
    public static final String SECRET = "avi-secret";
    /** Set by the chart from the downward API; its presence means "running in a pod". */
    public static final String POD_NAMESPACE_ENV = "POD_NAMESPACE";

    private static final Logger LOG = LoggerFactory.getLogger(PodConfiguration.class);

    private final KubernetesClient client;
    private final String namespace;
    /** The Secret's raw data as read at start (empty when there was no Secret); null until {@link #readInto}. */
    private volatile Optional<Map<String, String>> secretAtStart;

    public PodConfiguration(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /** The pod's configuration when {@code POD_NAMESPACE} is set (as the chart does), else empty: not in a pod. */
    public static Optional<PodConfiguration> forPod(KubernetesClient client, Map<String, String> env) {
        String namespace = env.get(POD_NAMESPACE_ENV);
        return namespace == null || namespace.isBlank() ? Optional.empty() : Optional.of(new PodConfiguration(client, namespace.trim()));
    }

    public String namespace() {
        return namespace;
    }

    /**
     * Adds the ConfigMap's keys and the Secret's credentials to {@code loader}. Call it after
     * {@link SettingsLoader#values} and before {@link SettingsLoader#environment}, which is AKO's order of precedence.
     *
     * @throws SettingsException when the ConfigMap does not exist or either object cannot be read
     */
    public SettingsLoader readInto(SettingsLoader loader) {
        ConfigMap configMap = read(() -> client.configMaps().inNamespace(namespace).withName(CONFIG_MAP).get(), "ConfigMap " + CONFIG_MAP);
        if (configMap == null) {
            throw new SettingsException(List.of("ConfigMap " + CONFIG_MAP + " not found in namespace " + namespace
                    + ": install the Helm chart (helm/ako-camel), which creates it, or create it with AKO's keys"));
        }
        loader.configMap(configMap.getData() == null ? Map.of() : configMap.getData());

        Secret secret = read(() -> client.secrets().inNamespace(namespace).withName(SECRET).get(), "Secret " + SECRET);
        secretAtStart = Optional.ofNullable(secret).map(PodConfiguration::rawData);
        if (secret == null) {
            LOG.warn("Secret {} not found in namespace {}: the Avi credentials must come from the environment, or create it: "
                    + "kubectl create secret generic {} -n {} --from-literal=username=... --from-literal=password=...",
                    SECRET, namespace, SECRET, namespace);
        } else {
            loader.aviSecret(decoded(secret));
        }
        return loader;
    }

    /**
     * Watches {@code avi-secret} and calls {@code onChange} once, with a reason safe to log, when its data differs from
     * what {@link #readInto} read: updated, deleted, or created after a start without it. Updates that leave the data
     * as it was (labels, annotations, a relist) are not changes. The returned watch must be closed at shutdown.
     */
    public SecretWatch watchAviSecret(Consumer<String> onChange) {
        Optional<Map<String, String>> baseline = secretAtStart;
        if (baseline == null) {
            throw new IllegalStateException("readInto(...) must read the Secret before it is watched");
        }
        AtomicBoolean signalled = new AtomicBoolean();
        Consumer<Optional<Secret>> check = current -> {
            Optional<Map<String, String>> data = current.map(PodConfiguration::rawData);
            if (!data.equals(baseline) && signalled.compareAndSet(false, true)) {
                String what = data.isEmpty() ? "was deleted" : baseline.isEmpty() ? "was created" : "was updated";
                String reason = "Secret " + SECRET + " in namespace " + namespace + " " + what + "; restarting to use the new credentials";
                LOG.info(reason);
                onChange.accept(reason);
            }
        };
        SharedIndexInformer<Secret> informer = client.secrets().inNamespace(namespace).withName(SECRET)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Secret secret) {
                        check.accept(Optional.of(secret));
                    }

                    @Override
                    public void onUpdate(Secret before, Secret after) {
                        check.accept(Optional.of(after));
                    }

                    @Override
                    public void onDelete(Secret secret, boolean finalStateUnknown) {
                        check.accept(Optional.empty());
                    }
                });
        return informer::close;
    }

    /** A running watch; {@link #close()} stops it. */
    @FunctionalInterface
    public interface SecretWatch extends AutoCloseable {
        @Override
        void close();
    }

    private static Map<String, String> rawData(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            data.putAll(secret.getData());
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((key, value) ->
                    data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        }
        return data;
    }

    private Map<String, String> decoded(Secret secret) {
        Map<String, String> decoded = new LinkedHashMap<>();
        rawData(secret).forEach((key, value) -> {
            try {
                decoded.put(key, new String(Base64.getDecoder().decode(value == null ? "" : value), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(List.of("Secret " + SECRET + " in namespace " + namespace + ": key '" + key
                        + "' is not valid base64; recreate it with kubectl create secret generic (which encodes the values)"));
            }
        });
        return decoded;
    }

    private <T> T read(Supplier<T> get, String what) {
        try {
            return get.get();
        } catch (KubernetesClientException e) {
            String hint = e.getCode() == 403
                    ? "the pod's ServiceAccount may not read it; the chart's ClusterRole ako-cr grants get on it"
                    : "check that the Kubernetes API is reachable";
            throw new SettingsException(List.of("cannot read " + what + " in namespace " + namespace + " (HTTP " + e.getCode()
                    + "): " + hint));
        }
    }
}
