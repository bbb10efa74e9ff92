package gmplab.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * DESIGN.md's module boundaries: dependencies point one way, ui → lessons, p2pdemo → simulator;
 * the simulator knows nothing of JavaFX or sockets; lessons know nothing of JavaFX; nothing depends on ui.
 */
class ModuleBoundariesTest {
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("gmplab");

    private static final String[] SIMULATOR = {"gmplab.runtime..", "gmplab.trace..", "gmplab.golang..", "gmplab.cli.."};

    @Test
    void simulatorTouchesNoJavaFxNoSocketsNoNetty() {
        noClasses().that().resideInAnyPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.netty..", "java.net..", "java.nio.channels..")
                .check(ALL);
    }

    @Test
    void simulatorDependsOnNoOtherModule() {
        noClasses().that().resideInAnyPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAnyPackage("gmplab.ui..", "gmplab.app..", "gmplab.lessons..", "gmplab.p2p..")
                .check(ALL);
    }

    @Test
    void lessonsKnowNothingOfJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("gmplab.lessons..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "gmplab.ui..", "gmplab.app..", "gmplab.p2p..")
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void p2pdemoKnowsNothingOfJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("gmplab.p2p..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "gmplab.ui..", "gmplab.app..", "gmplab.lessons..")
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void nothingOutsideTheUiDependsOnIt() {
        noClasses().that().resideOutsideOfPackages("gmplab.ui..", "gmplab.app..")
                .should().dependOnClassesThat().resideInAnyPackage("gmplab.ui..", "gmplab.app..")
                .check(ALL);
    }
}
