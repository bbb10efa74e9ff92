package gmplab.p2p.demo;

import java.util.List;

/**
 * The Go program's two registries at one moment, as {@code ipfs p2p ls -v} and
 * {@code ipfs p2p stream ls -v} would list them, read from the program's own variables.
 *
 * @param listeners the listener registry, in the program's order
 * @param streams   the stream registry, in the program's order
 */
public record Registries(List<Listener> listeners, List<Stream> streams) {
    public static final Registries EMPTY = new Registries(List.of(), List.of());

    public Registries {
        listeners = List.copyOf(listeners);
        streams = List.copyOf(streams);
    }

    /**
     * One listener: {@code listen} (libp2p streams to a TCP target) or {@code forward}
     * (local TCP connections to a peer).
     *
     * @param running the blog-era {@code ListenerInfo.Running} flag ("true"/"false"); empty for the fixed code, which has none
     */
    public record Listener(String kind, String protocol, String listenAddress, String targetAddress, String running) { }

    /** One bridged stream: kubo's {@code HandlerID}, protocol, where it came from and where it goes. */
    public record Stream(String id, String protocol, String origin, String target) { }
}
