package io.akocamel.admission;

import io.fabric8.kubernetes.api.model.Service;

/** Whether a backend Service can give an Avi pool servers at all, whatever the routing mode. */
public final class ServiceUsability {
    public static final String UNSUPPORTED_SERVICE_TYPE = "UnsupportedServiceType";

    private ServiceUsability() {
    }

    /** Null for a usable Service; else why not: an ExternalName Service has no endpoints to pool. */
    public static Problem problem(Service service) {
        if (service.getSpec() != null && "ExternalName".equals(service.getSpec().getType())) {
            return new Problem(UNSUPPORTED_SERVICE_TYPE, "Service " + service.getMetadata().getNamespace() + "/"
                    + service.getMetadata().getName() + " is of type ExternalName, which has no endpoints to load-balance; "
                    + "use a Service with a selector or endpoints");
        }
        return null;
    }
}
