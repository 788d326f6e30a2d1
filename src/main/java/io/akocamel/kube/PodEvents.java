package io.akocamel.kube;

/** Events about the controller itself, recorded on its own pod ({@link ControllerPod}); none outside a cluster. */
public interface PodEvents {
    PodEvents NONE = new PodEvents() {
        @Override
        public void warning(String reason, String message) {
        }

        @Override
        public void normal(String reason, String message) {
        }
    };

    void warning(String reason, String message);

    void normal(String reason, String message);
}
