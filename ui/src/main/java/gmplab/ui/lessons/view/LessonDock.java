package gmplab.ui.lessons.view;

import gmplab.lessons.ProgressStore;
import gmplab.ui.i18n.I18n;
import gmplab.ui.lessons.LessonPlayerViewModel;
import gmplab.ui.lessons.LessonsViewModel;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.view.MainWindow;
import gmplab.ui.view.Png;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The lessons in the main window: a "Lessons" menu, and a pane docked beside
 * the board that shows the lesson browser or the lesson player. The step's run
 * goes to the main window's {@link RunViewModel} (board, log, timeline) with
 * the cursor where the step says. The lesson engine runs on one background
 * thread of its own; results come back on the FX thread.
 */
public final class LessonDock {
    private final MainWindow window;
    private final RunViewModel run;
    private final I18n i18n;
    private final BooleanProperty presenter;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gmplab-lessons");
        t.setDaemon(true);
        return t;
    });
    private final LessonsViewModel lessons;
    private final VBox root = new VBox(4);
    private final StackPane page = new StackPane();
    private final LessonBrowserPane browser;
    private LessonPlayerViewModel player;
    private LessonPlayerPane playerPane;
    private Supplier<Path> folderAsker = this::askFolder;

    private LessonDock(MainWindow window, RunViewModel run, I18n i18n, ProgressStore store) {
        this.window = window;
        this.run = run;
        this.i18n = i18n;
        this.presenter = window.presenterProperty();
        lessons = new LessonsViewModel(background, Platform::runLater, store);
        lessons.setLocale(i18n.locale());
        browser = new LessonBrowserPane(lessons, i18n, this::openLesson, this::openFolder);
        root.setId("lessonDock");
        root.getStyleClass().add("lesson-dock");
        root.getStylesheets().add(LessonDock.class.getResource("/gmplab/ui/lessons.css").toExternalForm());
        root.setMinWidth(0);
        Button close = new Button("✕");
        close.setId("lessonDockClose");
        var tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(i18n.bind("lesson.close"));
        close.setTooltip(tip);
        close.setOnAction(e -> hide());
        close.setFocusTraversable(false);
        javafx.scene.control.Label name = new javafx.scene.control.Label();
        name.textProperty().bind(i18n.bind("lesson.menu"));
        name.getStyleClass().add("pane-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, name, grow, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(page, Priority.ALWAYS);
        root.getChildren().addAll(bar, page);
        page.getChildren().setAll(browser.root());

        presenter.addListener((o, a, b) -> applyPresenter());
        applyPresenter();
        i18n.localeProperty().addListener((o, a, l) -> {
            lessons.setLocale(l);
            if (player != null) player.setLocale(l);
        });

        MenuItem browse = window.menuItem("lesson.browse", "Shortcut+B", this::showBrowser);
        MenuItem folder = window.menuItem("lesson.openFolder", null, this::openFolder);
        MenuItem close2 = window.menuItem("lesson.close", null, this::hide);
        Menu menu = new Menu();
        menu.setId("menu-lessons");
        menu.textProperty().bind(i18n.bind("lesson.menu"));
        menu.getItems().addAll(browse, folder, new SeparatorMenuItem(), close2);
        window.addMenu(menu);
        window.root().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::onKey);
    }

    /**
     * Keyboard, while the player is showing: 1–9 pick that choice, Alt+→ / Alt+← next / back
     * (plain arrows keep stepping the board). Not while typing in a text field.
     */
    private void onKey(javafx.scene.input.KeyEvent e) {
        if (!isShowing() || player == null || playerPane == null || page.getChildren().get(0) != playerPane.root()) return;
        var focus = window.root().getScene() == null ? null : window.root().getScene().getFocusOwner();
        if (focus instanceof javafx.scene.control.TextInputControl || focus instanceof javafx.scene.control.Spinner<?>) return;
        if (e.isAltDown() && e.getCode() == javafx.scene.input.KeyCode.RIGHT) {
            if (player.canNextProperty().get() && !player.busyProperty().get()) player.next();
            e.consume();
        } else if (e.isAltDown() && e.getCode() == javafx.scene.input.KeyCode.LEFT) {
            if (player.canBackProperty().get() && !player.busyProperty().get()) player.back();
            e.consume();
        } else if (!e.isShortcutDown() && !e.isAltDown() && e.getCode().isDigitKey()) {
            var v = player.step();
            int n = e.getText().isEmpty() ? -1 : Character.digit(e.getText().charAt(0), 10);
            if (v != null && n >= 1 && n <= v.choices().size() && !player.busyProperty().get()) {
                player.answer(v.choices().get(n - 1).value());
                e.consume();
            }
        }
    }

    /** Adds the lessons to {@code window} (progress in {@link ProgressStore#defaultLocation()}). */
    public static LessonDock attach(MainWindow window, RunViewModel run, I18n i18n) {
        LessonDock d = new LessonDock(window, run, i18n, new ProgressStore(ProgressStore.defaultLocation()));
        window.root().getProperties().put(LessonDock.class, d);
        return d;
    }

    /** The dock attached to {@code window}, or null. */
    public static LessonDock of(MainWindow window) {
        return (LessonDock) window.root().getProperties().get(LessonDock.class);
    }


    private void applyPresenter() {
        if (presenter.get()) {
            if (!root.getStyleClass().contains("presenter")) root.getStyleClass().add("presenter");
        } else {
            root.getStyleClass().remove("presenter");
        }
    }

    public Node root() {
        return root;
    }

    public LessonsViewModel lessons() {
        return lessons;
    }

    /** The open lesson's player, or null. */
    public LessonPlayerViewModel player() {
        return player;
    }

    public boolean isShowing() {
        return window.dockProperty().get() == root;
    }

    /** Shows the browser (loading the bundled lessons the first time). */
    public void showBrowser() {
        if (lessons.rows().isEmpty() && !lessons.busyProperty().get()) lessons.load(lessons.sourceProperty().get());
        else lessons.refresh();
        page.getChildren().setAll(browser.root());
        window.dockProperty().set(root);
        browser.list().requestFocus();
    }

    public void hide() {
        window.dockProperty().set(null);
    }

    /** Replaces the folder chooser (tests). */
    public void setFolderAsker(Supplier<Path> asker) {
        folderAsker = asker;
    }

    /** Asks for a teacher's lesson folder and shows its lessons. */
    public void openFolder() {
        Path p = folderAsker.get();
        if (p == null) return;
        lessons.openFolder(p);
        page.getChildren().setAll(browser.root());
        window.dockProperty().set(root);
    }

    private Path askFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(i18n.tr("lesson.openFolder"));
        var w = window.root().getScene() == null ? null : window.root().getScene().getWindow();
        File f = dc.showDialog(w);
        return f == null ? null : f.toPath();
    }

    /** Opens lesson {@code id} of the catalog shown in the browser, in the player. */
    public void openLesson(String id) {
        openLesson(id, -1);
    }

    /** Opens lesson {@code id} at step {@code step} (0-based; negative: where the learner left off). */
    public void openLesson(String id, int step) {
        LessonPlayerViewModel p = lessons.open(id);
        player = p;
        playerPane = new LessonPlayerPane(p, i18n, presenter, this::showBrowser);
        p.showProperty().addListener((o, a, s) -> {
            if (s != null && player == p) run.show(s.recording(), s.cursor());
        });
        page.getChildren().setAll(playerPane.root());
        window.dockProperty().set(root);
        p.start();
        if (step >= 0) p.goTo(step);
    }

    /**
     * {@code --lesson ID[:STEP[:ANSWER]]} at start-up (STEP 1-based; ANSWER is given to that step): opens the bundled lesson once the
     * window's first run is shown; with {@code snapshot} set, renders the window to
     * that PNG once the step is on screen and exits. Returns false if no lesson was asked for.
     */
    public boolean startWith(String spec, Scene scene, Path snapshot, Runnable onWritten) {
        if (spec == null || spec.isBlank()) return false;
        String[] parts = spec.split(":", 3);
        String id0 = parts[0];
        int step = parts.length > 1 ? Integer.parseInt(parts[1]) - 1 : -1;
        String answer = parts.length > 2 ? parts[2] : null;
        Runnable go = () -> {
            lessons.loadBundled();
            background.execute(() -> Platform.runLater(() -> {
                openLesson(id0, step);
                if (answer != null) player.answer(answer);
                if (snapshot != null) snapshotWhenShown(scene, snapshot, onWritten);
            }));
        };
        if (run.recording() != null) go.run();
        else run.recordingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends gmplab.runtime.Recording> o,
                                gmplab.runtime.Recording a, gmplab.runtime.Recording b) {
                if (b == null) return;
                run.recordingProperty().removeListener(this);
                go.run();
            }
        });
        return true;
    }

    private void snapshotWhenShown(Scene scene, Path out, Runnable onWritten) {
        LessonPlayerViewModel p = player;
        background.execute(() -> Platform.runLater(() -> {
            // the player's tasks ran before this one; let the run's far seek and the layout settle
            PauseTransition pause = new PauseTransition(Duration.millis(900));
            pause.setOnFinished(e -> {
                try {
                    Png.write(scene.snapshot(null), out);
                    System.out.println("wrote " + out.toAbsolutePath() + " (lesson " + p.lessonIdProperty().get() + ")");
                } catch (Exception ex) {
                    ex.printStackTrace();
                }
                onWritten.run();
            });
            pause.play();
        }));
    }

    /** Stops the lessons' background thread (the app is closing). */
    public void dispose() {
        background.shutdownNow();
    }
}
