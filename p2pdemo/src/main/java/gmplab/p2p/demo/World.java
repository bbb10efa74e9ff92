package gmplab.p2p.demo;

import gmplab.golang.NativePackages.GoFunc;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Go program's {@code p2phost}, {@code manet} and {@code node} packages see: the
 * node's libp2p host (stream handlers, incoming streams), its TCP listeners and
 * connections, and the queue of {@code p2p} commands. It lives on the simulation thread;
 * a {@link Backend} connects it to a simulated network or to real sockets.
 */
public final class World {
    /** The network behind the world. */
    public interface Backend {
        /** Opens a libp2p stream to {@code peer} on {@code proto}; completes {@code op} now or later. */
        void newStream(World w, String peer, String proto, Pending op);

        /** Connects to a TCP multiaddr; completes {@code op} now or later. */
        void dialTcp(World w, String addr, Pending op);

        /** Binds a TCP listener; returns the error message or null. */
        String listenTcp(World w, TcpListener l);

        /** Closes a TCP listener. */
        void closeTcp(World w, TcpListener l);

        /** Where {@code peer} can be reached ({@code /ip4/…/tcp/…/p2p/<id>}); the simulated network knows its peers. */
        default void addAddrs(World w, String peer, String addr) { }

        /** The set of stream handlers changed (the real host registers protocols). */
        default void handlersChanged(World w) { }
    }

    /** An operation that completes later: a stream or connection, or an error. */
    public static final class Pending {
        /** Numbered in creation order (on the simulation thread), so a recorded completion finds it again. */
        final long id;
        final Readiness ready;
        Duplex result;
        String error;
        boolean done;

        Pending(long id, String name) {
            this.id = id;
            this.ready = new Readiness(name);
        }
    }

    private long nextPending = 1;

    /** A pending operation; its netpoller source is unique ("dial X #3"), as concurrent dials to one peer wait apart. */
    Pending newPending(String name) {
        long id = nextPending++;
        return new Pending(id, name + " #" + id);
    }

    /** A TCP listener ({@code manet.Listen}): connections wait in its backlog for {@code Accept}. */
    public static final class TcpListener {
        String addr;
        final ArrayDeque<Duplex> backlog = new ArrayDeque<>();
        final Readiness acceptable;
        boolean closed;
        Object outside;

        TcpListener(String addr) {
            this.addr = addr;
            this.acceptable = new Readiness("tcp listener " + addr);
        }
    }

    final String selfId;
    final List<String> listenAddrs = new ArrayList<>();
    final Map<String, GoFunc> handlers = new LinkedHashMap<>();
    final List<String> builtinProtocols = new ArrayList<>(List.of("/ipfs/id/1.0.0", "/ipfs/ping/1.0.0"));
    final ArrayDeque<Duplex> incoming = new ArrayDeque<>();
    final Readiness swarmReady = new Readiness("swarm accept");
    final ArrayDeque<Request> requests = new ArrayDeque<>();
    final Readiness requestsReady = new Readiness("api requests");
    boolean requestsClosed;
    final Map<String, TcpListener> tcpListeners = new LinkedHashMap<>();
    /** Goroutines the world wants started; whoever runs next (a native, a Java body) starts them. */
    final ArrayDeque<GoroutineBody> spawns = new ArrayDeque<>();
    final ArrayDeque<String> spawnNames = new ArrayDeque<>();
    private final Backend backend;
    private Simulation sim;
    long latencyNs = 20_000;
    private long nextId = 1;
    private int nextPort = 40000;
    boolean started;

    public World(String selfId, Backend backend) {
        this.selfId = selfId;
        this.backend = backend;
    }

    public void attach(Simulation sim) {
        this.sim = sim;
    }

    /** The node's full listen multiaddrs ({@code node.ListenAddrs()}). */
    public List<String> listenAddrs() {
        return listenAddrs;
    }

    public Simulation simulation() {
        return sim;
    }

    long nextId() {
        return nextId++;
    }

    int ephemeralPort() {
        return nextPort++;
    }

    Backend backend() {
        return backend;
    }

    /** Makes {@code r} ready for its waiter (a netpoller event after the network latency). */
    void notify(Readiness r) {
        if (r.waiting > 0 && sim != null) sim.injectReady(sim.nanotime() + latencyNs, r.name);
    }

    void spawn(GoroutineBody body, String name) {
        spawns.addLast(body);
        spawnNames.addLast(name);
    }

    // ---------------------------------------------------------------- host

    List<String> protocols() {
        List<String> out = new ArrayList<>(builtinProtocols);
        out.addAll(handlers.keySet());
        return out;
    }

    void setStreamHandler(String proto, GoFunc handler) {
        handlers.put(proto, handler);
        backend.handlersChanged(this);
    }

    void removeStreamHandler(String proto) {
        handlers.remove(proto);
        backend.handlersChanged(this);
    }

    /** A stream opened by a remote peer arrives: the swarm's accept loop picks it up. */
    public void incomingStream(Duplex ours) {
        incoming.addLast(ours);
        notify(swarmReady);
    }

    // ---------------------------------------------------------------- byte streams

    /** Writes to the other end (in the simulation or outside). Returns an error message or null. */
    String write(Duplex d, byte[] b) {
        if (d.in.reset) return "stream reset";
        if (d.closed || d.writeClosed) return d.kind.equals("tcp") ? "use of closed network connection" : "stream closed";
        if (d.outside != null) {
            d.outside.write(b);
            return null;
        }
        if (d.peer.in.reset) return d.kind.equals("tcp") ? "connection reset by peer" : "stream reset";
        d.peer.in.put(b);
        notify(d.peer.in.readable);
        return null;
    }

    void close(Duplex d) {
        if (d.closed) return;
        d.closed = true;
        boolean wasWriteClosed = d.writeClosed;
        d.writeClosed = true;
        if (d.outside != null) {
            d.outside.close();
        } else if (d.peer != null && !wasWriteClosed) {
            d.peer.in.eof = true;
            notify(d.peer.in.readable);
        }
        notify(d.in.readable);
    }

    /** Half-close: the other end reads EOF, this end may still read. */
    void closeWrite(Duplex d) {
        if (d.closed || d.writeClosed) return;
        d.writeClosed = true;
        if (d.outside != null) {
            d.outside.closeWrite();
        } else if (d.peer != null) {
            d.peer.in.eof = true;
            notify(d.peer.in.readable);
        }
    }

    void reset(Duplex d) {
        d.closed = true;
        d.in.reset = true;
        notify(d.in.readable);
        if (d.outside != null) {
            d.outside.reset();
        } else if (d.peer != null) {
            d.peer.in.reset = true;
            notify(d.peer.in.readable);
        }
    }

    // ---------------------------------------------------------------- requests

    /** Queues a command for the Go program's request loop. */
    public void submit(Request r) {
        requests.addLast(r);
        notify(requestsReady);
    }

    /** No more commands: {@code node.NextRequest()} answers false and the program ends. */
    public void closeRequests() {
        requestsClosed = true;
        notify(requestsReady);
    }

    void finish(Request r, String output, String error) {
        r.output = output;
        r.error = error;
        r.done = true;
        notify(r.doneReady);
        if (r.onDone != null) r.onDone.accept(r);
    }
}
