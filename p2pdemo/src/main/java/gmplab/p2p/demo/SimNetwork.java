package gmplab.p2p.demo;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated network: virtual remote peers (each serving a few protocols with an echo
 * handler) and TCP endpoints, all inside the simulation and deterministic. Errors are
 * worded as the real stack words them.
 */
public final class SimNetwork implements World.Backend {
    /** A remote peer: its id and the protocols it answers (with an echo handler). */
    record Peer(String id, Set<String> protocols) { }

    private final Map<String, Peer> peers = new LinkedHashMap<>();

    /** Adds a remote peer that echoes streams on {@code protocols}. */
    public SimNetwork peer(String id, String... protocols) {
        peers.put(id, new Peer(id, new LinkedHashSet<>(java.util.List.of(protocols))));
        return this;
    }

    @Override
    public void newStream(World w, String peer, String proto, World.Pending op) {
        op.done = true;
        Peer p = peers.get(peer);
        if (p == null) {
            op.error = "failed to dial " + peer + ": no addresses";
            return;
        }
        if (!p.protocols().contains(proto)) {
            op.error = "failed to negotiate protocol: protocol not supported";
            return;
        }
        Duplex[] pair = Duplex.pair(w.nextId(), w.nextId(), "stream");
        Duplex ours = pair[0], theirs = pair[1];
        ours.protocol = proto;
        ours.remotePeer = peer;
        ours.remoteAddr = "/ip4/10.0.0." + (2 + indexOf(peer)) + "/tcp/4001";
        theirs.protocol = proto;
        theirs.remotePeer = w.selfId;
        w.spawn(new Procs.Echo(w, theirs), Procs.Echo.NAME);
        op.result = ours;
    }

    private int indexOf(String peer) {
        int i = 0;
        for (String k : peers.keySet()) {
            if (k.equals(peer)) return i;
            i++;
        }
        return i;
    }

    /** A remote peer opens a stream to our node on {@code proto}; returns the remote peer's end. */
    public Duplex openStreamToUs(World w, String fromPeer, String proto) {
        Duplex[] pair = Duplex.pair(w.nextId(), w.nextId(), "stream");
        Duplex ours = pair[0], theirs = pair[1];
        ours.protocol = proto;
        ours.remotePeer = fromPeer;
        ours.remoteAddr = "/ip4/10.0.0." + (2 + indexOf(fromPeer)) + "/tcp/4001";
        theirs.protocol = proto;
        theirs.remotePeer = w.selfId;
        w.incomingStream(ours);
        return theirs;
    }

    @Override
    public void dialTcp(World w, String addr, World.Pending op) {
        op.done = true;
        World.TcpListener l = w.tcpListeners.get(addr);
        if (l == null || l.closed) {
            op.error = refused(addr);
            return;
        }
        op.result = connect(w, l);
    }

    /**
     * A local application connects to TCP {@code addr}: returns its end of the connection,
     * or null when nothing listens there (then the dial error is {@link #refused}).
     */
    static Duplex connectApp(World w, String addr) {
        World.TcpListener l = w.tcpListeners.get(addr);
        return l == null || l.closed ? null : connect(w, l);
    }

    /** The error of dialling {@code addr} where nothing listens, as Go's net package words it. */
    static String refused(String addr) {
        return "dial tcp " + hostPort(addr) + ": connect: connection refused";
    }

    /** A TCP connection to listener {@code l}: the server end waits in its backlog; returns the client end. */
    static Duplex connect(World w, World.TcpListener l) {
        Duplex[] pair = Duplex.pair(w.nextId(), w.nextId(), "tcp");
        Duplex client = pair[0], server = pair[1];
        client.remoteAddr = l.addr;
        client.localAddr = "/ip4/127.0.0.1/tcp/" + w.ephemeralPort();
        server.localAddr = l.addr;
        server.remoteAddr = client.localAddr;
        l.backlog.addLast(server);
        w.notify(l.acceptable);
        return client;
    }

    @Override
    public String listenTcp(World w, World.TcpListener l) {
        Matcher m = TCP.matcher(l.addr);
        if (!m.matches()) return "listen: unsupported multiaddr " + l.addr;
        if (m.group(2).equals("0")) l.addr = "/ip4/" + m.group(1) + "/tcp/" + w.ephemeralPort();
        World.TcpListener old = w.tcpListeners.get(l.addr);
        if (old != null && !old.closed) return "listen tcp " + hostPort(l.addr) + ": bind: address already in use";
        w.tcpListeners.put(l.addr, l);
        return null;
    }

    @Override
    public void closeTcp(World w, World.TcpListener l) {
        if (l.closed) return;
        l.closed = true;
        w.tcpListeners.remove(l.addr, l);
        w.notify(l.acceptable);
    }

    /** Starts a TCP echo service on {@code addr} (the local service behind {@code p2p listen}). */
    public World.TcpListener echoService(World w, String addr) {
        World.TcpListener l = new World.TcpListener(addr);
        String err = listenTcp(w, l);
        if (err != null) throw new IllegalStateException(err);
        w.spawn(new Procs.TcpEchoServer(w, l), Procs.TcpEchoServer.NAME);
        return l;
    }

    static final Pattern TCP = Pattern.compile("/ip[46]/([^/]+)/tcp/(\\d+)");

    static String hostPort(String addr) {
        Matcher m = TCP.matcher(addr);
        return m.matches() ? m.group(1) + ":" + m.group(2) : addr;
    }
}
