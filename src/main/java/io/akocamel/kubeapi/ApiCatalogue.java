package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind the embedded API serves, per group version: the built-in kinds below, and each custom resource whose
 * CustomResourceDefinition is stored (with its {@code additionalPrinterColumns}). Serving one more kind is one entry.
 */
public final class ApiCatalogue {
    private static final boolean NAMESPACED = true;
    private static final boolean CLUSTER = false;
    private static final boolean STATUS = true;
    private static final boolean NO_STATUS = false;

    public static final List<ApiResource> BUILT_IN = List.of(
            new ApiResource("", "v1", "namespaces", "Namespace", CLUSTER, List.of("ns"), STATUS, CorePrinters.NAMESPACE),
            new ApiResource("", "v1", "nodes", "Node", CLUSTER, List.of("no"), STATUS, CorePrinters.NODE),
            new ApiResource("", "v1", "services", "Service", NAMESPACED, List.of("svc"), STATUS, ServicePrinters.SERVICE),
            new ApiResource("", "v1", "endpoints", "Endpoints", NAMESPACED, List.of("ep"), NO_STATUS, ServicePrinters.ENDPOINTS),
            new ApiResource("", "v1", "secrets", "Secret", NAMESPACED, List.of(), NO_STATUS, CorePrinters.SECRET),
            new ApiResource("", "v1", "configmaps", "ConfigMap", NAMESPACED, List.of("cm"), NO_STATUS, CorePrinters.CONFIG_MAP),
            new ApiResource("", "v1", "pods", "Pod", NAMESPACED, List.of("po"), STATUS, CorePrinters.POD),
            new ApiResource("", "v1", "events", "Event", NAMESPACED, List.of("ev"), NO_STATUS, EventPrinter.EVENT),
            new ApiResource("networking.k8s.io", "v1", "ingresses", "Ingress", NAMESPACED, List.of("ing"), STATUS, IngressPrinters.INGRESS),
            new ApiResource("networking.k8s.io", "v1", "ingressclasses", "IngressClass", CLUSTER, List.of(), NO_STATUS, IngressPrinters.INGRESS_CLASS),
            new ApiResource("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", NAMESPACED, List.of(), NO_STATUS, ServicePrinters.ENDPOINT_SLICE),
            new ApiResource("coordination.k8s.io", "v1", "leases", "Lease", NAMESPACED, List.of(), NO_STATUS, CorePrinters.LEASE),
            new ApiResource("events.k8s.io", "v1", "events", "Event", NAMESPACED, List.of("ev"), NO_STATUS, EventPrinter.EVENT),
            new ApiResource("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", CLUSTER,
                    List.of("crd", "crds"), STATUS, TablePrinter.NAME_AND_CREATED));

    /** The path of the stored CustomResourceDefinitions. */
    public static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final List<ApiResource> resources;

    private ApiCatalogue(List<ApiResource> resources) {
        this.resources = List.copyOf(resources);
    }

    public static ApiCatalogue builtIn() {
        return new ApiCatalogue(BUILT_IN);
    }

    /** The built-in kinds and the served versions of each CustomResourceDefinition in {@code crds} (a list). */
    public static ApiCatalogue withCustomResources(JsonNode crds) {
        List<ApiResource> all = new ArrayList<>(BUILT_IN);
        for (JsonNode crd : crds.path("items")) {
            all.addAll(CustomResources.of(crd));
        }
        return new ApiCatalogue(all);
    }

    public List<ApiResource> resources() {
        return resources;
    }

    public Optional<ApiResource> find(String groupVersion, String plural) {
        return resources.stream().filter(r -> r.groupVersion().equals(groupVersion) && r.plural().equals(plural)).findFirst();
    }

    /** Group name → its versions, preferred first, in the order served ("" is the core group). */
    public Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ApiResource r : resources) {
            List<String> versions = groups.computeIfAbsent(r.group(), g -> new ArrayList<>());
            if (!versions.contains(r.version())) {
                versions.add(r.version());
            }
        }
        return groups;
    }
}
