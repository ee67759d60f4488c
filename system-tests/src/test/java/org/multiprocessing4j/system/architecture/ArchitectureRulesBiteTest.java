package org.multiprocessing4j.system.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule, checked against fixtures that break it (org.multiprocessing4j.archfixture),
 * fails and names the offence: the rules in {@link ArchitectureTest} are not vacuous.
 */
class ArchitectureRulesBiteTest {
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages("org.multiprocessing4j.archfixture");
    }

    @Test
    void aCliClassUsingAnInternalIsCaught() {
        assertViolation(() -> ArchitectureRules.cliUsesNoInternals("..archfixture.cli..").check(fixtures),
                "CommandUsingAnInternal");
    }

    @Test
    void anApiMethodReturningAnInternalTypeIsCaught() {
        assertViolation(() -> ArchitectureRules.apiExposesNoInternals("..archfixture.api..").check(fixtures),
                "core() returns org.multiprocessing4j.internal.client.ClientCore");
    }

    @Test
    void twoPackagesUsingEachOtherAreCaught() {
        assertViolation(() -> ArchitectureRules.noPackageCycles("org.multiprocessing4j.archfixture.(*)").check(fixtures),
                "Cycle detected");
    }

    @Test
    void theBottomReachingUpIsCaught() {
        DescribedPredicate<JavaClass> bottom = DescribedPredicate.describe("fixture bottom",
                c -> c.getPackageName().endsWith("archfixture.common"));
        assertViolation(() -> ArchitectureRules.bottomDependsOnNothingAbove(bottom, "org.multiprocessing4j")
                .check(fixtures), "BottomReachingUp");
    }

    private static void assertViolation(Runnable check, String expected) {
        AssertionError failure = assertThrows(AssertionError.class, check::run);
        assertTrue(failure.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + failure.getMessage());
        System.out.println("rule caught it: " + failure.getMessage().lines().skip(1).findFirst().orElse(""));
    }
}
