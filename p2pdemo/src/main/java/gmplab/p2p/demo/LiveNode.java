package gmplab.p2p.demo;

import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Echo;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.host.Stream;
import gmplab.p2p.libp2p.multiformats.Multiaddr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

/**
 * The node as a daemon on the real back end, in this process: the project's libp2p host
 * on loopback, the Go program on the simulated runtime in real time
 * ({@link DaemonRunner}), and the control endpoint, so {@code ./gmplab p2p ls} and the
 * other commands in a terminal talk to it too (as to {@code ./gmplab p2p daemon}). Two
 * more libp2p hosts in this process play the remote peers B and C that open streams; local
 * applications are real TCP sockets. The remote peers also answer {@code /x/echo/1.0.0}, so a
 * {@code forward} to them works. {@link #record} replays the daemon's journal so far.
 */
public final class LiveNode implements P2pNode {
    private final Daemon daemon;
    /** The remote peers, B and C, as in the simulated network. */
    private final List<Host> remotes = new ArrayList<>();
    private final List<P2pAction> actions = new CopyOnWriteArrayList<>();
    /** What the remote peer and the applications saw, at the live run's event count. */
    private final List<P2pRun.Line> outside = new CopyOnWriteArrayList<>();
    private final Map<String, End> ends = new LinkedHashMap<>();
    private int streams;
    private int conns;

    /** One end outside the node: the remote peer's stream or an application's socket. */
    private interface End {
        void closeWrite() throws IOException;

        void close();
    }

    private static final int REMOTE_PEERS = 2;

    private LiveNode(ListenerDemo.Version version, Path repo) throws IOException {
        daemon = Daemon.start(version, Identity.generate(), Multiaddr.of("/ip4/127.0.0.1/tcp/0"), repo, 2, null);
        try {
            for (int i = 0; i < REMOTE_PEERS; i++) {
                Host remote = new Host(HostConfig.defaults(Identity.generate()));
                remotes.add(remote);
                // a remote peer serves an echo, and the node knows where it is (as after discovery), so forward reaches it
                remote.setStreamHandler(SimSession.ECHO, Echo::handle);
                daemon.host().addAddress(remote.peerId(), remote.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0")));
            }
        } catch (IOException | RuntimeException e) {
            remotes.forEach(Host::close);
            daemon.close();
            throw e;
        }
    }

    /**
     * Starts a daemon running {@code version}; its control endpoint's address is written to
     * {@code repo/api} (use {@link DaemonApi#defaultRepo()} for the one the CLI finds).
     */
    public static LiveNode start(ListenerDemo.Version version, Path repo) throws IOException {
        return new LiveNode(version, repo);
    }

    @Override
    public ListenerDemo.Version version() {
        return daemon.version();
    }

    @Override
    public boolean real() {
        return true;
    }

    @Override
    public List<String> listenAddrs() {
        return daemon.listenAddrs();
    }

    @Override
    public List<String> remotePeers() {
        return remotes.stream().map(h -> h.peerId().toString()).toList();
    }

    /** The control endpoint's address ({@code /ip4/127.0.0.1/tcp/<port>}). */
    public String apiAddress() {
        return daemon.api().address();
    }

    @Override
    public void act(P2pAction a) {
        actions.add(a);
        if (a instanceof P2pAction.Command c) {
            daemon.runner().submit(Request.parse(c.line()));
        } else if (a instanceof P2pAction.OpenStream o) {
            background("s" + nextStream(), name -> openStream(name, o));
        } else if (a instanceof P2pAction.Connect c) {
            background("c" + nextConn(), name -> connect(name, c));
        } else if (a instanceof P2pAction.CloseWrite w) {
            End e;
            synchronized (ends) {
                e = ends.get(w.name());
            }
            try {
                if (e == null) note("noSuch", w.name());
                else e.closeWrite();
            } catch (IOException ex) {
                note("failed", w.name(), String.valueOf(ex.getMessage()));
            }
        }
    }

    private synchronized int nextStream() {
        return ++streams;
    }

    private synchronized int nextConn() {
        return ++conns;
    }

    private void openStream(String name, P2pAction.OpenStream o) throws IOException {
        Host remote = remotes.stream().filter(h -> h.peerId().toString().equals(o.peer())).findFirst()
                .orElseThrow(() -> new IOException("no remote peer " + o.peer()));
        Stream s = remote.newStream(Multiaddr.of(daemon.listenAddrs().get(0)), o.protocol());
        register(name, new End() {
            @Override
            public void closeWrite() throws IOException {
                s.closeWrite();
            }

            @Override
            public void close() {
                s.reset();
            }
        });
        note("opened", name, P2pAction.shortId(remote.peerId().toString()));
        pump(name, s.inputStream(), s.outputStream(), o.text());
    }

    private void connect(String name, P2pAction.Connect c) throws IOException {
        Matcher m = SimNetwork.TCP.matcher(c.addr());
        if (!m.matches()) throw new IOException("not a TCP multiaddr: " + c.addr());
        Socket sock = new Socket();
        sock.connect(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))), 5_000);
        register(name, new End() {
            @Override
            public void closeWrite() throws IOException {
                sock.shutdownOutput();
            }

            @Override
            public void close() {
                try {
                    sock.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        });
        note("connected", name, c.addr());
        pump(name, sock.getInputStream(), sock.getOutputStream(), c.text());
    }

    private void register(String name, End e) {
        synchronized (ends) {
            ends.put(name, e);
        }
    }

    /** Writes {@code text}, then notes everything that arrives until EOF or an error. */
    private void pump(String name, InputStream in, OutputStream out, String text) throws IOException {
        if (!text.isEmpty()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            note("sent", name, text.replace("\n", "\\n"));
        }
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            note("received", name, new String(buf, 0, n, StandardCharsets.UTF_8).replace("\n", "\\n"));
        }
        note("eof", name);
    }

    private interface Io {
        void run(String name) throws IOException;
    }

    /** Runs blocking network I/O for one end on a thread of its own; failures go to the transcript. */
    private void background(String name, Io io) {
        Thread t = new Thread(() -> {
            try {
                io.run(name);
            } catch (IOException | RuntimeException e) {
                note("failed", name, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }, "gmplab-p2p-ui-" + name);
        t.setDaemon(true);
        t.start();
    }

    private void note(String key, String... args) {
        outside.add(P2pRun.Line.of((int) Math.max(0, daemon.runner().eventCount() - 1), key, args));
    }

    @Override
    public List<P2pAction> actions() {
        return List.copyOf(actions);
    }

    @Override
    public P2pRun record() {
        // what the outside saw first: whatever caused it is in the journal taken after it
        List<P2pRun.Line> seen = List.copyOf(outside);
        List<DaemonRunner.Input> journal = daemon.runner().journal();
        long upto = daemon.runner().eventCount();
        P2pRun r = Replay.record(daemon.version(), daemon.host().peerId().toString(), journal, daemon.config(), upto);
        List<P2pRun.Line> all = new ArrayList<>(r.transcript());
        int last = Math.max(0, r.recording().size() - 1);
        for (P2pRun.Line l : seen) all.add(l.at(Math.min(l.event(), last)));
        all.sort(Comparator.comparingInt(P2pRun.Line::event));
        return new P2pRun(r.version(), r.recording(), all, r.registries(), r.actionEvents());
    }

    @Override
    public void close() {
        synchronized (ends) {
            ends.values().forEach(End::close);
        }
        remotes.forEach(Host::close);
        daemon.close();
    }
}
