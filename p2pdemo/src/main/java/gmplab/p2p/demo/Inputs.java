package gmplab.p2p.demo;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the real network can do to the world, one method per kind of recorded input.
 * The live back end ({@link RealNetwork}) calls these on the simulation thread; a replay
 * ({@link Replay}) calls the same methods from the journal, so both runs see the same
 * inputs at the same points.
 */
final class Inputs {
    private final World w;
    private final Map<Long, Duplex> duplexes = new HashMap<>();

    Inputs(World w) {
        this.w = w;
    }

    /** A stream or connection end, with the attributes the journal records. */
    static Duplex duplex(long id, String kind, String protocol, String remotePeer, String remoteAddr, String localAddr) {
        Duplex d = new Duplex(id, kind);
        d.protocol = protocol;
        d.remotePeer = remotePeer;
        d.remoteAddr = remoteAddr;
        d.localAddr = localAddr;
        return d;
    }

    static List<String> attrs(Duplex d) {
        return List.of(Long.toString(d.id), d.kind, d.protocol, d.remotePeer, d.remoteAddr, d.localAddr);
    }

    static Duplex fromAttrs(List<String> a, int at) {
        return duplex(Long.parseLong(a.get(at)), a.get(at + 1), a.get(at + 2), a.get(at + 3), a.get(at + 4), a.get(at + 5));
    }

    Duplex known(long id) {
        return duplexes.get(id);
    }

    /** {@code stream.in}: a remote peer opened a stream; the swarm's accept loop takes it. */
    void streamIn(Duplex d) {
        duplexes.put(d.id, d);
        w.incomingStream(d);
    }

    /** {@code dial.ok} / {@code dial.err}: a libp2p or TCP dial finished. */
    void dialDone(World.Pending op, Duplex d, String error) {
        if (d != null) duplexes.put(d.id, d);
        op.result = d;
        op.error = error;
        op.done = true;
        w.notify(op.ready);
    }

    /** {@code tcp.accept}: a local application connected to a TCP listener. */
    void tcpAccept(World.TcpListener l, Duplex d) {
        duplexes.put(d.id, d);
        if (l == null || l.closed) {
            w.reset(d);
            return;
        }
        l.backlog.addLast(d);
        w.notify(l.acceptable);
    }

    /** {@code data}: bytes arrived on an end. */
    void data(Duplex d, byte[] b) {
        d.in.put(b);
        w.notify(d.in.readable);
    }

    /** {@code eof}: the far side closed its writing side. */
    void eof(Duplex d) {
        d.in.eof = true;
        w.notify(d.in.readable);
    }

    /** {@code ioerror}: reading failed: a reset, unless this end had closed it. */
    void ioError(Duplex d) {
        if (d.closed) d.in.eof = true; else d.in.reset = true;
        w.notify(d.in.readable);
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
