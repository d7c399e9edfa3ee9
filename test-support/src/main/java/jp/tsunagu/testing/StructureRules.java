package jp.tsunagu.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every module keeps, checked over its compiled main classes (tests excluded): no package imports a
 * package that imports it back, and no method or constructor takes more than five parameters (a sixth is where two
 * strings get swapped without the compiler noticing: such a call takes a record instead). Records are exempt, since
 * their components are named at every use through their accessors; so is code the compiler or Quarkus generates.
 * A module's test calls {@link #check(String)} with its root package.
 */
public final class StructureRules {

    /** The most parameters a method or constructor outside a record takes. */
    public static final int MAX_PARAMETERS = 5;

    private StructureRules() {
    }

    /** The module's main classes under the given package (e.g. {@code jp.tsunagu.intake}). */
    public static JavaClasses classes(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_ARCHIVES)
                .importPackages(rootPackage);
    }

    /** Every package under the root is a slice of its own; none may depend on another that depends back on it. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(parent(rootPackage) + ".(**)").namingSlices("package $1")
                .should().beFreeOfCycles()
                .because("a package of a service never imports a package that imports it back");
    }

    /** No method or constructor with more than {@value #MAX_PARAMETERS} parameters outside records. */
    public static ArchRule atMostFiveParameters() {
        return codeUnits().that(DescribedPredicate.describe("are written by hand outside records",
                        StructureRules::handWritten))
                .should(new ArchCondition<>("take at most " + MAX_PARAMETERS + " parameters") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        int count = parameters(unit);
                        events.add(new SimpleConditionEvent(unit, count <= MAX_PARAMETERS,
                                unit.getFullName() + " takes " + count + " parameters in "
                                        + unit.getSourceCodeLocation()));
                    }
                })
                .because("a call with more than five positional values compiles when two are swapped: "
                        + "pass a record (a query, a command) instead")
                .allowEmptyShould(true);
    }

    /** Both rules over the module's classes under the root package; fails with every offender. */
    public static void check(String rootPackage) {
        check(rootPackage, classes(rootPackage));
    }

    /**
     * Both rules over a module this one depends on, read from its jar: the contract's classes, checked by
     * test-support's own test since the contract cannot depend on test-support (test-support depends on it).
     */
    public static void checkDependency(String rootPackage) {
        check(rootPackage, new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage));
    }

    private static void check(String rootPackage, JavaClasses classes) {
        noPackageCycles(rootPackage).allowEmptyShould(true).check(classes);
        atMostFiveParameters().check(classes);
    }

    private static String parent(String rootPackage) {
        int dot = rootPackage.lastIndexOf('.');
        return dot < 0 ? rootPackage : rootPackage.substring(0, dot);
    }

    private static boolean handWritten(JavaCodeUnit unit) {
        JavaClass owner = unit.getOwner();
        if (unit.getModifiers().contains(JavaModifier.SYNTHETIC) || unit.getModifiers().contains(JavaModifier.BRIDGE)) {
            return false; // lambdas' bodies, bridges: the compiler's
        }
        if (owner.isRecord() || owner.isAnonymousClass() || owner.isLocalClass() || generated(owner)) {
            return false;
        }
        return !(unit instanceof JavaConstructor && injected(owner));
    }

    /**
     * A bean's constructor: the container fills it by type (constructor injection), no caller lists its values, so
     * nothing can be swapped there. A bean with many collaborators is a question of its size, not of this rule.
     */
    private static boolean injected(JavaClass type) {
        return BEAN_ANNOTATIONS.stream().anyMatch(type::isAnnotatedWith)
                || type.getConstructors().stream().anyMatch(c -> c.isAnnotatedWith("jakarta.inject.Inject"));
    }

    private static final java.util.List<String> BEAN_ANNOTATIONS = java.util.List.of(
            "jakarta.enterprise.context.ApplicationScoped", "jakarta.enterprise.context.RequestScoped",
            "jakarta.enterprise.context.Dependent", "jakarta.inject.Singleton", "jakarta.ws.rs.Path",
            "jakarta.ws.rs.ext.Provider", "io.quarkus.runtime.Startup");

    /** Classes Quarkus or an annotation processor writes (beans' subclasses, client proxies, …). */
    private static boolean generated(JavaClass type) {
        String name = type.getSimpleName();
        return name.contains("_Subclass") || name.contains("_ClientProxy") || name.contains("_Bean")
                || name.contains("$$") || type.isAnnotatedWith("javax.annotation.processing.Generated")
                || type.isAnnotatedWith("jakarta.annotation.Generated");
    }

    /** The parameters as written: an inner class's constructor also receives its outer instance, not counted. */
    private static int parameters(JavaCodeUnit unit) {
        int count = unit.getRawParameterTypes().size();
        if (unit instanceof JavaConstructor && unit.getOwner().isInnerClass()) {
            count--;
        }
        return count;
    }
}
