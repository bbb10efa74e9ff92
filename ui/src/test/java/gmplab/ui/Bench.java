package gmplab.ui;

import gmplab.cli.Workloads;
import gmplab.runtime.Recording;
import gmplab.runtime.SimConfig;
import gmplab.trace.EventKind;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.BoardModel;
import gmplab.ui.view.BoardCanvas;
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
 * goroutines, and seek time over a run of 1,000,000 events. Run headless:
 * <pre>
 * mvn -q -pl ui test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=gmplab.ui.Bench \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * </pre>
 */
public final class Bench {
    public static void main(String[] args) throws Exception {
        frames(args.length > 0 && args[0].equals("small") ? 10 : 10_000);
        if (args.length == 0) seeks();
        Platform.exit();
        System.exit(0);
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
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<String> out = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            BoardCanvas board = new BoardCanvas(new I18n(Locale.ENGLISH));
            Stage st = new Stage();
            st.setScene(new Scene(new StackPane(board), 1280, 720));
            st.show();
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
