package org.multiprocessing4j.system.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The house rules, as ArchUnit rules over compiled classes. Each takes the packages it speaks of,
 * so the same rule is checked against the project and, to show it bites, against fixtures that
 * break it.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /**
     * The CLI (and the dashboard, checked by the same rule) is written on what a library user can use:
     * if it needs an internal, the API lacks something.
     */
    static ArchRule cliUsesNoInternals(String cliPackage) {
        return noClasses().that().resideInAPackage(cliPackage)
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .because("the CLI and the dashboard use only the public API (STYLE.md: the CLI uses only what a library user can use)");
    }

    /** A public type outside internal packages names no internal type in a public or protected signature. */
    static ArchRule apiExposesNoInternals(String apiPackages) {
        return classes().that().resideInAPackage(apiPackages).and().resideOutsideOfPackage("..internal..")
                .and().arePublic()
                .should(exposeNoInternalTypes())
                .because("internal types carry no compatibility promise and must not be reachable from the API");
    }

    /** No two packages depend on each other, directly or around a circle. */
    static ArchRule noPackageCycles(String rootPattern) {
        return slices().matching(rootPattern).should().beFreeOfCycles();
    }

    /** The shared bottom of the house depends on nothing built on top of it. */
    static ArchRule bottomDependsOnNothingAbove(DescribedPredicate<JavaClass> bottom, String... abovePackages) {
        return noClasses().that(bottom).should().dependOnClassesThat().resideInAnyPackage(abovePackages)
                .because("common is at the bottom: worker and producer build on it, never the other way");
    }

    /** Classes compiled from one module of this build (its target/classes, or its jar). */
    static DescribedPredicate<JavaClass> fromModule(String module) {
        return DescribedPredicate.describe("are compiled from module " + module, c -> c.getSource()
                .map(source -> {
                    String uri = source.getUri().toString();
                    return uri.contains("/" + module + "/target/classes/") || uri.contains("multiprocessing4j-" + module + "-");
                }).orElse(false));
    }

    private static ArchCondition<JavaClass> exposeNoInternalTypes() {
        return new ArchCondition<>("expose no type of an internal package in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<String> leaks = new ArrayList<>();
                type.getRawSuperclass().filter(ArchitectureRules::internal)
                        .ifPresent(s -> leaks.add("extends " + s.getName()));
                type.getRawInterfaces().stream().filter(ArchitectureRules::internal)
                        .forEach(i -> leaks.add("implements " + i.getName()));
                for (JavaMember member : type.getMembers()) {
                    if (!visible(member)) {
                        continue;
                    }
                    if (member instanceof JavaField field && internal(field.getRawType())) {
                        leaks.add("field " + field.getName() + " of type " + field.getRawType().getName());
                    }
                    if (member instanceof JavaCodeUnit code) {
                        if (internal(code.getRawReturnType())) {
                            leaks.add(code.getName() + "() returns " + code.getRawReturnType().getName());
                        }
                        code.getRawParameterTypes().stream().filter(ArchitectureRules::internal)
                                .forEach(p -> leaks.add(code.getFullName() + " takes " + p.getName()));
                    }
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " " + leak));
                }
            }
        };
    }

    private static boolean visible(JavaMember member) {
        return member.getModifiers().contains(JavaModifier.PUBLIC) || member.getModifiers().contains(JavaModifier.PROTECTED);
    }

    private static boolean internal(JavaClass type) {
        return type.getPackageName().contains(".internal");
    }
}
