package gmplab.ui.p2p;

import gmplab.p2p.demo.DaemonApi;
import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.p2p.demo.P2pAction;
import gmplab.p2p.demo.P2pRun;
import gmplab.p2p.demo.Registries;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.Message;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.model.SchedDetail;
import gmplab.ui.p2p.P2pViewModel.Backend;
import gmplab.ui.view.CodePane;
import gmplab.ui.view.MainWindow;
import gmplab.ui.view.Palette;
import gmplab.ui.view.Png;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The P2P pane in the main window: a "P2P" menu, and a pane docked beside the board
 * that drives the kubo {@code p2p} code ({@link P2pViewModel}) — the version and back-end
 * toggles, buttons for what a user or a remote peer does, a console for any {@code p2p}
 * command, the two versions' sources with a marker per goroutine, the listener and stream
 * registries as tables, the transcript and the demo's goroutines by role, all at the main
 * window's cursor. Runs show on the main window's board, timeline and log. The node is
 * driven on one background thread of the dock's own; results come back on the FX thread.
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
    private final CodePane blogEraCode = new CodePane();
    private final CodePane fixedCode = new CodePane();
    private final TabPane sources = new TabPane();
    private final Tab blogEraTab = new Tab();
    private final Tab fixedTab = new Tab();
    private final TableView<Registries.Listener> listenerTable = new TableView<>();
    private final TableView<Registries.Stream> streamTable = new TableView<>();
    private final ListView<DemoGoroutine> goroutineList = new ListView<>();
    private final ListView<P2pRun.Line> transcriptList = new ListView<>();
    private final ListView<P2pAction> actionList = new ListView<>();
    private final TabPane bottomTabs = new TabPane();
    private final ComboBox<String> endChoice = new ComboBox<>();
    private final TextField console = new TextField();
    private final CheckBox autoRefresh = new CheckBox();
    private final Timeline refreshClock = new Timeline(new KeyFrame(AUTO_REFRESH, e -> tick()));
    private final VBox registries = new VBox(1);
    private SplitPane split;
    /** The user dragged a divider of the pane's split: the default heights are no longer imposed. */
    private boolean dividersMoved;
    private java.util.function.Supplier<Path> journalAsker = this::askJournal;
    private boolean started;
    private boolean syncingSelection;

    private P2pDock(MainWindow window, RunViewModel run, I18n i18n, P2pViewModel.LiveStarter live) {
        this.window = window;
        this.run = run;
        this.i18n = i18n;
        this.vm = live != null ? new P2pViewModel(run, background, Platform::runLater, live)
                : P2pViewModel.forApp(run, background, Platform::runLater, DaemonApi.defaultRepo());
        build();
        Menu menu = new Menu();
        menu.setId("menu-p2p");
        menu.textProperty().bind(i18n.bind("p2p.menu"));
        menu.getItems().addAll(
                item("p2p.menu.open", "Shortcut+Shift+P", this::show),
                item("p2p.menu.prevAction", null, vm::previousAction),
                item("p2p.menu.nextAction", null, vm::nextAction),
                item("p2p.menu.refresh", null, vm::refresh),
                item("p2p.menu.journal", null, this::watchJournal),
                new SeparatorMenuItem(),
                item("p2p.menu.close", null, this::hide));
        window.addMenu(menu);
        window.root().addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        window.presenterProperty().addListener((o, a, b) -> applyLook());
        window.darkProperty().addListener((o, a, b) -> applyLook());
        applyLook();
        refreshClock.setCycleCount(Animation.INDEFINITE);
        window.dockProperty().addListener((o, a, b) -> {
            if (b == root) {
                refreshClock.play();
                widen();
            } else {
                refreshClock.stop();
            }
        });
    }

    /** Adds the P2P pane to {@code window} (real back end: a daemon whose API file is in {@link DaemonApi#defaultRepo()}). */
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
    public void setJournalAsker(java.util.function.Supplier<Path> asker) {
        journalAsker = asker;
    }

    /**
     * Asks for the journal of a daemon started in a terminal ({@code ./gmplab p2p daemon --record FILE})
     * and watches it; commands go to the daemon whose API file is in {@link DaemonApi#defaultRepo()}.
     */
    public void watchJournal() {
        Path p = journalAsker.get();
        if (p == null) return;
        window.dockProperty().set(root);
        started = true;
        vm.watchJournal(p, DaemonApi.defaultRepo());
    }

    private Path askJournal() {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle(i18n.tr("p2p.menu.journal"));
        var w = window.root().getScene() == null ? null : window.root().getScene().getWindow();
        java.io.File f = fc.showOpenDialog(w);
        return f == null ? null : f.toPath();
    }

    /** Stops the dock's background thread (the app is closing). */
    public void dispose() {
        vm.stopLive();
        background.shutdown();
    }

    // ------------------------------------------------------------------ building

    private void build() {
        root.setId("p2pDock");
        root.getStyleClass().add("p2p-dock");
        root.getStylesheets().add(P2pDock.class.getResource("/gmplab/ui/p2p.css").toExternalForm());
        root.setMinWidth(0);
        root.setPadding(new Insets(4, 6, 4, 6));

        // title bar
        Label title = new Label();
        title.textProperty().bind(i18n.bind("p2p.title"));
        title.getStyleClass().add("pane-title");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("p2pBusy");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        Button close = new Button("✕");
        close.setId("p2pClose");
        close.setTooltip(tip("p2p.menu.close"));
        close.setFocusTraversable(false);
        close.setOnAction(e -> hide());

        // version and back end
        ToggleGroup versions = new ToggleGroup();
        ToggleButton blogEra = toggle("p2pBlogEra", "p2p.version.blogera", "p2p.version.blogera.tip", versions);
        ToggleButton fixed = toggle("p2pFixed", "p2p.version.fixed", "p2p.version.fixed.tip", versions);
        ToggleGroup backends = new ToggleGroup();
        ToggleButton simulated = toggle("p2pSimulated", "p2p.backend.simulated", "p2p.backend.simulated.tip", backends);
        ToggleButton real = toggle("p2pReal", "p2p.backend.real", "p2p.backend.real.tip", backends);
        syncToggle(versions, blogEra, fixed, vm.versionProperty(), Version.BLOG_ERA, vm::setVersion, Version.FIXED);
        syncToggle(backends, simulated, real, vm.backendProperty(), Backend.SIMULATED, vm::setBackend, Backend.REAL);
        Label codeLabel = label("p2p.version");
        Label backendLabel = label("p2p.backend");
        Button refresh = button("p2pRefresh", "p2p.refresh", "p2p.refresh.tip", vm::refresh);
        autoRefresh.setId("p2pAutoRefresh");
        autoRefresh.textProperty().bind(i18n.bind("p2p.autoRefresh"));
        autoRefresh.setSelected(true);
        var isReal = Bindings.notEqual(vm.backendProperty(), Backend.SIMULATED);
        for (Node n : List.of(refresh, autoRefresh)) {
            n.visibleProperty().bind(isReal);
            n.managedProperty().bind(isReal);
        }
        HBox bar = new HBox(6, title, spacer(4), codeLabel, segment(blogEra, fixed), spacer(4), backendLabel,
                segment(simulated, real), grow(), busy, close);
        bar.setAlignment(Pos.CENTER_LEFT);

        // addresses
        TextField addrs = readOnly("p2pListenAddrs");
        addrs.textProperty().bind(Bindings.createStringBinding(() -> String.join("  ", vm.listenAddrs()), vm.listenAddrs()));
        TextField api = readOnly("p2pApiAddress");
        api.textProperty().bind(Bindings.createStringBinding(() -> vm.apiAddressProperty().get().isEmpty() ? ""
                : vm.apiAddressProperty().get() + "   ⟶  ./gmplab p2p ls -v", vm.apiAddressProperty()));
        Label apiLabel = label("p2p.api");
        HBox apiRow = new HBox(6, apiLabel, api, refresh, autoRefresh);
        HBox.setHgrow(api, Priority.ALWAYS);
        apiRow.setAlignment(Pos.CENTER_LEFT);
        var hasApi = Bindings.isNotEmpty(vm.apiAddressProperty());
        apiRow.visibleProperty().bind(hasApi);
        apiRow.managedProperty().bind(hasApi);
        addrs.tooltipProperty().set(new Tooltip());
        addrs.getTooltip().textProperty().bind(addrs.textProperty());
        // beside the listener registry's title (a row of its own would take the code's room)
        HBox addrRow = new HBox(6, label("p2p.listenAddrs"), addrs);
        HBox.setHgrow(addrs, Priority.ALWAYS);
        HBox.setHgrow(addrRow, Priority.ALWAYS);
        addrRow.setAlignment(Pos.CENTER_LEFT);
        addrRow.setMinWidth(0);
        addrs.setMinWidth(60);

        // what the user and the peers do
        Button listen = button("p2pListen", "p2p.do.listen", "p2p.do.listen.tip", vm::listenEcho);
        Button forward = button("p2pForward", "p2p.do.forward", "p2p.do.forward.tip", vm::forwardToPeer);
        Button peerB = button("p2pPeerB", "p2p.do.peerB", "p2p.do.peerB.tip", () -> vm.openStream(0));
        Button peerC = button("p2pPeerC", "p2p.do.peerC", "p2p.do.peerC.tip", () -> vm.openStream(1));
        peerC.disableProperty().bind(vm.busyProperty().or(Bindings.size(vm.peers()).lessThan(2)));
        Button connect = button("p2pConnect", "p2p.do.connect", "p2p.do.connect.tip", vm::connectApp);
        // a daemon watched through its journal takes commands only: its peers and applications are out there
        var journal = Bindings.equal(vm.backendProperty(), Backend.JOURNAL);
        for (Button b : List.of(forward, peerB, connect)) {
            b.disableProperty().unbind();
            b.disableProperty().bind(b == connect ? vm.busyProperty().or(journal)
                    : vm.busyProperty().or(journal).or(Bindings.isEmpty(vm.peers())));
        }
        endChoice.setId("p2pEndChoice");
        endChoice.setItems(vm.ends());
        vm.ends().addListener((javafx.collections.ListChangeListener<String>) c -> Platform.runLater(() -> {
            // the newest end, unless the user picked one that still exists (after the combo box handled the change)
            if (!vm.ends().isEmpty() && !vm.ends().contains(endChoice.getValue())) endChoice.setValue(vm.ends().get(vm.ends().size() - 1));
        }));
        Button closeSide = button("p2pCloseSide", "p2p.do.closeSide", "p2p.do.closeSide.tip", () -> vm.closeSide(endChoice.getValue()));
        closeSide.disableProperty().bind(vm.busyProperty().or(endChoice.valueProperty().isNull()).or(journal));
        Button closeP = button("p2pCloseListener", "p2p.do.closeListener", "p2p.do.closeListener.tip", vm::closeListener);
        Button closeA = button("p2pCloseAll", "p2p.do.closeAll", "p2p.do.closeAll.tip", vm::closeAll);
        Button streamClose = button("p2pStreamClose", "p2p.do.streamClose", "p2p.do.streamClose.tip", this::closeSelectedStream);
        streamClose.disableProperty().bind(vm.busyProperty().or(Bindings.isEmpty(vm.streams())));
        HBox sideBox = new HBox(2, endChoice, closeSide);
        sideBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane doButtons = new FlowPane(4, 3, listen, forward, peerB, peerC, connect, sideBox, closeP, closeA, streamClose);
        doButtons.setId("p2pButtons");
        doButtons.getStyleClass().add("p2p-buttons");

        // console
        console.setId("p2pConsole");
        console.promptTextProperty().bind(i18n.bind("p2p.console.prompt"));
        console.setOnAction(e -> runConsole());
        Button runCmd = button("p2pRunCommand", "p2p.console.run", "p2p.console.run.tip", this::runConsole);
        Label prompt = new Label("p2p ›");
        prompt.getStyleClass().add("p2p-prompt");
        HBox consoleRow = new HBox(4, prompt, console, runCmd);
        HBox.setHgrow(console, Priority.ALWAYS);
        consoleRow.setAlignment(Pos.CENTER_LEFT);

        // jumps between actions
        Button prev = button("p2pPrevAction", "p2p.prevAction", "p2p.prevAction.tip", vm::previousAction);
        prev.disableProperty().bind(vm.canPrevActionProperty().not());
        Button next = button("p2pNextAction", "p2p.nextAction", "p2p.nextAction.tip", vm::nextAction);
        next.disableProperty().bind(vm.canNextActionProperty().not());
        Label where = new Label();
        where.setId("p2pWhere");
        where.getStyleClass().add("p2p-where");
        where.textProperty().bind(Bindings.createStringBinding(this::whereText, vm.actionAtCursorProperty(), vm.actions(),
                vm.shownProperty(), i18n.localeProperty()));
        HBox jumpRow = new HBox(6, prev, next, where);
        where.setMinWidth(0);
        jumpRow.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("p2pStatus");
        status.getStyleClass().add("p2p-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            Message err = vm.errorProperty().get();
            if (err != null) return i18n.tr(err.key(), err.args());
            Message m = vm.statusProperty().get();
            return m == null ? "" : i18n.tr(m.key(), m.args());
        }, vm.errorProperty(), vm.statusProperty(), i18n.localeProperty()));
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setAlignment(Pos.CENTER_RIGHT);
        vm.errorProperty().addListener((o, a, b) -> {
            if (b != null) status.getStyleClass().add("error");
            else status.getStyleClass().remove("error");
        });
        status.tooltipProperty().set(new Tooltip());
        status.getTooltip().textProperty().bind(status.textProperty());
        // the status line takes the row only for a problem; otherwise it is the tooltip of "where"
        var problem = vm.errorProperty().isNotNull();
        status.visibleProperty().bind(problem);
        status.managedProperty().bind(problem);
        where.setTooltip(status.getTooltip());
        jumpRow.getChildren().add(status);

        // sources
        for (CodePane p : List.of(blogEraCode, fixedCode)) {
            p.setEditable(false);
            p.setMinHeight(60);
        }
        blogEraCode.setId("p2pCodeBlogEra");
        fixedCode.setId("p2pCodeFixed");
        blogEraCode.setText(P2pViewModel.source(Version.BLOG_ERA));
        fixedCode.setText(P2pViewModel.source(Version.FIXED));
        blogEraTab.setContent(blogEraCode);
        fixedTab.setContent(fixedCode);
        blogEraTab.setId("p2pTabBlogEra");
        fixedTab.setId("p2pTabFixed");
        blogEraTab.textProperty().bind(tabTitle(Version.BLOG_ERA));
        fixedTab.textProperty().bind(tabTitle(Version.FIXED));
        sources.getTabs().setAll(blogEraTab, fixedTab);
        sources.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sources.getSelectionModel().select(fixedTab);
        vm.versionProperty().addListener((o, a, v) -> sources.getSelectionModel().select(v == Version.BLOG_ERA ? blogEraTab : fixedTab));
        vm.markersProperty().addListener((o, a, m) -> showMarkers());
        vm.runProperty().addListener((o, a, m) -> showMarkers());

        // registries
        buildListenerTable();
        buildStreamTable();
        HBox listenersHead = new HBox(12, label("p2p.listeners"), addrRow);
        listenersHead.setAlignment(Pos.CENTER_LEFT);
        registries.getChildren().setAll(listenersHead, listenerTable, label("p2p.streams"), streamTable);
        registries.setId("p2pRegistries");
        VBox.setVgrow(listenerTable, Priority.ALWAYS);
        VBox.setVgrow(streamTable, Priority.ALWAYS);
        registries.setMinHeight(0);

        // goroutines, transcript, actions
        buildGoroutineList();
        buildTranscript();
        buildActionList();
        Tab gTab = tab("p2pTabGoroutines", "p2p.tab.goroutines", goroutineList);
        Tab tTab = tab("p2pTabTranscript", "p2p.tab.transcript", transcriptList);
        Tab aTab = tab("p2pTabActions", "p2p.tab.actions", actionList);
        bottomTabs.getTabs().setAll(gTab, tTab, aTab);
        bottomTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottomTabs.setMinHeight(0);

        // the code on top, the registries, the goroutines: the user drags the dividers; by default the
        // registries and the goroutines get the rows they show and the code the rest (placeDividers)
        // the console sits in the tab bar, right of the tabs (its answers go to the transcript tab)
        StackPane lower = new StackPane(bottomTabs, consoleRow);
        lower.setId("p2pLower");
        StackPane.setAlignment(consoleRow, Pos.TOP_RIGHT);
        consoleRow.setMaxHeight(Region.USE_PREF_SIZE);
        consoleRow.setPickOnBounds(false);
        consoleRow.setPadding(new Insets(1, 2, 0, 0));
        lower.setMinHeight(0);
        lower.widthProperty().addListener((o, a, b) -> fitConsole());
        bottomTabs.skinProperty().addListener((o, a, b) -> Platform.runLater(() -> {
            if (bottomTabs.lookup(".headers-region") instanceof Region r) r.widthProperty().addListener((o2, a2, b2) -> fitConsole());
            fitConsole();
        }));
        SplitPane split = new SplitPane(sources, registries, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55, 0.78);
        split.setId("p2pSplit");
        SplitPane.setResizableWithParent(registries, false);
        SplitPane.setResizableWithParent(lower, false);
        this.split = split;
        VBox.setVgrow(split, Priority.ALWAYS);
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getTarget() instanceof Node t ? t : null; n != null && n != split; n = n.getParent()) {
                if (n.getStyleClass().contains("split-pane-divider")) dividersMoved = true;
            }
        });
        split.heightProperty().addListener((o, a, b) -> placeDividers());
        vm.listeners().addListener((javafx.collections.ListChangeListener<Registries.Listener>) c -> fitTables());
        vm.streams().addListener((javafx.collections.ListChangeListener<Registries.Stream>) c -> fitTables());

        // the controls are for the teacher: in presenter mode they stay small, the code and the tables grow
        for (Node n : List.of(bar, addrRow, apiRow, doButtons, jumpRow, consoleRow)) n.getStyleClass().add("p2p-controls");
        // the addresses are for the teacher's terminal, not for the class
        addrRow.visibleProperty().bind(window.presenterProperty().not());
        addrRow.managedProperty().bind(window.presenterProperty().not());
        title.visibleProperty().bind(window.presenterProperty().not());
        title.managedProperty().bind(window.presenterProperty().not());
        root.getChildren().addAll(bar, apiRow, doButtons, jumpRow, split);
    }

    private ObservableValue<String> tabTitle(Version v) {
        return Bindings.createStringBinding(() -> (vm.versionProperty().get() == v ? "● " : "")
                + i18n.tr(v == Version.BLOG_ERA ? "p2p.version.blogera" : "p2p.version.fixed") + "  " + v.fileName(),
                vm.versionProperty(), i18n.localeProperty());
    }

    private void showMarkers() {
        P2pRun r = vm.run();
        Version v = r == null ? vm.versionProperty().get() : r.version();
        (v == Version.BLOG_ERA ? blogEraCode : fixedCode).setMarkers(vm.markersProperty().get());
        (v == Version.BLOG_ERA ? fixedCode : blogEraCode).setMarkers(java.util.Map.of());
        // after the goroutine list and its selection have followed the cursor too
        Platform.runLater(this::revealGoroutine);
    }

    /** The code pane of the version that ran. */
    private CodePane runCode() {
        P2pRun r = vm.run();
        Version v = r == null ? vm.versionProperty().get() : r.version();
        return v == Version.BLOG_ERA ? blogEraCode : fixedCode;
    }

    /**
     * Scrolls the code (if needed) so that the selected goroutine's line is in view, else the
     * running goroutine's, else the first marked line.
     */
    void revealGoroutine() {
        int line = lineToReveal();
        CodePane p = runCode();
        var area = p.area();
        if (line < 1 || line > area.getParagraphs().size()) return;
        try {
            int first = area.firstVisibleParToAllParIndex(), last = area.lastVisibleParToAllParIndex();
            // in view, a line of context above and below (the first and last may be cut): leave it
            if (line - 1 > first + 1 && line - 1 < last - 1) return;
        } catch (RuntimeException notLaidOut) {
            // no visible paragraphs yet
        }
        area.showParagraphAtCenter(line - 1);
    }

    /** The line {@link #revealGoroutine} shows (0: none). */
    int lineToReveal() {
        DemoGoroutine sel = goroutineList.getSelectionModel().getSelectedItem();
        if (sel != null && sel.line() > 0) return sel.line();
        var markers = vm.markersProperty().get();
        if (markers == null || markers.isEmpty()) return 0;
        int first = Integer.MAX_VALUE;
        for (var e : markers.entrySet()) {
            for (var m : e.getValue()) {
                if (m.state() == gmplab.ui.model.CodeMarkers.State.RUNNING) return e.getKey();
            }
            first = Math.min(first, e.getKey());
        }
        return first == Integer.MAX_VALUE ? 0 : first;
    }

    /** The registry tables as tall as their rows (at least one: the placeholder), then the dividers again. */
    private void fitTables() {
        for (TableView<?> t : List.of(listenerTable, streamTable)) {
            double header = t.lookup(".column-header-background") instanceof Region r && r.getHeight() > 0 ? r.getHeight()
                    : (big() ? 30 : 25);
            int rows = Math.max(1, Math.min(TABLE_ROWS, t.getItems().size()));
            double insets = t.snappedTopInset() + t.snappedBottomInset();
            t.setPrefHeight(Math.ceil(header + rows * t.getFixedCellSize() + insets + 2));
        }
        placeDividers();
    }

    /**
     * The split's default: the goroutine list shows {@link #GOROUTINE_ROWS} rows, the registries
     * their rows and the code the rest (at 1280×720 some twelve lines). Once the user drags a
     * divider it stays where they put it (until presenter mode or the theme changes).
     */
    void placeDividers() {
        if (split == null || dividersMoved || split.getHeight() <= 0) return;
        double h = split.getHeight();
        double div = split.lookup(".split-pane-divider") instanceof Region r && r.getHeight() > 0 ? r.getHeight() : 6;
        double tabs = bottomTabs.lookup(".tab-header-area") instanceof Region r && r.getHeight() > 0 ? r.getHeight()
                : (big() ? 32 : 26);
        double goroutines = tabs + (big() ? GOROUTINE_ROWS_PRESENTER : GOROUTINE_ROWS) * goroutineList.getFixedCellSize() + 4;
        double regs = registries.prefHeight(split.getWidth());
        double code = Math.max(h * 0.3, h - goroutines - regs - 2 * div);
        double second = Math.min(0.95, (code + div + regs + div / 2) / h);
        split.setDividerPositions((code + div / 2) / h, second);
    }

    /** The console as wide as the tab bar leaves room for, right of the tabs. */
    private void fitConsole() {
        Node lower = bottomTabs.getParent();
        if (!(lower instanceof Region l) || l.getWidth() <= 0) return;
        double tabs = bottomTabs.lookup(".headers-region") instanceof Region r && r.getWidth() > 0 ? r.getWidth() : 240;
        ((Region) console.getParent()).setMaxWidth(Math.max(120, l.getWidth() - tabs - 14));
    }

    private boolean big() {
        return window.presenterProperty().get();
    }

    private void buildListenerTable() {
        listenerTable.setId("p2pListenerTable");
        listenerTable.setItems(vm.listeners());
        listenerTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Registries.Listener, String> running = column("p2pColRunning", "p2p.col.running", Registries.Listener::running);
        listenerTable.getColumns().setAll(List.of(
                column("p2pColProtocol", "p2p.col.protocol", Registries.Listener::protocol),
                column("p2pColListen", "p2p.col.listenAddress", Registries.Listener::listenAddress),
                column("p2pColTarget", "p2p.col.targetAddress", Registries.Listener::targetAddress),
                running));
        running.visibleProperty().bind(Bindings.equal(vm.versionProperty(), Version.BLOG_ERA));
        running.setMaxWidth(90);
        listenerTable.setPlaceholder(placeholder("p2p.listeners.none"));
        listenerTable.setMinHeight(0);
        listenerTable.setFixedCellSize(22);
    }

    private void buildStreamTable() {
        streamTable.setId("p2pStreamTable");
        streamTable.setItems(vm.streams());
        streamTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Registries.Stream, String> id = column("p2pColId", null, Registries.Stream::id);
        id.setMaxWidth(90);
        TableColumn<Registries.Stream, String> origin = column("p2pColOrigin", null, Registries.Stream::origin);
        TableColumn<Registries.Stream, String> target = column("p2pColTargetStream", null, Registries.Stream::target);
        var blog = Bindings.equal(vm.versionProperty(), Version.BLOG_ERA);
        id.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr(blog.get() ? "p2p.col.handlerId" : "p2p.col.id"), blog, i18n.localeProperty()));
        origin.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr(blog.get() ? "p2p.col.local" : "p2p.col.origin"), blog, i18n.localeProperty()));
        target.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr(blog.get() ? "p2p.col.remote" : "p2p.col.target"), blog, i18n.localeProperty()));
        streamTable.getColumns().setAll(List.of(id, column("p2pColStreamProtocol", "p2p.col.protocol", Registries.Stream::protocol), origin, target));
        streamTable.setPlaceholder(placeholder("p2p.streams.none"));
        streamTable.setMinHeight(0);
        streamTable.setFixedCellSize(22);
    }

    private <T> TableColumn<T, String> column(String id, String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>();
        c.setId(id);
        if (key != null) c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        // multiaddrs are long: the whole value in a tooltip
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    private void buildGoroutineList() {
        goroutineList.setId("p2pGoroutines");
        goroutineList.setItems(vm.goroutines());
        goroutineList.setPlaceholder(placeholder("p2p.goroutines.none"));
        goroutineList.setCellFactory(l -> new ListCell<>() {
            {
                // no horizontal scroll bar taking a row: a long function name is cut (the tooltip has it)
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(DemoGoroutine g, boolean empty) {
                super.updateItem(g, empty);
                getStyleClass().removeAll("role-accept_loop", "role-stream_handler", "role-copy", "role-request", "role-main", "role-network", "role-other");
                if (empty || g == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                getStyleClass().add("role-" + g.role().name().toLowerCase(Locale.ROOT));
                Label chip = new Label("G" + g.goid());
                chip.getStyleClass().add("g-chip");
                Color c = palette().g(g.goid());
                chip.setStyle("-fx-background-color: " + web(c) + "; -fx-text-fill: " + web(Palette.on(c)) + ";");
                chip.setMinWidth(Region.USE_PREF_SIZE);
                Label role = new Label(i18n.tr(g.role().key()));
                role.getStyleClass().add("g-role");
                role.setMinWidth(Region.USE_PREF_SIZE);
                Label state = new Label(stateText(g));
                state.getStyleClass().addAll("g-state", g.status().name().toLowerCase(Locale.ROOT));
                state.setMinWidth(Region.USE_PREF_SIZE);
                Label fn = new Label(g.shortFunction() + (g.line() > 0 ? "  :" + g.line() : ""));
                fn.getStyleClass().add("g-func");
                fn.setMinWidth(0);
                fn.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
                HBox box = new HBox(6, chip, role, state, fn);
                box.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(box);
                setTooltip(new Tooltip(g.function() + (g.waitingOn().isEmpty() ? "" : "\n" + g.waitReason() + ": " + g.waitingOn())));
            }
        });
        goroutineList.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g == null || syncingSelection) return;
            vm.select(g);
            if (g.line() > 0) {
                CodePane p = vm.run() != null && vm.run().version() == Version.BLOG_ERA ? blogEraCode : fixedCode;
                p.positionCaret(g.line(), 1);
                // the caret at the pane's edge: its line with some context
                Platform.runLater(this::revealGoroutine);
            }
        });
        // double-click or Enter: follow that goroutine to its next event
        goroutineList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) vm.nextEventOf(goroutineList.getSelectionModel().getSelectedItem());
        });
        goroutineList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) vm.nextEventOf(goroutineList.getSelectionModel().getSelectedItem());
        });
        goroutineList.setTooltip(tip("p2p.goroutines.tip"));
        // the board's selection is shown in the list (a G picked on the board)
        run.selectionProperty().addListener((o, a, s) -> syncSelection());
        vm.goroutines().addListener((javafx.collections.ListChangeListener<DemoGoroutine>) c -> syncSelection());
    }

    private void syncSelection() {
        SchedDetail.Selection s = run.selectionProperty().get();
        syncingSelection = true;
        try {
            if (s == null || s.kind() != SchedDetail.Kind.G) {
                goroutineList.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < vm.goroutines().size(); i++) {
                if (vm.goroutines().get(i).goid() == s.id()) {
                    goroutineList.getSelectionModel().select(i);
                    return;
                }
            }
            goroutineList.getSelectionModel().clearSelection();
        } finally {
            syncingSelection = false;
        }
    }

    private String stateText(DemoGoroutine g) {
        String st = i18n.tr("p2p.gstate." + g.status().name().toLowerCase(Locale.ROOT));
        if (g.waitReason().isEmpty()) return st;
        return st + " (" + g.waitReason() + (g.waitingOn().isEmpty() ? "" : ": " + g.waitingOn()) + ")";
    }

    private void buildTranscript() {
        transcriptList.setId("p2pTranscript");
        transcriptList.setItems(vm.transcript());
        transcriptList.setPlaceholder(placeholder("p2p.transcript.none"));
        transcriptList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(P2pRun.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("command", "outside");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText(line.text().replace("\t", "   "));
                if (line.text().startsWith(">")) getStyleClass().add("command");
                else if (line.text().matches("^[sc]\\d+[ :].*")) getStyleClass().add("outside");
            }
        });
        vm.transcript().addListener((javafx.collections.ListChangeListener<P2pRun.Line>) c -> {
            if (!vm.transcript().isEmpty()) transcriptList.scrollTo(vm.transcript().size() - 1);
        });
    }

    private void buildActionList() {
        actionList.setId("p2pActions");
        actionList.setItems(vm.actions());
        actionList.setPlaceholder(placeholder("p2p.actions.none"));
        actionList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(P2pAction a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().remove("current");
                if (empty || a == null) {
                    setText(null);
                    return;
                }
                setText((getIndex() + 1) + ". " + describe(a));
                if (getIndex() == vm.actionAtCursorProperty().get()) getStyleClass().add("current");
            }
        });
        vm.actionAtCursorProperty().addListener((o, a, b) -> actionList.refresh());
        // double-click (or Enter) jumps to where the action begins
        actionList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) jumpToAction(actionList.getSelectionModel().getSelectedIndex());
        });
        actionList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) jumpToAction(actionList.getSelectionModel().getSelectedIndex());
        });
    }

    private void jumpToAction(int k) {
        P2pRun r = vm.run();
        if (r != null && k >= 0 && k < r.actionEvents().size() && vm.shownProperty().get()) run.seek(r.actionEvents().get(k));
    }

    /** An action in the user's language. */
    String describe(P2pAction a) {
        if (a instanceof P2pAction.Command c) return "p2p " + c.line();
        if (a instanceof P2pAction.OpenStream o) return i18n.tr("p2p.action.openStream", peerName(o.peer()), o.protocol());
        if (a instanceof P2pAction.Connect c) return i18n.tr("p2p.action.connect", c.addr());
        if (a instanceof P2pAction.CloseWrite w) return i18n.tr("p2p.action.closeWrite", w.name());
        return a.describe();
    }

    private String peerName(String peer) {
        int i = vm.peers().indexOf(peer);
        String letter = i < 0 ? "?" : String.valueOf((char) ('B' + i));
        return letter + " (" + (peer.length() > 8 ? "…" + peer.substring(peer.length() - 7) : peer) + ")";
    }

    private String whereText() {
        if (vm.run() == null) return "";
        if (!vm.shownProperty().get()) return i18n.tr("p2p.where.notShown");
        int k = vm.actionAtCursorProperty().get();
        int n = vm.actions().size();
        if (k < 0) return i18n.tr("p2p.where.start", n);
        return i18n.tr("p2p.where.action", k + 1, n, k < n ? describe(vm.actions().get(k)) : "");
    }

    private void closeSelectedStream() {
        Registries.Stream s = streamTable.getSelectionModel().getSelectedItem();
        if (s == null && !vm.streams().isEmpty()) s = vm.streams().get(0);
        if (s != null) vm.streamClose(s.id());
    }

    private void runConsole() {
        String line = console.getText();
        if (line == null || line.isBlank()) return;
        // the answer shows in the transcript
        bottomTabs.getSelectionModel().select(1);
        vm.command(line);
        console.clear();
    }

    private void tick() {
        if (isShowing() && autoRefresh.isSelected()) vm.autoRefresh();
    }

    /** Keyboard while the pane shows: Alt+← / Alt+→ previous / next action (not while typing). */
    private void onKey(KeyEvent e) {
        if (!isShowing()) return;
        var focus = window.root().getScene() == null ? null : window.root().getScene().getFocusOwner();
        if (focus instanceof javafx.scene.control.TextInputControl) return;
        if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
            vm.nextAction();
            e.consume();
        } else if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
            vm.previousAction();
            e.consume();
        }
    }

    /**
     * Gives the pane more room than the code pane has (it holds two sources and two tables):
     * wider beside the board, and taller over the timeline (the main window restores both
     * when the pane closes).
     */
    private void widen() {
        Platform.runLater(() -> {
            boolean inner = false;
            for (Parent p = root.getParent(); p != null; p = p.getParent()) {
                if (!(p instanceof SplitPane sp)) continue;
                if (!inner && sp.getItems().contains(root)) {
                    if (sp.getItems().size() == 3) sp.setDividerPositions(0.44, 0.76);
                    else if (sp.getItems().size() == 2) sp.setDividerPositions(0.5);
                    inner = true;
                } else if (inner && sp.getOrientation() == Orientation.VERTICAL && sp.getItems().size() == 2) {
                    sp.setDividerPositions(0.87);
                    return;
                }
            }
        });
    }

    private void applyLook() {
        if (window.presenterProperty().get()) {
            if (!root.getStyleClass().contains("presenter")) root.getStyleClass().add("presenter");
        } else {
            root.getStyleClass().remove("presenter");
        }
        blogEraCode.setLook(palette());
        fixedCode.setLook(palette());
        boolean big = window.presenterProperty().get();
        listenerTable.setFixedCellSize(big ? 24 : 20);
        streamTable.setFixedCellSize(big ? 24 : 20);
        goroutineList.setFixedCellSize(big ? 27 : 22);
        goroutineList.refresh();
        dividersMoved = false;
        // once the new look's CSS is laid out
        Platform.runLater(this::fitTables);
        if (isShowing()) widen();
    }

    private Palette palette() {
        return window.presenterProperty().get() ? Palette.PRESENTER : window.darkProperty().get() ? Palette.DARK : Palette.LIGHT;
    }

    // ------------------------------------------------------------------ small builders

    private MenuItem item(String key, String combo, Runnable action) {
        MenuItem mi = new MenuItem();
        mi.textProperty().bind(i18n.bind(key));
        mi.setId("menu-" + key.replace('.', '-'));
        if (combo != null) mi.setAccelerator(KeyCombination.keyCombination(combo));
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private Button button(String id, String key, String tipKey, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        if (tipKey != null) b.setTooltip(tip(tipKey));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(vm.busyProperty());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private ToggleButton toggle(String id, String key, String tipKey, ToggleGroup g) {
        ToggleButton t = new ToggleButton();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        t.setTooltip(tip(tipKey));
        t.setToggleGroup(g);
        t.setMinWidth(Region.USE_PREF_SIZE);
        t.disableProperty().bind(vm.busyProperty());
        return t;
    }

    /** Keeps a two-button toggle group and a view-model property in step (a click on the selected one does nothing). */
    private <T> void syncToggle(ToggleGroup g, ToggleButton first, ToggleButton second, ObservableValue<T> prop, T firstValue,
                                java.util.function.Consumer<T> set, T secondValue) {
        java.util.function.Supplier<ToggleButton> shown = () -> prop.getValue() == firstValue ? first : second;
        Runnable show = () -> g.selectToggle(shown.get());
        show.run();
        prop.addListener((o, a, b) -> show.run());
        g.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                show.run();
                return;
            }
            if (b == shown.get()) return; // already what the property says (e.g. the second also stands for a third value)
            set.accept(b == first ? firstValue : secondValue);
        });
    }

    private static HBox segment(ToggleButton a, ToggleButton b) {
        a.getStyleClass().add("left-pill");
        b.getStyleClass().add("right-pill");
        HBox h = new HBox(0, a, b);
        h.getStyleClass().add("segmented");
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("p2p-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label placeholder(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("p2p-placeholder");
        l.setWrapText(true);
        return l;
    }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        t.setContent(content);
        return t;
    }

    private static TextField readOnly(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setEditable(false);
        t.getStyleClass().add("p2p-address");
        t.setFocusTraversable(false);
        return t;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Region spacer(double w) {
        Region r = new Region();
        r.setMinWidth(w);
        return r;
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
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
                        selectAcceptLoop();
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
        else run.recordingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends gmplab.runtime.Recording> o, gmplab.runtime.Recording a,
                                gmplab.runtime.Recording b) {
                if (b == null) return;
                run.recordingProperty().removeListener(this);
                go.run();
            }
        });
        return true;
    }

    /** Runs {@code then} once the board shows {@code rec} (at once if it does). */
    private void whenOnBoard(gmplab.runtime.Recording rec, Runnable then) {
        if (run.recording() == rec) {
            then.run();
            return;
        }
        run.recordingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends gmplab.runtime.Recording> o, gmplab.runtime.Recording a,
                                gmplab.runtime.Recording b) {
                if (b != rec) return;
                run.recordingProperty().removeListener(this);
                Platform.runLater(then);
            }
        });
    }

    private void selectAcceptLoop() {
        for (DemoGoroutine g : vm.goroutines()) {
            if (g.role() == DemoGoroutine.Role.ACCEPT_LOOP) {
                goroutineList.getSelectionModel().select(g);
                return;
            }
        }
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
