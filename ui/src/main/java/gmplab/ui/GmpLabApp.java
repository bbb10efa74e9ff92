package gmplab.ui;

import gmplab.runtime.SimConfig;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.model.WorkloadSource;
import gmplab.cli.Workloads;
import gmplab.ui.view.AppOptions;
import gmplab.ui.view.MainWindow;
import gmplab.ui.view.Png;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JavaFX application: one main window on one program. Started by {@link UiCommand}. */
public final class GmpLabApp extends Application {
    static volatile AppOptions options = AppOptions.defaults();
    static volatile int exitCode;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gmplab-sim");
        t.setDaemon(true);
        return t;
    });

    /** Builds the window (used by the app and the tests). */
    public static MainWindow create(AppOptions o, RunViewModel vm) {
        I18n i18n = new I18n(I18n.parse(o.lang()));
        vm.setConfig(vm.configProperty().get().withGomaxprocs(o.gomaxprocs()).withSeed(o.seed()));
        MainWindow w = new MainWindow(vm, i18n, o);
        gmplab.ui.lessons.view.LessonDock.attach(w, vm, i18n);
        gmplab.ui.p2p.P2pDock.attach(w, vm, i18n);
        vm.load(program(o, vm.configProperty().get()));
        return w;
    }

    /**
     * The program to open: a {@code .go} file (relative paths from the repo root), or a built-in
     * workload by name; a Go file that does not compile falls back to the spawn-order workload.
     */
    static gmplab.ui.model.ProgramSource program(AppOptions o, SimConfig cfg) {
        if (o.program().endsWith(".go")) {
            java.nio.file.Path p = java.nio.file.Path.of(o.program());
            if (!p.isAbsolute() && o.examplesDir() != null) p = o.examplesDir().getParent().resolve(p);
            try {
                var src = new gmplab.ui.model.GoFileSource(p, java.nio.file.Files.readString(p));
                if (src.compile(src.text(), cfg).ok()) return src;
            } catch (java.io.IOException | RuntimeException ignored) {
                // fall back to the built-in workload
            }
        }
        Workloads.Workload wl = Workloads.all().getOrDefault(o.program(), Workloads.all().get("spawn-order"));
        return WorkloadSource.of(wl, o.examplesDir());
    }

    @Override
    public void start(Stage stage) {
        AppOptions o = options;
        RunViewModel vm = new RunViewModel(background, Platform::runLater);
        MainWindow w = create(o, vm);
        Scene scene = new Scene(w.root(), 1280, 720);
        stage.setScene(scene);
        stage.setTitle("GMP Lab");
        stage.show();
        boolean lesson = gmplab.ui.lessons.view.LessonDock.of(w)
                .startWith(System.getProperty("gmplab.ui.lesson"), scene, o.snapshot(), Platform::exit);
        lesson |= gmplab.ui.p2p.P2pDock.of(w).startWith(System.getProperty("gmplab.ui.p2p"), scene, o.snapshot(), Platform::exit);
        if (o.snapshot() != null && !lesson) {
            vm.recordingProperty().addListener((obs, a, r) -> Platform.runLater(() -> {
                vm.seek(o.event() >= 0 ? o.event() : interestingEvent(r));
                PauseTransition pause = new PauseTransition(Duration.millis(400));
                pause.setOnFinished(e -> {
                    try {
                        Png.write(scene.snapshot(null), o.snapshot());
                        System.out.println("wrote " + o.snapshot().toAbsolutePath());
                    } catch (Exception ex) {
                        ex.printStackTrace();
                        exitCode = 1;
                    }
                    Platform.exit();
                });
                pause.play();
            }));
        }
    }

    /** For screenshots: just after the last goroutine is created (queues are fullest), else 40% into the run. */
    static int interestingEvent(gmplab.runtime.Recording r) {
        int last = -1;
        for (int i = 0; i < r.size(); i++) {
            var e = r.events().get(i);
            if (e.kind() == gmplab.trace.EventKind.NEWPROC && e.g() != 1 && e.argLong(0) > 1) last = i;
        }
        return last > 0 ? Math.min(r.size() - 1, last + 1) : (int) (r.size() * 0.4);
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }

}
