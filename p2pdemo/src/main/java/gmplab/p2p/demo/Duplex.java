package gmplab.p2p.demo;

/**
 * One end of a bidirectional byte stream in the simulation: a libp2p stream (with its
 * protocol and remote peer) or a TCP connection (with its addresses). What this end
 * writes goes to the peer end's {@link #in}; on the real back end the peer end is a
 * socket or a libp2p stream outside the simulation, reached through {@link #outside}.
 */
final class Duplex {
    final long id;
    final String kind;
    final Pipe in;
    Duplex peer;
    /** Set when the other side lives outside the simulation (real back end). */
    Outside outside;
    String protocol = "";
    String remotePeer = "";
    String localAddr = "";
    String remoteAddr = "";
    /** This end closed: no more reads or writes. */
    boolean closed;
    /** This end half-closed its writing side (the peer sees EOF; reads go on). */
    boolean writeClosed;

    /** The far side of a real connection or stream. */
    interface Outside {
        void write(byte[] b);

        /** Half-close: no more writes, the far side sees EOF. */
        void closeWrite();

        /** Full close. */
        void close();

        void reset();
    }

    Duplex(long id, String kind) {
        this.id = id;
        this.kind = kind;
        this.in = new Pipe(kind + " " + id + " read");
    }

    /** A connected pair of ends. */
    static Duplex[] pair(long idA, long idB, String kind) {
        Duplex a = new Duplex(idA, kind);
        Duplex b = new Duplex(idB, kind);
        a.peer = b;
        b.peer = a;
        return new Duplex[]{a, b};
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
