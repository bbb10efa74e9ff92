package gmplab.p2p.demo;

/**
 * Something the user of an interactive session does to the node or its network: type a
 * {@code p2p} command, make a remote peer open a stream, connect a local application to
 * a forwarded port, or end one of those streams. Each is applied when the program is
 * idle, so a session replays exactly.
 */
public sealed interface P2pAction {
    /** One line for the transcript and the action list. */
    String describe();

    /** A {@code p2p} console command, e.g. {@code listen /x/echo/1.0.0 /ip4/127.0.0.1/tcp/5001}. */
    record Command(String line) implements P2pAction {
        @Override
        public String describe() {
            return "> " + line;
        }
    }

    /** Remote peer {@code peer} opens a stream to the node on {@code protocol} and writes {@code text}. */
    record OpenStream(String peer, String protocol, String text) implements P2pAction {
        @Override
        public String describe() {
            return "peer " + shortId(peer) + " opens a stream on " + protocol;
        }
    }

    /** A local application connects to TCP {@code addr} (a {@code forward}'s listen address) and writes {@code text}. */
    record Connect(String addr, String text) implements P2pAction {
        @Override
        public String describe() {
            return "an application connects to " + addr;
        }
    }

    /** The outside end named {@code name} ({@code s1}, {@code c1}, …) closes its writing side: the node reads EOF. */
    record CloseWrite(String name) implements P2pAction {
        @Override
        public String describe() {
            return name + " closes its side";
        }
    }

    /** The last characters of a peer id, as people shorten them ({@code …XZ9Xz8F}). */
    static String shortId(String peer) {
        return peer.length() > 8 ? "…" + peer.substring(peer.length() - 7) : peer;
    }
}
