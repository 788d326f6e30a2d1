package io.akocamel.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.net.HttpURLConnection;

/**
 * Creates the (not yet started) informer for a {@link WatchSpec}. Production uses {@link #fabric8(KubernetesClient)};
 * benchmarks substitute informers they feed themselves.
 */
@FunctionalInterface
public interface InformerSource {

    <T extends HasMetadata> SharedIndexInformer<T> informer(WatchSpec spec, Class<T> type, long resyncMillis);

    /** Whether the cluster serves a custom kind (its CustomResourceDefinition is installed); asked once before watching it. */
    default boolean serves(KubeKind kind) {
        return true;
    }

    /** Informers of the shared fabric8 client: initial LIST, WATCH from its resourceVersion, relist on 410 Gone. */
    static InformerSource fabric8(KubernetesClient client) {
        return new InformerSource() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public <T extends HasMetadata> SharedIndexInformer<T> informer(WatchSpec spec, Class<T> type, long resyncMillis) {
                MixedOperation<T, KubernetesResourceList<T>, Resource<T>> op = spec.kind().custom()
                        ? (MixedOperation) client.genericKubernetesResources(spec.kind().definition())
                        : client.resources(type);
                FilterWatchListDeletable<T, KubernetesResourceList<T>, Resource<T>> scope =
                        spec.namespace() != null ? op.inNamespace(spec.namespace()) : op.inAnyNamespace();
                if (spec.name() != null) {
                    scope = scope.withField("metadata.name", spec.name());
                }
                if (spec.labelSelector() != null) {
                    scope = scope.withLabelSelector(spec.labelSelector());
                }
                if (spec.fieldSelector() != null) {
                    for (String requirement : spec.fieldSelector().split(",")) {
                        int not = requirement.indexOf("!=");
                        int eq = requirement.indexOf('=');
                        if (not > 0) {
                            scope = scope.withoutField(requirement.substring(0, not).trim(), requirement.substring(not + 2).trim());
                        } else if (eq > 0) {
                            int valueStart = requirement.startsWith("==", eq) ? eq + 2 : eq + 1;
                            scope = scope.withField(requirement.substring(0, eq).trim(), requirement.substring(valueStart).trim());
                        } else {
                            throw new IllegalArgumentException("fieldSelector requirement '" + requirement
                                    + "' is not of the form field=value or field!=value");
                        }
                    }
                }
                return scope.runnableInformer(resyncMillis);
            }

            /** A one-item list: 404 when the definition is missing. Any other failure is left to the informer's retries. */
            @Override
            public boolean serves(KubeKind kind) {
                try {
                    client.genericKubernetesResources(kind.definition()).inAnyNamespace().list(new ListOptionsBuilder().withLimit(1L).build());
                    return true;
                } catch (KubernetesClientException e) {
                    return e.getCode() != HttpURLConnection.HTTP_NOT_FOUND;
                }
            }
        };
    }
}
