package gmplab.p2p.cli;

import gmplab.p2p.demo.Daemon;
import gmplab.p2p.demo.DaemonApi;
import gmplab.p2p.demo.DaemonRunner;
import gmplab.p2p.demo.ListenerDemo;
import gmplab.p2p.demo.Request;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.runtime.RunResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p2p daemon}: a node running kubo's {@code p2p} code (fixed, or blog-era with
 * {@code --legacy}) on the simulated runtime, with the real libp2p host and real TCP
 * sockets. Prints its full listen multiaddrs, serves the other {@code p2p} commands on a
 * loopback control endpoint, and reads the same commands from an interactive console.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Run a node with kubo's p2p listener on the simulated runtime (real libp2p host and sockets).")
public final class P2pDaemonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "ADDR", defaultValue = "/ip4/127.0.0.1/tcp/0",
            description = "libp2p listen multiaddr (default: ${DEFAULT-VALUE}, loopback only).")
    String listen;

    @Option(names = "--legacy", description = "Run the blog-era go-ipfs code (with its bugs) instead of the fixed one.")
    boolean legacy;

    @Option(names = "--identity", paramLabel = "FILE", description = "Ed25519 identity file; created if missing.")
    Path identityFile;

    @Option(names = "--repo", paramLabel = "DIR", description = "Where the control endpoint's address is written "
            + "(default: $GMPLAB_P2P_PATH or ~/.gmplab/p2p).")
    Path repo;

    @Option(names = "--gomaxprocs", defaultValue = "4", description = "GOMAXPROCS of the simulated runtime.")
    int gomaxprocs;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Record every input from the network to FILE (replay it with p2p replay FILE).")
    Path record;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path r = repo != null ? repo : DaemonApi.defaultRepo();
        Multiaddr listenAddr;
        try {
            listenAddr = Multiaddr.parse(listen);
        } catch (Exception e) {
            err.println("Error: failed to parse multiaddr \"" + listen + "\": " + e.getMessage());
            err.flush();
            return 1;
        }
        Identity id = identityFile == null ? Identity.generate() : Identity.loadOrCreate(identityFile);
        ListenerDemo.Version v = legacy ? ListenerDemo.Version.BLOG_ERA : ListenerDemo.Version.FIXED;
        Daemon daemon;
        try {
            daemon = Daemon.start(v, id, listenAddr, r, gomaxprocs, record);
        } catch (IOException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        }
        try (daemon) {
            // killed rather than shut down: still remove <repo>/api so clients don't find a dead daemon
            Runtime.getRuntime().addShutdownHook(new Thread(daemon.api()::close, "gmplab-p2p-api-cleanup"));
            daemon.listenAddrs().forEach(out::println);
            out.println("Daemon is ready (" + (legacy ? "blog-era" : "fixed") + " p2p code, API " + daemon.api().address() + ")");
            out.flush();
            console(daemon.runner(), out);
            RunResult rr = daemon.runner().done().get();
            return rr.exitCode() == 0 ? 0 : 1;
        }
    }

    /** Commands typed on stdin; at end of input the daemon keeps running until shut down. */
    private static void console(DaemonRunner runner, PrintWriter out) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while (!runner.done().isDone() && (line = in.readLine()) != null) {
            line = line.trim();
            if (line.isEmpty()) continue;
            if (line.equals("exit") || line.equals("quit") || line.equals("shutdown")) {
                runner.stop();
                break;
            }
            Request q = runner.submit(Request.parse(line)).get(60, TimeUnit.SECONDS);
            if (q.error() != null) out.println("Error: " + q.error());
            else out.print(P2pClientCommands.align(q.output()));
            out.flush();
        }
    }
}
