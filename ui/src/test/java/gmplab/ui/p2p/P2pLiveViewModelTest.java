package gmplab.ui.p2p;

import gmplab.p2p.demo.LiveNode;
import gmplab.p2p.demo.P2pRun;
import gmplab.p2p.demo.Registries;
import gmplab.ui.model.RunViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The P2P pane's view model on the real back end: a daemon in this process (real libp2p
 * hosts on loopback, its API file in a temporary repo), driven like the pane drives it.
 * Polls with a timeout; asserts nothing about timing.
 */
class P2pLiveViewModelTest {
    @TempDir
    Path repo;
    P2pViewModel vm;

    @AfterEach
    void stop() {
        if (vm != null) vm.setBackend(P2pViewModel.Backend.SIMULATED);
    }

    /** Refreshes until the registries at the end of the run satisfy {@code p} (30 s at most). */
    private Registries refreshUntil(Predicate<Registries> p) throws InterruptedException {
        return refreshUntil(p, vm::refresh);
    }

    /** Like {@link #refreshUntil(Predicate)}, refreshing with {@code refresh}. */
    private Registries refreshUntil(Predicate<Registries> p, Runnable refresh) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            refresh.run();
            P2pRun r = vm.run();
            Registries at = r.registries().at(r.recording().size() - 1);
            if (p.test(at)) return at;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out; last registries: " + at + "\ntranscript: " + r.transcript());
            Thread.sleep(200);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRealPeerOpensAStreamAndTheStreamRowAppearsAfterRefresh() throws Exception {
        RunViewModel run = new RunViewModel(Runnable::run, Runnable::run);
        vm = new P2pViewModel(run, Runnable::run, Runnable::run, v -> LiveNode.start(v, repo));
        vm.start();
        vm.setBackend(P2pViewModel.Backend.REAL);
        assertNull(vm.errorProperty().get(), () -> "started: " + vm.errorProperty().get());
        assertEquals(P2pViewModel.Backend.REAL, vm.backendProperty().get());
        assertTrue(vm.apiAddressProperty().get().startsWith("/ip4/127.0.0.1/tcp/"), vm.apiAddressProperty().get());
        assertTrue(Files.exists(repo.resolve("api")), "the API file a terminal finds");
        assertFalse(vm.listenAddrs().isEmpty());
        assertTrue(vm.listenAddrs().get(0).startsWith("/ip4/127.0.0.1/tcp/"), vm.listenAddrs().get(0));
        assertEquals(2, vm.peers().size(), "two real remote peers, B and C");
        assertTrue(vm.echoTargetProperty().get().startsWith("/ip4/127.0.0.1/tcp/"));

        vm.listenEcho();
        Registries afterListen = refreshUntil(r -> !r.listeners().isEmpty());
        assertEquals(P2pViewModel.PROTOCOL, afterListen.listeners().get(0).protocol());
        assertEquals(vm.echoTargetProperty().get(), afterListen.listeners().get(0).targetAddress());

        vm.openStream(0);
        // the pane's auto-refresh tick picks the stream up too
        Registries afterStream = refreshUntil(r -> !r.streams().isEmpty(), vm::autoRefresh);
        assertEquals(P2pViewModel.PROTOCOL, afterStream.streams().get(0).protocol());
        // the bytes went through the daemon to the real echo service and back to the peer
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (vm.run().transcript().stream().noneMatch(l -> l.text().startsWith("s1 ← \"hello"))) {
            if (System.nanoTime() > deadline) throw new AssertionError("no echo: " + vm.run().transcript());
            Thread.sleep(200);
            vm.refresh();
        }
        assertTrue(vm.run().recording() == run.recording(), "the board shows the daemon's run");
        // the stream is shown once the cursor reaches the end
        run.end();
        assertEquals(1, vm.streams().size());

        vm.setBackend(P2pViewModel.Backend.SIMULATED);
        assertEquals("", vm.apiAddressProperty().get());
        assertFalse(vm.run().recording().size() == 0);
        assertFalse(Files.exists(repo.resolve("api")), "the daemon stopped and removed its API file");
    }
}
