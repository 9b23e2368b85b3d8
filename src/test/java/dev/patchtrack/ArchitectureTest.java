package dev.patchtrack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import rules of DESIGN.md: config <- everyone; core <- store <- ingest; core + store <- api; and
 * api <- web: the pages show what the API's resources answer.
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
                        "dev.patchtrack.ingest..", "dev.patchtrack.api..")
                .check(classes);
    }

    @Test
    void storeDoesNotKnowIngestOrApi() {
        noClasses().that().resideInAPackage("dev.patchtrack.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchtrack.ingest..", "dev.patchtrack.api..")
                .check(classes);
    }

    @Test
    void ingestDoesNotKnowApi() {
        noClasses().that().resideInAPackage("dev.patchtrack.ingest..")
                .should().dependOnClassesThat().resideInAPackage("dev.patchtrack.api..")
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
