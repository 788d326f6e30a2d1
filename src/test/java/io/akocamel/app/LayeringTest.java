package io.akocamel.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of the production code (docs/architecture.md "Packages"). */
@AnalyzeClasses(packages = "io.akocamel", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule theModelIsPure = noClasses().that().resideInAPackage("io.akocamel.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.fabric8.kubernetes.client..",
                    "org.apache.hc..", "java.net.http..", "io.vertx..")
            .because("the model is computed from plain data: no Camel, no HTTP, no Kubernetes client");

    @ArchTest
    static final ArchRule admissionIsDecidedInPureCode = noClasses().that().resideInAPackage("io.akocamel.admission..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.fabric8.kubernetes.client..",
                    "org.apache.hc..", "java.net.http..", "io.vertx..", "io.akocamel.kube..", "io.akocamel.model..",
                    "io.akocamel.avi..", "io.akocamel.reconcile..")
            .because("the live cluster view and the offline snapshot both ask it, so it can depend on neither");

    @ArchTest
    static final ArchRule customResourcesAreReadInPureCode = noClasses().that().resideInAPackage("io.akocamel.crd..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.fabric8.kubernetes.client..",
                    "org.apache.hc..", "java.net.http..", "io.vertx..", "io.akocamel.kube..", "io.akocamel.model..",
                    "io.akocamel.avi..", "io.akocamel.reconcile..", "io.akocamel.config..", "io.akocamel.admission..")
            .because("the live cluster view, the ingestion and the model all read them");

    @ArchTest
    static final ArchRule onlyTheCommandLineStartsTheSimulator = noClasses().that().resideOutsideOfPackages("io.akocamel.cli..", "io.akocamel.simulator..")
            .should().dependOnClassesThat().resideInAPackage("io.akocamel.simulator..")
            .because("the simulator is a stand-in for the Avi Controller, started by the demo and the simulator command only");

    @ArchTest
    static final ArchRule theSimulatorKnowsNothingOfTheController = noClasses().that().resideInAPackage("io.akocamel.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("io.akocamel.app..", "io.akocamel.avi..", "io.akocamel.cli..",
                    "io.akocamel.config..", "io.akocamel.kube..", "io.akocamel.model..", "io.akocamel.ops..", "io.akocamel.preflight..",
                    "io.akocamel.reconcile..")
            .because("it answers as a controller does, whatever the controller under test believes");

    @ArchTest
    static final ArchRule onlyTheCompositionRootAndTheCommandsUseIt = noClasses().that()
            .resideOutsideOfPackages("io.akocamel.app..", "io.akocamel.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.akocamel.app..")
            .because("domain classes get their collaborators through their constructors");

    @ArchTest
    static final ArchRule theEmbeddedApiKnowsNothingOfTheController = noClasses().that().resideInAPackage("io.akocamel.kubeapi..")
            .should().dependOnClassesThat().resideInAnyPackage("io.akocamel.admission..", "io.akocamel.app..", "io.akocamel.avi..",
                    "io.akocamel.cli..", "io.akocamel.config..", "io.akocamel.kube..", "io.akocamel.model..", "io.akocamel.ops..",
                    "io.akocamel.preflight..", "io.akocamel.reconcile..", "io.akocamel.simulator..")
            .because("it answers kubectl as an API server does, for the demo and the embedded cluster alike");

    @ArchTest
    static final ArchRule utilitiesKnowNothingOfTheProject = classes().that().resideInAPackage("io.akocamel.util..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.akocamel.util..", "java..")
            .because("the controller and the simulator share them");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.akocamel.(*)..").should().beFreeOfCycles();
}
