package gmplab.ui.p2p;

import gmplab.p2p.demo.Daemon;
import gmplab.p2p.demo.DaemonApi;
import gmplab.p2p.demo.ListenerDemo;
import gmplab.p2p.demo.LiveNode;
import gmplab.p2p.demo.TcpEchoService;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.demo.Registries;
import gmplab.ui.FxWait;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static gmplab.ui.FxWait.fx;
import static gmplab.ui.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The P2P pane on the real back end, driven through the window as a teacher does: "real
 * daemon" starts the node (real libp2p hosts and a TCP echo service on loopback, its API
 * file in a temporary repo), the buttons make real bytes flow, the pane's auto-refresh
 * replays the daemon's journal into the tables, a terminal's command reaches the same
 * daemon, and "simulated" stops it again; a daemon on the repo already is reported; and a
 * daemon started elsewhere with a journal is watched from the P2P menu.
 */
class P2pRealUiTest extends P2pWindowTest {
    @Start
    void start(Stage stage) throws java.io.IOException {
        open(stage);
    }

    /** The registries at the end of the pane's current run. */
    private Registries atEnd() {
        return vm.run().registries().at(vm.run().recording().size() - 1);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theRealDaemonFromTheWindow(FxRobot r) throws Exception {
        r.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        until(() -> vm.run() != null && !vm.busyProperty().get());
        r.clickOn("#p2pReal");
        until(() -> vm.backendProperty().get() == P2pViewModel.Backend.REAL && !vm.busyProperty().get());
        assertNull(fx(() -> vm.errorProperty().get()));
        String api = fx(() -> r.lookup("#p2pApiAddress").queryAs(TextField.class).getText());
        assertTrue(api.contains("/ip4/127.0.0.1/tcp/"), "the pane shows the control endpoint: " + api);
        assertTrue(Files.exists(repo.resolve("api")), "the API file a terminal finds, in the repo the app was given");
        String addrs = fx(() -> r.lookup("#p2pListenAddrs").queryAs(TextField.class).getText());
        assertTrue(addrs.startsWith("/ip4/127.0.0.1/tcp/") && addrs.contains("/p2p/"), addrs);

        r.clickOn("#p2pListen");
        until(() -> !vm.busyProperty().get() && !atEnd().listeners().isEmpty());
        String echo = fx(() -> vm.echoTargetProperty().get());
        assertEquals(echo, fx(() -> atEnd().listeners().get(0).targetAddress()), "listening in front of the real echo service");

        // peer C, a real libp2p host: the auto-refresh brings its stream and the echo's reply
        r.clickOn("#p2pPeerC");
        String peerC = fx(() -> vm.peers().get(1));
        until(() -> !vm.busyProperty().get() && !atEnd().streams().isEmpty());
        assertEquals("/p2p/" + peerC, fx(() -> atEnd().streams().get(0).origin()));
        until(() -> vm.run().transcript().stream().anyMatch(l -> l.text().equals("s1 ← \"hello\\n\"")));
        r.interact(() -> run.seek(run.recording().size() - 1));
        r.clickOn("#p2pTabTranscript");
        FxWait.untilText(r, "#p2pTranscript .list-cell", "s1 ← \"hello\\n\"");

        // a terminal's command reaches the same daemon
        String[] ls = DaemonApi.call(repo, "ls");
        assertEquals("ok", ls[0]);
        assertTrue(ls[1].contains("/x/echo/1.0.0") && ls[1].contains(echo), ls[1]);

        // back to the simulated network: the daemon stops and its API file goes
        r.clickOn("#p2pSimulated");
        until(() -> vm.backendProperty().get() == P2pViewModel.Backend.SIMULATED && !vm.busyProperty().get());
        until(() -> !Files.exists(repo.resolve("api")));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aDaemonAlreadyOnTheRepoIsReportedAndThePaneStaysSimulated(FxRobot r) throws Exception {
        try (LiveNode other = LiveNode.start(ListenerDemo.Version.FIXED, repo)) {
            r.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
            until(() -> vm.run() != null && !vm.busyProperty().get());
            r.clickOn("#p2pReal");
            until(() -> !vm.busyProperty().get() && vm.errorProperty().get() != null);
            assertEquals(P2pViewModel.Backend.SIMULATED, fx(() -> vm.backendProperty().get()), "back on the simulated network");
            Label status = r.lookup("#p2pStatus").queryAs(Label.class);
            until(status::isVisible);
            String said = fx(status::getText);
            assertTrue(said.contains("someone else has the lock"), "kubo's words, in the pane: " + said);
            assertTrue(fx(() -> r.lookup("#p2pSimulated").queryAs(javafx.scene.control.ToggleButton.class).isSelected()));
            // the other daemon is untouched: a terminal still reaches it
            assertEquals("ok", DaemonApi.call(repo, "ls")[0]);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aDaemonStartedElsewhereIsWatchedThroughItsJournal(FxRobot r) throws Exception {
        Path journal = repo.resolveSibling("journal.tsv");
        try (TcpEchoService echo = new TcpEchoService();
             Daemon daemon = Daemon.start(ListenerDemo.Version.BLOG_ERA, Identity.generate(),
                     Multiaddr.of("/ip4/127.0.0.1/tcp/0"), repo, 2, journal)) {
            r.interact(() -> dock.setJournalAsker(() -> journal));
            r.clickOn("P2P").clickOn("Watch a daemon's journal…");
            until(() -> vm.backendProperty().get() == P2pViewModel.Backend.JOURNAL && !vm.busyProperty().get());
            assertNull(fx(() -> vm.errorProperty().get()));
            assertTrue(fx(() -> r.lookup("#p2pBlogEra").queryAs(javafx.scene.control.ToggleButton.class).isSelected()),
                    "the journal's code: the daemon was started with the blog-era code");
            assertTrue(fx(() -> r.lookup("#p2pPeerB").queryAs(javafx.scene.control.Button.class).isDisabled()),
                    "its peers are whoever connects to it: no peer to drive from here");

            // the console's command goes to that daemon; the journal's replay shows the listener
            r.clickOn("#p2pConsole").write("listen /x/echo/1.0.0 " + echo.address()).type(KeyCode.ENTER);
            until(() -> !vm.busyProperty().get() && !atEnd().listeners().isEmpty());
            assertEquals("true", fx(() -> atEnd().listeners().get(0).running()), "blog-era: the Running column");
            String[] ls = DaemonApi.call(repo, "ls");
            assertTrue(ls[1].contains(echo.address()), "the daemon itself has it: " + ls[1]);
        }
    }
}
