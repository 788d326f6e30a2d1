package io.akocamel.admission;

import io.akocamel.config.Settings;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Which Ingresses are ours (docs/ingress-to-avi.md#which-ingresses-are-ours), as a pure decision over the Ingress, the
 * IngressClasses and the Namespaces: namespace filters first, then {@code spec.ingressClassName}, then the legacy
 * annotation (only when {@code akoCamel.honourLegacyIngressClassAnnotation}), then our default IngressClass.
 */
public final class IngressEligibility {
    public static final String CONTROLLER = "ako.vmware.com/avi-lb";
    public static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
    public static final String LEGACY_CLASS_ANNOTATION = "kubernetes.io/ingress.class";

    /** The outcome and why, worded for logs. */
    public enum Verdict {
        OURS_BY_CLASS(true, "its IngressClass has controller " + CONTROLLER),
        OURS_BY_LEGACY_ANNOTATION(true, "its " + LEGACY_CLASS_ANNOTATION + " annotation names our class"),
        OURS_BY_DEFAULT_CLASS(true, "it has no class and our IngressClass is the default class"),
        CLASS_NOT_FOUND(false, "its IngressClass does not exist"),
        CLASS_OF_OTHER_CONTROLLER(false, "its IngressClass belongs to another controller"),
        LEGACY_ANNOTATION_OF_OTHER_CLASS(false, "its " + LEGACY_CLASS_ANNOTATION + " annotation names another class"),
        NO_CLASS_AND_NO_DEFAULT(false, "it has no class and none of our IngressClasses is the default class"),
        NAMESPACE_BLOCKED(false, "its namespace is in AKOSettings.blockedNamespaceList"),
        NAMESPACE_NOT_SELECTED(false, "its namespace lacks the AKOSettings.namespaceSelector label"),
        BEING_DELETED(false, "it is being deleted");

        private final boolean ours;
        private final String reason;

        Verdict(boolean ours, String reason) {
            this.ours = ours;
            this.reason = reason;
        }

        public boolean isOurs() {
            return ours;
        }

        public String reason() {
            return reason;
        }
    }

    private final boolean honourLegacyAnnotation;
    private final String ourClassName;
    private final NamespaceSelection namespaces;

    public IngressEligibility(Settings settings) {
        this.honourLegacyAnnotation = settings.akoCamel().honourLegacyIngressClassAnnotation();
        this.ourClassName = settings.akoCamel().ingressClassName();
        this.namespaces = new NamespaceSelection(settings);
    }

    /** Decides with one look at the IngressClasses ("is one of ours the default"), for deciding many Ingresses at once. */
    public Function<Ingress, Verdict> decider(Collection<IngressClass> classes, Function<String, IngressClass> classByName,
                                              Function<String, Namespace> namespaceByName) {
        boolean ourDefault = classes.stream().anyMatch(IngressEligibility::isOurDefault);
        return ingress -> decide(ingress, classByName, namespaceByName, ourDefault);
    }

    /**
     * @param classes           IngressClass by name (null when it does not exist)
     * @param namespaces        Namespace by name (null when unknown); consulted only with a namespace selector
     * @param ourDefaultClass   whether one of our IngressClasses carries the default-class annotation
     */
    public Verdict decide(Ingress ingress, Function<String, IngressClass> classes, Function<String, Namespace> namespaces,
                          boolean ourDefaultClass) {
        String namespace = ingress.getMetadata().getNamespace();
        if (this.namespaces.isBlocked(namespace)) {
            return Verdict.NAMESPACE_BLOCKED;
        }
        if (!this.namespaces.isSelected(namespace, namespaces)) {
            return Verdict.NAMESPACE_NOT_SELECTED;
        }
        if (ingress.getMetadata().getDeletionTimestamp() != null) {
            return Verdict.BEING_DELETED;
        }
        String className = ingress.getSpec() == null ? null : ingress.getSpec().getIngressClassName();
        if (className != null && !className.isEmpty()) {
            IngressClass ingressClass = classes.apply(className);
            if (ingressClass == null) {
                return Verdict.CLASS_NOT_FOUND;
            }
            return isOurs(ingressClass) ? Verdict.OURS_BY_CLASS : Verdict.CLASS_OF_OTHER_CONTROLLER;
        }
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        String legacy = annotations == null ? null : annotations.get(LEGACY_CLASS_ANNOTATION);
        if (honourLegacyAnnotation && legacy != null) {
            return legacy.equals(ourClassName) ? Verdict.OURS_BY_LEGACY_ANNOTATION : Verdict.LEGACY_ANNOTATION_OF_OTHER_CLASS;
        }
        return ourDefaultClass ? Verdict.OURS_BY_DEFAULT_CLASS : Verdict.NO_CLASS_AND_NO_DEFAULT;
    }

    public static boolean isOurs(IngressClass ingressClass) {
        return ingressClass.getSpec() != null && CONTROLLER.equals(ingressClass.getSpec().getController());
    }

    /** One of our IngressClasses annotated {@code ingressclass.kubernetes.io/is-default-class: "true"}. */
    public static boolean isOurDefault(IngressClass ingressClass) {
        Map<String, String> annotations = ingressClass.getMetadata().getAnnotations();
        return isOurs(ingressClass) && annotations != null && "true".equals(annotations.get(DEFAULT_CLASS_ANNOTATION));
    }
}
