package io.akocamel.kubeapi;

import java.util.List;

/** One kind the embedded API serves: what discovery says of it, and how {@code kubectl get} prints it. */
public record ApiResource(String group, String version, String plural, String kind, boolean namespaced, List<String> shortNames,
                          boolean hasStatus, TablePrinter printer) {

    public String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String singular() {
        return kind.toLowerCase();
    }
}
