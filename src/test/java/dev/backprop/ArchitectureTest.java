package dev.backprop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The architecture, executable: the engine is a plain Java library, and packages have no cycles. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.backprop");

    @Test
    void engineDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("dev.backprop.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "jdk.incubator.vector..", "dev.backprop.engine..")
                .because("the engine is a plain Java library on the JDK alone (its Vector API included): no Spring, no web "
                        + "layer, no logging")
                .check(CLASSES);
    }

    @Test
    void engineDoesNotKnowTheLayersAboveIt() {
        noClasses().that().resideInAPackage("dev.backprop.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.backprop.web..", "dev.backprop.session..",
                        "dev.backprop.training..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.backprop.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
