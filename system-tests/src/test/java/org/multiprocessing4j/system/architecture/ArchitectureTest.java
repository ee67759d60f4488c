package org.multiprocessing4j.system.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules over every module's compiled main classes: the CLI and the dashboard on
 * the public API only, no internal type reachable from the API, no package cycles, common at the bottom.
 * {@link ArchitectureRulesBiteTest} shows each rule failing on a fixture that breaks it.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.multiprocessing4j");
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String type : List.of("org.multiprocessing4j.task.TaskDef", "org.multiprocessing4j.worker.Worker",
                "org.multiprocessing4j.Multiprocessing", "org.multiprocessing4j.cli.ProducerMain",
                "org.multiprocessing4j.dashboard.DashboardMain")) {
            assertTrue(production.contain(type), type + " was not imported: the rules would check nothing");
        }
    }

    @Test
    void theCliImportsNoInternalPackage() {
        ArchitectureRules.cliUsesNoInternals("org.multiprocessing4j.cli..").check(production);
    }

    @Test
    void theDashboardImportsNoInternalPackage() {
        ArchitectureRules.cliUsesNoInternals("org.multiprocessing4j.dashboard..").check(production);
    }

    @Test
    void noPublicSignatureOfTheApiNamesAnInternalType() {
        ArchitectureRules.apiExposesNoInternals("org.multiprocessing4j..").check(production);
    }

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        ArchitectureRules.noPackageCycles("org.(**)").check(production);
    }

    @Test
    void commonDependsOnNothingAboveIt() {
        ArchitectureRules.bottomDependsOnNothingAbove(ArchitectureRules.fromModule("common"),
                "org.multiprocessing4j", "org.multiprocessing4j.internal.client..", "org.multiprocessing4j.worker..",
                "org.multiprocessing4j.cli..", "org.multiprocessing4j.dashboard..").check(production);
    }
}
