package gmplab.ui.p2p;

import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.p2p.demo.P2pAction;
import gmplab.p2p.demo.P2pRun;
import gmplab.p2p.demo.Registries;
import gmplab.p2p.demo.SimSession;
import gmplab.runtime.GStatus;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.model.SchedDetail;
import gmplab.ui.p2p.DemoGoroutine.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The P2P pane's view model on the simulated network, without the FX thread: executors run inline. */
class P2pViewModelTest {
    RunViewModel run;
    P2pViewModel vm;

    @BeforeEach
    void start() {
        run = new RunViewModel(Runnable::run, Runnable::run);
        vm = new P2pViewModel(run, Runnable::run, Runnable::run, v -> {
            throw new java.io.IOException("no real back end in this test");
        });
        vm.start();
    }

    /** The first event at or after {@code from} where the listener registry is not empty, or -1. */
    private static int firstWithListener(P2pRun r, int from) {
        for (int i = from; i < r.recording().size(); i++) if (!r.registries().at(i).listeners().isEmpty()) return i;
        return -1;
    }

    @Test
    void startShowsTheProgramOnTheBoardWithNoRegistries() {
        assertNotNull(vm.run());
        assertSame(vm.run().recording(), run.recording(), "the board shows the pane's run");
        assertTrue(vm.shownProperty().get());
        assertEquals(Version.FIXED, vm.run().version());
        assertTrue(vm.listeners().isEmpty());
        assertTrue(vm.streams().isEmpty());
        assertTrue(vm.actions().isEmpty());
        assertFalse(vm.busyProperty().get());
        assertEquals(-1, vm.actionAtCursorProperty().get());
        assertFalse(vm.goroutines().isEmpty(), "main and the network's goroutines are listed");
        assertTrue(vm.goroutines().stream().anyMatch(g -> g.role() == Role.MAIN));
    }

    @Test
    void listenReRecordsAndTheListenerRowAppearsOnlyFromItsRegistrationEventOn() {
        vm.listenEcho();
        P2pRun r = vm.run();
        assertEquals(List.of(new P2pAction.Command("listen " + SimSession.ECHO + " " + SimSession.ECHO_TARGET)), vm.actions());
        assertSame(r.recording(), run.recording());
        int start = r.actionEvents().get(0);
        assertEquals(start, run.cursor(), "the cursor is where the new action begins");
        assertEquals(0, vm.actionAtCursorProperty().get());
        assertTrue(vm.listeners().isEmpty(), "not registered yet when the command arrives");

        int reg = firstWithListener(r, start);
        assertTrue(reg > start, "registered some events later: " + reg);
        run.seek(reg);
        assertEquals(1, vm.listeners().size());
        Registries.Listener l = vm.listeners().get(0);
        assertEquals(SimSession.ECHO, l.protocol());
        assertEquals(SimSession.ECHO_TARGET, l.targetAddress());
        assertEquals("", l.running(), "the fixed code has no Running flag");
        run.stepBack();
        assertTrue(vm.listeners().isEmpty(), "stepping back shows the older registry");
        run.stepForward();
        assertEquals(1, vm.listeners().size());
        // the transcript follows the cursor too
        run.seek(start - 1);
        assertTrue(vm.transcript().stream().anyMatch(t -> t.text().startsWith("> listen")));
        run.seek(0);
        assertTrue(vm.transcript().isEmpty());
    }

    @Test
    void aPeersStreamWakesTheAcceptLoopAndTheRolesAreFound() {
        vm.listenEcho();
        vm.openStream(0);
        P2pRun r = vm.run();
        assertEquals(2, vm.actions().size());
        assertEquals(List.of("s1"), vm.ends());
        assertEquals(r.actionEvents().get(1), run.cursor());
        assertEquals(1, vm.actionAtCursorProperty().get());

        int wake = P2pViewModel.acceptLoopWakeup(r, r.actionEvents().get(1));
        assertTrue(wake > r.actionEvents().get(1), "the handler's send on conCh readies the accept loop");
        run.seek(wake);
        DemoGoroutine accept = vm.goroutines().stream().filter(g -> g.role() == Role.ACCEPT_LOOP).findFirst().orElseThrow();
        assertEquals(GStatus.RUNNABLE, accept.status());
        assertEquals(run.eventProperty().get().g(), accept.goid());
        assertTrue(accept.function().contains("acceptStreams"), accept.function());
        DemoGoroutine handler = vm.goroutines().stream().filter(g -> g.role() == Role.STREAM_HANDLER).findFirst().orElseThrow();
        assertTrue(handler.function().contains("registerStreamHandler"), handler.function());
        assertTrue(handler.line() > 0, "the handler's line in the fixed source");
        assertTrue(vm.markersProperty().get().values().stream().flatMap(List::stream).anyMatch(m -> m.goid() == accept.goid()),
                "the accept loop has a marker in the source");

        // following the accept loop: its next event is when it runs (it was just made runnable)
        vm.nextEventOf(accept);
        assertTrue(run.cursor() > wake);
        assertEquals(accept.goid(), run.eventProperty().get().g());

        // at the end the stream is bridged: two copy goroutines, one row in the stream registry
        run.end();
        assertEquals(2, vm.goroutines().stream().filter(g -> g.role() == Role.COPY).count());
        assertTrue(vm.goroutines().stream().anyMatch(g -> g.role() == Role.NETWORK));
        assertEquals(1, vm.streams().size());
        assertEquals(SimSession.ECHO, vm.streams().get(0).protocol());
        assertTrue(vm.transcript().stream().anyMatch(t -> t.text().startsWith("s1 ← \"hello")), "the echo came back");

        // selecting a goroutine selects it on the board
        vm.select(accept);
        assertEquals(new SchedDetail.Selection(SchedDetail.Kind.G, accept.goid()), run.selectionProperty().get());
    }

    @Test
    void blogEraCloseNeverClearsRunningAndFixedHasNoFlag() {
        for (Version v : Version.values()) {
            RunViewModel board = new RunViewModel(Runnable::run, Runnable::run);
            P2pViewModel m = new P2pViewModel(board, Runnable::run, Runnable::run, x -> null);
            m.preselect(v);
            m.start();
            m.listenEcho();
            m.closeListener();
            P2pRun r = m.run();
            assertEquals(v, r.version());
            int close = r.actionEvents().get(1);
            int reg = firstWithListener(r, 0);
            assertTrue(reg >= 0 && reg < close);
            // while registered, blog-era says Running true (and nothing ever sets it false); fixed has no Running column
            for (int i = reg; i < r.recording().size(); i++) {
                for (Registries.Listener l : r.registries().at(i).listeners()) {
                    assertEquals(v == Version.BLOG_ERA ? "true" : "", l.running(), v + " at " + i);
                }
            }
            board.seek(close - 1);
            assertEquals(1, m.listeners().size(), v + ": listed before close -p");
            board.end();
            assertTrue(m.listeners().isEmpty(), v + ": close -p removes the row");
            assertTrue(m.transcript().stream().anyMatch(t -> t.text().startsWith("> close -p")));
        }
    }

    @Test
    void switchingVersionReplaysTheSameActionsAtTheSameAction() {
        vm.listenEcho();
        vm.openStream(0);
        List<P2pAction> before = List.copyOf(vm.actions());
        run.seek(vm.run().actionEvents().get(0) + 1);
        assertEquals(0, vm.actionAtCursorProperty().get());

        vm.setVersion(Version.BLOG_ERA);
        assertEquals(Version.BLOG_ERA, vm.versionProperty().get());
        assertEquals(Version.BLOG_ERA, vm.run().version());
        assertEquals(before, vm.actions(), "the same actions");
        assertSame(vm.run().recording(), run.recording());
        assertEquals(vm.run().actionEvents().get(0), run.cursor(), "the cursor at the same action");
        run.end();
        assertEquals(1, vm.listeners().size());
        assertEquals("true", vm.listeners().get(0).running());
        assertEquals(1, vm.streams().size());
        assertTrue(vm.goroutines().stream().anyMatch(g -> g.role() == Role.ACCEPT_LOOP && g.function().equals("main.(*P2P).acceptStreams")));

        vm.setVersion(Version.FIXED);
        assertEquals(before, vm.actions());
        assertEquals(Version.FIXED, vm.run().version());
    }

    @Test
    void previousAndNextActionJumpBetweenActionStarts() {
        vm.listenEcho();
        vm.openStream(0);
        vm.command("ls -v");
        List<Integer> ae = vm.run().actionEvents();
        assertEquals(ae.get(2), run.cursor());
        assertFalse(vm.canNextActionProperty().get());
        vm.previousAction();
        assertEquals(ae.get(1), run.cursor());
        vm.previousAction();
        assertEquals(ae.get(0), run.cursor());
        assertEquals(0, vm.actionAtCursorProperty().get());
        vm.nextAction();
        assertEquals(ae.get(1), run.cursor());
        run.seek(ae.get(1) + 3);
        vm.previousAction();
        assertEquals(ae.get(1), run.cursor(), "inside an action, back goes to its start");
        vm.previousAction();
        vm.previousAction();
        assertEquals(0, run.cursor(), "before the first action: the start of the run");
    }

    @Test
    void consoleCommandsAreNormalisedAndAnswered() {
        vm.listenEcho();
        vm.command("  ipfs p2p ls -v ");
        vm.command("   ");
        assertEquals(new P2pAction.Command("ls -v"), vm.actions().get(1));
        assertEquals(2, vm.actions().size(), "blank lines are ignored");
        run.end();
        assertTrue(vm.transcript().stream().anyMatch(t -> t.text().contains("Listen Address") && t.text().contains(SimSession.ECHO)),
                "ls -v answers with the listener");
        assertEquals("ls -v", P2pViewModel.normalise("./gmplab p2p ls -v"));
        assertEquals("stream ls", P2pViewModel.normalise("p2p stream ls"));
    }

    @Test
    void badConsoleInputGetsKubosMessageAndLosesNothing() {
        vm.listenEcho();
        vm.command("listen /echo/1.0.0 /ip4/127.0.0.1/tcp/5001");
        vm.command("listen /x/echo/1.0.0 /ip4/127.0.0.1/tcp/0");
        vm.command("frobnicate --now");
        vm.command("ls");
        run.end();
        List<String> said = vm.transcript().stream().map(P2pRun.Line::text).toList();
        assertTrue(said.contains("Error: protocol name must be within '/x/' namespace"), said.toString());
        assertTrue(said.contains("Error: port can not be 0"), said.toString());
        assertTrue(said.contains("Error: unknown command \"frobnicate\""), said.toString());
        assertNull(vm.errorProperty().get(), "the session goes on");
        assertEquals(1, vm.listeners().size(), "still the one listener");
        assertEquals(SimSession.ECHO + "\t/p2p/" + gmplab.p2p.demo.Scenario.SELF + "\t" + SimSession.ECHO_TARGET, said.get(said.size() - 1),
                "and the next command is answered as before");
    }

    @Test
    void forwardConnectCloseSideAndStreamClose() {
        vm.forwardToPeer();
        vm.connectApp();
        assertEquals(List.of("c1"), vm.ends());
        run.end();
        assertEquals(1, vm.listeners().size());
        assertEquals("forward", vm.listeners().get(0).kind());
        assertEquals(P2pViewModel.SIM_FORWARD_ADDRESS, vm.listeners().get(0).listenAddress());
        assertEquals(1, vm.streams().size());
        String id = vm.streams().get(0).id();
        vm.closeSide("c1");
        vm.streamClose(id);
        run.end();
        assertTrue(vm.streams().isEmpty(), "stream close removes the stream");
        assertEquals(new P2pAction.CloseWrite("c1"), vm.actions().get(2));
        assertEquals(new P2pAction.Command("stream close " + id), vm.actions().get(3));
        assertNull(vm.errorProperty().get());
    }

    @Test
    void whenTheBoardShowsAnotherRunThePaneSaysSoAndShowsItAgain() {
        vm.listenEcho();
        run.load(gmplab.ui.model.WorkloadSource.of(gmplab.cli.Workloads.all().get("spawn-order"), null));
        assertFalse(vm.shownProperty().get());
        assertEquals(1, vm.listeners().size(), "not shown: the registries at the run's end");
        vm.showAgain();
        assertTrue(vm.shownProperty().get());
        assertSame(vm.run().recording(), run.recording());
    }

    @Test
    void aFailingRealBackEndFallsBackToTheSimulatedOne() {
        vm.setBackend(P2pViewModel.Backend.REAL);
        assertEquals(P2pViewModel.Backend.SIMULATED, vm.backendProperty().get());
        assertNotNull(vm.errorProperty().get());
        assertTrue(String.valueOf(vm.errorProperty().get().args()[0]).contains("no real back end"));
        vm.listenEcho();
        assertNull(vm.errorProperty().get());
        assertFalse(vm.run().recording().size() == 0);
    }

    @Test
    void rolesFromFunctionNames() {
        assertEquals(Role.ACCEPT_LOOP, DemoGoroutine.roleOf("main.(*P2P).acceptStreams"));
        assertEquals(Role.ACCEPT_LOOP, DemoGoroutine.roleOf("main.(*remoteListener).acceptStreams"));
        assertEquals(Role.ACCEPT_LOOP, DemoGoroutine.roleOf("main.(*localListener).acceptConns"));
        assertEquals(Role.STREAM_HANDLER, DemoGoroutine.roleOf("main.(*P2P).registerStreamHandler.func1"));
        assertEquals(Role.STREAM_HANDLER, DemoGoroutine.roleOf("main.(*remoteListener).handleStream"));
        assertEquals(Role.COPY, DemoGoroutine.roleOf("main.(*StreamInfo).startStreaming.func2"));
        assertEquals(Role.REQUEST, DemoGoroutine.roleOf("main.serve"));
        assertEquals(Role.MAIN, DemoGoroutine.roleOf("runtime.main"));
        assertEquals(Role.NETWORK, DemoGoroutine.roleOf("swarm.(*Conn).start.func1"));
        assertEquals(Role.NETWORK, DemoGoroutine.roleOf("simnet.echoServer"));
        assertEquals(Role.OTHER, DemoGoroutine.roleOf("main.worker"));
        assertEquals(Version.BLOG_ERA, P2pDock.parseVersion("blog-era"));
        assertEquals(Version.BLOG_ERA, P2pDock.parseVersion("blogera"));
        assertEquals(Version.FIXED, P2pDock.parseVersion("fixed"));
        assertEquals(Version.BLOG_ERA, P2pDock.parseVersion("blogera,real"));
        assertTrue(P2pDock.parseReal("fixed,real"));
        assertTrue(P2pDock.parseReal("blogera:daemon"));
        assertFalse(P2pDock.parseReal("blogera"));
    }
}
