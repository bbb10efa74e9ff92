package gmplab.p2p.demo;

/**
 * Something the user of an interactive session does to the node or its network: type a
 * {@code p2p} command, make a remote peer open a stream, connect a local application to
 * a forwarded port, or end one of those streams. Each is applied when the program is
 * idle, so a session replays exactly.
 */
public sealed interface P2pAction {
    /** One line for the transcript and the action list (English). */
    default String describe() {
        return line(0).text();
    }

    /** The transcript line saying that this action happened, at {@code event}. */
    P2pRun.Line line(int event);

    /** A {@code p2p} console command, e.g. {@code listen /x/echo/1.0.0 /ip4/127.0.0.1/tcp/5001}. */
    record Command(String line) implements P2pAction {
        @Override
        public P2pRun.Line line(int event) {
            return P2pRun.Line.of(event, "command", line);
        }
    }

    /** Remote peer {@code peer} opens a stream to the node on {@code protocol} and writes {@code text}. */
    record OpenStream(String peer, String protocol, String text) implements P2pAction {
        @Override
        public P2pRun.Line line(int event) {
            return P2pRun.Line.of(event, "peerOpens", shortId(peer), protocol);
        }
    }

    /** A local application connects to TCP {@code addr} (a {@code forward}'s listen address) and writes {@code text}. */
    record Connect(String addr, String text) implements P2pAction {
        @Override
        public P2pRun.Line line(int event) {
            return P2pRun.Line.of(event, "appConnects", addr);
        }
    }

    /** The outside end named {@code name} ({@code s1}, {@code c1}, …) closes its writing side: the node reads EOF. */
    record CloseWrite(String name) implements P2pAction {
        @Override
        public P2pRun.Line line(int event) {
            return P2pRun.Line.of(event, "closesSide", name);
        }
    }

    /** The last characters of a peer id, as people shorten them ({@code …XZ9Xz8F}). */
    static String shortId(String peer) {
        return peer.length() > 8 ? "…" + peer.substring(peer.length() - 7) : peer;
    }
}
