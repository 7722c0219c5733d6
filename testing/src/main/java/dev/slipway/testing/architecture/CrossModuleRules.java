package dev.slipway.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules ARCHITECTURE.md states across modules: which packages may use which third-party library (each library
 * sits behind one port), what {@code common} may use, and no cycles between packages. Every rule applies to the
 * classes a module's test imports, so each module checks them against its own code.
 */
public final class CrossModuleRules {
    private CrossModuleRules() {
    }

    /** Every cross-module rule, in the order ARCHITECTURE.md lists them. */
    public static List<ArchRule> all() {
        // A module may have no class a rule is about (cli has nothing outside its picocli packages): that passes.
        return List.of(dockerJava(), vertx(), jgit(), jpaMapping(), hibernate(), picocli(), common(), noCycles())
                .stream().map(rule -> rule.allowEmptyShould(true)).toList();
    }

    /** docker-java only behind the worker's {@code ImageEngine} port. */
    static ArchRule dockerJava() {
        return noClasses().that().resideOutsideOfPackage("dev.slipway.worker.engine..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .because("only worker.engine (the ImageEngine adapter) talks to the Docker Engine");
    }

    /**
     * Vert.x only where a process runs an event loop: the worker daemon and the hub's HTTP layer (its API and the
     * console's routes).
     */
    static ArchRule vertx() {
        return noClasses().that().resideOutsideOfPackages(
                        "dev.slipway.worker.daemon..", "dev.slipway.worker.cli..", "dev.slipway.hub",
                        "dev.slipway.hub.http..", "dev.slipway.hub.console..")
                .should().dependOnClassesThat().resideInAPackage("io.vertx..")
                .because("only the worker daemon (started by worker.cli) and the hub's HTTP layer (deployed by"
                        + " the hub's root) run on Vert.x; everything else is plain blocking code");
    }

    /** JGit only behind the worker's {@code SourceFetcher} port. */
    static ArchRule jgit() {
        return noClasses().that().resideOutsideOfPackage("dev.slipway.worker.source..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..")
                .because("only worker.source (GitSourceFetcher) uses JGit; other git calls run the git program");
    }

    /** JPA mapping (entities, annotations) only in the hub's persistence package. */
    static ArchRule jpaMapping() {
        return noClasses().that().resideOutsideOfPackage("dev.slipway.hub.persistence..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "are JPA mapping types (jakarta.persistence.. except LockModeType)",
                        c -> c.getPackageName().startsWith("jakarta.persistence")
                                && !c.getName().equals("jakarta.persistence.LockModeType")))
                .because("entities stay in hub.persistence and are mapped to records at the service boundary;"
                        + " services may only ask for a row lock (LockModeType)");
    }

    /** Hibernate sessions only in the hub's persistence and its transactional service packages. */
    static ArchRule hibernate() {
        return noClasses().that().resideOutsideOfPackages(
                        "dev.slipway.hub", "dev.slipway.hub.persistence..", "dev.slipway.hub.admin..",
                        "dev.slipway.hub.auth..", "dev.slipway.hub.build..", "dev.slipway.hub.publication..",
                        "dev.slipway.hub.task..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..")
                .because("the hub's services run their queries in a Session that Database opens; the HTTP"
                        + " layer, configuration, metrics and every other module never see the database");
    }

    /** picocli only in the command-line packages. */
    static ArchRule picocli() {
        return noClasses().that().resideOutsideOfPackages("dev.slipway.cli..", "dev.slipway.worker.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("commands parse arguments and call the rest, which never sees picocli");
    }

    /** {@code common} is the vocabulary every process shares: the JDK and Jackson only. */
    static ArchRule common() {
        return classes().that().resideInAPackage("dev.slipway.common..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.slipway.common..", "java..", "javax.crypto..", "com.fasterxml.jackson..")
                .because("common is on every process's classpath and must not drag Vert.x, Hibernate,"
                        + " docker-java or JGit into the others");
    }

    /** No cycles between any two Slipway packages. */
    static ArchRule noCycles() {
        return slices().matching("dev.slipway.(**)").should().beFreeOfCycles();
    }
}
