package gmplab.ui.p2p;

import gmplab.p2p.demo.DaemonApi;
import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.p2p.demo.P2pRun;
import gmplab.p2p.demo.Registries;
import gmplab.runtime.Recording;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.p2p.P2pViewModel.Backend;
import gmplab.ui.view.MainWindow;
import gmplab.ui.view.Palette;
import gmplab.ui.view.Png;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The P2P pane in the main window: a "P2P" menu, and a pane docked beside the board
 * that drives the kubo {@code p2p} code ({@link P2pViewModel}) — the version and back-end
 * toggles, buttons for what a user or a remote peer does, a console for any {@code p2p}
 * command, the two versions' sources with a marker per goroutine, the listener and stream
 * registries as tables, the transcript and the demo's goroutines by role, all at the main
 * window's cursor. Runs show on the main window's board, timeline and log. The node is
 * driven on one background thread of the dock's own; results come back on the FX thread.
 *
 * <p>This class holds the menu, showing and hiding, the split between the code, the registries
 * and the lower tabs (its dividers), the look, the keys and the {@code --p2p} start-up; the parts
 * are {@link P2pControls}, {@link SourceTabs}, {@link RegistryTables}, {@link GoroutineList} and
 * {@link TranscriptAndActions}.
 */
public final class P2pDock {
    /** Goroutine rows the split shows by default (presenter mode: fewer, larger). */
    static final int GOROUTINE_ROWS = 3, GOROUTINE_ROWS_PRESENTER = 2;
    /** At most this many rows of a registry table by default (more: it scrolls). */
    static final int TABLE_ROWS = 3;
    /** How often the real back end's journal is looked at while the pane shows. */
    static final Duration AUTO_REFRESH = Duration.millis(1500);

    private final MainWindow window;
    private final RunViewModel run;
    private final I18n i18n;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gmplab-p2p");
        t.setDaemon(true);
        return t;
    });
    private final P2pViewModel vm;
    private final VBox root = new VBox(3);
    private final P2pControls controls;
    private final SourceTabs sources;
    private final RegistryTables registries;
    private final GoroutineList goroutines;
    private final TranscriptAndActions lower;
    private final SplitPane split;
    private final Timeline refreshClock = new Timeline(new KeyFrame(AUTO_REFRESH, e -> tick()));
    /** The user dragged a divider of the pane's split: the default heights are no longer imposed. */
    private boolean dividersMoved;
    private Supplier<Path> journalAsker = this::askJournal;
    private boolean started;

    private P2pDock(MainWindow window, RunViewModel run, I18n i18n, P2pViewModel.LiveStarter live) {
        this.window = window;
        this.run = run;
        this.i18n = i18n;
        this.vm = live != null ? new P2pViewModel(run, background, Platform::runLater, live)
                : P2pViewModel.forApp(run, background, Platform::runLater, repo());
        P2pWidgets w = new P2pWidgets(i18n, vm);
        registries = new RegistryTables(w, vm, window.presenterProperty());
        controls = new P2pControls(w, vm, window.presenterProperty(), this::hide, registries::closeSelectedStream);
        sources = new SourceTabs(i18n, vm, this::selectedGoroutine);
        goroutines = new GoroutineList(w, vm, run, sources, this::palette);
        lower = new TranscriptAndActions(w, vm, run, goroutines.view());
        split = new SplitPane(sources.root(), registries.root(), lower.root());
        build();
        MainWindow.needsRoom(root);
        Menu menu = new Menu();
        menu.setId("menu-p2p");
        menu.textProperty().bind(i18n.bind("p2p.menu"));
        menu.getItems().addAll(
                window.menuItem("p2p.menu.open", "Shortcut+Shift+P", this::show),
                window.menuItem("p2p.menu.prevAction", null, vm::previousAction),
                window.menuItem("p2p.menu.nextAction", null, vm::nextAction),
                window.menuItem("p2p.menu.refresh", null, vm::refresh),
                window.menuItem("p2p.menu.journal", null, this::watchJournal),
                new SeparatorMenuItem(),
                window.menuItem("p2p.menu.close", null, this::hide));
        window.addMenu(menu);
        window.root().addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        window.presenterProperty().addListener((o, a, b) -> applyLook());
        window.darkProperty().addListener((o, a, b) -> applyLook());
        i18n.localeProperty().addListener((o, a, b) -> applyLook()); // other words, other heights
        applyLook();
        refreshClock.setCycleCount(Animation.INDEFINITE);
        window.dockProperty().addListener((o, a, b) -> {
            if (b == root) {
                refreshClock.play();
            } else {
                refreshClock.stop();
            }
        });
    }

    /**
     * The real back end's repo: where its API file goes, so a terminal's {@code ./gmplab p2p}
     * finds the daemon — {@link DaemonApi#defaultRepo()}, or the {@code gmplab.p2p.repo}
     * property (as {@code gmplab.progress} and {@code gmplab.recent} place the app's other files).
     */
    static Path repo() {
        String p = System.getProperty("gmplab.p2p.repo");
        return p != null && !p.isBlank() ? Path.of(p) : DaemonApi.defaultRepo();
    }

    /** Adds the P2P pane to {@code window} (real back end: a daemon whose API file is in {@link #repo()}). */
    public static P2pDock attach(MainWindow window, RunViewModel run, I18n i18n) {
        return attach(window, run, i18n, null);
    }

    /** Adds the P2P pane with {@code live} starting the real back end's node (tests: a temporary repo). */
    public static P2pDock attach(MainWindow window, RunViewModel run, I18n i18n, P2pViewModel.LiveStarter live) {
        P2pDock d = new P2pDock(window, run, i18n, live);
        window.root().getProperties().put(P2pDock.class, d);
        return d;
    }

    /** The dock attached to {@code window}, or null. */
    public static P2pDock of(MainWindow window) {
        return (P2pDock) window.root().getProperties().get(P2pDock.class);
    }

    public P2pViewModel viewModel() {
        return vm;
    }

    public Node root() {
        return root;
    }

    public boolean isShowing() {
        return window.dockProperty().get() == root;
    }

    /** Shows the pane (the first time: starts the simulated node and shows its run). */
    public void show() {
        window.dockProperty().set(root);
        if (!started) {
            started = true;
            vm.start();
        } else {
            vm.showAgain();
        }
    }

    /** Hides the pane; a real daemon is stopped (the simulated session is kept). */
    public void hide() {
        if (isShowing()) window.dockProperty().set(null);
        vm.stopLive();
    }

    /** Replaces the journal chooser (tests). */
    public void setJournalAsker(Supplier<Path> asker) {
        journalAsker = asker;
    }

    /**
     * Asks for the journal of a daemon started in a terminal ({@code ./gmplab p2p daemon --record FILE})
     * and watches it; commands go to the daemon whose repo the journal names (or, for an older
     * journal, the pane's {@link #repo()}).
     */
    public void watchJournal() {
        Path p = journalAsker.get();
        if (p == null) return;
        window.dockProperty().set(root);
        started = true;
        vm.watchJournal(p, repo());
    }

    private Path askJournal() {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.tr("p2p.menu.journal"));
        var w = window.root().getScene() == null ? null : window.root().getScene().getWindow();
        File f = fc.showOpenDialog(w);
        return f == null ? null : f.toPath();
    }

    /** Stops the dock's background thread (the app is closing). */
    public void dispose() {
        vm.stopLive();
        background.shutdown();
    }

    // ------------------------------------------------------------------ layout

    /**
     * The controls on top, then a split: the code, the registries, the lower tabs. The user drags
     * the dividers; by default the registries and the goroutines get the rows they show and the
     * code the rest ({@link #placeDividers}).
     */
    private void build() {
        root.setId("p2pDock");
        root.getStyleClass().add("p2p-dock");
        root.getStylesheets().add(P2pDock.class.getResource("/gmplab/ui/p2p.css").toExternalForm());
        root.setMinWidth(0);
        root.setPadding(new Insets(4, 6, 4, 6));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55, 0.78);
        split.setId("p2pSplit");
        SplitPane.setResizableWithParent(registries.root(), false);
        SplitPane.setResizableWithParent(lower.root(), false);
        VBox.setVgrow(split, Priority.ALWAYS);
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getTarget() instanceof Node t ? t : null; n != null && n != split; n = n.getParent()) {
                if (n.getStyleClass().contains("split-pane-divider")) dividersMoved = true;
            }
        });
        split.heightProperty().addListener((o, a, b) -> placeDividers());
        vm.listeners().addListener((ListChangeListener<Registries.Listener>) c -> fitTables());
        vm.streams().addListener((ListChangeListener<Registries.Stream>) c -> fitTables());
        root.getChildren().addAll(controls.rows());
        root.getChildren().add(split);
    }

    private DemoGoroutine selectedGoroutine() {
        return goroutines.selected();
    }

    /** The line the code scrolls to when the cursor moves (0: none); see {@link SourceTabs#lineToReveal}. */
    int lineToReveal() {
        return sources.lineToReveal();
    }

    /** The registry tables as tall as their rows (at least one: the placeholder), then the dividers again. */
    private void fitTables() {
        registries.fitHeights(big());
        placeDividers();
    }

    /**
     * The split's default: the goroutine list shows {@link #GOROUTINE_ROWS} rows, the registries
     * their rows and the code the rest (at 1280×720 some twelve lines). Once the user drags a
     * divider it stays where they put it (until presenter mode or the theme changes).
     */
    void placeDividers() {
        if (dividersMoved || split.getHeight() <= 0) return;
        double h = split.getHeight();
        double div = split.lookup(".split-pane-divider") instanceof Region r && r.getHeight() > 0 ? r.getHeight() : 6;
        double tabs = lower.tabBarHeight(big());
        double rows = (big() ? GOROUTINE_ROWS_PRESENTER : GOROUTINE_ROWS) * goroutines.view().getFixedCellSize();
        double goroutineHeight = tabs + rows + 4;
        double regs = registries.root().prefHeight(split.getWidth());
        double code = Math.max(h * 0.3, h - goroutineHeight - regs - 2 * div);
        double second = Math.min(0.95, (code + div + regs + div / 2) / h);
        split.setDividerPositions((code + div / 2) / h, second);
    }

    private boolean big() {
        return window.presenterProperty().get();
    }

    // ------------------------------------------------------------------ look, keys, refresh

    private void applyLook() {
        if (window.presenterProperty().get()) {
            if (!root.getStyleClass().contains("presenter")) root.getStyleClass().add("presenter");
        } else {
            root.getStyleClass().remove("presenter");
        }
        sources.setLook(palette());
        boolean big = window.presenterProperty().get();
        registries.setLook(big);
        goroutines.setLook(big);
        dividersMoved = false;
        // once the new look's CSS is laid out
        Platform.runLater(this::fitTables);
    }

    private Palette palette() {
        return window.presenterProperty().get() ? Palette.PRESENTER : window.darkProperty().get() ? Palette.DARK : Palette.LIGHT;
    }

    private void tick() {
        if (isShowing() && controls.autoRefreshOn()) vm.autoRefresh();
    }

    /** Keyboard while the pane shows: Alt+← / Alt+→ previous / next action (not while typing). */
    private void onKey(KeyEvent e) {
        if (!isShowing()) return;
        var focus = window.root().getScene() == null ? null : window.root().getScene().getFocusOwner();
        if (focus instanceof TextInputControl) return;
        if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
            vm.nextAction();
            e.consume();
        } else if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
            vm.previousAction();
            e.consume();
        }
    }


    // ------------------------------------------------------------------ start-up and screenshots

    /**
     * {@code --p2p [blogera|fixed]} at start-up: opens the pane on that version once the window's
     * first run is shown. With {@code snapshot} set, plays a short session first (listen; peer B
     * opens a stream writing "hello"), puts the cursor where the stream handler's send on
     * {@code conCh} makes the accept loop runnable, renders the window to that PNG and calls
     * {@code onWritten}. Returns false if the pane was not asked for.
     */
    public boolean startWith(String spec, Scene scene, Path snapshot, Runnable onWritten) {
        if (spec == null) return false;
        Version v = parseVersion(spec);
        boolean real = parseReal(spec);
        Runnable go = () -> {
            vm.preselect(v);
            show();
            if (real) vm.setBackend(Backend.REAL);
            if (snapshot == null) return;
            vm.listenEcho();
            vm.openStream(0);
            background.execute(() -> Platform.runLater(() -> {
                P2pRun r = vm.run();
                int from = r.actionEvents().isEmpty() ? 0 : r.actionEvents().get(r.actionEvents().size() - 1);
                int at = P2pViewModel.acceptLoopWakeup(r, from);
                whenOnBoard(r.recording(), () -> {
                    if (at >= 0) run.seek(at);
                    PauseTransition settle = new PauseTransition(Duration.millis(800));
                    PauseTransition pause = new PauseTransition(Duration.millis(500));
                    settle.setOnFinished(e -> {
                        goroutines.selectAcceptLoop();
                        pause.play();
                    });
                    pause.setOnFinished(e -> {
                        try {
                            Png.write(scene.snapshot(null), snapshot);
                            System.out.println("wrote " + snapshot.toAbsolutePath() + " (P2P pane, " + v.fileName()
                                    + ", event " + run.cursor() + ")");
                        } catch (Exception ex) {
                            ex.printStackTrace();
                        }
                        onWritten.run();
                    });
                    settle.play();
                });
            }));
        };
        if (run.recording() != null) go.run();
        else run.recordingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Recording> o, Recording a, Recording b) {
                if (b == null) return;
                run.recordingProperty().removeListener(this);
                go.run();
            }
        });
        return true;
    }

    /** Runs {@code then} once the board shows {@code rec} (at once if it does). */
    private void whenOnBoard(Recording rec, Runnable then) {
        if (run.recording() == rec) {
            then.run();
            return;
        }
        run.recordingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Recording> o, Recording a, Recording b) {
                if (b != rec) return;
                run.recordingProperty().removeListener(this);
                Platform.runLater(then);
            }
        });
    }

    /**
     * The version in a {@code --p2p} spec ({@code blogera}, {@code fixed}, optionally with
     * {@code ,real}): "blogera" / "blog-era" / "blog" → the blog-era code; anything else the fixed code.
     */
    public static Version parseVersion(String s) {
        for (String part : (s == null ? "" : s).split("[,:+ ]")) {
            String v = part.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            if (v.startsWith("blog")) return Version.BLOG_ERA;
        }
        return Version.FIXED;
    }

    /** True if a {@code --p2p} spec asks for the real back end ({@code fixed,real}, {@code blogera,daemon}). */
    public static boolean parseReal(String s) {
        for (String part : (s == null ? "" : s).split("[,:+ ]")) {
            String v = part.trim().toLowerCase(Locale.ROOT);
            if (v.equals("real") || v.equals("daemon") || v.equals("live")) return true;
        }
        return false;
    }
}
