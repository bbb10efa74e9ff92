package gmplab.p2p.demo;

import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.runtime.SimConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node on the real back end, as {@code ./gmplab p2p daemon} and the app's P2P pane run
 * it: the project's libp2p host, the kubo code on the simulated runtime in real time
 * ({@link DaemonRunner}, {@link RealNetwork}), and the control endpoint in the repo that
 * the other {@code p2p} commands find. Like kubo, it refuses a repo whose daemon is running.
 */
public final class Daemon implements AutoCloseable {
    private final ListenerDemo.Version version;
    private final SimConfig cfg;
    private final Host host;
    private final DaemonRunner runner = new DaemonRunner();
    private final RealNetwork net;
    private final DaemonApi api;
    private final List<String> addrs = new ArrayList<>();
    private final PrintWriter journal;

    /**
     * Starts a node with identity {@code id} listening on {@code listen}, running
     * {@code version} at GOMAXPROCS {@code gomaxprocs}, its API in {@code repo}; every input
     * from the network is written to {@code record} (a {@link Journal}) unless it is null.
     *
     * @throws IOException "someone else has the lock: …" if a daemon already answers on {@code repo},
     *                     or when the host cannot listen
     */
    public static Daemon start(ListenerDemo.Version version, Identity id, Multiaddr listen, Path repo, int gomaxprocs,
                               Path record) throws IOException {
        String running = DaemonApi.running(repo);
        if (running != null) {
            // starting would take over <repo>/api and, on exit, delete it under the first daemon
            throw new IOException("someone else has the lock: a p2p daemon is already running on " + repo
                    + " (API " + running + ")");
        }
        return new Daemon(version, id, listen, repo, gomaxprocs, record);
    }

    private Daemon(ListenerDemo.Version version, Identity id, Multiaddr listen, Path repo, int gomaxprocs, Path record)
            throws IOException {
        this.version = version;
        this.cfg = SimConfig.defaults().withGomaxprocs(gomaxprocs);
        host = new Host(HostConfig.defaults(id));
        PrintWriter j = null;
        try {
            host.listen(listen);
            String self = host.peerId().toString();
            if (record != null) {
                j = new PrintWriter(Files.newBufferedWriter(record, StandardCharsets.UTF_8), true);
                j.println(Journal.header(version, self, gomaxprocs, repo));
                PrintWriter out = j;
                runner.recordTo(in -> out.println(in.line()));
            }
            net = new RealNetwork(host, runner);
            World world = new World(self, net);
            for (Multiaddr a : host.fullListenAddresses()) addrs.add(a.toString());
            world.listenAddrs().addAll(addrs);
            runner.start(version, world, cfg);
            api = new DaemonApi(repo, runner);
        } catch (IOException | RuntimeException e) {
            if (j != null) j.close();
            host.close();
            throw e;
        }
        journal = j;
    }

    public ListenerDemo.Version version() {
        return version;
    }

    /** The runtime settings the program runs with (a replay needs the same). */
    public SimConfig config() {
        return cfg;
    }

    public Host host() {
        return host;
    }

    public DaemonRunner runner() {
        return runner;
    }

    /** The control endpoint (its {@link DaemonApi#close} removes {@code <repo>/api}). */
    public DaemonApi api() {
        return api;
    }

    /** The full listen multiaddrs ({@code /ip4/…/tcp/…/p2p/<id>}). */
    public List<String> listenAddrs() {
        return List.copyOf(addrs);
    }

    /** Asks the program to end and waits a little for it; then closes the endpoint, the network and the host. */
    @Override
    public void close() {
        runner.stop();
        try {
            runner.done().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a node that does not stop in time is abandoned with the process's daemon threads
        }
        api.close();
        net.shutdown();
        host.close();
        if (journal != null) journal.close();
    }
}
