package gmplab.p2p.libp2p.yamux;

import static gmplab.p2p.libp2p.yamux.YamuxFrame.FLAG_ACK;
import static gmplab.p2p.libp2p.yamux.YamuxFrame.FLAG_FIN;
import static gmplab.p2p.libp2p.yamux.YamuxFrame.FLAG_RST;
import static gmplab.p2p.libp2p.yamux.YamuxFrame.FLAG_SYN;

import gmplab.p2p.libp2p.Libp2pException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A yamux session (hashicorp spec, {@code /yamux/1.0.0}) over any ordered,
 * reliable frame transport.
 *
 * <p>Threading: {@link #onFrame} is called by one thread at a time (the
 * connection's event loop) and never blocks. Streams are used from any
 * thread, in a blocking style (see {@link YamuxStream}). Frames go out through
 * {@link Transport#send}, which must keep the order of calls made by one
 * thread.
 *
 * <p>Stream ids: the client (the connection's dialer) opens odd ids, the
 * server even ones. A SYN of the wrong parity, a duplicate SYN, Data beyond
 * the receive window, or a malformed frame is a protocol error: GoAway(1),
 * then the transport is closed. Inbound streams beyond
 * {@link YamuxConfig#maxInboundStreams()} are refused with RST.
 */
public final class YamuxSession {
    public static final String PROTOCOL_ID = "/yamux/1.0.0";

    /** Where frames go. */
    public interface Transport {
        /**
         * Queues a frame for sending. Must consume {@code frame.data()} before
         * returning (the caller may reuse the array) and must not block for long.
         */
        void send(YamuxFrame frame);

        /** Closes the underlying connection (after queued frames are flushed). */
        void close();
    }

    /** Session events; called on the thread that runs {@link #onFrame} (do not block in them). */
    public interface Listener {
        void onInboundStream(YamuxStream stream);

        default void onStreamClosed(YamuxStream stream) {
        }
    }

    private final boolean client;
    private final Transport transport;
    private final YamuxConfig config;
    private final Listener listener;
    private final Map<Integer, YamuxStream> streams = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Long>> pings = new ConcurrentHashMap<>();
    private final AtomicLong pingIds = new AtomicLong(1);
    private int nextStreamId;
    private int inboundCount;
    private volatile boolean goAwaySent;
    private volatile boolean goAwayReceived;
    private volatile boolean closed;
    private volatile Throwable closeCause;

    public YamuxSession(boolean client, Transport transport, YamuxConfig config, Listener listener) {
        this.client = client;
        this.transport = transport;
        this.config = config;
        this.listener = listener;
        this.nextStreamId = client ? 1 : 2;
    }

    public boolean isClient() {
        return client;
    }

    public YamuxConfig config() {
        return config;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean goAwayReceived() {
        return goAwayReceived;
    }

    public List<YamuxStream> streams() {
        return new ArrayList<>(streams.values());
    }

    /** Opens an outbound stream: sends WindowUpdate{SYN, 0}. Data may follow before the ACK. */
    public YamuxStream openStream() throws Libp2pException {
        YamuxStream s;
        synchronized (this) {
            if (closed) {
                throw new Libp2pException("yamux session is closed");
            }
            if (goAwayReceived || goAwaySent) {
                throw new Libp2pException("yamux session is going away: no new streams");
            }
            long unacked = streams.values().stream().filter(x -> x.outbound() && !x.acked()).count();
            if (unacked >= config.maxOutboundUnacked()) {
                throw new Libp2pException("too many unacknowledged outbound streams (" + unacked + ")");
            }
            int id = nextStreamId;
            if (id < 0) {
                throw new Libp2pException("yamux stream ids exhausted");
            }
            nextStreamId += 2;
            s = new YamuxStream(this, id, true);
            streams.put(id, s);
        }
        transport.send(YamuxFrame.windowUpdate(FLAG_SYN, s.id(), 0));
        return s;
    }

    /** Sends a Ping SYN; the future completes with the round-trip time in nanoseconds. */
    public CompletableFuture<Long> ping() {
        long id = pingIds.getAndIncrement() & 0xFFFFFFFFL;
        long start = System.nanoTime();
        CompletableFuture<Long> f = new CompletableFuture<>();
        pings.put(id, f);
        transport.send(YamuxFrame.ping(FLAG_SYN, id));
        return f.thenApply(end -> end - start);
    }

    /** Handles one received frame (Data payload in {@code data}). Protocol errors close the session. */
    public void onFrame(YamuxFrame.Header h, byte[] data) {
        onFrame(h, data, 0, data.length);
    }

    /**
     * Handles one received frame whose Data payload is {@code data[off, off+len)}.
     * The session keeps a reference to the array: it must not change afterwards.
     */
    public void onFrame(YamuxFrame.Header h, byte[] data, int off, int len) {
        if (closed) {
            return;
        }
        try {
            dispatch(h, data, off, len);
        } catch (YamuxException e) {
            protocolError(e);
        }
    }

    private void dispatch(YamuxFrame.Header h, byte[] data, int off, int len) throws YamuxException {
        switch (h.type()) {
            case YamuxFrame.TYPE_PING -> {
                if (h.streamId() != 0) {
                    throw new YamuxException("Ping on stream " + h.streamId());
                }
                if ((h.flags() & FLAG_SYN) != 0) {
                    transport.send(YamuxFrame.ping(FLAG_ACK, h.length()));
                } else if ((h.flags() & FLAG_ACK) != 0) {
                    CompletableFuture<Long> f = pings.remove(h.length());
                    if (f != null) {
                        f.complete(System.nanoTime());
                    }
                }
            }
            case YamuxFrame.TYPE_GO_AWAY -> {
                if (h.streamId() != 0) {
                    throw new YamuxException("GoAway on stream " + h.streamId());
                }
                goAwayReceived = true;
            }
            case YamuxFrame.TYPE_DATA, YamuxFrame.TYPE_WINDOW_UPDATE -> onStreamFrame(h, data, off, len);
            default -> throw new YamuxException("unknown frame type " + h.type());
        }
    }

    private void onStreamFrame(YamuxFrame.Header h, byte[] data, int off, int len) throws YamuxException {
        int id = h.streamId();
        if (id == 0) {
            throw new YamuxException("Data or WindowUpdate on stream 0");
        }
        int flags = h.flags();
        YamuxStream s = streams.get(id);
        if ((flags & FLAG_SYN) != 0) {
            if (s != null) {
                throw new YamuxException("duplicate SYN for stream " + id);
            }
            boolean remoteIsClient = !client;
            if ((id & 1) != (remoteIsClient ? 1 : 0)) {
                throw new YamuxException("stream " + id + " has the wrong parity for the remote's role");
            }
            if (goAwaySent || inboundCount >= config.maxInboundStreams()) {
                transport.send(YamuxFrame.windowUpdate(FLAG_RST, id, 0));
                return;
            }
            s = new YamuxStream(this, id, false);
            streams.put(id, s);
            synchronized (this) {
                inboundCount++;
            }
            transport.send(YamuxFrame.windowUpdate(FLAG_ACK, id, 0));
            s.onFrame(h, data, off, len);
            listener.onInboundStream(s);
            return;
        }
        if (s == null) {
            return; // a late frame for a stream that is already gone
        }
        s.onFrame(h, data, off, len);
    }

    /** Called by a stream once both directions are closed or it was reset. */
    void streamDone(YamuxStream s) {
        if (streams.remove(s.id(), s)) {
            if (!s.outbound()) {
                synchronized (this) {
                    inboundCount--;
                }
            }
            listener.onStreamClosed(s);
        }
    }

    void send(YamuxFrame f) {
        transport.send(f);
    }

    /** The peer broke the protocol (detected outside the session, e.g. while framing): GoAway(1) and close. */
    public void protocolError(String reason) {
        protocolError(new YamuxException(reason));
    }

    void protocolError(YamuxException e) {
        if (closed) {
            return;
        }
        closeCause = e;
        transport.send(YamuxFrame.goAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR));
        onTransportClosed(e);
        transport.close();
    }

    /** Orderly shutdown: GoAway(0), then the transport is closed. */
    public void close() {
        if (closed) {
            return;
        }
        goAwaySent = true;
        transport.send(YamuxFrame.goAway(YamuxFrame.GO_AWAY_NORMAL));
        onTransportClosed(null);
        transport.close();
    }

    /** Sends GoAway(0) but keeps existing streams running. */
    public void goAway() {
        if (!goAwaySent && !closed) {
            goAwaySent = true;
            transport.send(YamuxFrame.goAway(YamuxFrame.GO_AWAY_NORMAL));
        }
    }

    /** The connection went away: every stream fails. */
    public void onTransportClosed(Throwable cause) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (closeCause == null) {
                closeCause = cause;
            }
        }
        for (YamuxStream s : streams.values()) {
            s.onSessionClosed();
        }
        for (CompletableFuture<Long> f : pings.values()) {
            f.completeExceptionally(new Libp2pException("yamux session closed"));
        }
        pings.clear();
    }

    public Throwable closeCause() {
        return closeCause;
    }
}
