package gmplab.ui.model;

import gmplab.runtime.Recording;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;
import gmplab.trace.EventKind;
import gmplab.ui.model.SchedDetail.Selection;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The main view model: one program, one recorded run, and a cursor on its
 * events. Runs simulations on a background executor and publishes results
 * through the {@code ui} executor (the FX thread in the app, direct in tests);
 * the views bind to its properties and never call the engine themselves.
 */
public final class RunViewModel {
    /** Play speeds in events per second ("+" and "−" move through them). */
    public static final double[] SPEEDS = {0.5, 1, 2, 4, 8, 16, 32, 64, 128, 512, 2048};
    /** The UI's limits for one run: a program that runs forever stops here and says so. */
    public static final long MAX_EVENTS = 1_000_000;
    public static final long MAX_TIME_NS = 60_000_000_000L;

    private final Executor background;
    private final Executor ui;

    private final ObjectProperty<ProgramSource> source = new SimpleObjectProperty<>();
    private final ObjectProperty<SimConfig> config = new SimpleObjectProperty<>(
            SimConfig.defaults().withGomaxprocs(1).withLimits(MAX_TIME_NS, MAX_EVENTS));
    private final ObjectProperty<Recording> recording = new SimpleObjectProperty<>();
    private final ObjectProperty<TimelineModel> timeline = new SimpleObjectProperty<>();
    private final IntegerProperty cursor = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<BoardModel> board = new SimpleObjectProperty<>();
    private final ObjectProperty<Event> event = new SimpleObjectProperty<>();
    private final ObjectProperty<Message> status = new SimpleObjectProperty<>(Message.NONE);
    private final ObjectProperty<String> output = new SimpleObjectProperty<>("");
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>();
    private final ObservableList<CompileError> errors = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final IntegerProperty speed = new SimpleIntegerProperty(2);
    private int[] printIdx = new int[0];
    private double playDebt;
    /** Forward seeks shorter than this continue the live replay: applied at once. */
    private static final int NEAR = 20_000;
    private int seekGen;
    private int inFlight;
    private int pending = -1;
    private long lastSeekNanos;
    /** Steps by simulated time ({@link #stepTime}): 1 µs, 10 µs, 100 µs, 1 ms. */
    public static final long[] TIME_STEPS = {1_000, 10_000, 100_000, 1_000_000};
    private final IntegerProperty timeStep = new SimpleIntegerProperty(1);
    private int lastMove;

    public RunViewModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Loads a program and runs it with the current settings (cursor at the first event). */
    public void load(ProgramSource src) {
        source.set(src);
        run(src.text(), 0);
    }

    /** Compiles {@code text} with the current source and runs it, keeping the cursor where possible. */
    public void runAgain(String text) {
        run(text, Math.max(0, cursor.get()));
    }

    private void run(String text, int keepCursor) {
        ProgramSource src = source.get();
        if (src == null) return;
        playing.set(false);
        SimConfig cfg = config.get();
        Compiled c = src.compile(text, cfg);
        errors.setAll(c.errors());
        if (!c.ok()) {
            status.set(new Message("status.compileErrors", c.errors().size()));
            return;
        }
        busy.set(true);
        status.set(new Message("status.running", src.name()));
        background.execute(() -> {
            try {
                Recording r = c.record(cfg);
                TimelineModel tl = TimelineModel.of(r.events(), r.config().gomaxprocs());
                ui.execute(() -> install(r, tl, keepCursor));
            } catch (RuntimeException | StackOverflowError e) {
                ui.execute(() -> {
                    busy.set(false);
                    status.set(new Message("status.failed", String.valueOf(e.getMessage())));
                });
            }
        });
    }

    private void install(Recording r, TimelineModel tl, int keepCursor) {
        List<Event> ev = r.events();
        int n = 0;
        for (Event e : ev) if (e.kind() == EventKind.PRINT) n++;
        int[] idx = new int[n];
        n = 0;
        for (int i = 0; i < ev.size(); i++) if (ev.get(i).kind() == EventKind.PRINT) idx[n++] = i;
        printIdx = idx;
        // no cursor from the old run while the new one is installed (it may be shorter)
        cursor.set(-1);
        pending = -1;
        snapshot.set(null);
        recording.set(r);
        timeline.set(tl);
        busy.set(false);
        RunResult res = r.result();
        status.set(!r.ended() ? new Message("status.idle", r.size())
                : res.hitLimit() ? new Message("status.limit", r.size(), res.outcome().message())
                : new Message("status.done", r.size(), res.exitCode()));
        seek(Math.min(keepCursor, r.size() - 1));
    }

    /**
     * Moves the cursor to event {@code i} (clamped) and updates the snapshot, board, log and output.
     * Near forward steps are applied at once; far seeks (which may replay the run from the start)
     * run on the background executor, latest request wins, so the UI never freezes.
     */
    public void seek(int i) {
        Recording r = recording.get();
        if (r == null || r.size() == 0) return;
        int j = Math.max(0, Math.min(r.size() - 1, i));
        int from = position();
        if (j == from && snapshot.get() != null && inFlight == 0) return;
        int gen = ++seekGen;
        boolean near = snapshot.get() != null && (Math.abs(j - from) <= 1 || (j > from && j - from < NEAR));
        if (near && inFlight == 0) {
            long t0 = System.nanoTime();
            Snapshot s = r.snapshotAt(j);
            lastSeekNanos = System.nanoTime() - t0;
            apply(r, j, s);
            return;
        }
        pending = j;
        inFlight++;
        background.execute(() -> {
            Snapshot s = null;
            long t0 = System.nanoTime();
            if (gen == seekGen) s = r.snapshotAt(j);
            long took = System.nanoTime() - t0;
            Snapshot fs = s;
            ui.execute(() -> {
                inFlight--;
                if (fs != null && gen == seekGen && r == recording.get()) {
                    lastSeekNanos = took;
                    pending = -1;
                    apply(r, j, fs);
                }
            });
        });
    }

    /** Where the cursor is, or is going (a far seek in flight). */
    private int position() {
        return pending >= 0 ? pending : cursor.get();
    }

    private void apply(Recording r, int j, Snapshot s) {
        lastMove = cursor.get() < 0 ? 0 : j - cursor.get();
        snapshot.set(s);
        board.set(BoardModel.of(s));
        event.set(r.events().get(j));
        output.set(outputUpTo(j));
        cursor.set(j);
    }

    private String outputUpTo(int j) {
        StringBuilder b = new StringBuilder();
        List<Event> ev = recording.get().events();
        for (int k : printIdx) {
            if (k > j) break;
            b.append(ev.get(k).argString(0));
        }
        if (j == ev.size() - 1) {
            RunResult res = recording.get().result();
            if (!res.stderr().isEmpty() && !b.toString().contains(res.stderr())) b.append(res.stderr());
        }
        return b.toString();
    }

    public void stepForward() {
        seek(position() + 1);
    }

    public void stepBack() {
        seek(position() - 1);
    }

    /** Next scheduler decision after the cursor (skips bookkeeping events). */
    public void stepDecisionForward() {
        seek(find(position() + 1, +1, e -> e.kind().decision));
    }

    public void stepDecisionBack() {
        seek(find(position() - 1, -1, e -> e.kind().decision));
    }

    /** First index from {@code from} in direction {@code dir} whose event matches; the end if none. */
    public int find(int from, int dir, Predicate<Event> p) {
        Recording r = recording.get();
        if (r == null) return 0;
        List<Event> ev = r.events();
        for (int i = from; i >= 0 && i < ev.size(); i += dir) if (p.test(ev.get(i))) return i;
        return dir > 0 ? ev.size() - 1 : 0;
    }

    public void home() {
        seek(0);
    }

    /**
     * Shows a run recorded elsewhere (a lesson step's) with the cursor at event {@code at};
     * the same run already shown just seeks.
     */
    public void show(Recording r, int at) {
        if (r == recording.get()) {
            seek(at);
            return;
        }
        playing.set(false);
        busy.set(true);
        background.execute(() -> {
            TimelineModel tl = TimelineModel.of(r.events(), r.config().gomaxprocs());
            ui.execute(() -> install(r, tl, at));
        });
    }

    public void end() {
        Recording r = recording.get();
        if (r != null) seek(r.size() - 1);
    }

    /**
     * Steps by simulated time: forward to the first event at or after now + Δt, back to
     * the last event at or before now − Δt (Δt = {@link #TIME_STEPS}[timeStep]).
     */
    public void stepTime(int dir) {
        Recording r = recording.get();
        if (r == null || r.size() == 0) return;
        int from = Math.max(0, position());
        long dt = TIME_STEPS[timeStep.get()];
        long t = r.events().get(from).time();
        if (dir > 0) {
            seek(r.indexAtTime(t + dt));
        } else {
            int j = r.indexAtTime(t - dt + 1) - 1;
            if (j >= 0 && r.events().get(j).time() > t - dt) j = -1;
            seek(Math.max(0, j));
        }
    }

    /** Events the last applied move went (+1 / −1 for a single step; 0 after a load). */
    public int lastMove() {
        return lastMove;
    }

    public IntegerProperty timeStepProperty() { return timeStep; }

    /** Seek to the first event at or after virtual time {@code t}. */
    public void seekTime(long t) {
        Recording r = recording.get();
        if (r != null) seek(r.indexAtTime(t));
    }

    public void togglePlay() {
        playing.set(!playing.get() && !atEnd());
        playDebt = 0;
    }

    public boolean atEnd() {
        Recording r = recording.get();
        return r == null || position() >= r.size() - 1;
    }

    /** Called by the view's animation clock while playing: advances by speed × elapsed seconds. */
    public void advance(double seconds) {
        if (!playing.get()) return;
        playDebt += SPEEDS[speed.get()] * seconds;
        int steps = (int) playDebt;
        if (steps > 0) {
            playDebt -= steps;
            seek(position() + steps);
            if (atEnd()) playing.set(false);
        }
    }

    public void faster() {
        speed.set(Math.min(SPEEDS.length - 1, speed.get() + 1));
    }

    public void slower() {
        speed.set(Math.max(0, speed.get() - 1));
    }

    public void setConfig(SimConfig c) {
        config.set(c.withLimits(MAX_TIME_NS, MAX_EVENTS));
    }

    /** Nanoseconds the last seek took (for the status bar and the benchmark). */
    public long lastSeekNanos() {
        return lastSeekNanos;
    }

    public ObjectProperty<ProgramSource> sourceProperty() { return source; }
    public ObjectProperty<SimConfig> configProperty() { return config; }
    public ReadOnlyObjectProperty<Recording> recordingProperty() { return recording; }
    public ReadOnlyObjectProperty<TimelineModel> timelineProperty() { return timeline; }
    public IntegerProperty cursorProperty() { return cursor; }
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() { return snapshot; }
    public ReadOnlyObjectProperty<BoardModel> boardProperty() { return board; }
    public ReadOnlyObjectProperty<Event> eventProperty() { return event; }
    public ObjectProperty<Message> statusProperty() { return status; }
    public ReadOnlyObjectProperty<String> outputProperty() { return output; }
    public ObjectProperty<Selection> selectionProperty() { return selection; }
    public ObservableList<CompileError> errors() { return errors; }
    public BooleanProperty busyProperty() { return busy; }
    /** True while a far seek is being computed in the background. */
    public boolean seeking() { return inFlight > 0; }
    public BooleanProperty playingProperty() { return playing; }
    public IntegerProperty speedProperty() { return speed; }
    public Recording recording() { return recording.get(); }
    public int cursor() { return cursor.get(); }
}
