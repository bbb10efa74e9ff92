package gmplab.ui.view;

import gmplab.cli.Workloads;
import gmplab.runtime.Recording;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.Bookmarks;
import gmplab.ui.model.CodeMarkers;
import gmplab.ui.model.CompileError;
import gmplab.ui.model.EventFilter;
import gmplab.ui.model.EventFilter.KindChoice;
import gmplab.ui.model.EventLogModel;
import gmplab.ui.model.Exports;
import gmplab.ui.model.GoFileSource;
import gmplab.ui.model.Message;
import gmplab.ui.model.ProgramSource;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.model.SchedDetail;
import gmplab.ui.model.WorkloadSource;
import gmplab.trace.EventKind;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The main window: menus, the transport bar (steps, play, scrubber, settings),
 * the code pane, the G/M/P board, the "why" panel, the event log, the
 * inspector, the program output and the timeline. A view: it binds to a
 * {@link RunViewModel} and translates every string through {@link I18n}.
 */
public final class MainWindow {
    /** CJK font families tried, in order, for Chinese (the first one installed wins). */
    static final List<String> CJK_FONTS = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "AR PL UMing CN", "Droid Sans Fallback");

    private final RunViewModel vm;
    private final I18n i18n;
    private final AppOptions opts;
    private final StackPane root = new StackPane();
    private final BorderPane main = new BorderPane();
    private final BoardCanvas board;
    private final TimelineCanvas timeline = new TimelineCanvas();
    private final CodePane code = new CodePane();
    private final Label codeErrors = new Label();
    private final ListView<String> goroutines = new ListView<>();
    private final Label why = new Label();
    private final Label whyFunc = new Label();
    private final ListView<Integer> log = new ListView<>();
    private final ComboBox<KindChoice> kindFilter = new ComboBox<>();
    private final TextField textFilter = new TextField();
    private final TextArea inspector = new TextArea();
    private final TextArea output = new TextArea();
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label position = new Label();
    private final Label speedLabel = new Label();
    private final Label status = new Label();
    private final Spinner<Integer> procs = new Spinner<>(1, 64, 4);
    private final TextField seed = new TextField("1");
    private final CheckBox asyncPreempt = new CheckBox();
    private final Button playButton = new Button();
    /** A pane docked beside the board in place of the code pane (the lesson player), or null. */
    private final javafx.beans.property.ObjectProperty<Node> dock = new javafx.beans.property.SimpleObjectProperty<>();
    private MenuBar menuBar;
    private final Bookmarks bookmarks;
    private final ListView<Integer> bookmarkList = new ListView<>();
    private final ComboBox<Integer> timeStep = new ComboBox<>();
    private final SplitPane centerSplit = new SplitPane();
    private final SplitPane outerSplit = new SplitPane();
    private final VBox left = new VBox(4);
    private final VBox right = new VBox(4);
    private final TabPane rightTabs = new TabPane();
    private final VBox whyBox = new VBox(2);
    private final Node help;
    private final BooleanProperty presenter = new SimpleBooleanProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final Menu recentMenu = new Menu();
    private final RecentFiles recent = new RecentFiles();
    private int[] logRows = new int[0];
    private List<Node> settingsNodes = List.of();
    private boolean syncing;
    /** Asks where to save (title key, default file name) → path or null; replaceable in tests. */
    private BiFunction<String, String, Path> saveAsker = this::askSave;
    private BiFunction<String, String, Path> openAsker = this::askOpen;

    public MainWindow(RunViewModel vm, I18n i18n, AppOptions opts) {
        this.vm = vm;
        this.i18n = i18n;
        this.opts = opts;
        this.board = new BoardCanvas(i18n);
        this.bookmarks = new Bookmarks(vm);
        root.setId("root");
        root.getStyleClass().add("gmplab");
        help = buildHelp();
        help.setVisible(false);
        main.setTop(new VBox(buildMenus(), buildToolbar()));
        buildPanes();
        main.setCenter(outerSplit);
        status.setId("status");
        HBox statusBar = new HBox(12, status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(3, 8, 3, 8));
        main.setBottom(statusBar);
        root.getChildren().addAll(main, help);
        bindModel();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        board.setFocusTraversable(true);
        board.setOnMousePressed(e -> board.requestFocus());
        root.sceneProperty().addListener((o, a, sc) -> {
            if (sc != null) javafx.application.Platform.runLater(board::requestFocus);
        });
        i18n.localeProperty().addListener((o, a, b) -> relocalise());
        presenter.addListener((o, a, b) -> applyLook());
        dark.addListener((o, a, b) -> applyLook());
        dock.addListener((o, a, b) -> layoutPanes());
        dark.set("dark".equalsIgnoreCase(opts.theme()));
        presenter.set(opts.presenter());
        procs.getValueFactory().setValue(opts.gomaxprocs());
        seed.setText(Long.toString(opts.seed()));
        asyncPreempt.setSelected(true);
        // Show the settings the run on screen really used (a program's runtime.GOMAXPROCS(n), a lesson's settings).
        vm.recordingProperty().addListener((o, a, r) -> {
            if (r == null) return;
            procs.getValueFactory().setValue(r.config().gomaxprocs());
            seed.setText(Long.toString(r.config().seed()));
            asyncPreempt.setSelected(r.config().asyncPreempt());
        });
        relocalise();
        applyLook();
        AnimationTimer clock = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) vm.advance((now - last) / 1e9);
                last = now;
            }
        };
        clock.start();
    }

    public Parent root() {
        return root;
    }

    public BoardCanvas board() {
        return board;
    }

    public TimelineCanvas timeline() {
        return timeline;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The pane docked beside the board (null: the code pane). */
    public javafx.beans.property.ObjectProperty<Node> dockProperty() {
        return dock;
    }

    /** Adds a menu before Help (the Lessons menu). */
    public void addMenu(Menu m) {
        menuBar.getMenus().add(menuBar.getMenus().size() - 1, m);
    }

    public void setSaveAsker(BiFunction<String, String, Path> f) {
        saveAsker = f;
    }

    public void setOpenAsker(BiFunction<String, String, Path> f) {
        openAsker = f;
    }

    // ---------------------------------------------------------------- building

    /** A menu item labelled by bundle key {@code key} (live in both languages), with an optional accelerator. */
    public MenuItem menuItem(String key, String combo, Runnable action) {
        MenuItem mi = new MenuItem();
        mi.textProperty().bind(i18n.bind(key));
        mi.setId("menu-" + key.replace('.', '-'));
        if (combo != null) mi.setAccelerator(KeyCombination.keyCombination(combo));
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(i18n.bind(key));
        m.setId("menu-" + key.replace('.', '-'));
        m.getItems().addAll(items);
        return m;
    }

    private MenuBar buildMenus() {
        recentMenu.textProperty().bind(i18n.bind("menu.recent"));
        refreshRecent();
        Menu file = menu("menu.file",
                menuItem("menu.open", "Shortcut+O", this::openGo),
                menuItem("menu.save", "Shortcut+S", this::saveGo),
                recentMenu,
                new SeparatorMenuItem(),
                menuItem("menu.exportPng", "Shortcut+P", this::exportPng),
                menuItem("menu.exportTrace", "Shortcut+T", this::exportTrace),
                menuItem("menu.exportSchedtrace", null, this::exportSchedtrace),
                menuItem("menu.compare", null, this::compare),
                new SeparatorMenuItem(),
                menuItem("menu.quit", "Shortcut+Q", () -> javafx.application.Platform.exit()));
        Menu examples = menu("menu.examples");
        for (Workloads.Workload w : Workloads.all().values()) {
            MenuItem mi = new MenuItem(w.name());
            mi.setId("example-" + w.name());
            mi.setOnAction(e -> vm.load(WorkloadSource.of(w, opts.examplesDir())));
            examples.getItems().add(mi);
        }
        if (opts.examplesDir() != null) {
            examples.getItems().add(new SeparatorMenuItem());
            try (Stream<Path> s = Files.list(opts.examplesDir())) {
                s.map(d -> d.resolve("main.go")).filter(Files::isRegularFile).sorted().forEach(p -> {
                    MenuItem mi = new MenuItem(p.getParent().getFileName() + "/main.go");
                    mi.setOnAction(e -> openFile(p));
                    examples.getItems().add(mi);
                });
            } catch (IOException ignored) {
                // no Go examples listed
            }
        }
        ToggleGroup langs = new ToggleGroup();
        RadioMenuItem en = new RadioMenuItem("English");
        en.setId("lang-en");
        RadioMenuItem zh = new RadioMenuItem("简体中文");
        zh.setId("lang-zh");
        en.setToggleGroup(langs);
        zh.setToggleGroup(langs);
        en.setSelected(!i18n.isChinese());
        zh.setSelected(i18n.isChinese());
        en.setOnAction(e -> i18n.setLocale(Locale.ENGLISH));
        zh.setOnAction(e -> i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        i18n.localeProperty().addListener((o, a, b) -> (i18n.isChinese() ? zh : en).setSelected(true));
        Menu lang = menu("menu.language", en, zh);
        lang.setAccelerator(null);
        Menu view = menu("menu.view", lang,
                menuItem("menu.toggleLanguage", "Shortcut+L", this::toggleLanguage),
                menuItem("menu.theme", "Shortcut+D", () -> dark.set(!dark.get())),
                menuItem("menu.presenter", "F11", this::togglePresenter),
                menuItem("menu.resetZoom", null, timeline::resetZoom));
        Menu helpMenu = menu("menu.help", menuItem("menu.shortcuts", "F1", this::toggleHelp));
        MenuBar bar = new MenuBar(file, examples, view, helpMenu);
        menuBar = bar;
        bar.setId("menubar");
        return bar;
    }

    private Button button(String id, String glyph, String tipKey, Runnable action) {
        Button b = new Button(glyph);
        b.setId(id);
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(tipKey));
        b.setTooltip(t);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private ToolBar buildToolbar() {
        playButton.setId("play");
        playButton.setOnAction(e -> vm.togglePlay());
        playButton.setFocusTraversable(false);
        playButton.setMinWidth(Region.USE_PREF_SIZE);
        scrubber.setId("scrubber");
        scrubber.setFocusTraversable(false);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMinWidth(60);
        scrubber.setPrefWidth(90);
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.seek((int) Math.round(b.doubleValue()));
        });
        position.setId("position");
        position.setMinWidth(Region.USE_PREF_SIZE);
        speedLabel.setId("speed");
        procs.setId("gomaxprocs");
        procs.setPrefWidth(70);
        procs.setEditable(true);
        seed.setId("seed");
        seed.setPrefColumnCount(4);
        asyncPreempt.setId("asyncPreempt");
        Label procsLabel = new Label();
        procsLabel.textProperty().bind(i18n.bind("settings.gomaxprocs"));
        Label seedLabel = new Label();
        seedLabel.textProperty().bind(i18n.bind("settings.seed"));
        asyncPreempt.textProperty().bind(i18n.bind("settings.async"));
        Button again = new Button();
        again.setId("runAgain");
        again.textProperty().bind(i18n.bind("settings.runAgain"));
        again.setOnAction(e -> runAgain());
        again.setMinWidth(Region.USE_PREF_SIZE);
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        settingsNodes = List.of(procsLabel, procs, seedLabel, seed, asyncPreempt, again);
        ToolBar tb = new ToolBar(
                button("home", "|◀", "key.home", vm::home),
                button("decisionBack", "◀◀", "key.decisionBack", vm::stepDecisionBack),
                button("stepBack", "◀", "key.back", vm::stepBack),
                playButton,
                button("stepForward", "▶", "key.forward", vm::stepForward),
                button("decisionForward", "▶▶", "key.decisionForward", vm::stepDecisionForward),
                button("end", "▶|", "key.end", vm::end),
                buildTimeStep(),
                button("bookmark", "★", "key.bookmark", bookmarks::toggle),
                speedLabel, scrubber, position,
                procsLabel, procs, seedLabel, seed, asyncPreempt, again);
        tb.setId("transport");
        return tb;
    }

    /** Step by simulated time: ◀Δt [1 µs | 10 µs | 100 µs | 1 ms] Δt▶ (also Ctrl+← / Ctrl+→). */
    private Node buildTimeStep() {
        timeStep.setId("timeStep");
        timeStep.setFocusTraversable(false);
        for (int i = 0; i < RunViewModel.TIME_STEPS.length; i++) timeStep.getItems().add(i);
        timeStep.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer i) {
                if (i == null) return "";
                long ns = RunViewModel.TIME_STEPS[i];
                return ns >= 1_000_000 ? ns / 1_000_000 + " ms" : ns / 1_000 + " µs";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        timeStep.setValue(vm.timeStepProperty().get());
        timeStep.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.timeStepProperty().set(b);
        });
        vm.timeStepProperty().addListener((o, a, b) -> timeStep.setValue(b.intValue()));
        timeStep.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(1, button("timeBack", "−Δt", "key.timeStep", () -> vm.stepTime(-1)), timeStep,
                button("timeForward", "+Δt", "key.timeStep", () -> vm.stepTime(+1)));
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node buildBookmarks() {
        bookmarkList.setId("bookmarks");
        bookmarkList.setItems(bookmarks.list());
        Label empty = new Label();
        empty.textProperty().bind(i18n.bind("bookmarks.empty"));
        empty.setWrapText(true);
        bookmarkList.setPlaceholder(empty);
        bookmarkList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Integer idx, boolean isEmpty) {
                super.updateItem(idx, isEmpty);
                Recording r = vm.recording();
                if (isEmpty || idx == null || r == null) {
                    setText(null);
                    return;
                }
                Event e = r.events().get(Math.min(idx, r.size() - 1));
                setText("★ " + i18n.tr("bookmarks.row", idx + 1, fmtTime(e.time()), i18n.narrator().narrate(e)));
            }
        });
        bookmarkList.setOnMouseClicked(e -> {
            Integer b = bookmarkList.getSelectionModel().getSelectedItem();
            if (b != null) bookmarks.jump(b);
        });
        bookmarkList.setOnKeyPressed(e -> {
            Integer b = bookmarkList.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && b != null) bookmarks.jump(b);
        });
        return bookmarkList;
    }

    /** Lines of the code pane that show goroutine markers (for the benchmark and tests). */
    public int codeMarkerLines() {
        return code.markers().size();
    }

    public Bookmarks bookmarks() {
        return bookmarks;
    }

    private void buildPanes() {
        code.setId("code");
        code.getStyleClass().add("code");
        codeErrors.setId("codeErrors");
        codeErrors.getStyleClass().add("errors");
        codeErrors.setWrapText(true);
        goroutines.setId("goroutines");
        goroutines.setPrefHeight(160);
        Label codeTitle = title("pane.code");
        Label gTitle = title("pane.goroutines");
        VBox.setVgrow(code, Priority.ALWAYS);
        left.getChildren().addAll(codeTitle, code, codeErrors, gTitle, goroutines);
        left.setPadding(new Insets(4));
        left.setMinWidth(0);

        why.setId("why");
        why.getStyleClass().add("why");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        whyFunc.setId("whyFunc");
        whyFunc.getStyleClass().add("why-func");
        whyBox.getChildren().addAll(title("pane.why"), why, whyFunc);
        whyBox.setPadding(new Insets(4));

        log.setId("log");
        log.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Integer idx, boolean empty) {
                super.updateItem(idx, empty);
                Recording r = vm.recording();
                if (empty || idx == null || r == null || idx >= r.size()) {
                    setText(null);
                    return;
                }
                Event e = r.events().get(idx);
                setText(String.format("%d  %s  %s", e.seq(), fmtTime(e.time()), i18n.narrator().narrate(e)));
                getStyleClass().removeAll("decision", "bookkeeping");
                getStyleClass().add(e.kind().decision ? "decision" : "bookkeeping");
            }
        });
        log.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) vm.seek(b);
        });
        kindFilter.setId("kindFilter");
        List<KindChoice> choices = new ArrayList<>(List.of(KindChoice.ALL, KindChoice.DECISIONS));
        for (EventKind k : EventKind.values()) choices.add(new KindChoice(k, false));
        kindFilter.setItems(FXCollections.observableList(choices));
        kindFilter.setValue(KindChoice.ALL);
        kindFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(KindChoice c) {
                if (c == null || c.kind() == null) return i18n.tr(c != null && c.decisionsOnly() ? "filter.decisions" : "filter.all");
                return c.kind().name().toLowerCase(Locale.ROOT) + " (" + c.kind().goFunction + ")";
            }

            @Override
            public KindChoice fromString(String s) {
                return null;
            }
        });
        kindFilter.valueProperty().addListener(o -> refilter());
        textFilter.setId("textFilter");
        textFilter.textProperty().addListener(o -> refilter());
        HBox.setHgrow(textFilter, Priority.ALWAYS);
        HBox filters = new HBox(4, kindFilter, textFilter);
        VBox logBox = new VBox(4, filters, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        logBox.setPadding(new Insets(4));

        inspector.setId("inspector");
        inspector.setEditable(false);
        inspector.getStyleClass().add("code");
        output.setId("output");
        output.setEditable(false);
        output.getStyleClass().add("code");
        rightTabs.getTabs().addAll(tab("pane.log", logBox), tab("pane.inspector", inspector), tab("pane.output", output),
                tab("pane.bookmarks", buildBookmarks()));
        rightTabs.setId("rightTabs");
        rightTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(rightTabs, Priority.ALWAYS);
        right.getChildren().addAll(whyBox, rightTabs);
        right.setMinWidth(0);

        board.setOnSelect(sel -> {
            vm.selectionProperty().set(sel);
            rightTabs.getSelectionModel().select(1);
        });
        timeline.setOnSeek(vm::seekTime);
        timeline.setPrefHeight(150);
        layoutPanes();
    }

    private void layoutPanes() {
        boolean roomy = dock.get() != null && Boolean.TRUE.equals(dock.get().getProperties().get(ROOMY));
        for (Node n : settingsNodes) {
            n.setVisible(!presenter.get());
            n.setManaged(!presenter.get());
        }
        if (presenter.get()) {
            VBox pres = new VBox(6, whyBox);
            pres.setPadding(new Insets(6));
            BorderPane c = new BorderPane(board);
            c.setBottom(whyBox);
            if (dock.get() != null) centerSplit.getItems().setAll(dock.get(), c);
            else centerSplit.getItems().setAll(c);
            if (dock.get() != null) centerSplit.setDividerPositions(roomy ? 0.5 : 0.4);
        } else {
            if (!right.getChildren().contains(whyBox)) right.getChildren().add(0, whyBox);
            centerSplit.getItems().setAll(dock.get() != null ? dock.get() : left, board, right);
            if (roomy) centerSplit.setDividerPositions(0.44, 0.76);
            else if (dock.get() != null) centerSplit.setDividerPositions(0.3, 0.7);
            else centerSplit.setDividerPositions(0.27, 0.66);
        }
        outerSplit.setOrientation(Orientation.VERTICAL);
        outerSplit.getItems().setAll(centerSplit, timeline);
        outerSplit.setDividerPositions(roomy ? 0.87 : 0.8);
    }

    private static final String ROOMY = "gmplab.dock.roomy";

    /**
     * Marks {@code pane} as a dock that needs more room than the code pane (the P2P pane: two
     * sources, two tables): docked, it gets a wider share beside the board and a taller one over
     * the timeline. The window places the dividers itself, so a re-layout (language, look) keeps them.
     */
    public static void needsRoom(Node pane) {
        pane.getProperties().put(ROOMY, Boolean.TRUE);
    }

    private Tab tab(String key, Node content) {
        Tab t = new Tab();
        t.textProperty().bind(i18n.bind(key));
        t.setContent(content);
        t.setId("tab-" + key.replace('.', '-'));
        return t;
    }

    private Label title(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("pane-title");
        return l;
    }

    private Node buildHelp() {
        // the board's keys on the left; the lesson player's and the P2P pane's on the right
        String[][] keys = {
                {"Space", "key.play"}, {"→", "key.forward"}, {"←", "key.back"},
                {"Shift+→", "key.decisionForward"}, {"Shift+←", "key.decisionBack"},
                {"Home", "key.home"}, {"End", "key.end"}, {"Ctrl+← / Ctrl+→", "key.timeStep"},
                {"B", "key.bookmark"}, {"[ / ]", "key.bookmarkJump"}, {"+ / −", "key.speed"},
                {"F11", "key.presenter"}, {"F1 / ?", "key.help"}, {"Ctrl+L", "key.language"},
                {"Ctrl+D", "key.theme"}, {"Ctrl+O / Ctrl+S", "key.openSave"}, {"Ctrl+P", "menu.exportPng"},
                {"Ctrl+T", "menu.exportTrace"}, {"Esc", "key.close"}};
        String[][] lessonKeys = {
                {"Ctrl+B", "key.lessonBrowse"}, {"1 … 9", "key.lessonChoice"}, {"Alt+← / Alt+→", "key.lessonStep"}};
        String[][] p2pKeys = {
                {"Ctrl+Shift+P", "key.p2pOpen"}, {"Alt+← / Alt+→", "key.p2pAction"}, {"Enter", "key.p2pFollow"}};
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(24);
        g.setVgap(6);
        Label t = title("help.title");
        g.add(t, 0, 0, 4, 1);
        helpRows(g, 0, 1, keys);
        int row = 1;
        for (String[] group : new String[][]{{"help.lessons"}, {"help.p2p"}}) {
            Label h = new Label();
            h.textProperty().bind(i18n.bind(group[0]));
            h.getStyleClass().addAll("pane-title", "help-group");
            h.setId("help-group-" + group[0].substring("help.".length()));
            if (row > 1) row++; // an empty row between the groups (a margin would shift the left column's rows)
            g.add(h, 2, row++, 2, 1);
            row = helpRows(g, 2, row, group[0].equals("help.lessons") ? lessonKeys : p2pKeys);
        }
        g.getStyleClass().add("help-card");
        g.setPadding(new Insets(20));
        g.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(g);
        overlay.setId("help");
        overlay.getStyleClass().add("help-overlay");
        overlay.setAlignment(Pos.CENTER);
        overlay.setOnMouseClicked(e -> overlay.setVisible(false));
        return overlay;
    }

    /** Adds {@code keys} (key, message key) to the help grid at column {@code col} from {@code row}; returns the next row. */
    private int helpRows(javafx.scene.layout.GridPane g, int col, int row, String[][] keys) {
        for (String[] k : keys) {
            Label key = new Label(k[0]);
            key.getStyleClass().add("help-key");
            Label d = new Label();
            d.textProperty().bind(i18n.bind(k[1]));
            g.add(key, col, row);
            g.add(d, col + 1, row++);
        }
        return row;
    }

    // ---------------------------------------------------------------- binding

    private void bindModel() {
        vm.boardProperty().addListener((o, a, b) -> board.setModel(b, animateMoves()));
        vm.selectionProperty().addListener((o, a, b) -> {
            board.setSelected(b);
            updateInspector();
        });
        vm.recordingProperty().addListener((o, a, r) -> {
            board.refit(); // a new run may need less room than the last one's fullest state
            syncing = true;
            scrubber.setMax(Math.max(1, r.size() - 1));
            syncing = false;
            refilter();
        });
        vm.timelineProperty().addListener((o, a, t) -> timeline.setModel(t));
        vm.cursorProperty().addListener((o, a, b) -> onCursor());
        vm.outputProperty().addListener((o, a, b) -> output.setText(b));
        vm.statusProperty().addListener((o, a, b) -> updateStatus());
        vm.playingProperty().addListener((o, a, b) -> updatePlay());
        vm.speedProperty().addListener((o, a, b) -> updateSpeed());
        vm.sourceProperty().addListener((o, a, s) -> {
            code.setText(s.text());
            code.setEditable(s.editable());
            code.setMarkers(java.util.Map.of());
            updateTitle();
        });
        vm.errors().addListener((javafx.collections.ListChangeListener<CompileError>) c -> {
            codeErrors.setText(String.join("\n", vm.errors().stream().map(CompileError::toString).toList()));
            code.setErrors(vm.errors());
            if (!vm.errors().isEmpty()) {
                CompileError e = vm.errors().get(0);
                positionCaret(e.line(), e.col());
            }
        });
        vm.busyProperty().addListener((o, a, b) -> updateStatus());
    }

    /** Animate the board's moves on single steps, and while playing at up to 8 events per second. */
    private boolean animateMoves() {
        return Math.abs(vm.lastMove()) == 1 && (!vm.playingProperty().get() || RunViewModel.SPEEDS[vm.speedProperty().get()] <= 8)
                && opts.snapshot() == null;
    }

    private void positionCaret(int line, int col) {
        code.positionCaret(line, col);
    }

    private void onCursor() {
        Recording r = vm.recording();
        int c = vm.cursor();
        if (r == null || c < 0) return;
        syncing = true;
        try {
            scrubber.setValue(c);
            int row = EventLogModel.rowFor(logRows, c);
            if (row >= 0) {
                log.getSelectionModel().clearAndSelect(row);
                int first = Math.max(0, row - 5);
                log.scrollTo(first);
            }
        } finally {
            syncing = false;
        }
        Event e = r.events().get(c);
        why.setText(i18n.narrator().narrate(e));
        whyFunc.setText("runtime." + e.goFunction() + (e.kind().decision ? "" : "  · " + i18n.tr("why.bookkeeping")));
        position.setText(i18n.tr("position", c + 1, r.size(), fmtTime(e.time())));
        timeline.setCursorTime(e.time());
        updateInspector();
        updateGoroutines();
    }

    private void updateGoroutines() {
        Snapshot s = vm.snapshotProperty().get();
        if (s == null) return;
        List<String> rows = new ArrayList<>();
        for (Snapshot.GView g : s.gs()) {
            if (g.system() || g.status() == gmplab.runtime.GStatus.DEAD) continue;
            if (rows.size() > 500) break;
            rows.add("G" + g.goid() + "  " + g.status().name().toLowerCase(Locale.ROOT)
                    + (g.position().isEmpty() ? "" : "  " + g.position()) + (g.waitreason().isEmpty() ? "" : "  (" + g.waitreason() + ")"));
        }
        // unchanged rows (often, while playing past sleeping goroutines): no relayout of the list
        if (!goroutines.getItems().equals(rows)) goroutines.getItems().setAll(rows);
        ProgramSource src = vm.sourceProperty().get();
        code.setMarkers(CodeMarkers.of(s, src instanceof GoFileSource g ? g.path().getFileName().toString() : null));
    }

    private void updateInspector() {
        var sel = vm.selectionProperty().get();
        String text = SchedDetail.of(vm.snapshotProperty().get(), sel);
        inspector.setText(sel == null ? i18n.tr("inspector.hint") : text.isEmpty() ? i18n.tr("inspector.gone") : text);
    }

    private void refilter() {
        Recording r = vm.recording();
        if (r == null) return;
        logRows = EventLogModel.indices(r.events(), EventFilter.of(kindFilter.getValue(), textFilter.getText()));
        syncing = true;
        log.setItems(FXCollections.observableList(EventLogModel.asList(logRows)));
        syncing = false;
        onCursor();
    }

    private void updateStatus() {
        Message m = vm.statusProperty().get();
        status.setText(i18n.tr(m.key(), m.args()));
    }

    private void updatePlay() {
        playButton.setText(i18n.tr(vm.playingProperty().get() ? "button.pause" : "button.play"));
    }

    private void updateSpeed() {
        double sp = RunViewModel.SPEEDS[vm.speedProperty().get()];
        speedLabel.setText(i18n.tr("speed", sp < 1 ? String.valueOf(sp) : String.valueOf((int) sp)));
    }

    private void updateTitle() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof javafx.stage.Stage st) {
            ProgramSource s = vm.sourceProperty().get();
            st.setTitle("GMP Lab — " + (s == null ? "" : s.name()));
        }
    }

    private void relocalise() {
        String family = fontFamily();
        root.setStyle("-fx-font-family: \"" + family + "\";");
        updateStatus();
        updatePlay();
        updateSpeed();
        textFilter.setPromptText(i18n.tr("filter.prompt"));
        KindChoice k = kindFilter.getValue();
        kindFilter.setValue(null);
        kindFilter.setValue(k);
        log.refresh();
        bookmarkList.refresh();
        onCursor();
        updateInspector();
        applyLook();
    }

    /** The UI font: a CJK family for Chinese if one is installed, else the platform default. */
    String fontFamily() {
        if (i18n.isChinese()) {
            List<String> fams = Font.getFamilies();
            for (String f : CJK_FONTS) if (fams.contains(f)) return f;
        }
        return "System";
    }

    private void applyLook() {
        root.getStylesheets().setAll(css("base.css"), css(dark.get() ? "dark.css" : "light.css"));
        if (presenter.get()) root.getStylesheets().add(css("presenter.css"));
        Palette p = presenter.get() ? Palette.PRESENTER : dark.get() ? Palette.DARK : Palette.LIGHT;
        double scale = presenter.get() ? 1.5 : 1;
        board.setLook(p, scale, fontFamily());
        timeline.setLook(p, presenter.get() ? 1.3 : 1, fontFamily());
        code.setLook(p);
        layoutPanes();
    }

    private static String css(String name) {
        return MainWindow.class.getResource("/gmplab/ui/" + name).toExternalForm();
    }

    // ---------------------------------------------------------------- actions

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && help.isVisible()) {
            help.setVisible(false);
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F1 || (e.getText().equals("?") && !inText())) {
            toggleHelp();
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F11) {
            togglePresenter();
            e.consume();
            return;
        }
        if (!inText() && e.isShortcutDown() && !e.isShiftDown() && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
            vm.stepTime(e.getCode() == KeyCode.RIGHT ? +1 : -1);
            e.consume();
            return;
        }
        if (inText() || e.isShortcutDown() || e.isAltDown()) return;
        boolean handled = true;
        switch (e.getCode()) {
            case SPACE -> vm.togglePlay();
            case RIGHT -> { if (e.isShiftDown()) vm.stepDecisionForward(); else vm.stepForward(); }
            case LEFT -> { if (e.isShiftDown()) vm.stepDecisionBack(); else vm.stepBack(); }
            case HOME -> vm.home();
            case END -> vm.end();
            case PLUS, ADD, EQUALS -> vm.faster();
            case MINUS, SUBTRACT -> vm.slower();
            case B -> bookmarks.toggle();
            case OPEN_BRACKET -> bookmarks.previous();
            case CLOSE_BRACKET -> bookmarks.next();
            default -> handled = false;
        }
        if (handled) e.consume();
    }

    private boolean inText() {
        if (root.getScene() == null) return false;
        Node f = root.getScene().getFocusOwner();
        return f instanceof TextInputControl t && t.isEditable() || f instanceof Spinner<?>
                || f instanceof org.fxmisc.richtext.GenericStyledArea<?, ?, ?> a && a.isEditable();
    }

    public void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    public void togglePresenter() {
        presenter.set(!presenter.get());
        if (root.getScene() != null && root.getScene().getWindow() instanceof javafx.stage.Stage st && opts.snapshot() == null) {
            st.setFullScreen(presenter.get());
        }
    }

    public void toggleLanguage() {
        i18n.setLocale(i18n.isChinese() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    private void runAgain() {
        long sd;
        try {
            sd = Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException ex) {
            vm.statusProperty().set(new Message("status.badSeed", seed.getText()));
            return;
        }
        SimConfig c = vm.configProperty().get().withGomaxprocs(procs.getValue()).withSeed(sd)
                .withAsyncPreempt(asyncPreempt.isSelected());
        vm.setConfig(c);
        vm.runAgain(code.getText());
        board.requestFocus();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Path askSave(String titleKey, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.tr(titleKey));
        fc.setInitialFileName(name);
        var f = fc.showSaveDialog(window());
        return f == null ? null : f.toPath();
    }

    private Path askOpen(String titleKey, String ext) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.tr(titleKey));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext, ext));
        if (opts.examplesDir() != null) fc.setInitialDirectory(opts.examplesDir().toFile());
        var f = fc.showOpenDialog(window());
        return f == null ? null : f.toPath();
    }

    private void done(String key, Path p) {
        vm.statusProperty().set(new Message(key, p.toString()));
    }

    private void failed(Exception ex) {
        vm.statusProperty().set(new Message("status.failed", String.valueOf(ex.getMessage())));
    }

    public void exportPng() {
        Path p = saveAsker.apply("menu.exportPng", "board.png");
        if (p == null) return;
        try {
            Png.write(board.canvas().snapshot(null, null), p);
            done("status.exported", p);
        } catch (IOException ex) {
            failed(ex);
        }
    }

    public void exportTrace() {
        Path p = saveAsker.apply("menu.exportTrace", "trace.json");
        if (p == null || vm.recording() == null) return;
        try {
            Exports.chromeTrace(vm.recording(), p);
            done("status.exported", p);
        } catch (IOException ex) {
            failed(ex);
        }
    }

    public void exportSchedtrace() {
        Path p = saveAsker.apply("menu.exportSchedtrace", "schedtrace.txt");
        if (p == null || vm.recording() == null) return;
        try {
            var c = vm.sourceProperty().get().compile(code.getText(), vm.configProperty().get());
            if (!c.ok()) return;
            Exports.writeText(Exports.schedtrace(vm.configProperty().get(), c.main(), vm.snapshotProperty().get()), p);
            done("status.exported", p);
        } catch (IOException | RuntimeException ex) {
            failed(ex);
        }
    }

    private void compare() {
        Path p = openAsker.apply("menu.compare", "*.txt");
        if (p == null) return;
        try {
            String real = Files.readString(p);
            var c = vm.sourceProperty().get().compile(code.getText(), vm.configProperty().get());
            String sim = c.ok() ? Exports.schedtrace(vm.configProperty().get(), c.main(), vm.snapshotProperty().get()) : "";
            CompareWindow.show(window(), i18n, p.getFileName().toString(), real, sim, root.getStylesheets());
        } catch (IOException | RuntimeException ex) {
            failed(ex);
        }
    }

    private void openGo() {
        Path p = openAsker.apply("menu.open", "*.go");
        if (p != null) openFile(p);
    }

    public void openFile(Path p) {
        try {
            vm.load(new GoFileSource(p, Files.readString(p)));
            recent.add(p);
            refreshRecent();
        } catch (IOException ex) {
            failed(ex);
        }
    }

    private void saveGo() {
        ProgramSource s = vm.sourceProperty().get();
        String name = s instanceof GoFileSource g ? g.path().getFileName().toString() : "main.go";
        Path p = saveAsker.apply("menu.save", name);
        if (p == null) return;
        try {
            Exports.writeText(code.getText(), p);
            recent.add(p);
            refreshRecent();
            done("status.saved", p);
        } catch (IOException ex) {
            failed(ex);
        }
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem mi = new MenuItem(p.toString());
            mi.setOnAction(e -> openFile(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    static String fmtTime(long ns) {
        if (ns < 1_000_000) return String.format(Locale.ROOT, "%.3fµs", ns / 1e3);
        return String.format(Locale.ROOT, "%.3fms", ns / 1e6);
    }
}
