package io.akocamel.crd;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassParametersReference;

import java.util.Map;
import java.util.function.Function;

/**
 * Which AviInfraSetting an Ingress names, as AKO reads it: the one its IngressClass names in {@code spec.parameters}
 * (the default class for an Ingress without a class), else the one its Namespace names in the annotation
 * {@value AkoResources#NAMESPACE_INFRA_SETTING}. Whether that setting exists and is Accepted is the caller's question.
 */
public final class InfraSettingSelection {
    private InfraSettingSelection() {
    }

    /**
     * @param classes      IngressClass by name (null when it does not exist)
     * @param defaultClass our default IngressClass, or null
     * @param namespaces   Namespace by name (null when unknown)
     * @return the setting's name, or null when the Ingress names none
     */
    public static String nameOf(Ingress ingress, Function<String, IngressClass> classes, IngressClass defaultClass,
                                Function<String, Namespace> namespaces) {
        String className = ingress.getSpec() == null ? null : ingress.getSpec().getIngressClassName();
        IngressClass ingressClass = className == null || className.isEmpty() ? defaultClass : classes.apply(className);
        String byClass = ingressClass == null ? null : nameOf(ingressClass);
        if (byClass != null) {
            return byClass;
        }
        Namespace namespace = namespaces.apply(ingress.getMetadata().getNamespace());
        Map<String, String> annotations = namespace == null ? null : namespace.getMetadata().getAnnotations();
        String byNamespace = annotations == null ? null : annotations.get(AkoResources.NAMESPACE_INFRA_SETTING);
        return byNamespace == null || byNamespace.isEmpty() ? null : byNamespace;
    }

    /** The AviInfraSetting an IngressClass names in {@code spec.parameters}, or null. */
    public static String nameOf(IngressClass ingressClass) {
        IngressClassParametersReference parameters = ingressClass.getSpec() == null ? null : ingressClass.getSpec().getParameters();
        return parameters != null && AkoResources.GROUP.equals(parameters.getApiGroup()) && "AviInfraSetting".equals(parameters.getKind())
                && parameters.getName() != null && !parameters.getName().isEmpty() ? parameters.getName() : null;
    }
}
