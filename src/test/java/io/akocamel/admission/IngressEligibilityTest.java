package io.akocamel.admission;

import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.admission.IngressEligibility.Verdict;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/ingress-to-avi.md#which-ingresses-are-ours, row by row. */
class IngressEligibilityTest {
    static final Map<String, IngressClass> CLASSES = Map.of(
            "avi-lb", ingressClass("avi-lb", IngressEligibility.CONTROLLER),
            "nginx", ingressClass("nginx", "k8s.io/ingress-nginx"));

    @ParameterizedTest(name = "class={0} annotation={1} legacyHonoured={2} defaultClass={3} ns={4} -> {5}")
    @CsvSource(nullValues = "-", textBlock = """
            avi-lb,  -,      false, false, selected,   OURS_BY_CLASS
            nginx,   -,      false, true,  selected,   CLASS_OF_OTHER_CONTROLLER
            missing, -,      false, true,  selected,   CLASS_NOT_FOUND
            -,       -,      false, true,  selected,   OURS_BY_DEFAULT_CLASS
            -,       -,      false, false, selected,   NO_CLASS_AND_NO_DEFAULT
            -,       avi-lb, true,  false, selected,   OURS_BY_LEGACY_ANNOTATION
            -,       nginx,  true,  true,  selected,   LEGACY_ANNOTATION_OF_OTHER_CLASS
            -,       nginx,  false, true,  selected,   OURS_BY_DEFAULT_CLASS
            -,       avi-lb, false, false, selected,   NO_CLASS_AND_NO_DEFAULT
            nginx,   avi-lb, true,  true,  selected,   CLASS_OF_OTHER_CONTROLLER
            avi-lb,  -,      false, false, unselected, NAMESPACE_NOT_SELECTED
            avi-lb,  -,      false, false, unknown,    NAMESPACE_NOT_SELECTED
            avi-lb,  -,      false, false, blocked,    NAMESPACE_BLOCKED
            """)
    void verdict(String className, String legacyAnnotation, boolean honourLegacy, boolean ourDefaultClass, String namespace, Verdict expected) {
        IngressEligibility eligibility = new IngressEligibility(settings(honourLegacy));
        Ingress ingress = new IngressBuilder().withNewMetadata().withNamespace(namespace).withName("web")
                .withAnnotations(legacyAnnotation == null ? Map.of() : Map.of(IngressEligibility.LEGACY_CLASS_ANNOTATION, legacyAnnotation))
                .endMetadata().withNewSpec().withIngressClassName(className).endSpec().build();
        Map<String, Namespace> namespaces = Map.of(
                "selected", namespace("selected", Map.of("ako", "yes")),
                "unselected", namespace("unselected", Map.of("ako", "no")),
                "blocked", namespace("blocked", Map.of("ako", "yes")));

        assertThat(eligibility.decide(ingress, CLASSES::get, namespaces::get, ourDefaultClass)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "controller={0} annotation={1} -> default of ours: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            ako.vmware.com/avi-lb, true,  true
            ako.vmware.com/avi-lb, false, false
            ako.vmware.com/avi-lb, -,     false
            k8s.io/ingress-nginx,  true,  false
            """)
    void ourDefaultClassNeedsOurControllerAndTheAnnotation(String controller, String annotation, boolean expected) {
        IngressClass ingressClass = new IngressClassBuilder().withNewMetadata().withName("c")
                .withAnnotations(annotation == null ? Map.of() : Map.of(IngressEligibility.DEFAULT_CLASS_ANNOTATION, annotation))
                .endMetadata().withNewSpec().withController(controller).endSpec().build();
        assertThat(IngressEligibility.isOurDefault(ingressClass)).isEqualTo(expected);
    }

    private static Settings settings(boolean honourLegacy) {
        return SettingsLoader.defaults().values("""
                AKOSettings:
                  namespaceSelector: {labelKey: ako, labelValue: "yes"}
                  blockedNamespaceList: [blocked]
                NetworkSettings:
                  vipNetworkList: [{networkName: vip-net}]
                akoCamel:
                  honourLegacyIngressClassAnnotation: %s
                """.formatted(honourLegacy)).load();
    }

    private static IngressClass ingressClass(String name, String controller) {
        return new IngressClassBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withController(controller).endSpec().build();
    }

    private static Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
    }
}
