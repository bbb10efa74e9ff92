package gmplab.ui.p2p;

import gmplab.ui.FxWait;
import gmplab.ui.view.CodePane;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static gmplab.ui.FxWait.until;
import static gmplab.ui.FxWait.fx;

/**
 * The P2P pane in the 1280×720 window a class sees: the code gets some twelve lines while the
 * registry tables show their rows and the goroutine list a few; a divider the teacher drags
 * stays; the code follows the selected goroutine when the cursor moves; and the F1 help lists
 * the lesson and P2P keys in both languages.
 */
class P2pLayoutUiTest extends P2pWindowTest {
    @Start
    void start(Stage stage) throws java.io.IOException {
        open(stage);
    }

    /** Lines of Go the pane shows by default at 1280×720 (some are cut at the edges: counted whole). */
    static final int MIN_CODE_LINES = 12;

    private static void settle() {
        // the pane places its dividers once laid out (a pulse or two later)
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.sleep(60, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Opens the pane with Ctrl+Shift+P, listens, lets peer B in; the cursor at the last event. */
    private void session(FxRobot r) {
        r.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        until(() -> dock.isShowing() && vm.run() != null && !vm.busyProperty().get() && run.recording() == vm.run().recording());
        r.clickOn("#p2pListen");
        until(() -> !vm.busyProperty().get() && vm.actions().size() == 1 && run.recording() == vm.run().recording());
        r.clickOn("#p2pPeerB");
        until(() -> !vm.busyProperty().get() && vm.actions().size() == 2 && run.recording() == vm.run().recording()
                && !run.seeking());
        r.interact(() -> run.seek(run.recording().size() - 1));
        until(() -> !vm.listeners().isEmpty() && !vm.goroutines().isEmpty());
        settle();
    }

    private CodeArea fixedCode(FxRobot r) {
        return r.lookup("#p2pCodeFixed").queryAs(CodePane.class).area();
    }

    private static int visibleLines(CodeArea a) {
        return a.lastVisibleParToAllParIndex() - a.firstVisibleParToAllParIndex() + 1;
    }

    @Test
    void theCodeShowsTwelveLinesAndTheTablesTheirRows(FxRobot r) {
        session(r);
        CodeArea code = fixedCode(r);
        int lines = fx(() -> visibleLines(code));
        assertTrue(lines >= MIN_CODE_LINES, "the code shows " + lines + " lines, want at least " + MIN_CODE_LINES);

        TableView<?> listeners = r.lookup("#p2pListenerTable").queryAs(TableView.class);
        TableView<?> streams = r.lookup("#p2pStreamTable").queryAs(TableView.class);
        for (TableView<?> t : java.util.List.of(listeners, streams)) {
            int rows = Math.max(1, t.getItems().size());
            double header = ((javafx.scene.layout.Region) t.lookup(".column-header-background")).getHeight();
            assertTrue(t.getHeight() >= header + rows * t.getFixedCellSize(),
                    t.getId() + ": " + t.getHeight() + " px for " + rows + " row(s)");
        }
        assertEquals(1, listeners.getItems().size());
        FxWait.untilText(r, "#p2pListenerTable .table-cell", "/x/echo/1.0.0");

        ListView<?> gs = r.lookup("#p2pGoroutines").queryAs(ListView.class);
        assertTrue(gs.getHeight() >= 3 * gs.getFixedCellSize(), "three goroutine rows: " + gs.getHeight());
        assertTrue(r.lookup("#p2pConsole").query().isVisible(), "the console in the tab bar");
    }

    @Test
    void switchingTheLanguageKeepsThePaneItsRoom(FxRobot r) {
        session(r);
        double width = fx(() -> dock.root().getLayoutBounds().getWidth());
        double buttonHeight = fx(() -> r.lookup("#p2pListen").queryAs(javafx.scene.control.Button.class).getHeight());
        assertTrue(width > 0.4 * 1280, "the pane is wider than the code pane: " + width);
        for (String lang : java.util.List.of("zh", "en")) {
            r.interact(() -> window.board().requestFocus());
            r.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
            settle();
            double now = fx(() -> dock.root().getLayoutBounds().getWidth());
            assertEquals(width, now, 2, lang + ": the pane keeps its width");
            int lines = fx(() -> visibleLines(fixedCode(r)));
            assertTrue(lines >= MIN_CODE_LINES, lang + ": the code shows " + lines + " lines");
            double closeHeight = fx(() -> r.lookup("#p2pStreamClose").queryAs(javafx.scene.control.Button.class).getHeight());
            assertEquals(buttonHeight, closeHeight, 1, lang + ": 'stream close' on one line");
        }
    }

    @Test
    void aDraggedDividerStays(FxRobot r) {
        session(r);
        SplitPane split = r.lookup("#p2pSplit").queryAs(SplitPane.class);
        double before = split.getDividerPositions()[0];
        Node divider = split.lookupAll(".split-pane-divider").iterator().next();
        r.drag(divider).moveBy(0, -60).release(javafx.scene.input.MouseButton.PRIMARY);
        settle();
        double moved = split.getDividerPositions()[0];
        assertTrue(moved < before - 0.05, before + " → " + moved);
        // a new row in a table does not put the divider back
        r.clickOn("#p2pPeerB");
        until(() -> !vm.busyProperty().get() && vm.actions().size() == 3 && run.recording() == vm.run().recording() && !run.seeking());
        settle();
        assertEquals(moved, split.getDividerPositions()[0], 0.01);
    }

    @Test
    void theCodeFollowsTheSelectedGoroutineWhenTheCursorMoves(FxRobot r) {
        session(r);
        CodeArea code = fixedCode(r);
        int wake = P2pViewModel.acceptLoopWakeup(vm.run(), vm.run().actionEvents().get(1));
        assertTrue(wake >= 0);
        r.interact(() -> run.seek(wake));
        until(() -> vm.goroutines().stream().anyMatch(g -> g.role() == DemoGoroutine.Role.ACCEPT_LOOP));
        DemoGoroutine accept = vm.goroutines().stream().filter(g -> g.role() == DemoGoroutine.Role.ACCEPT_LOOP).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        ListView<DemoGoroutine> gs = r.lookup("#p2pGoroutines").queryAs(ListView.class);
        r.interact(() -> gs.getSelectionModel().select(accept));
        settle();
        // the code scrolled away (the teacher read something else), then the cursor moves one event
        r.interact(() -> code.showParagraphAtTop(0));
        settle();
        assertEquals(0, fx(code::firstVisibleParToAllParIndex));
        r.interact(() -> run.seek(wake + 1));
        settle();
        int line = fx(dock::lineToReveal);
        assertTrue(line > MIN_CODE_LINES, "a line further down: " + line);
        int first = fx(code::firstVisibleParToAllParIndex), last = fx(code::lastVisibleParToAllParIndex);
        assertTrue(first <= line - 1 && line - 1 <= last, "line " + line + " in view: " + (first + 1) + ".." + (last + 1));
    }

    /** The texts of the help overlay's labels. */
    private static Set<String> helpTexts(FxRobot r) {
        return r.lookup("#help").queryAs(Node.class).lookupAll(".label").stream()
                .filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).collect(Collectors.toSet());
    }

    @Test
    void theHelpListsTheLessonAndP2pKeysInBothLanguages(FxRobot r) {
        r.interact(() -> window.board().requestFocus());
        r.type(KeyCode.F1);
        assertTrue(r.lookup("#help").query().isVisible());
        Set<String> en = helpTexts(r);
        for (String s : new String[]{"Lesson keys", "P2P pane keys", "Ctrl+B", "1 … 9", "Ctrl+Shift+P", "Alt+← / Alt+→", "Enter",
                "Open the P2P pane (beside the board)", "P2P pane: cursor to the previous / next action", "Lesson player: back / next step",
                "P2P pane, on a goroutine: follow it to its next event (or double-click it)"}) {
            assertTrue(en.contains(s), "help lists \"" + s + "\": " + en);
        }
        r.type(KeyCode.ESCAPE);
        r.interact(window::toggleLanguage);
        r.interact(() -> window.board().requestFocus());
        r.type(KeyCode.F1);
        Set<String> zh = helpTexts(r);
        for (String s : new String[]{"课程按键", "P2P 面板按键", "Ctrl+Shift+P", "打开 P2P 面板（在棋盘旁）", "P2P 面板：光标移到上一个 / 下一个操作"}) {
            assertTrue(zh.contains(s), "help lists \"" + s + "\": " + zh);
        }
        // the card fits in the window
        Node card = r.lookup("#help .help-card").query();
        assertTrue(card.getBoundsInParent().getHeight() <= 720 && card.localToScene(card.getBoundsInLocal()).getMinY() >= 0,
                "help card " + card.getBoundsInParent());
        // to look at: target/snapshots/help-zh.png
        r.interact(() -> {
            try {
                gmplab.ui.view.Png.write(window.root().getScene().snapshot(null), Path.of("target/snapshots/help-zh.png"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
