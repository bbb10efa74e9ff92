package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.crypto.PublicKey;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multiformats.PeerId;
import gmplab.p2p.libp2p.multistream.MultistreamNegotiator;
import gmplab.p2p.libp2p.yamux.YamuxSession;
import gmplab.p2p.libp2p.yamux.YamuxStream;
import io.netty.channel.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** An upgraded libp2p connection: TCP + Noise + yamux to one authenticated peer. */
public final class Connection {
    /** Who dialed. */
    public enum Direction { INBOUND, OUTBOUND }

    private final Host host;
    private final Channel channel;
    private final PeerId remotePeer;
    private final PublicKey remoteKey;
    private final Direction direction;
    private final String muxerNegotiation;
    private final Multiaddr remoteAddr;
    private final Multiaddr localAddr;
    private final Map<Integer, Stream> streams = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile YamuxSession session;

    Connection(Host host, Channel channel, PeerId remotePeer, PublicKey remoteKey, Direction direction,
            String muxerNegotiation, Multiaddr remoteAddr, Multiaddr localAddr) {
        this.host = host;
        this.channel = channel;
        this.remotePeer = remotePeer;
        this.remoteKey = remoteKey;
        this.direction = direction;
        this.muxerNegotiation = muxerNegotiation;
        this.remoteAddr = remoteAddr;
        this.localAddr = localAddr;
    }

    void attach(YamuxSession s) {
        this.session = s;
    }

    YamuxSession session() {
        return session;
    }

    public PeerId remotePeer() {
        return remotePeer;
    }

    public PublicKey remotePublicKey() {
        return remoteKey;
    }

    public Direction direction() {
        return direction;
    }

    /** "early" when yamux was chosen inside the Noise handshake, "multistream" otherwise. */
    public String muxerNegotiation() {
        return muxerNegotiation;
    }

    public Multiaddr remoteAddress() {
        return remoteAddr;
    }

    public Multiaddr localAddress() {
        return localAddr;
    }

    public boolean isOpen() {
        return channel.isActive() && !session.isClosed();
    }

    /** Completes when the connection is closed. */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    public List<Stream> streams() {
        return new ArrayList<>(streams.values());
    }

    /**
     * Opens a stream and negotiates the first of {@code protocols} the remote
     * supports (multistream-select, initiator side). Blocks until negotiated.
     */
    public Stream newStream(String... protocols) throws IOException {
        if (protocols.length == 0) {
            throw new IllegalArgumentException("no protocol given");
        }
        YamuxStream ys = session.openStream();
        Stream s = register(ys);
        Duration timeout = host.config().negotiationTimeout();
        try {
            ys.setReadTimeout(timeout.toMillis());
            String p = MultistreamNegotiator.initiator(List.of(protocols)).runBlocking(s.inputStream(), s.outputStream());
            ys.setReadTimeout(0);
            s.opened(p);
        } catch (IOException | RuntimeException e) {
            s.reset();
            throw e;
        }
        host.fire(new HostEvent.StreamOpened(s));
        return s;
    }

    /** Round-trip time of a yamux Ping on this connection. */
    public Duration muxerPing() throws IOException {
        try {
            return Duration.ofNanos(session.ping().get(host.config().negotiationTimeout().toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            throw new Libp2pException("yamux ping failed: " + e, e);
        }
    }

    /** Orderly close: GoAway(0), then the TCP connection. */
    public void close() {
        YamuxSession s = session;
        if (s != null) {
            s.close();
        } else {
            channel.close();
        }
    }

    Stream register(YamuxStream ys) {
        Stream s = new Stream(this, ys);
        streams.put(ys.id(), s);
        return s;
    }

    void streamDone(YamuxStream ys) {
        Stream s = streams.remove(ys.id());
        if (s != null && s.wasOpened()) {
            host.fire(new HostEvent.StreamClosed(s));
        }
    }

    void markClosed() {
        for (YamuxStream ys : session == null ? List.<YamuxStream>of() : session.streams()) {
            streamDone(ys);
        }
        for (Stream s : new ArrayList<>(streams.values())) {
            streamDone(s.yamux());
        }
        closed.complete(null);
    }

    HostConfig hostConfig() {
        return host.config();
    }

    Channel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase() + " connection to " + remotePeer + " at " + remoteAddr;
    }
}
