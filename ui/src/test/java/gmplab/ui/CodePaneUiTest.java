package gmplab.ui;

import gmplab.runtime.GStatus;
import gmplab.runtime.Snapshot;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.view.AppOptions;
import gmplab.ui.view.CodePane;
import gmplab.ui.view.MainWindow;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code pane (markers, inline compile errors), bookmarks and time steps, driven like a user on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class CodePaneUiTest {
    MainWindow window;
    RunViewModel vm;

    @Start
    void start(Stage stage) {
        System.setProperty("gmplab.recent", System.getProperty("java.io.tmpdir") + "/gmplab-test-recent.txt");
        vm = new RunViewModel(Runnable::run, Runnable::run);
        AppOptions o = new AppOptions("en", false, "light", 1, 1, null, -1, "examples/spawnorder/main.go", AppOptions.findExamples());
        window = GmpLabApp.create(o, vm);
        stage.setScene(new Scene(window.root(), 1280, 720));
        stage.show();
    }

    private CodePane code(FxRobot r) {
        return r.lookup("#code").queryAs(CodePane.class);
    }

    private static int lineOf(String text, String needle) {
        return CodeAndBookmarksModelTest.lineOf(text, needle);
    }

    /** The line of the gutter a node sits in. */
    private static int gutterLine(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null && p.getId().startsWith("gutter-")) return (Integer) p.getUserData();
        }
        return -1;
    }

    private boolean mainInWgWait() {
        return vm.snapshotProperty().get().gs().stream().anyMatch(x -> x.goid() == 1 && x.status() == GStatus.WAITING
                && x.waitreason().contains("sem"));
    }

    /** A running G with a line in the code pane's model (a G that has just been scheduled has no frame yet). */
    private boolean runningMarker(FxRobot r) {
        return code(r).markers().values().stream().flatMap(List::stream)
                .anyMatch(k -> k.state() == gmplab.ui.model.CodeMarkers.State.RUNNING);
    }

    private boolean userGRunning() {
        long run = vm.boardProperty().get().ps().get(0).running();
        return vm.snapshotProperty().get().gs().stream().anyMatch(x -> x.goid() == run && !x.system() && x.goid() != 1);
    }

    private GStatus status(long goid) {
        return vm.snapshotProperty().get().gs().stream().filter(x -> x.goid() == goid).findFirst()
                .map(Snapshot.GView::status).orElse(GStatus.IDLE);
    }

    @Test
    void eachGoroutineHasAMarkerOnTheLineItsPositionSays(FxRobot r) {
        String text = code(r).getText();
        assertTrue(text.contains("wg.Wait()"), "the default program is loaded");
        // step with the keyboard until main parks in wg.Wait() and a worker runs
        for (int i = 0; i < 2000 && !(mainInWgWait() && userGRunning() && runningMarker(r)); i++) {
            r.type(KeyCode.RIGHT);
        }
        long worker = vm.boardProperty().get().ps().get(0).running();
        assertTrue(worker > 1, "a worker runs");
        // the gutter is virtualised: bring the program's body into view
        r.interact(() -> code(r).area().showParagraphAtTop(lineOf(text, "func main()") - 1));
        r.interact(() -> { });
        Optional<Label> m1 = r.lookup("#marker-G1").tryQueryAs(Label.class);
        assertTrue(m1.isPresent(), () -> "main has a marker: model " + code(r).markers() + " gutters "
                + r.lookup(".gutter").queryAll().stream().map(Node::getId).toList() + " G1 " + vm.snapshotProperty().get().gs().get(0));
        assertEquals(lineOf(text, "wg.Wait()"), gutterLine(m1.get()));
        assertTrue(m1.get().getText().startsWith("‖"), "waiting icon: " + m1.get().getText());
        Label mw = r.lookup("#marker-G" + worker).queryAs(Label.class);
        int wl = gutterLine(mw);
        assertTrue(List.of(lineOf(text, "go func"), lineOf(text, "defer wg.Done()"), lineOf(text, "fmt.Println(i)")).contains(wl),
                "worker marker on line " + wl);
        assertTrue(mw.getText().startsWith("▶"), "running icon: " + mw.getText());
        assertTrue(mw.getStyleClass().contains("running"));
        // the marker's colour is the G's colour on the board
        assertTrue(mw.getStyle().contains("-fx-background-color: #"), mw.getStyle());
        // at the first event main has not reached wg.Wait() yet
        r.type(KeyCode.HOME);
        assertTrue(r.lookup("#marker-G1").tryQuery().map(CodePaneUiTest::gutterLine).orElse(-1) != lineOf(text, "wg.Wait()"));
    }

    @Test
    void compileErrorsAreShownAtTheirLineAndColumn(FxRobot r) {
        CodePane pane = code(r);
        String text = pane.getText();
        String broken = text.replace("\twg.Wait()", "\twg.Wait()\n\tundefinedThing := 1");
        r.interact(() -> pane.setText(broken));
        r.clickOn("#runAgain");
        assertFalse(vm.errors().isEmpty(), "compile error expected");
        var e = vm.errors().get(0);
        int line = lineOf(broken, "undefinedThing");
        assertEquals(line, e.line(), e.toString());
        int off = gmplab.ui.model.GoSyntax.offset(broken, e.line(), e.col());
        assertTrue(pane.area().getStyleOfChar(off).contains("error") || pane.area().getStyleAtPosition(off + 1).contains("error"),
                "underlined at " + e.line() + ":" + e.col() + " " + pane.area().getStyleOfChar(off));
        Label mark = r.lookup("#error-mark-" + line).queryAs(Label.class);
        assertEquals("✖", mark.getText());
        assertTrue(mark.getTooltip().getText().contains(e.message()));
        assertEquals(line, pane.caretLine(), "the caret jumps to the error");
        assertTrue(r.lookup("#codeErrors").queryAs(Label.class).getText().contains(e.line() + ":" + e.col()));
        // fixing it clears the marks
        r.interact(() -> pane.setText(text));
        r.clickOn("#runAgain");
        assertTrue(vm.errors().isEmpty());
        assertTrue(r.lookup("#error-mark-" + line).tryQuery().isEmpty());
    }

    @Test
    void bookmarksWithTheKeyboardAndTheList(FxRobot r) {
        for (int i = 0; i < 5; i++) r.type(KeyCode.RIGHT);
        r.type(KeyCode.B);
        for (int i = 0; i < 10; i++) r.type(KeyCode.RIGHT);
        r.type(KeyCode.B);
        assertEquals(List.of(5, 15), window.bookmarks().list());
        r.type(KeyCode.HOME);
        r.type(KeyCode.CLOSE_BRACKET);
        assertEquals(5, vm.cursor());
        r.type(KeyCode.CLOSE_BRACKET);
        assertEquals(15, vm.cursor());
        r.type(KeyCode.OPEN_BRACKET);
        assertEquals(5, vm.cursor());
        // the list: click the second bookmark
        r.clickOn("#tab-pane-bookmarks");
        ListView<?> list = r.lookup("#bookmarks").queryAs(ListView.class);
        assertEquals(2, list.getItems().size());
        r.clickOn(r.lookup("#bookmarks .list-cell").nth(1).queryAs(Node.class));
        assertEquals(15, vm.cursor());
        // B again removes it; the help overlay lists the keys
        r.type(KeyCode.B);
        assertEquals(List.of(5), window.bookmarks().list());
        r.type(KeyCode.F1);
        assertTrue(r.lookup("#help .label").queryAll().stream().anyMatch(n -> "[ / ]".equals(((Label) n).getText())));
        assertTrue(r.lookup("#help .label").queryAll().stream().anyMatch(n -> "B".equals(((Label) n).getText())));
        r.type(KeyCode.ESCAPE);
    }

    @Test
    void stepsBySimulatedTime(FxRobot r) {
        var rec = vm.recording();
        @SuppressWarnings("unchecked")
        ComboBox<Integer> dt = r.lookup("#timeStep").queryAs(ComboBox.class);
        r.interact(() -> dt.setValue(0));
        assertEquals(0, vm.timeStepProperty().get());
        r.press(KeyCode.CONTROL).type(KeyCode.RIGHT).release(KeyCode.CONTROL);
        int c = vm.cursor();
        assertTrue(c > 0);
        assertTrue(rec.events().get(c).time() >= 1_000, "at least 1 µs later");
        assertTrue(rec.events().get(c - 1).time() < 1_000);
        r.clickOn("#timeForward");
        int c2 = vm.cursor();
        assertTrue(rec.events().get(c2).time() >= rec.events().get(c).time() + 1_000);
        r.clickOn("#timeBack");
        assertTrue(vm.cursor() < c2);
        assertTrue(rec.events().get(vm.cursor()).time() <= rec.events().get(c2).time() - 1_000);
        r.interact(() -> dt.setValue(3));
        assertEquals(RunViewModel.TIME_STEPS[3], 1_000_000);
        r.press(KeyCode.CONTROL).type(KeyCode.LEFT).release(KeyCode.CONTROL);
        assertEquals(0, vm.cursor(), "nothing 1 ms before: the first event");
        assertNotNull(vm.eventProperty().get());
    }

    @Test
    void aSingleStepAnimatesTheGoroutineThatMoves(FxRobot r) throws Exception {
        gmplab.ui.view.BoardCanvas board = window.board();
        // step until an event moves a G on the board (e.g. from runnext to running)
        boolean moved = false;
        for (int i = 0; i < 300 && !moved; i++) {
            r.type(KeyCode.RIGHT);
            moved = !board.moving().isEmpty();
        }
        assertTrue(moved, "some step moved a goroutine with an animation");
        var mv = board.moving();
        for (double[][] ft : mv.values()) assertFalse(ft[0][0] == ft[1][0] && ft[0][1] == ft[1][1], "from != to");
        Thread.sleep((long) gmplab.ui.view.BoardCanvas.MOVE_MS * 3);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(board.moving().isEmpty(), "the move ends after ~200 ms");
        // a far jump does not animate
        r.type(KeyCode.END);
        assertTrue(board.moving().isEmpty());
    }
}
