package gmplab.ui;

import gmplab.ui.model.RunViewModel;
import gmplab.ui.view.AppOptions;
import gmplab.ui.view.BoardCanvas;
import gmplab.ui.view.MainWindow;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the main window like a user: keys, clicks, menus; checks what the board, the log and the labels show. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    MainWindow window;
    RunViewModel vm;

    @Start
    void start(Stage stage) {
        System.setProperty("gmplab.recent", System.getProperty("java.io.tmpdir") + "/gmplab-test-recent.txt");
        vm = new RunViewModel(Runnable::run, Runnable::run);
        AppOptions o = new AppOptions("en", false, "light", 1, 1, null, -1, "spawn-order", AppOptions.findExamples());
        window = GmpLabApp.create(o, vm);
        stage.setScene(new Scene(window.root(), 1280, 720));
        stage.show();
    }

    private String text(FxRobot r, String id) {
        return r.lookup(id).queryAs(Label.class).getText();
    }

    private String board() {
        return BoardCanvas.describe(vm.boardProperty().get());
    }

    @Test
    void stepsForwardAndBackWithTheKeyboard(FxRobot r) {
        int n = vm.recording().size();
        assertEquals("Event 1 / " + n + " · 0.000µs", text(r, "#position"));
        r.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        assertEquals(2, vm.cursor());
        assertTrue(text(r, "#position").startsWith("Event 3 / " + n), text(r, "#position"));
        ListView<?> log = r.lookup("#log").queryAs(ListView.class);
        assertEquals(2, log.getSelectionModel().getSelectedIndex(), "the log follows the cursor");
        String why = text(r, "#why");
        assertFalse(why.isBlank());
        r.type(KeyCode.LEFT);
        assertEquals(1, vm.cursor());
        // step by decision until all ten goroutines are created: the board shows the runnext puzzle
        for (int i = 0; i < 200 && !board().contains("runq 9"); i++) r.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertTrue(board().contains("P0 RUNNING M0 running G1 runnext G"), board());
        assertTrue(board().contains("runq 9"), board());
        assertTrue(vm.eventProperty().get().kind().decision);
        r.type(KeyCode.END);
        assertEquals(n - 1, vm.cursor());
        assertTrue(r.lookup("#output").queryAs(TextArea.class).getText().startsWith("9\n0\n1\n"));
        r.type(KeyCode.HOME);
        assertEquals(0, vm.cursor());
    }

    @Test
    void clickingTheLogSeeksAndTheFilterNarrowsIt(FxRobot r) {
        ListView<?> log = r.lookup("#log").queryAs(ListView.class);
        r.clickOn("#textFilter").write("G5");
        assertTrue(log.getItems().size() < vm.recording().size());
        r.interact(() -> log.getSelectionModel().select(1));
        int idx = (Integer) log.getItems().get(1);
        assertEquals(idx, vm.cursor());
        assertEquals(5, vm.eventProperty().get().g() == 5 ? 5 : vm.eventProperty().get().argLong(0) == 5 ? 5 : -1);
    }

    @Test
    void switchesLanguageLive(FxRobot r) {
        r.type(KeyCode.RIGHT);
        String en = text(r, "#why");
        r.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        String zh = text(r, "#why");
        assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), zh);
        assertTrue(text(r, "#position").startsWith("事件 2 /"), text(r, "#position"));
        TabPane tabs = r.lookup("#rightTabs").queryAs(TabPane.class);
        assertEquals("事件日志", tabs.getTabs().get(0).getText());
        r.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        assertEquals(en, text(r, "#why"));
        assertEquals("Event log", tabs.getTabs().get(0).getText());
    }

    @Test
    void exportsPngTraceAndSchedtrace(FxRobot r, @TempDir Path dir) throws Exception {
        r.interact(() -> window.setSaveAsker((key, name) -> dir.resolve(name)));
        r.type(KeyCode.RIGHT);
        r.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        BufferedImage img = ImageIO.read(dir.resolve("board.png").toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() > 200 && img.getHeight() > 200);
        r.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        String json = Files.readString(dir.resolve("trace.json"));
        assertTrue(json.contains("traceEvents"), json.substring(0, Math.min(200, json.length())));
        r.interact(window::exportSchedtrace);
        assertTrue(Files.readString(dir.resolve("schedtrace.txt")).startsWith("SCHED "));
        assertTrue(text(r, "#status").contains("schedtrace.txt"));
    }

    @Test
    void helpOverlayPresenterAndTheme(FxRobot r) {
        r.type(KeyCode.F1);
        assertTrue(r.lookup("#help").query().isVisible());
        r.type(KeyCode.ESCAPE);
        assertFalse(r.lookup("#help").query().isVisible());
        r.type(KeyCode.F11);
        assertTrue(window.presenterProperty().get());
        assertTrue(window.root().getStylesheets().stream().anyMatch(s -> s.endsWith("presenter.css")));
        r.type(KeyCode.F11);
        assertFalse(window.presenterProperty().get());
        r.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertTrue(window.root().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
    }

    @Test
    void presenterModeShowsEveryParkedGroupAtTheLargestScaleThatFits(FxRobot r) {
        // the event of the README's screenshots: G1 has just parked on wg, next to the runtime's Gs
        r.interact(() -> vm.seek(46));
        BoardCanvas board = window.board();
        int groups = vm.boardProperty().get().parked().size();
        assertTrue(groups >= 4, "parked groups: " + groups);
        assertEquals(1.0, FxWait.fx(board::drawnScale), 1e-9, "the normal look is drawn as it is");
        r.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        int[] shown = FxWait.fx(board::parkedGroupsShown);
        assertEquals(groups, shown[1]);
        assertEquals(groups, shown[0], "every group of parked Gs on the projected board");
        double scale = FxWait.fx(board::drawnScale);
        assertTrue(scale > 1.0 && scale <= 1.5, "larger than the normal look, at most the presenter's: " + scale);
        // stepping on keeps the scale (no zooming from event to event) unless a state needs less
        r.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxWait.fx(board::drawnScale) <= scale + 1e-9);
        r.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, FxWait.fx(board::drawnScale), 1e-9, "back to the normal look");
    }

    @Test
    void playAndSpeedKeys(FxRobot r) {
        String before = text(r, "#speed");
        r.type(KeyCode.ADD);
        assertFalse(before.equals(text(r, "#speed")));
        r.type(KeyCode.SPACE);
        assertTrue(vm.playingProperty().get());
        r.type(KeyCode.SPACE);
        assertFalse(vm.playingProperty().get());
    }

    @Test
    void runAgainWithMorePsKeepsTheCursor(FxRobot r) {
        for (int i = 0; i < 10; i++) r.type(KeyCode.RIGHT);
        r.doubleClickOn("#gomaxprocs .text-field").write("3").type(KeyCode.ENTER);
        r.clickOn("#runAgain");
        assertEquals(3, vm.recording().config().gomaxprocs());
        assertEquals(10, vm.cursor());
        assertTrue(board().contains("P2 "), board());
    }
}
