package io.akocamel.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Kubernetes Events about an object (implemented by {@link EventRecorder}; a no-op where no cluster is watched). */
public interface EventSink {
    EventSink NONE = new EventSink() {
        @Override
        public void warning(HasMetadata object, String reason, String message) {
        }

        @Override
        public void normal(HasMetadata object, String reason, String message) {
        }
    };

    void warning(HasMetadata object, String reason, String message);

    void normal(HasMetadata object, String reason, String message);
}
