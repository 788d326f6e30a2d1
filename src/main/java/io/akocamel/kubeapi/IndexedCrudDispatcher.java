package io.akocamel.kubeapi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store of the embedded Kubernetes API and of the tests: fabric8's CRUD dispatcher, with the look-up every create,
 * update and patch makes ({@link #findResource}) indexed by object name. The stock look-up matches the request against
 * every stored object, so each write cost milliseconds once tens of thousands of Services and EndpointSlices were
 * stored, and the benchmarks measured the mock rather than the controller. Matching itself is unchanged: the candidates
 * of the same name go through the same {@link AttributeSet#matches}.
 */
public class IndexedCrudDispatcher extends KubernetesCrudDispatcher {
    private static final String PLURAL = "plural";
    /** A value that matches any: such a query cannot use the index. */
    private static final String ANY = "*";

    private final Map<String, Set<AttributeSet>> keysByName = new ConcurrentHashMap<>();

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        String name = nameOf(query);
        if (name == null) {
            return super.findResource(query);
        }
        for (AttributeSet key : keysByName.getOrDefault(name, Set.of())) {
            String stored = map.get(key);
            if (stored != null && key.matches(query)) {
                return Map.entry(key, stored);
            }
        }
        return null;
    }

    /** Keeps the index in step with the store: the stored key is computed here as the superclass computes it. */
    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes, GenericKubernetesResource resource,
                             String newState) {
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (oldAttributes != null && !map.containsKey(oldAttributes)) {
            forget(oldAttributes);
        }
        if (newState != null) {
            KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) getAttributeExtractor();
            AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
            if (!key.containsKey(PLURAL)) {
                key = AttributeSet.merge(pathAttributes, key);
            }
            String name = nameOf(key);
            if (name != null) {
                keysByName.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(key);
            }
        }
    }

    @Override
    public void reset() {
        super.reset();
        keysByName.clear();
    }

    private void forget(AttributeSet key) {
        String name = nameOf(key);
        if (name != null) {
            keysByName.computeIfPresent(name, (n, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    private static String nameOf(AttributeSet attributes) {
        Attribute name = attributes.getAttribute(KubernetesAttributesExtractor.NAME);
        if (name == null || name.getValues().size() != 1) {
            return null;
        }
        String value = name.getValues().get(0).toString();
        return ANY.equals(value) ? null : value;
    }
}
