package io.akocamel.kube;

import io.akocamel.crd.AkoResources;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Kubernetes kinds ako-camel watches, named in URIs by their plural ({@code kube-watch:ingresses}). */
public enum KubeKind {
    INGRESS("ingresses", "Ingress", Ingress.class, false),
    INGRESS_CLASS("ingressclasses", "IngressClass", IngressClass.class, true),
    SERVICE("services", "Service", Service.class, false),
    ENDPOINT_SLICE("endpointslices", "EndpointSlice", EndpointSlice.class, false),
    NODE("nodes", "Node", Node.class, true),
    SECRET("secrets", "Secret", Secret.class, false),
    POD("pods", "Pod", Pod.class, false),
    NAMESPACE("namespaces", "Namespace", Namespace.class, true),
    CONFIG_MAP("configmaps", "ConfigMap", ConfigMap.class, false),
    HOST_RULE("hostrules", "HostRule", AkoResources.API_VERSION, false),
    HTTP_RULE("httprules", "HTTPRule", AkoResources.API_VERSION, false),
    AVI_INFRA_SETTING("aviinfrasettings", "AviInfraSetting", AkoResources.API_VERSION, true);

    private final String plural;
    private final String kindName;
    private final Class<? extends HasMetadata> type;
    private final boolean clusterScoped;
    private final String apiVersion;

    KubeKind(String plural, String kindName, Class<? extends HasMetadata> type, boolean clusterScoped) {
        this(plural, kindName, type, clusterScoped, null);
    }

    /** A custom resource, read as a {@link GenericKubernetesResource} of this API version. */
    KubeKind(String plural, String kindName, String apiVersion, boolean clusterScoped) {
        this(plural, kindName, GenericKubernetesResource.class, clusterScoped, apiVersion);
    }

    KubeKind(String plural, String kindName, Class<? extends HasMetadata> type, boolean clusterScoped, String apiVersion) {
        this.plural = plural;
        this.kindName = kindName;
        this.type = type;
        this.clusterScoped = clusterScoped;
        this.apiVersion = apiVersion;
    }

    /** A kind a CustomResourceDefinition adds: a cluster without the definition does not serve it. */
    public boolean custom() {
        return apiVersion != null;
    }

    /** The group/version a custom kind is read in; null for the built-in kinds. */
    public String apiVersion() {
        return apiVersion;
    }

    public String plural() {
        return plural;
    }

    /** A custom kind named in full, so that the client makes no discovery call (a cluster without it fails the list: 404). */
    public ResourceDefinitionContext definition() {
        String[] groupVersion = apiVersion.split("/", 2);
        return new ResourceDefinitionContext.Builder().withGroup(groupVersion[0]).withVersion(groupVersion[1]).withKind(kindName)
                .withPlural(plural).withNamespaced(!clusterScoped).build();
    }

    /** The Kubernetes {@code kind}, e.g. {@code EndpointSlice}. */
    public String kindName() {
        return kindName;
    }

    public Class<? extends HasMetadata> type() {
        return type;
    }

    public boolean clusterScoped() {
        return clusterScoped;
    }

    /** The kind with this Kubernetes {@code kind} name, e.g. {@code Ingress}. */
    public static KubeKind fromKindName(String kindName) {
        for (KubeKind kind : values()) {
            if (kind.kindName.equals(kindName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a watched kind: " + kindName);
    }

    /** Resolves a URI path such as {@code ingresses}; the message lists the kinds that exist. */
    public static KubeKind fromPlural(String plural) {
        String wanted = plural.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.plural.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kube-watch:" + plural + " is not a watched kind; use one of "
                        + Arrays.stream(values()).map(KubeKind::plural).collect(Collectors.joining(", "))));
    }
}
