package gmplab.ui.p2p;

import gmplab.p2p.demo.P2pAction;
import gmplab.p2p.demo.P2pRun;
import gmplab.ui.i18n.I18n;
import gmplab.ui.model.RunViewModel;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The pane's lower part: tabs with the goroutines, the transcript and the actions (Enter or a
 * double-click on an action puts the board's cursor where it begins), and the {@code p2p}
 * console in the tab bar, right of the tabs, whose answers show in the transcript.
 */
final class TranscriptAndActions {
    private final I18n i18n;
    private final P2pWidgets w;
    private final P2pViewModel vm;
    private final RunViewModel run;
    private final ListView<P2pRun.Line> transcriptList = new ListView<>();
    private final ListView<P2pAction> actionList = new ListView<>();
    private final TabPane tabs = new TabPane();
    private final TextField console = new TextField();
    private final HBox consoleRow;
    private final StackPane root;

    /** {@code goroutines}: the first tab's content. */
    TranscriptAndActions(P2pWidgets w, P2pViewModel vm, RunViewModel run, Node goroutines) {
        this.i18n = w.i18n();
        this.w = w;
        this.vm = vm;
        this.run = run;
        console.setId("p2pConsole");
        console.promptTextProperty().bind(i18n.bind("p2p.console.prompt"));
        console.setOnAction(e -> runConsole());
        Button runCmd = w.button("p2pRunCommand", "p2p.console.run", "p2p.console.run.tip", this::runConsole);
        Label prompt = new Label("p2p ›");
        prompt.getStyleClass().add("p2p-prompt");
        consoleRow = new HBox(4, prompt, console, runCmd);
        HBox.setHgrow(console, Priority.ALWAYS);
        consoleRow.setAlignment(Pos.CENTER_LEFT);

        buildTranscript();
        buildActionList();
        Tab gTab = tab("p2pTabGoroutines", "p2p.tab.goroutines", goroutines);
        Tab tTab = tab("p2pTabTranscript", "p2p.tab.transcript", transcriptList);
        Tab aTab = tab("p2pTabActions", "p2p.tab.actions", actionList);
        tabs.getTabs().setAll(gTab, tTab, aTab);
        // a hidden list ignores scrollTo: show the newest line when the tab comes up
        tTab.selectedProperty().addListener((o, was, now) -> {
            if (now) scrollToNewest();
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(0);

        // the console sits in the tab bar, right of the tabs (its answers go to the transcript tab)
        root = new StackPane(tabs, consoleRow);
        root.setId("p2pLower");
        StackPane.setAlignment(consoleRow, Pos.TOP_RIGHT);
        consoleRow.setMaxHeight(Region.USE_PREF_SIZE);
        consoleRow.setPickOnBounds(false);
        consoleRow.setPadding(new Insets(1, 2, 0, 0));
        root.setMinHeight(0);
        root.widthProperty().addListener((o, a, b) -> fitConsole());
        tabs.skinProperty().addListener((o, a, b) -> Platform.runLater(() -> {
            if (tabs.lookup(".headers-region") instanceof Region r) r.widthProperty().addListener((o2, a2, b2) -> fitConsole());
            fitConsole();
        }));
        // the controls are for the teacher: in presenter mode they stay small
        consoleRow.getStyleClass().add("p2p-controls");
    }

    StackPane root() {
        return root;
    }

    /** The height of the tab bar (before it is laid out: an estimate for the look). */
    double tabBarHeight(boolean big) {
        return tabs.lookup(".tab-header-area") instanceof Region r && r.getHeight() > 0 ? r.getHeight() : (big ? 32 : 26);
    }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        t.setContent(content);
        return t;
    }

    /**
     * A transcript line in the user's language: the lines the session writes come with a key
     * ({@code p2p.line.<key>}); the program's own output (answers, Go errors) stays as written.
     */
    static String say(I18n i18n, P2pRun.Line line) {
        if (line.key() == null) return line.text();
        String t = i18n.tr("p2p.line." + line.key(), line.args().toArray());
        return t.startsWith("!p2p.line.") ? line.text() : t;
    }

    private void buildTranscript() {
        transcriptList.setId("p2pTranscript");
        transcriptList.setItems(vm.transcript());
        transcriptList.setPlaceholder(w.placeholder("p2p.transcript.none"));
        transcriptList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(P2pRun.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("command", "outside");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText(say(i18n, line).replace("\t", "   "));
                if (line.text().startsWith(">")) getStyleClass().add("command");
                else if (line.text().matches("^[sc]\\d+[ :].*")) getStyleClass().add("outside");
            }
        });
        vm.transcript().addListener((ListChangeListener<P2pRun.Line>) c -> scrollToNewest());
    }

    private void scrollToNewest() {
        if (!vm.transcript().isEmpty()) transcriptList.scrollTo(vm.transcript().size() - 1);
    }

    private void buildActionList() {
        actionList.setId("p2pActions");
        actionList.setItems(vm.actions());
        actionList.setPlaceholder(w.placeholder("p2p.actions.none"));
        actionList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(P2pAction a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().remove("current");
                if (empty || a == null) {
                    setText(null);
                    return;
                }
                setText((getIndex() + 1) + ". " + w.describe(a));
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

    private void runConsole() {
        String line = console.getText();
        if (line == null || line.isBlank()) return;
        // the answer shows in the transcript
        tabs.getSelectionModel().select(1);
        vm.command(line);
        console.clear();
    }

    /** The console as wide as the tab bar leaves room for, right of the tabs. */
    private void fitConsole() {
        if (root.getWidth() <= 0) return;
        double headers = tabs.lookup(".headers-region") instanceof Region r && r.getWidth() > 0 ? r.getWidth() : 240;
        consoleRow.setMaxWidth(Math.max(120, root.getWidth() - headers - 14));
    }
}
