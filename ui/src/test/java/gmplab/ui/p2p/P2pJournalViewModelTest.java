package gmplab.ui.p2p;

import gmplab.p2p.cli.P2pCommand;
import gmplab.p2p.demo.ListenerDemo.Version;
import gmplab.p2p.demo.P2pRun;
import gmplab.p2p.demo.Registries;
import gmplab.ui.model.RunViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The P2P pane watching a daemon started elsewhere, as from a terminal:
 * {@code p2p daemon --legacy --record FILE} in its own JVM (loopback, temporary repo).
 * Polls with a timeout; asserts nothing about timing.
 */
class P2pJournalViewModelTest {
    @TempDir
    Path repo;
    Process daemon;

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(10, TimeUnit.SECONDS)) daemon.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTerminalDaemonIsWatchedThroughItsJournalAndTakesCommands() throws Exception {
        Path journal = repo.resolve("journal.tsv");
        daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), P2pCommand.class.getName(), "daemon",
                "--repo", repo.toString(), "--legacy", "--record", journal.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        for (String l; (l = out.readLine()) != null; ) {
            if (l.startsWith("Daemon is ready")) break;
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();

        RunViewModel run = new RunViewModel(Runnable::run, Runnable::run);
        P2pViewModel vm = new P2pViewModel(run, Runnable::run, Runnable::run, v -> {
            throw new java.io.IOException("not used");
        });
        vm.start();
        vm.watchJournal(journal, repo);
        assertNull(vm.errorProperty().get(), () -> String.valueOf(vm.errorProperty().get()));
        assertEquals(P2pViewModel.Backend.JOURNAL, vm.backendProperty().get());
        assertEquals(Version.BLOG_ERA, vm.versionProperty().get(), "the journal's code");
        assertEquals(Version.BLOG_ERA, vm.run().version());
        assertTrue(vm.peers().isEmpty(), "no peer can be made to open a stream from here");

        vm.listenEcho();
        assertNull(vm.errorProperty().get(), () -> String.valueOf(vm.errorProperty().get()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Registries end;
        while (true) {
            vm.autoRefresh();
            P2pRun r = vm.run();
            end = r.registries().at(r.recording().size() - 1);
            if (!end.listeners().isEmpty()) break;
            if (System.nanoTime() > deadline) throw new AssertionError("no listener in the replay: " + r.transcript());
            Thread.sleep(200);
        }
        assertEquals("true", end.listeners().get(0).running(), "blog-era: Running");
        assertEquals(vm.echoTargetProperty().get(), end.listeners().get(0).targetAddress());
        assertEquals(List.of(P2pViewModel.PROTOCOL), end.listeners().stream().map(Registries.Listener::protocol).toList());

        // the code's version is the daemon's; only commands can be sent
        vm.setVersion(Version.FIXED);
        assertNotNull(vm.errorProperty().get());
        assertEquals(Version.BLOG_ERA, vm.versionProperty().get());
        vm.openStream(0);
        assertNotNull(vm.errorProperty().get(), "no peer to open a stream");
        assertTrue(Files.exists(journal));

        vm.setBackend(P2pViewModel.Backend.SIMULATED);
        assertEquals(P2pViewModel.Backend.SIMULATED, vm.backendProperty().get());
        assertTrue(Files.exists(repo.resolve("api")), "the terminal's daemon keeps running");
    }
}
