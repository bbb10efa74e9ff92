package gmplab.ui.p2p;

import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.p2p.demo.P2pAction;
import gmplab.p2p.demo.Registries;
import gmplab.ui.FxWait;
import gmplab.ui.model.SchedDetail;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static gmplab.ui.FxWait.until;

/**
 * Drives the P2P pane like a teacher (headless, Monocle): open it from the menu and the
 * keyboard, click the buttons, step with the keyboard and watch the registry tables fill
 * and empty, switch the code's version, type a console command, pick a goroutine, and
 * read the pane in Chinese.
 */
class P2pDockUiTest extends P2pWindowTest {
    @Start
    void start(Stage stage) throws java.io.IOException {
        open(stage);
    }

    /** Waits until the pane's node has done {@code n} actions and the board shows the result. */
    private void untilActions(int n) {
        until(() -> !vm.busyProperty().get() && vm.actions().size() == n && vm.run() != null
                && run.recording() == vm.run().recording() && !run.seeking());
    }

    private void openFromMenu(FxRobot r) {
        r.clickOn("P2P").clickOn("Open the P2P pane");
        try {
            until(() -> dock.isShowing() && vm.run() != null && !vm.busyProperty().get() && run.recording() == vm.run().recording());
        } catch (AssertionError e) {
            throw new AssertionError("pane showing " + dock.isShowing() + ", run " + vm.run() + ", busy " + vm.busyProperty().get()
                    + ", on the board " + (vm.run() != null && run.recording() == vm.run().recording()), e);
        }
    }

    /** Focus on the board (off the console), then End: the board's cursor to the last event. */
    private void end(FxRobot r) {
        r.interact(() -> window.board().requestFocus());
        r.type(KeyCode.END);
        until(() -> run.cursor() == run.recording().size() - 1);
    }

    @Test
    void openFromTheMenuListenLetAPeerInAndWatchTheTables(FxRobot r) {
        openFromMenu(r);
        TableView<?> listeners = r.lookup("#p2pListenerTable").queryAs(TableView.class);
        TableView<?> streams = r.lookup("#p2pStreamTable").queryAs(TableView.class);
        assertEquals(0, listeners.getItems().size());
        assertEquals("Protocol", listeners.getColumns().get(0).getText());
        assertEquals("Listen Address", listeners.getColumns().get(1).getText());
        assertFalse(listeners.getColumns().get(3).isVisible(), "the fixed code has no Running column");

        r.clickOn("#p2pListen");
        untilActions(1);
        assertEquals(vm.run().actionEvents().get(0), run.cursor(), "the cursor at the new action");
        assertEquals(0, listeners.getItems().size(), "not registered yet at the action's first event");
        end(r);
        assertEquals(1, listeners.getItems().size());
        FxWait.untilText(r, "#p2pListenerTable .table-cell", "/x/echo/1.0.0"); // the row shows the protocol

        r.clickOn("#p2pPeerB");
        untilActions(2);
        end(r);
        assertEquals(1, streams.getItems().size());
        assertEquals("s1", ((javafx.scene.control.ComboBox<?>) r.lookup("#p2pEndChoice").query()).getValue());

        // stepping back with the keyboard: the stream row goes away again before it was registered
        r.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        until(() -> run.cursor() == vm.run().actionEvents().get(1));
        assertEquals(0, streams.getItems().size(), "Alt+← back to the stream's action: not registered yet");
        assertEquals(1, listeners.getItems().size());

        // the goroutines by role; clicking one selects it on the board
        @SuppressWarnings("unchecked")
        ListView<DemoGoroutine> gs = r.lookup("#p2pGoroutines").queryAs(ListView.class);
        until(() -> !gs.getItems().isEmpty());
        int wake = P2pViewModel.acceptLoopWakeup(vm.run(), run.cursor());
        r.interact(() -> run.seek(wake));
        until(() -> gs.getItems().stream().anyMatch(g -> g.role() == DemoGoroutine.Role.ACCEPT_LOOP));
        DemoGoroutine accept = gs.getItems().stream().filter(g -> g.role() == DemoGoroutine.Role.ACCEPT_LOOP).findFirst().orElseThrow();
        r.clickOn("#p2pTabGoroutines");
        r.interact(() -> gs.scrollTo(accept));
        r.clickOn(FxWait.untilNode(r, "#p2pGoroutines .list-cell",
                n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == accept));
        until(() -> new SchedDetail.Selection(SchedDetail.Kind.G, accept.goid()).equals(run.selectionProperty().get()));
        // the accept loop has its marker in the fixed source
        assertNotNull(r.lookup("#p2pCodeFixed #marker-G" + accept.goid()).tryQuery().orElse(null), "marker in the fixed source");
    }

    @Test
    void versionToggleConsoleAndStreamClose(FxRobot r) {
        r.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        until(() -> dock.isShowing() && vm.run() != null && !vm.busyProperty().get());
        r.clickOn("#p2pListen");
        untilActions(1);
        r.clickOn("#p2pPeerC");
        untilActions(2);

        r.clickOn("#p2pBlogEra");
        until(() -> !vm.busyProperty().get() && vm.run().version() == Version.BLOG_ERA && run.recording() == vm.run().recording());
        assertEquals(2, vm.actions().size(), "the same actions on the blog-era code");
        TableView<?> listeners = r.lookup("#p2pListenerTable").queryAs(TableView.class);
        TableView<?> streams = r.lookup("#p2pStreamTable").queryAs(TableView.class);
        end(r);
        assertTrue(listeners.getColumns().get(3).isVisible(), "blog-era: the Running column");
        assertEquals("true", ((Registries.Listener) listeners.getItems().get(0)).running());
        assertEquals("HandlerID", streams.getColumns().get(0).getText());
        assertEquals("Local", streams.getColumns().get(2).getText());

        r.clickOn("#p2pConsole").write("stream ls -v").type(KeyCode.ENTER);
        untilActions(3);
        assertEquals(new P2pAction.Command("stream ls -v"), vm.actions().get(2));
        end(r);
        assertTrue(vm.transcript().stream().anyMatch(l -> l.text().startsWith("HandlerID")), "the console's answer in the transcript");

        r.clickOn("#p2pStreamClose");
        untilActions(4);
        end(r);
        assertEquals(0, streams.getItems().size(), "stream close removed the stream");

        r.clickOn("#p2pFixed");
        until(() -> !vm.busyProperty().get() && vm.run().version() == Version.FIXED && run.recording() == vm.run().recording());
        assertFalse(listeners.getColumns().get(3).isVisible(), "fixed: no Running column");
        assertEquals("ID", streams.getColumns().get(0).getText());

        r.clickOn("#p2pClose");
        until(() -> !dock.isShowing());
    }

    @Test
    void chineseLabels(FxRobot r) {
        openFromMenu(r);
        r.interact(() -> window.board().requestFocus());
        r.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("listen → 回显", r.lookup("#p2pListen").queryAs(Button.class).getText());
        assertEquals("节点 B 打开流", r.lookup("#p2pPeerB").queryAs(Button.class).getText());
        TableView<?> listeners = r.lookup("#p2pListenerTable").queryAs(TableView.class);
        assertEquals("协议", listeners.getColumns().get(0).getText());
        assertEquals("监听地址", listeners.getColumns().get(1).getText());
        r.clickOn("#p2pListen");
        untilActions(1);
        String where = r.lookup("#p2pWhere").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(where.startsWith("第 1 个操作"), where);
        assertSame(vm.run().recording(), run.recording());
        // the transcript says the session's own lines in Chinese, the program's bytes as they were
        r.clickOn("#p2pPeerB");
        untilActions(2);
        end(r);
        r.clickOn("#p2pTabTranscript");
        FxWait.untilText(r, "#p2pTranscript .list-cell", "s1 ← \"hello\\n\"");
        assertTrue(FxWait.texts(r, "#p2pTranscript .list-cell").stream().anyMatch(t -> t.startsWith("s1：由节点 ")),
                FxWait.texts(r, "#p2pTranscript .list-cell").toString());
        r.interact(() -> {
            try { // to look at: target/snapshots/p2p-transcript-zh.png
                gmplab.ui.view.Png.write(window.root().getScene().snapshot(null), Path.of("target/snapshots/p2p-transcript-zh.png"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void presenterModeKeepsTheControlsSmallAndTheTablesLarge(FxRobot r) {
        openFromMenu(r);
        r.interact(() -> window.board().requestFocus());
        r.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dock.root().getStyleClass().contains("presenter"));
        assertFalse(r.lookup("#p2pListenAddrs").query().getParent().isVisible(), "the addresses are for the teacher, hidden in presenter mode");
        double button = r.lookup("#p2pListen").queryAs(Button.class).getFont().getSize();
        TableView<?> listeners = r.lookup("#p2pListenerTable").queryAs(TableView.class);
        r.clickOn("#p2pListen");
        untilActions(1);
        end(r);
        double cell = FxWait.untilText(r, "#p2pListenerTable .table-cell", "/x/echo/1.0.0").getFont().getSize();
        assertTrue(cell > button, "table text " + cell + " larger than the controls' " + button);
        assertEquals(1, listeners.getItems().size());
        // the projected board still shows where every parked goroutine waits (the accept loop, the network's)
        int[] shown = FxWait.fx(window.board()::parkedGroupsShown);
        assertTrue(shown[1] >= 5, "parked groups: " + shown[1]);
        assertEquals(shown[1], shown[0], "every group of parked Gs beside the pane");
        // back to normal, then dark: the pane follows
        r.interact(() -> window.board().requestFocus());
        r.type(KeyCode.F11);
        r.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dock.root().getStyleClass().contains("presenter"));
        assertTrue(window.darkProperty().get());
        assertTrue(r.lookup("#p2pListenAddrs").query().getParent().isVisible());
    }
}
