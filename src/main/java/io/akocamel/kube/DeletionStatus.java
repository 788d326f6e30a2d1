package io.akocamel.kube;

/**
 * AKO's {@code AviObjectDeletionStatus} annotation on its StatefulSet, which tools (e.g. the load-balancer operator of
 * Tanzu) read to know when deleteConfig has removed everything: {@code Started}, then {@code Done}; removed when
 * deleteConfig is unset.
 */
public interface DeletionStatus {
    String ANNOTATION = "AviObjectDeletionStatus";
    String STARTED = "Started";
    String DONE = "Done";

    DeletionStatus NONE = new DeletionStatus() {
        @Override
        public void set(String status) {
        }

        @Override
        public void clear() {
        }
    };

    void set(String status);

    void clear();
}
