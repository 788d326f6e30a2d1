package io.akocamel.admission;

import io.akocamel.config.Settings;
import io.fabric8.kubernetes.api.model.Namespace;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which namespaces hold our Ingresses: not in {@code AKOSettings.blockedNamespaceList}, and labelled as the namespace
 * selector asks. An object without a namespace is in {@code default}, where kubectl would create it.
 */
public final class NamespaceSelection {
    private final Settings.NamespaceSelector selector;
    private final Set<String> blocked;

    public NamespaceSelection(Settings settings) {
        this.selector = settings.akoSettings().namespaceSelector();
        this.blocked = Set.copyOf(settings.akoSettings().blockedNamespaceList());
    }

    public boolean isBlocked(String namespace) {
        return blocked.contains(orDefault(namespace));
    }

    /**
     * Whether the namespace carries the selector's label; always true without a selector.
     *
     * @param namespaces Namespace by name (null when unknown: an unknown namespace is not selected)
     */
    public boolean isSelected(String namespace, Function<String, Namespace> namespaces) {
        if (!selector.isSet()) {
            return true;
        }
        Namespace found = namespaces.apply(orDefault(namespace));
        Map<String, String> labels = found == null ? null : found.getMetadata().getLabels();
        return labels != null && selector.labelValue().equals(labels.get(selector.labelKey()));
    }

    private static String orDefault(String namespace) {
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }
}
