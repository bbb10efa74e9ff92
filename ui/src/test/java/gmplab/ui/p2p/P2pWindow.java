package gmplab.ui.p2p;

import gmplab.ui.GmpLabApp;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.view.AppOptions;
import gmplab.ui.view.MainWindow;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The main window with its P2P dock, built as the app builds it, for TestFX tests. */
record P2pWindow(MainWindow window, RunViewModel run, P2pDock dock, P2pViewModel vm, Path repo) {

    /** Shows the window on {@code stage} at 1280×720, keeping the learner's files and the P2P repo in a temporary folder. */
    static P2pWindow open(Stage stage, String tmpPrefix) throws IOException {
        Path tmp = Files.createTempDirectory(tmpPrefix);
        System.setProperty("gmplab.progress", tmp.resolve("progress.json").toString());
        System.setProperty("gmplab.recent", tmp.resolve("recent.txt").toString());
        System.setProperty("gmplab.p2p.repo", tmp.resolve("p2p").toString());
        RunViewModel run = new RunViewModel(Runnable::run, Runnable::run);
        AppOptions o = new AppOptions("en", false, "light", 1, 1, null, -1, "spawn-order", AppOptions.findExamples());
        MainWindow window = GmpLabApp.create(o, run);
        P2pDock dock = P2pDock.of(window);
        stage.setScene(new Scene(window.root(), 1280, 720));
        stage.show();
        return new P2pWindow(window, run, dock, dock.viewModel(), tmp.resolve("p2p"));
    }
}
