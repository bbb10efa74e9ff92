package gmplab.ui;

import gmplab.cli.Workloads;
import gmplab.runtime.Recording;
import gmplab.runtime.SimConfig;
import gmplab.trace.EventKind;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.BoardModel;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.view.AppOptions;
import gmplab.ui.view.BoardCanvas;
import gmplab.ui.view.MainWindow;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The UI's two performance numbers: board frame time with 10,000 live
 * goroutines (the board alone, the whole window on a Go program, the move animation), and seek
 * time over a run of 1,000,000 events. Run headless:
 * <pre>
 * mvn -q -pl ui test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=gmplab.ui.Bench \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * </pre>
 * Arguments: none (everything), {@code small} (10 goroutines, no seeks), {@code window} (the
 * whole-window measures only).
 */
public final class Bench {
    public static void main(String[] args) throws Exception {
        boolean small = args.length > 0 && args[0].equals("small");
        boolean windowOnly = args.length > 0 && args[0].equals("window");
        if (windowOnly) startFx();
        else frames(small ? 10 : 10_000);
        window(small ? 10 : 10_000);
        if (args.length == 0) seeks();
        Platform.exit();
        System.exit(0);
    }

    /** Starts the FX toolkit for the measures that follow (each opens its own stage). */
    static void startFx() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
    }

    /** {@code root} on a 1280×720 stage, shown. */
    static Stage show(javafx.scene.Parent root) {
        Stage st = new Stage();
        st.setScene(new Scene(root, 1280, 720));
        st.show();
        return st;
    }

    static void frames(int goroutines) throws Exception {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(4);
        Recording r = Recording.record(cfg, () -> Workloads.blocking(goroutines, 20_000_000L, Workloads.Kind.SLEEP));
        int at = 0;
        for (int i = 0; i < r.size(); i++) if (r.events().get(i).kind() == EventKind.NEWPROC) at = i;
        long t0 = System.nanoTime();
        var snap = r.snapshotAt(at + 1);
        System.out.printf(Locale.ROOT, "10k goroutines: run of %d events; seek to event %d took %.1f ms%n",
                r.size(), at + 1, (System.nanoTime() - t0) / 1e6);
        BoardModel model = BoardModel.of(snap);
        System.out.printf(Locale.ROOT, "live goroutines on the board: %d%n", model.liveGs());
        startFx();
        AtomicReference<String> out = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            BoardCanvas board = new BoardCanvas(new I18n(Locale.ENGLISH));
            Stage st = show(new StackPane(board));
            int n = 100;
            double[] draw = new double[n];
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                board.setModel(BoardModel.of(snap));    // per frame: derive the board from the snapshot and draw it
                draw[i] = (System.nanoTime() - a) / 1e6;
            }
            // then real frames: redraw on every pulse for 3 s and count the pulses that were rendered
            long[] frames = {0, 0};
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (frames[1] == 0) frames[1] = now;
                    board.setModel(BoardModel.of(snap));
                    frames[0]++;
                    if (now - frames[1] > 3_000_000_000L) {
                        stop();
                        double secs = (now - frames[1]) / 1e9;
                        out.set(String.format(Locale.ROOT,
                                "board 1280x720 with %d live Gs: model+draw median %.2f ms p95 %.2f ms; "
                                        + "redrawing on every pulse: %.1f frames/s (%.1f ms per frame; the pulse cap is 60)",
                                model.liveGs(), pct(draw, 50), pct(draw, 95), (frames[0] - 1) / secs, 1000 * secs / (frames[0] - 1)));
                        st.close();
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await();
        System.out.println(out.get());
    }

    /** A Go program with {@code n} goroutines that all sleep in the same line (one marker line in the code pane). */
    static String goProgram(int n) {
        return "package main\n\nimport (\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n"
                + "\tfor i := 0; i < " + n + "; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n"
                + "\t\t\ttime.Sleep(20 * time.Millisecond)\n\t\t}()\n\t}\n\twg.Wait()\n}\n";
    }

    /**
     * The whole main window (board, code pane with its goroutine markers, log, timeline) on a
     * Go program with {@code n} live goroutines: the time of one step (seek, board model and draw,
     * markers, log) on the FX thread, the frames of a step's move animation, and frames/s while playing.
     */
    static void window(int n) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gmplab-bench");
        java.nio.file.Path file = dir.resolve("main.go");
        java.nio.file.Files.writeString(file, goProgram(n));
        AtomicReference<String> out = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
          try {
            RunViewModel vm = new RunViewModel(Runnable::run, Runnable::run);
            vm.setConfig(vm.configProperty().get().withGomaxprocs(4));
            AppOptions o = new AppOptions("en", false, "light", 4, 1, null, -1, "spawn-order", null);
            MainWindow w = new MainWindow(vm, new I18n(Locale.ENGLISH), o);
            Stage st = show(w.root());
            long t0 = System.nanoTime();
            w.openFile(file);
            double load = (System.nanoTime() - t0) / 1e6;
            Recording r = vm.recording();
            int at = 0;
            for (int i = 0; i < r.size(); i++) if (r.events().get(i).kind() == EventKind.NEWPROC) at = i;
            int start = at + 1;
            vm.seek(start);
            int live = vm.boardProperty().get().liveGs();
            int steps = 40;
            double[] step = new double[steps];
            for (int i = 0; i < steps; i++) {
                long a = System.nanoTime();
                vm.stepForward();
                step[i] = (System.nanoTime() - a) / 1e6;
            }
            int markerLines = w.codeMarkerLines();
            // animation frames and playing: count the pulses for 3 s each
            long[] f = {0, 0, 0};
            vm.seek(start);
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (f[1] == 0) {
                        f[1] = now;
                        vm.speedProperty().set(RunViewModel.SPEEDS.length - 1);
                        vm.togglePlay();
                    }
                    f[0]++;
                    if (now - f[1] > 3_000_000_000L || !vm.playingProperty().get()) {
                        stop();
                        double secs = (now - f[1]) / 1e9;
                        if (vm.playingProperty().get()) vm.togglePlay();
                        out.set(String.format(Locale.ROOT, "main window 1280x720, Go program with %d live Gs (%d events, opened in %.0f ms; "
                                        + "markers on %d code lines): one step (seek + board + code markers + log) median %.2f ms p95 %.2f ms; "
                                        + "playing at %.0f ev/s: %.1f frames/s, %d events in %.1f s",
                                live, r.size(), load, markerLines, pct(step, 50), pct(step, 95), RunViewModel.SPEEDS[RunViewModel.SPEEDS.length - 1],
                                (f[0] - 1) / secs, vm.cursor() - start, secs));
                        st.close();
                        done.countDown();
                    }
                }
            }.start();
          } catch (RuntimeException e) {
            e.printStackTrace();
            out.set("main window: failed: " + e);
            done.countDown();
          }
        });
        done.await();
        System.out.println(out.get());
        animation(n);
    }

    /** Frames of the move animation on the 10,000-goroutine board: one step that moves a G, redrawn per pulse. */
    static void animation(int n) throws Exception {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(4);
        Recording r = Recording.record(cfg, () -> Workloads.blocking(n, 20_000_000L, Workloads.Kind.SLEEP));
        int at = 0;
        for (int i = 0; i < r.size(); i++) if (r.events().get(i).kind() == EventKind.NEWPROC) at = i;
        int from = at + 1;
        AtomicReference<String> out = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            BoardCanvas board = new BoardCanvas(new I18n(Locale.ENGLISH));
            Stage st = show(new StackPane(board));
            int k = from;
            board.setModel(BoardModel.of(r.snapshotAt(k)));
            while (k + 1 < r.size() && board.moving().isEmpty()) board.setModel(BoardModel.of(r.snapshotAt(++k)), true);
            int moved = board.moving().size();
            int ev = k;
            long[] f = {0, 0, 0};
            double[] draw = new double[400];
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (f[1] == 0) f[1] = now;
                    if (f[0] < draw.length) draw[(int) f[0]] = board.lastDrawNanos() / 1e6;
                    f[0]++;
                    if (board.moving().isEmpty()) {
                        stop();
                        double secs = (now - f[1]) / 1e9;
                        double[] d = Arrays.copyOf(draw, (int) Math.min(f[0], draw.length));
                        out.set(String.format(Locale.ROOT, "move animation on the %d-G board (event %d, %d G moving): %d frames in %.0f ms "
                                + "(%.1f frames/s), draw median %.2f ms", BoardModel.of(r.snapshotAt(ev)).liveGs(), ev, moved,
                                f[0], secs * 1000, f[0] / Math.max(1e-9, secs), pct(d, 50)));
                        st.close();
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await();
        System.out.println(out.get());
    }

    static void seeks() {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(4).withLimits(60_000_000_000L, 1_000_000);
        long t0 = System.nanoTime();
        Recording r = Recording.record(cfg, () -> Workloads.pingPong(1_000_000));
        System.out.printf(Locale.ROOT, "1M-event run (pingpong): %d events recorded in %.0f ms%n", r.size(), (System.nanoTime() - t0) / 1e6);
        Random rnd = new Random(1);
        int n = 30;
        double[] random = new double[n], step = new double[n], back = new double[n];
        for (int i = 0; i < n; i++) {
            int idx = rnd.nextInt(r.size() - 2) + 1;
            long a = System.nanoTime();
            r.snapshotAt(idx);
            long b = System.nanoTime();
            r.snapshotAt(idx + 1);
            long c = System.nanoTime();
            r.snapshotAt(idx);
            long d = System.nanoTime();
            random[i] = (b - a) / 1e6;
            step[i] = (c - b) / 1e6;
            back[i] = (d - c) / 1e6;
        }
        long a = System.nanoTime();
        r.snapshotAt(r.size() - 1);
        double toEnd = (System.nanoTime() - a) / 1e6;
        a = System.nanoTime();
        r.snapshotAt(0);
        double toStart = (System.nanoTime() - a) / 1e6;
        System.out.printf(Locale.ROOT, "seek to a random event (%d seeks): median %.1f ms p95 %.1f ms max %.1f ms; "
                        + "then step forward median %.3f ms, step back median %.3f ms; seek to start %.1f ms, to end %.1f ms%n",
                n, pct(random, 50), pct(random, 95), pct(random, 100), pct(step, 50), pct(back, 50), toStart, toEnd);
    }

    static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100 * s.length) - 1 < 0 ? 0 : (int) Math.ceil(p / 100 * s.length) - 1)];
    }
}
