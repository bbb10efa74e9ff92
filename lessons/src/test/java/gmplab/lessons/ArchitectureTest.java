package gmplab.lessons;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Lessons know nothing of JavaFX (or of the UI and P2P modules). */
class ArchitectureTest {
    @Test
    void lessonsDoNotDependOnJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("gmplab.lessons..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "gmplab.ui..", "gmplab.app..", "gmplab.p2p..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPath(java.nio.file.Path.of("target/classes")));
    }
}
