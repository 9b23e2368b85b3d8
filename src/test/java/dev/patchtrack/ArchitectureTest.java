package dev.patchtrack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.patchtrack.ingest.Fatal;
import dev.patchtrack.store.ReadOnly;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import rules of DESIGN.md: config <- everyone; core <- store <- ingest; core + store <- service;
 * core + store + service <- api, which reaches ingest only through its services; and api <- web: the
 * pages show what the API's resources answer. Services own transactions: the API and the web pages
 * own none, and read through {@link dev.patchtrack.service.Reads}.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.patchtrack");
    }

    @Test
    void coreImportsOnlyTheJdkMailJsoupJgitAndItself() {
        classes().that().resideInAPackage("dev.patchtrack.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.annotation..", "javax.xml..", "javax.crypto..", "jakarta.mail..", "jakarta.activation..", "org.eclipse.angus..",
                        "org.jsoup..", "org.eclipse.jgit..", "dev.patchtrack.core..")
                .because("the core is pure: no Quarkus, CDI, JPA or HTTP")
                .check(classes);
    }

    @Test
    void configImportsNoOtherLayer() {
        noClasses().that().resideInAPackage("dev.patchtrack.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchtrack.core..", "dev.patchtrack.store..",
                        "dev.patchtrack.ingest..", "dev.patchtrack.service..", "dev.patchtrack.api..")
                .check(classes);
    }

    @Test
    void storeDoesNotKnowIngestOrApi() {
        noClasses().that().resideInAPackage("dev.patchtrack.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchtrack.ingest..", "dev.patchtrack.service..",
                        "dev.patchtrack.api..")
                .check(classes);
    }

    @Test
    void ingestDoesNotKnowApi() {
        noClasses().that().resideInAPackage("dev.patchtrack.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchtrack.service..", "dev.patchtrack.api..")
                .check(classes);
    }

    @Test
    void servicesKnowOnlyTheStoreAndTheCore() {
        noClasses().that().resideInAPackage("dev.patchtrack.service..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchtrack.ingest..", "dev.patchtrack.api..",
                        "dev.patchtrack.web..")
                .because("the API's services that need only the store; those that need the pipeline live in ingest")
                .check(classes);
    }

    @Test
    void resourcesAndPagesOwnNoTransaction() {
        noClasses().that().resideInAnyPackage("dev.patchtrack.api..", "dev.patchtrack.web..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.transaction..")
                .orShould().dependOnClassesThat().belongToAnyOf(QuarkusTransaction.class, ReadOnly.class)
                .because("a use case's transaction is its service's: resources parse parameters, call a service and map"
                        + " its answer; a read runs in dev.patchtrack.service.Reads")
                .check(classes);
    }

    /**
     * ingest's classes the API may use: its services ({@code *Service}, with their nested types), and
     * what they return or throw (records, enums, exceptions). One documented exception: {@link Fatal},
     * the process's out-of-memory policy, which the error mapping applies as the workers do.
     */
    private static final DescribedPredicate<JavaClass> INGEST_BEHIND_ITS_SERVICES =
            new DescribedPredicate<>("are in ingest but neither its *Service classes nor the records, enums and"
                    + " exceptions they return or throw") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getPackageName().startsWith("dev.patchtrack.ingest") && !service(c) && !c.isRecord()
                            && !c.isEnum() && !c.isAssignableTo(RuntimeException.class) && !c.isEquivalentTo(Fatal.class);
                }
            };

    private static boolean service(JavaClass c) {
        return c.getSimpleName().endsWith("Service") || c.getEnclosingClass().map(ArchitectureTest::service).orElse(false);
    }

    @Test
    void apiReachesIngestOnlyThroughItsServices() {
        noClasses().that().resideInAPackage("dev.patchtrack.api..")
                .should().dependOnClassesThat(INGEST_BEHIND_ITS_SERVICES)
                .because("each use case that changes data (import, override, check, source management, tree scan,"
                        + " reclassify) is one service call that owns its transactions")
                .check(classes);
    }

    @Test
    void onlyStoreKnowsJpa() {
        noClasses().that().resideOutsideOfPackage("dev.patchtrack.store..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .because("the store is the only package that knows JPA or SQL")
                .check(classes);
    }

    @Test
    void projectionsAreReadThroughNamedRowMappers() {
        noClasses().that().resideInAPackage("dev.patchtrack.store..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.hibernate.query.NativeQuery")
                .because("the store reads projections through Jdbc.list and a RowMapper that reads columns by name,"
                        + " or through a JPQL constructor expression into a record")
                .check(classes);
    }

    @Test
    void apiRecordsDoNotCarryEntities() {
        noClasses().that().resideInAPackage("dev.patchtrack.api.dto..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchtrack.store..", "dev.patchtrack.ingest..")
                .because("entities never leave the store through the API")
                .check(classes);
    }

    @Test
    void webShowsWhatTheApiAnswers() {
        noClasses().that().resideInAPackage("dev.patchtrack.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchtrack.store..", "dev.patchtrack.ingest..")
                .because("a page calls the resources and services of the API and shows their records, never entities")
                .check(classes);
    }

    @Test
    void nothingBelowTheWebKnowsIt() {
        noClasses().that().resideOutsideOfPackage("dev.patchtrack.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.patchtrack.web..")
                .check(classes);
    }
}
