package gmplab.p2p.cli;

import gmplab.p2p.demo.DaemonApi;
import gmplab.p2p.demo.DaemonRunner;
import gmplab.p2p.demo.Journal;
import gmplab.p2p.demo.ListenerDemo;
import gmplab.p2p.demo.RealNetwork;
import gmplab.p2p.demo.Request;
import gmplab.p2p.demo.World;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        String running = runningApi(r);
        if (running != null) {
            // kubo refuses a second daemon on a repo ("someone else has the lock"); starting one
            // would take over <repo>/api and, on exit, delete it under the first daemon
            err.println("Error: someone else has the lock: a p2p daemon is already running on " + r
                    + " (API " + running + ")");
            err.flush();
            return 1;
        }
        Identity id = identityFile == null ? Identity.generate() : Identity.loadOrCreate(identityFile);
        Multiaddr listenAddr;
        try {
            listenAddr = Multiaddr.parse(listen);
        } catch (Exception e) {
            err.println("Error: failed to parse multiaddr \"" + listen + "\": " + e.getMessage());
            err.flush();
            return 1;
        }
        try (Host host = new Host(HostConfig.defaults(id))) {
            host.listen(listenAddr);
            DaemonRunner runner = new DaemonRunner();
            PrintWriter journal = record == null ? null
                    : new PrintWriter(java.nio.file.Files.newBufferedWriter(record, StandardCharsets.UTF_8), true);
            if (journal != null) {
                journal.println(Journal.header(legacy ? ListenerDemo.Version.BLOG_ERA : ListenerDemo.Version.FIXED,
                        host.peerId().toString(), gomaxprocs));
                runner.recordTo(in -> journal.println(in.line()));
            }
            RealNetwork net = new RealNetwork(host, runner);
            World world = new World(host.peerId().toString(), net);
            for (Multiaddr a : host.fullListenAddresses()) world.listenAddrs().add(a.toString());
            ListenerDemo.Version v = legacy ? ListenerDemo.Version.BLOG_ERA : ListenerDemo.Version.FIXED;
            runner.start(v, world, SimConfig.defaults().withGomaxprocs(gomaxprocs));
            try (DaemonApi api = new DaemonApi(r, runner)) {
                // killed rather than shut down: still remove <repo>/api so clients don't find a dead daemon
                Thread hook = new Thread(api::close, "gmplab-p2p-api-cleanup");
                Runtime.getRuntime().addShutdownHook(hook);
                for (Multiaddr a : host.fullListenAddresses()) out.println(a);
                out.println("Daemon is ready (" + (legacy ? "blog-era" : "fixed") + " p2p code, API " + api.address() + ")");
                out.flush();
                console(runner, out);
                RunResult rr = runner.done().get();
                net.shutdown();
                return rr.exitCode() == 0 ? 0 : 1;
            }
        }
    }

    /** The API address in {@code <repo>/api} if a daemon answers there, else null (none, or a stale file). */
    static String runningApi(Path repo) {
        try {
            String addr = Files.readString(repo.resolve("api")).trim();
            Matcher m = Pattern.compile("/ip4/([0-9.]+)/tcp/(\\d+)").matcher(addr);
            if (!m.matches()) return null;
            InetAddress host = InetAddress.getByName(m.group(1));
            if (!host.isLoopbackAddress()) return null; // the API is loopback only: probe nothing else
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, Integer.parseInt(m.group(2))), 2_000);
                return addr;
            }
        } catch (IOException | RuntimeException e) {
            return null;
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
