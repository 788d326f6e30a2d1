package io.akocamel.bench;

import io.akocamel.testing.MockKubernetes;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The embedded Kubernetes API's own cost per call: sequential creates and reads of small ConfigMaps. */
final class KubernetesCallCost {
    private static final int WARM_UP = 100;
    private static final int CALLS = 300;

    private KubernetesCallCost() {
    }

    static Percentiles measure() {
        try (MockKubernetes kube = MockKubernetes.start()) {
            List<Duration> samples = new ArrayList<>();
            for (int call = 0; call < WARM_UP + CALLS; call++) {
                long start = System.nanoTime();
                kube.client().resource(new ConfigMapBuilder().withNewMetadata().withNamespace("default").withName("cm-" + call)
                        .endMetadata().addToData("k", "v").build()).create();
                kube.client().configMaps().inNamespace("default").withName("cm-" + call).get();
                if (call >= WARM_UP) {
                    samples.add(Duration.ofNanos(System.nanoTime() - start).dividedBy(2));
                }
            }
            return new Percentiles(samples);
        }
    }
}
