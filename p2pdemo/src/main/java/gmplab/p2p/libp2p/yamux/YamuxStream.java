package gmplab.p2p.libp2p.yamux;

import static gmplab.p2p.libp2p.yamux.YamuxFrame.FLAG_ACK;
import static gmplab.p2p.libp2p.yamux.YamuxFrame.FLAG_FIN;
import static gmplab.p2p.libp2p.yamux.YamuxFrame.FLAG_RST;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.StreamResetException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;

/**
 * One yamux stream, used in a blocking style from any thread.
 *
 * <p>Receive side: Data is buffered up to the receive window (256 KiB at
 * first); as the application reads, WindowUpdates return the consumed bytes
 * and grow the window (doubling up to {@link YamuxConfig#maxStreamWindow()}).
 * Send side: writes are split to the peer's window and to
 * {@link YamuxConfig#MAX_FRAME_DATA}, blocking while the window is zero.
 */
public final class YamuxStream {
    private final YamuxSession session;
    private final int id;
    private final boolean outbound;
    private final ArrayDeque<int[]> spans = new ArrayDeque<>();
    private final ArrayDeque<byte[]> buffer = new ArrayDeque<>();
    private int buffered;
    private long sendWindow = YamuxConfig.INITIAL_WINDOW;
    private long recvWindow = YamuxConfig.INITIAL_WINDOW;
    private long maxRecvWindow = YamuxConfig.INITIAL_WINDOW;
    private long consumed;
    private boolean acked;
    private boolean localClosed;
    private boolean remoteClosed;
    private boolean reset;
    private String resetReason;
    private long readTimeoutMillis;
    private long bytesRead;
    private long bytesWritten;
    private volatile Runnable readinessListener;

    YamuxStream(YamuxSession session, int id, boolean outbound) {
        this.session = session;
        this.id = id;
        this.outbound = outbound;
        this.acked = !outbound;
    }

    public int id() {
        return id;
    }

    public boolean outbound() {
        return outbound;
    }

    synchronized boolean acked() {
        return acked;
    }

    public YamuxSession session() {
        return session;
    }

    /** Blocks reads at most this long (0 = forever); a timed-out read throws SocketTimeoutException. */
    public synchronized void setReadTimeout(long millis) {
        this.readTimeoutMillis = millis;
    }

    public synchronized long bytesRead() {
        return bytesRead;
    }

    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    /** The receive window this stream has grown to. */
    public synchronized long receiveWindowLimit() {
        return maxRecvWindow;
    }

    public synchronized boolean isReset() {
        return reset;
    }

    /** Both directions closed, or reset. */
    public synchronized boolean isDone() {
        return reset || (localClosed && remoteClosed);
    }

    // ---- frames from the session (event loop) ----

    void onFrame(YamuxFrame.Header h, byte[] data, int dataOff, int dataLen) throws YamuxException {
        boolean done;
        synchronized (this) {
            int flags = h.flags();
            if ((flags & FLAG_ACK) != 0) {
                acked = true;
            }
            if (h.type() == YamuxFrame.TYPE_WINDOW_UPDATE) {
                sendWindow += h.length();
                if (sendWindow > 0xFFFFFFFFL * 4) {
                    throw new YamuxException("send window overflow on stream " + id);
                }
            } else if (dataLen > 0) {
                if (dataLen > recvWindow) {
                    throw new YamuxException("stream " + id + " received " + dataLen + " bytes with a window of "
                            + recvWindow);
                }
                recvWindow -= dataLen;
                if (!reset && !remoteClosed) {
                    buffer.addLast(data);
                    spans.addLast(new int[] {dataOff, dataLen});
                    buffered += dataLen;
                }
            }
            if ((flags & FLAG_RST) != 0) {
                reset = true;
                resetReason = "stream reset by the remote";
                buffer.clear();
                spans.clear();
                buffered = 0;
            } else if ((flags & FLAG_FIN) != 0) {
                remoteClosed = true;
            }
            done = reset || (localClosed && remoteClosed);
            notifyAll();
        }
        fireReadiness();
        if (done) {
            session.streamDone(this);
        }
    }

    void onSessionClosed() {
        synchronized (this) {
            if (!reset && !(localClosed && remoteClosed)) {
                reset = true;
                resetReason = "connection closed";
            }
            notifyAll();
        }
        fireReadiness();
    }

    private void fireReadiness() {
        Runnable r = readinessListener;
        if (r != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // an observer's failure must not break the session
            }
        }
    }

    /**
     * Called, on the connection's I/O thread, after anything that may make the
     * stream readable or writable: data, FIN, RST, a window update, the
     * connection closing. For netpoller-style integration; must not block.
     */
    public void setReadinessListener(Runnable listener) {
        this.readinessListener = listener;
    }

    /** Bytes that {@link #read} can return without blocking. */
    public synchronized int available() {
        return buffered;
    }

    /** True when a read would not block: data buffered, end of stream, or reset. */
    public synchronized boolean isReadable() {
        return buffered > 0 || remoteClosed || reset;
    }

    /** True when a write of at least one byte would not block (or would fail at once). */
    public synchronized boolean isWritable() {
        return sendWindow > 0 || reset || localClosed;
    }

    /**
     * Reads what is buffered without blocking: the byte count, 0 when nothing
     * is buffered yet, -1 at end of stream.
     */
    public int readNonBlocking(byte[] b, int off, int len) throws IOException {
        synchronized (this) {
            if (buffered == 0) {
                if (reset) {
                    throw new StreamResetException(resetReason + " (stream " + id + ")");
                }
                return remoteClosed ? -1 : 0;
            }
        }
        return read(b, off, len);
    }

    /** Writes as much as the peer's window allows right now, without blocking; returns the count. */
    public int writeNonBlocking(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int chunk;
            synchronized (this) {
                if (reset) {
                    throw new StreamResetException(resetReason + " (stream " + id + ")");
                }
                if (localClosed) {
                    throw new Libp2pException("stream " + id + " is closed for writing");
                }
                if (sendWindow == 0) {
                    break;
                }
                chunk = (int) Math.min(Math.min(len - total, sendWindow), YamuxConfig.MAX_FRAME_DATA);
                sendWindow -= chunk;
                bytesWritten += chunk;
            }
            session.send(YamuxFrame.data(0, id, b, off + total, chunk));
            total += chunk;
        }
        return total;
    }

    // ---- application side (any thread) ----

    /** Reads up to {@code len} bytes; -1 at end of stream (remote FIN). Blocks until data arrives. */
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long update;
        int n;
        synchronized (this) {
            long deadline = readTimeoutMillis > 0 ? System.currentTimeMillis() + readTimeoutMillis : 0;
            while (buffered == 0) {
                if (reset) {
                    throw new StreamResetException(resetReason + " (stream " + id + ")");
                }
                if (remoteClosed) {
                    return -1;
                }
                waitUntil(deadline);
            }
            n = 0;
            while (n < len && !buffer.isEmpty()) {
                byte[] head = buffer.peekFirst();
                int[] span = spans.peekFirst();
                int take = Math.min(len - n, span[1]);
                System.arraycopy(head, span[0], b, off + n, take);
                n += take;
                span[0] += take;
                span[1] -= take;
                if (span[1] == 0) {
                    buffer.removeFirst();
                    spans.removeFirst();
                }
            }
            buffered -= n;
            bytesRead += n;
            consumed += n;
            update = windowUpdateLocked();
        }
        if (update > 0) {
            session.send(YamuxFrame.windowUpdate(0, id, update));
        }
        return n;
    }

    /** Decides whether to send a WindowUpdate now; returns the delta (0 for none). */
    private long windowUpdateLocked() {
        if (remoteClosed || reset || consumed < maxRecvWindow / 2) {
            return 0;
        }
        long grow = 0;
        long cap = session.config().maxStreamWindow();
        if (maxRecvWindow < cap) {
            long next = Math.min(cap, maxRecvWindow * 2);
            grow = next - maxRecvWindow;
            maxRecvWindow = next;
        }
        long delta = consumed + grow;
        recvWindow += delta;
        consumed = 0;
        return delta;
    }

    private void waitUntil(long deadline) throws IOException {
        try {
            if (deadline == 0) {
                wait();
            } else {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new SocketTimeoutException("read timed out on stream " + id);
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on stream " + id);
        }
    }

    /** Writes all bytes, splitting them to the peer's window; blocks while the window is exhausted. */
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int chunk;
            synchronized (this) {
                while (true) {
                    if (reset) {
                        throw new StreamResetException(resetReason + " (stream " + id + ")");
                    }
                    if (localClosed) {
                        throw new Libp2pException("stream " + id + " is closed for writing");
                    }
                    if (sendWindow > 0) {
                        break;
                    }
                    waitUntil(0);
                }
                chunk = (int) Math.min(Math.min(len, sendWindow), YamuxConfig.MAX_FRAME_DATA);
                sendWindow -= chunk;
                bytesWritten += chunk;
            }
            // the transport consumes (encrypts) the bytes before returning: no copy needed
            session.send(YamuxFrame.data(0, id, b, off, chunk));
            off += chunk;
            len -= chunk;
        }
    }

    /** Half-closes: sends FIN. Reading continues until the remote's FIN. */
    public void closeWrite() throws IOException {
        boolean done;
        synchronized (this) {
            if (reset) {
                throw new StreamResetException(resetReason + " (stream " + id + ")");
            }
            if (localClosed) {
                return;
            }
            localClosed = true;
            done = remoteClosed;
            notifyAll();
        }
        session.send(YamuxFrame.windowUpdate(FLAG_FIN, id, 0));
        if (done) {
            session.streamDone(this);
        }
    }

    /** Aborts both directions: sends RST (unless already done). */
    public void reset() {
        synchronized (this) {
            if (reset || (localClosed && remoteClosed)) {
                return;
            }
            reset = true;
            resetReason = "stream reset locally";
            spans.clear();
            buffer.clear();
            buffered = 0;
            notifyAll();
        }
        if (!session.isClosed()) {
            session.send(YamuxFrame.windowUpdate(FLAG_RST, id, 0));
        }
        session.streamDone(this);
    }

    @Override
    public String toString() {
        return "yamux stream " + id + (outbound ? " (outbound)" : " (inbound)");
    }
}
