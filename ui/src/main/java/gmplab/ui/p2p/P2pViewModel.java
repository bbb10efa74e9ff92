package gmplab.ui.p2p;

import gmplab.p2p.demo.ListenerDemo;
import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.p2p.demo.LiveNode;
import gmplab.p2p.demo.P2pAction;
import gmplab.p2p.demo.P2pNode;
import gmplab.p2p.demo.P2pRun;
import gmplab.p2p.demo.Registries;
import gmplab.p2p.demo.SimNode;
import gmplab.p2p.demo.SimSession;
import gmplab.p2p.demo.TcpEchoService;
import gmplab.ui.model.CodeMarkers.Marker;
import gmplab.ui.model.Message;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.model.SchedDetail;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The P2P pane's view model: the kubo {@code p2p} code running on a node the user drives
 * (simulated network by default, or the real libp2p back end as a daemon), the latest
 * recorded run of it, and what that run shows at the main window's cursor ({@link AtCursor}:
 * the listener and stream registries, the transcript so far, the demo's goroutines by role
 * and their markers in the source).
 *
 * <p>Every call to the node (acting, recording, starting or stopping a daemon) happens on
 * {@code background}, which must run tasks one at a time in order; results are published
 * through {@code ui}. A new run is shown on the main window's board through
 * {@link RunViewModel#show} with the cursor at the first event of the newest action, so the
 * user sees it happen and can step forward and back; stepping back shows the registries as
 * they were then.
 */
public final class P2pViewModel {
    /** Where the node runs. */
    public enum Backend {
        /** The simulated network (deterministic). */
        SIMULATED,
        /** A daemon this pane started, in this process, on the real libp2p back end. */
        REAL,
        /** A daemon started elsewhere ({@code ./gmplab p2p daemon --record FILE}), watched through its journal. */
        JOURNAL
    }

    /** Starts a node on the real back end (the app: a {@link LiveNode} in {@code DaemonApi.defaultRepo()}). */
    @FunctionalInterface
    public interface LiveStarter {
        P2pNode start(Version v) throws IOException;
    }

    /** The protocol every button uses (both simulated peers answer it). */
    public static final String PROTOCOL = SimSession.ECHO;
    /** The forward's listen address on the simulated network. */
    public static final String SIM_FORWARD_ADDRESS = "/ip4/127.0.0.1/tcp/6001";
    /** What a remote peer writes when it opens a stream, and what an application writes when it connects. */
    public static final String PEER_TEXT = "hello\n";
    public static final String APP_TEXT = "hi from the app\n";
    /** How long an action on the real back end is given to happen before the journal is replayed. */
    static final long LIVE_SETTLE_MS = 400;

    private final RunViewModel run;
    private final Executor background;
    private final Executor ui;
    private final LiveStarter liveStarter;

    // --- touched only on the background executor
    private SimNode sim;
    private P2pRun simRun;
    private P2pNode live;
    private TcpEchoService echo;
    private String liveForward;
    private P2pNode node;
    private long seq;
    private Thread shutdownHook;

    // --- UI state
    private final ObjectProperty<Version> version = new SimpleObjectProperty<>(Version.FIXED);
    private final ObjectProperty<Backend> backend = new SimpleObjectProperty<>(Backend.SIMULATED);
    private final ObjectProperty<P2pRun> p2pRun = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private final ObjectProperty<Message> status = new SimpleObjectProperty<>(new Message("p2p.status.idle"));
    private final ObjectProperty<Message> error = new SimpleObjectProperty<>();
    private final ObservableList<P2pAction> actions = FXCollections.observableArrayList();
    private final ObservableList<String> listenAddrs = FXCollections.observableArrayList();
    private final ObservableList<String> peers = FXCollections.observableArrayList(SimSession.PEERS);
    private final ObservableList<String> ends = FXCollections.observableArrayList();
    private final StringProperty apiAddress = new SimpleStringProperty("");
    private final StringProperty echoTarget = new SimpleStringProperty(SimSession.ECHO_TARGET);
    private final StringProperty forwardAddress = new SimpleStringProperty(SIM_FORWARD_ADDRESS);
    private int tasks;
    private final AtCursor atCursor;

    /**
     * A view model showing its runs on {@code run}'s board; the node is driven on {@code background}
     * (one task at a time, in order), results come back through {@code ui}.
     */
    public P2pViewModel(RunViewModel run, Executor background, Executor ui, LiveStarter liveStarter) {
        this.run = run;
        this.background = background;
        this.ui = ui;
        this.liveStarter = liveStarter;
        this.atCursor = new AtCursor(run, p2pRun);
    }

    /** The app's view model: the real back end is a {@link LiveNode} whose API file is in {@code repo}. */
    public static P2pViewModel forApp(RunViewModel run, Executor background, Executor ui, java.nio.file.Path repo) {
        return new P2pViewModel(run, background, ui, v -> LiveNode.start(v, repo));
    }

    // ------------------------------------------------------------------ user actions

    /**
     * Records the node's run so far and shows it (the first time: starts the simulated node
     * running {@link #versionProperty()}); later calls show the latest run again.
     */
    public void start() {
        Version v = version.get();
        task(() -> {
            if (sim == null) {
                sim = new SimNode(v);
                node = sim;
            }
            P2pRun r = record();
            publish(r, Cursor.END, "p2p.status.started");
        });
    }

    /** Before the first {@link #start()}: the version to start with; later, the same as {@link #setVersion}. */
    public void preselect(Version v) {
        if (p2pRun.get() == null && tasks == 0) version.set(v);
        else setVersion(v);
    }

    /** {@code listen /x/echo/1.0.0 <echo service>}: streams on the protocol go to the echo service. */
    public void listenEcho() {
        act(() -> new P2pAction.Command("listen " + PROTOCOL + " " + (echo != null ? echo.address() : SimSession.ECHO_TARGET)));
    }

    /** {@code forward /x/echo/1.0.0 <local address> /p2p/<peer B>}: local connections go to peer B. */
    public void forwardToPeer() {
        act(() -> new P2pAction.Command("forward " + PROTOCOL + " " + forwardAddr() + " /p2p/" + node.remotePeers().get(0)));
    }

    /** Remote peer {@code index} (0: B, 1: C) opens a stream on the protocol and writes {@link #PEER_TEXT}. */
    public void openStream(int index) {
        if (index < 0) return;
        act(() -> {
            List<String> ps = node.remotePeers();
            if (index >= ps.size()) throw new IllegalStateException("there is no peer " + (char) ('B' + index) + " on this network");
            return new P2pAction.OpenStream(ps.get(index), PROTOCOL, PEER_TEXT);
        });
    }

    /** A local application connects to the forward's listen address and writes {@link #APP_TEXT}. */
    public void connectApp() {
        act(() -> new P2pAction.Connect(forwardAddr(), APP_TEXT));
    }

    /** The forward's listen address on the node's network (background thread). */
    private String forwardAddr() {
        return live != null && node == live && liveForward != null ? liveForward : SIM_FORWARD_ADDRESS;
    }

    /** The outside end {@code name} ({@code s1}, {@code c1}, …) closes its writing side. */
    public void closeSide(String name) {
        if (name != null && !name.isBlank()) act(new P2pAction.CloseWrite(name));
    }

    /** {@code close -p /x/echo/1.0.0}. */
    public void closeListener() {
        command("close -p " + PROTOCOL);
    }

    /** {@code close -a}. */
    public void closeAll() {
        command("close -a");
    }

    /** {@code stream close <id>}. */
    public void streamClose(String id) {
        if (id != null && !id.isBlank()) command("stream close " + id.trim());
    }

    /**
     * Any {@code p2p} console command ({@code ls -v}, {@code stream ls -v}, …); a leading
     * {@code ipfs p2p} or {@code p2p} is dropped. Blank lines are ignored.
     */
    public void command(String line) {
        String l = normalise(line);
        if (l.isEmpty()) return;
        act(new P2pAction.Command(l));
    }

    static String normalise(String line) {
        String l = line == null ? "" : line.trim();
        for (String prefix : new String[]{"./gmplab p2p ", "gmplab p2p ", "ipfs p2p ", "p2p "}) {
            if (l.startsWith(prefix)) return l.substring(prefix.length()).trim();
        }
        return l;
    }

    /** Does {@code a} on the node, records the run and shows it with the cursor where the action begins. */
    public void act(P2pAction a) {
        act(() -> a);
    }

    /** Like {@link #act(P2pAction)}, the action made on the background thread (it may name the node's addresses). */
    private void act(java.util.function.Supplier<P2pAction> make) {
        task(() -> {
            ensureNode();
            P2pAction a = make.get();
            node.act(a);
            if (node.real()) sleep(LIVE_SETTLE_MS);
            P2pRun r = record();
            publish(r, node.real() ? Cursor.LIVE_ACTION : Cursor.NEWEST_ACTION, null);
        });
    }

    /**
     * Runs the same actions on {@code v}: the simulated node replays them (the cursor stays at
     * the same action); the real back end restarts its daemon with that code.
     */
    public void setVersion(Version v) {
        if (v == null || v == version.get()) return;
        if (backend.get() == Backend.JOURNAL) {
            error.set(new Message("p2p.error.journalVersion"));
            return;
        }
        version.set(v);
        int k = atCursor.actionAtCursorProperty().get();
        int c = run.cursor();
        task(() -> {
            if (sim == null) sim = new SimNode(v);
            else sim = new SimNode(sim, v);
            simRun = null;
            if (live != null) {
                closeLive();
                try {
                    startLive(v);
                } catch (IOException e) {
                    node = sim;
                    ui.execute(() -> backend.set(Backend.SIMULATED));
                    throw new java.io.UncheckedIOException(e);
                }
                node = live;
                publish(record(), Cursor.END, "p2p.status.daemonRestarted");
            } else {
                node = sim;
                P2pRun r = record();
                int at = k >= 0 && k < r.actionEvents().size() ? r.actionEvents().get(k)
                        : Math.min(Math.max(0, c), r.actionEvents().isEmpty() ? r.recording().size() - 1 : r.actionEvents().get(0) - 1);
                publish(r, new Cursor(at), "p2p.status.replayed");
            }
        });
    }

    /**
     * Switches the back end: {@link Backend#REAL} starts a daemon (real libp2p host on loopback,
     * the API file for a terminal, a real echo service); {@link Backend#SIMULATED} stops it and
     * shows the simulated session again.
     */
    public void setBackend(Backend b) {
        if (b == null || b == backend.get() || b == Backend.JOURNAL) return;
        backend.set(b);
        Version v = version.get();
        task(() -> {
            if (b == Backend.REAL) {
                try {
                    startLive(v);
                } catch (IOException | RuntimeException e) {
                    closeLive();
                    node = sim;
                    ui.execute(() -> backend.set(Backend.SIMULATED));
                    throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
                }
                node = live;
                publish(record(), Cursor.END, "p2p.status.daemonStarted");
            } else {
                closeLive();
                ensureNode();
                node = sim;
                publish(record(), Cursor.END, "p2p.status.simulated");
            }
        });
    }

    /** Re-records the node's run (the real daemon's journal so far) and shows it. */
    public void refresh() {
        task(() -> {
            ensureNode();
            publish(record(), Cursor.FIRST_NEW, "p2p.status.refreshed");
        });
    }

    /**
     * The auto-refresh's tick (the pane calls it every second or two while open): on the real
     * back end, re-records in the background and shows the run only if it grew. Does nothing
     * while another task runs or the board is playing, and backs off when replaying gets slow.
     */
    public void autoRefresh() {
        if (backend.get() == Backend.SIMULATED || busy.get() || refreshing.get() || run.playingProperty().get()) return;
        // replaying the journal costs more as the daemon runs: never spend more than a third of the time on it
        long now = System.nanoTime();
        if (now - lastAutoEnd < 2 * lastAutoCost) return;
        P2pRun old = p2pRun.get();
        int oldSize = old == null ? -1 : old.recording().size();
        refreshing.set(true);
        background.execute(() -> {
            long t0 = System.nanoTime();
            try {
                if (node == null || !node.real()) return;
                P2pRun r = node.record();
                if (r.recording().size() != oldSize) publish(r, Cursor.FIRST_NEW, null);
            } catch (RuntimeException e) {
                ui.execute(() -> error.set(new Message("p2p.error", message(e))));
            } finally {
                long cost = System.nanoTime() - t0;
                ui.execute(() -> {
                    lastAutoCost = cost;
                    lastAutoEnd = System.nanoTime();
                    refreshing.set(false);
                });
            }
        });
    }

    private long lastAutoEnd;
    private long lastAutoCost;

    /** Moves the board's cursor to the start of the action before the one at the cursor (or this one's start). */
    public void previousAction() {
        atCursor.previousAction();
    }

    /** Moves the board's cursor to the start of the next action. */
    public void nextAction() {
        atCursor.nextAction();
    }

    /** Shows the latest run on the board again (after the board showed something else), cursor where it was. */
    public void showAgain() {
        atCursor.showAgain();
    }

    /** Selects goroutine {@code g} on the board (and in the inspector). */
    public void select(DemoGoroutine g) {
        if (g != null) run.selectionProperty().set(new SchedDetail.Selection(SchedDetail.Kind.G, g.goid()));
    }

    /** Moves the board's cursor to the next event of goroutine {@code g} (its next step on the board), if any. */
    public void nextEventOf(DemoGoroutine g) {
        atCursor.nextEventOf(g);
    }

    /**
     * Watches a daemon started in a terminal with {@code ./gmplab p2p daemon --record journal}: its
     * run is the journal's replay (refreshed as the file grows), commands go to the daemon whose
     * control endpoint is in the repo the journal names ({@code repo} for a journal from before
     * headers named it); its code's version is the journal's. Peers and
     * applications are whoever really connects to that daemon, so only commands can be sent.
     */
    public void watchJournal(java.nio.file.Path journal, java.nio.file.Path repo) {
        backend.set(Backend.JOURNAL);
        task(() -> {
            gmplab.p2p.demo.JournalNode j;
            try {
                j = new gmplab.p2p.demo.JournalNode(journal, repo);
            } catch (IOException | RuntimeException e) {
                Backend back = live != null ? Backend.REAL : Backend.SIMULATED;
                ui.execute(() -> backend.set(back));
                throw new IllegalStateException(journal + ": " + message(e), e);
            }
            closeLive();
            live = j;
            try {
                echo = new TcpEchoService();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String target = echo.address();
            Version v = j.version();
            String api = j.repo().resolve("api").toString();
            ui.execute(() -> {
                echoTarget.set(target);
                version.set(v);
                apiAddress.set(api);
            });
            node = live;
            publish(record(), Cursor.END, "p2p.status.journal");
        });
    }

    /** Stops the real daemon, if one runs (the pane closes); the simulated session is kept. */
    public void stopLive() {
        if (backend.get() != Backend.SIMULATED) backend.set(Backend.SIMULATED);
        task(() -> {
            closeLive();
            node = sim;
        });
    }

    // ------------------------------------------------------------------ background work

    private void ensureNode() {
        if (sim == null) sim = new SimNode(version.get());
        if (node == null) node = sim;
    }

    private P2pRun record() {
        if (node == sim && simRun != null && simRun.recording() != null && sim.actions().equals(recordedActions)) return simRun;
        P2pRun r = node.record();
        if (node == sim) {
            simRun = r;
            recordedActions = sim.actions();
        }
        return r;
    }

    private List<P2pAction> recordedActions = List.of();

    private void startLive(Version v) throws IOException {
        closeLive();
        live = liveStarter.start(v);
        echo = new TcpEchoService();
        String fwd = TcpEchoService.freeLoopbackAddress();
        liveForward = fwd;
        String api = live instanceof LiveNode ln ? ln.apiAddress() : "";
        String target = echo.address();
        ui.execute(() -> {
            echoTarget.set(target);
            forwardAddress.set(fwd);
            apiAddress.set(api);
        });
        P2pNode l = live;
        TcpEchoService es = echo;
        shutdownHook = new Thread(() -> {
            l.close();
            es.close();
        }, "gmplab-p2p-daemon-stop");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            shutdownHook = null;
        }
    }

    private void closeLive() {
        if (live != null) {
            try {
                live.close();
            } catch (RuntimeException ignored) {
                // a daemon that fails to stop is abandoned
            }
            live = null;
        }
        if (echo != null) {
            echo.close();
            echo = null;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            shutdownHook = null;
        }
        if (node != null && node.real()) node = sim;
        ui.execute(() -> {
            echoTarget.set(SimSession.ECHO_TARGET);
            forwardAddress.set(SIM_FORWARD_ADDRESS);
            apiAddress.set("");
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where to put the cursor in a newly recorded run. */
    private record Cursor(int at) {
        static final Cursor END = new Cursor(-1);
        /** The first event of the newest action (simulated node). */
        static final Cursor NEWEST_ACTION = new Cursor(-2);
        /** The first event the last run did not have (real back end), or the cursor if the user stepped back. */
        static final Cursor FIRST_NEW = new Cursor(-3);
        /**
         * Where an action on the real back end shows: its command's first event if the daemon's
         * journal has it, else the first new transcript line (a peer's stream, an application's
         * connection), else the first new event.
         */
        static final Cursor LIVE_ACTION = new Cursor(-4);
    }

    /** Publishes {@code r} (recorded on the background thread) and shows it on the board. */
    private void publish(P2pRun r, Cursor where, String statusKey) {
        List<P2pAction> acts = node.actions();
        List<String> addrs = node.listenAddrs();
        List<String> ps = node.remotePeers();
        boolean real = node.real();
        long s = ++seq;
        ui.execute(() -> {
            P2pRun old = p2pRun.get();
            boolean wasShown = old != null && run.recording() == old.recording();
            int oldCursor = wasShown ? run.cursor() : -1;
            int last = r.recording().size() - 1;
            int at;
            if (where.at() >= 0) {
                at = where.at();
            } else if (where == Cursor.NEWEST_ACTION && r.actionEvents().size() >= acts.size() && !acts.isEmpty()) {
                at = r.actionEvents().get(acts.size() - 1);
            } else if (where == Cursor.LIVE_ACTION && old != null && r.actionEvents().size() > old.actionEvents().size()) {
                at = r.actionEvents().get(r.actionEvents().size() - 1);
            } else if (where == Cursor.LIVE_ACTION && old != null && r.transcript().size() > old.transcript().size()) {
                at = r.transcript().get(old.transcript().size()).event();
            } else if (where == Cursor.LIVE_ACTION && old != null) {
                at = Math.min(old.recording().size(), last);
            } else if (where == Cursor.FIRST_NEW && old != null && wasShown && oldCursor < old.recording().size() - 1) {
                at = oldCursor;
            } else if (where == Cursor.FIRST_NEW && old != null && old.version() == r.version()) {
                at = Math.min(old.recording().size(), last);
            } else {
                at = last;
            }
            at = Math.max(0, Math.min(last, at));
            error.set(null);
            if (!actions.equals(acts)) actions.setAll(acts);
            List<String> names = endNames(acts);
            if (!ends.equals(names)) ends.setAll(names);
            if (!listenAddrs.equals(addrs)) listenAddrs.setAll(addrs);
            if (!peers.equals(ps)) peers.setAll(ps);
            p2pRun.set(r);
            if (statusKey != null) status.set(new Message(statusKey, r.recording().size()));
            else status.set(new Message(real ? "p2p.status.live" : "p2p.status.recorded", r.recording().size(), acts.size()));
            atCursor.showing(r.recording());
            run.show(r.recording(), at);
            atCursor.update();
        });
    }

    /** The outside ends the actions opened, in order: {@code s1, s2, …} for streams, {@code c1, …} for connections. */
    static List<String> endNames(List<P2pAction> acts) {
        List<String> out = new ArrayList<>();
        int s = 0;
        int c = 0;
        for (P2pAction a : acts) {
            if (a instanceof P2pAction.OpenStream) out.add("s" + ++s);
            else if (a instanceof P2pAction.Connect) out.add("c" + ++c);
        }
        return out;
    }

    private void task(Runnable r) {
        tasks++;
        busy.set(true);
        background.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                ui.execute(() -> error.set(new Message("p2p.error", message(e))));
            } finally {
                ui.execute(() -> {
                    if (--tasks == 0) busy.set(false);
                });
            }
        });
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }



    /** The source of {@code v} (for the code panes). */
    public static String source(Version v) {
        return ListenerDemo.source(v);
    }

    /**
     * For screenshots and lessons: the first event at or after {@code from} where an accept
     * loop is made runnable by a send on its channel, or -1 (see {@link AtCursor#acceptLoopWakeup}).
     */
    public static int acceptLoopWakeup(P2pRun r, int from) {
        return AtCursor.acceptLoopWakeup(r, from);
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Version> versionProperty() { return version; }
    public ReadOnlyObjectProperty<Backend> backendProperty() { return backend; }
    /** The latest recorded run. */
    public ReadOnlyObjectProperty<P2pRun> runProperty() { return p2pRun; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ObjectProperty<Message> statusProperty() { return status; }
    /** A message when the last task failed (null otherwise). */
    public ReadOnlyObjectProperty<Message> errorProperty() { return error; }
    public ObservableList<P2pAction> actions() { return actions; }
    /** The listener registry at the cursor. */
    public ObservableList<Registries.Listener> listeners() { return atCursor.listeners(); }
    /** The stream registry at the cursor. */
    public ObservableList<Registries.Stream> streams() { return atCursor.streams(); }
    /** The transcript up to the cursor. */
    public ObservableList<P2pRun.Line> transcript() { return atCursor.transcript(); }
    /** The demo's goroutines at the cursor, by role. */
    public ObservableList<DemoGoroutine> goroutines() { return atCursor.goroutines(); }
    /** Markers for the running version's source at the cursor. */
    public ReadOnlyObjectProperty<Map<Integer, List<Marker>>> markersProperty() { return atCursor.markersProperty(); }
    public ObservableList<String> listenAddrs() { return listenAddrs; }
    public ObservableList<String> peers() { return peers; }
    /** The outside ends opened so far ({@code s1}, {@code c1}, …). */
    public ObservableList<String> ends() { return ends; }
    /** The real daemon's control endpoint ("" on the simulated back end). */
    public ReadOnlyStringProperty apiAddressProperty() { return apiAddress; }
    public ReadOnlyStringProperty echoTargetProperty() { return echoTarget; }
    public ReadOnlyStringProperty forwardAddressProperty() { return forwardAddress; }
    /** The index of the action the cursor is in (-1: before the first). */
    public ReadOnlyIntegerProperty actionAtCursorProperty() { return atCursor.actionAtCursorProperty(); }
    /** True while the board shows this pane's latest run. */
    public ReadOnlyBooleanProperty shownProperty() { return atCursor.shownProperty(); }
    public ReadOnlyBooleanProperty canPrevActionProperty() { return atCursor.canPrevActionProperty(); }
    public ReadOnlyBooleanProperty canNextActionProperty() { return atCursor.canNextActionProperty(); }
    public P2pRun run() { return p2pRun.get(); }
    public RunViewModel board() { return run; }
}
