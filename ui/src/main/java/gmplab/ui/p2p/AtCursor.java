package gmplab.ui.p2p;

import gmplab.p2p.demo.P2pRun;
import gmplab.p2p.demo.Registries;
import gmplab.runtime.Recording;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;
import gmplab.trace.EventKind;
import gmplab.ui.model.CodeMarkers;
import gmplab.ui.model.CodeMarkers.Marker;
import gmplab.ui.model.RunViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;

/**
 * What the pane's latest run shows at the main window's cursor (on the UI thread): the
 * listener and stream registries as the Go program held them, the transcript so far, the
 * demo's goroutines by role and their markers in the source, and which action the cursor is
 * in; plus moving the cursor by action or by goroutine. While the board shows another run,
 * the tables show the end of the pane's run.
 */
final class AtCursor {
    private final RunViewModel run;
    private final ReadOnlyObjectProperty<P2pRun> latest;
    private final ObservableList<Registries.Listener> listeners = FXCollections.observableArrayList();
    private final ObservableList<Registries.Stream> streams = FXCollections.observableArrayList();
    private final ObservableList<P2pRun.Line> transcript = FXCollections.observableArrayList();
    private final ObservableList<DemoGoroutine> goroutines = FXCollections.observableArrayList();
    private final ObjectProperty<Map<Integer, List<Marker>>> markers = new SimpleObjectProperty<>(Map.of());
    private final IntegerProperty actionAtCursor = new SimpleIntegerProperty(-1);
    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final BooleanProperty canPrevAction = new SimpleBooleanProperty();
    private final BooleanProperty canNextAction = new SimpleBooleanProperty();
    /** The recording last handed to the board, until the board shows it (the tables stay meanwhile). */
    private Recording pendingShow;

    /** Follows {@code run}'s cursor over the run in {@code latest}. */
    AtCursor(RunViewModel run, ReadOnlyObjectProperty<P2pRun> latest) {
        this.run = run;
        this.latest = latest;
        run.snapshotProperty().addListener((o, a, b) -> update());
        run.recordingProperty().addListener((o, a, b) -> update());
        // RunViewModel sets the snapshot before the cursor: the cursor's change sees both
        run.cursorProperty().addListener((o, a, b) -> update());
    }

    /** {@code r} is being handed to the board: keep the tables until the board's cursor is in it. */
    void showing(Recording r) {
        pendingShow = r;
    }

    /** Recomputes what the pane shows at the board's cursor. */
    void update() {
        P2pRun r = latest.get();
        if (r == null) {
            shown.set(false);
            return;
        }
        Recording rec = r.recording();
        if (run.recording() == rec) pendingShow = null;
        // the board is installing the new run (its cursor not placed yet): keep what the tables show
        if (pendingShow == rec || (run.recording() == rec && (run.cursor() < 0 || run.snapshotProperty().get() == null))) {
            if (shown.get()) return;
        }
        boolean isShown = run.recording() == rec && run.cursor() >= 0;
        shown.set(isShown);
        int c = isShown ? run.cursor() : rec.size() - 1;
        Registries reg = r.registries().at(c);
        if (!listeners.equals(reg.listeners())) listeners.setAll(reg.listeners());
        if (!streams.equals(reg.streams())) streams.setAll(reg.streams());
        List<P2pRun.Line> t = r.transcriptUpTo(c);
        if (!transcript.equals(t)) transcript.setAll(t);
        Snapshot s = isShown ? run.snapshotProperty().get() : null;
        String file = r.version().fileName();
        List<DemoGoroutine> gs = DemoGoroutine.of(s, file);
        if (!goroutines.equals(gs)) goroutines.setAll(gs);
        markers.set(CodeMarkers.of(s, file));
        int k = -1;
        List<Integer> ae = r.actionEvents();
        for (int i = 0; i < ae.size(); i++) if (ae.get(i) <= c) k = i;
        actionAtCursor.set(k);
        canPrevAction.set(isShown && c > 0);
        canNextAction.set(isShown && !ae.isEmpty() && ae.get(ae.size() - 1) > c);
    }

    /** Moves the board's cursor to the start of the action before the one at the cursor (or this one's start). */
    void previousAction() {
        P2pRun r = latest.get();
        if (r == null || !shown.get()) return;
        int c = run.cursor();
        int to = -1;
        for (int e : r.actionEvents()) if (e < c) to = e;
        if (to >= 0) run.seek(to);
        else if (c > 0) run.seek(0);
    }

    /** Moves the board's cursor to the start of the next action. */
    void nextAction() {
        P2pRun r = latest.get();
        if (r == null || !shown.get()) return;
        int c = run.cursor();
        for (int e : r.actionEvents()) {
            if (e > c) {
                run.seek(e);
                return;
            }
        }
    }

    /** Shows the latest run on the board again (after the board showed something else). */
    void showAgain() {
        P2pRun r = latest.get();
        if (r != null && !shown.get()) run.show(r.recording(), r.recording().size() - 1);
    }

    /** Moves the board's cursor to the next event of goroutine {@code g}, if any. */
    void nextEventOf(DemoGoroutine g) {
        if (g == null || !shown.get()) return;
        int c = run.cursor();
        int i = run.find(c + 1, +1, e -> e.g() == g.goid());
        if (i > c && run.recording().events().get(i).g() == g.goid()) run.seek(i);
    }

    /**
     * The first event at or after {@code from} where an accept loop is made runnable by a send
     * on its channel (the stream handler handing it a stream over {@code conCh}), or -1.
     */
    static int acceptLoopWakeup(P2pRun r, int from) {
        Recording rec = r.recording();
        List<Event> ev = rec.events();
        for (int i = Math.max(0, from); i < ev.size(); i++) {
            Event e = ev.get(i);
            if (e.kind() != EventKind.READY || !e.argString(1).startsWith("send:")) continue;
            Snapshot.GView g = rec.snapshotAt(i).g(e.g());
            if (g != null && DemoGoroutine.roleOf(g.name()) == DemoGoroutine.Role.ACCEPT_LOOP) return i;
        }
        return -1;
    }

    ObservableList<Registries.Listener> listeners() { return listeners; }
    ObservableList<Registries.Stream> streams() { return streams; }
    ObservableList<P2pRun.Line> transcript() { return transcript; }
    ObservableList<DemoGoroutine> goroutines() { return goroutines; }
    ReadOnlyObjectProperty<Map<Integer, List<Marker>>> markersProperty() { return markers; }
    ReadOnlyIntegerProperty actionAtCursorProperty() { return actionAtCursor; }
    ReadOnlyBooleanProperty shownProperty() { return shown; }
    ReadOnlyBooleanProperty canPrevActionProperty() { return canPrevAction; }
    ReadOnlyBooleanProperty canNextActionProperty() { return canNextAction; }
}
