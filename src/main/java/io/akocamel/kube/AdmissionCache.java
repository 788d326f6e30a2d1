package io.akocamel.kube;

import io.akocamel.admission.IngressValidation;
import io.akocamel.model.Naming;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per informer instance of an Ingress: its validation and the shards of what is valid (the shard index, the
 * ingestion and the model all ask, often for the same instance). Recomputed when the informer has a new instance.
 */
final class AdmissionCache {
    /** Index value of Ingresses served on every shard (host-less rules or a default backend). */
    static final String EVERY_SHARD = "*";

    private record Entry(Ingress raw, IngressValidation.Validated validated, Set<String> shards) {
    }

    private final Naming naming;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    AdmissionCache(Naming naming) {
        this.naming = naming;
    }

    IngressValidation.Validated validated(Ingress ingress) {
        return entry(ingress).validated;
    }

    /** The shard VS names of the Ingress's valid hosts, plus {@value #EVERY_SHARD} when it is served on every shard. */
    Set<String> shardsOf(Ingress ingress) {
        return entry(ingress).shards;
    }

    void forget(String ingressKey) {
        entries.remove(ingressKey);
    }

    private Entry entry(Ingress ingress) {
        String key = KubeIndexes.keyOf(ingress);
        Entry entry = entries.get(key);
        if (entry != null && entry.raw == ingress) {
            return entry;
        }
        IngressValidation.Validated validated = IngressValidation.validate(ingress);
        Set<String> shards = naming.shardsOf(validated.ingress());
        if (naming.isOnEveryShard(validated.ingress())) {
            shards.add(EVERY_SHARD);
        }
        entry = new Entry(ingress, validated, Collections.unmodifiableSet(shards));
        entries.put(key, entry);
        return entry;
    }
}
