package gmplab.ui.p2p;

import gmplab.ui.GmpLabApp;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.view.AppOptions;
import gmplab.ui.view.MainWindow;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TestFX tests of the P2P pane: the main window with its dock, built as the app builds it,
 * shown at 1280×720, the learner's files and the P2P repo in a temporary folder.
 */
@ExtendWith(ApplicationExtension.class)
abstract class P2pWindowTest {
    MainWindow window;
    RunViewModel run;
    P2pDock dock;
    P2pViewModel vm;
    /** The real back end's repo (its API file), a temporary folder. */
    Path repo;

    /** Builds and shows the window; each test class calls it from its {@code @Start} (TestFX finds only declared ones). */
    void open(Stage stage) throws IOException {
        Path tmp = Files.createTempDirectory("gmplab-" + getClass().getSimpleName());
        repo = tmp.resolve("p2p");
        System.setProperty("gmplab.progress", tmp.resolve("progress.json").toString());
        System.setProperty("gmplab.recent", tmp.resolve("recent.txt").toString());
        System.setProperty("gmplab.p2p.repo", repo.toString());
        run = new RunViewModel(Runnable::run, Runnable::run);
        AppOptions o = new AppOptions("en", false, "light", 1, 1, null, -1, "spawn-order", AppOptions.findExamples());
        window = GmpLabApp.create(o, run);
        dock = P2pDock.of(window);
        vm = dock.viewModel();
        stage.setScene(new Scene(window.root(), 1280, 720));
        stage.show();
    }
}
