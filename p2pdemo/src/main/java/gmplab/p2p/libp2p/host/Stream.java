package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.multiformats.PeerId;
import gmplab.p2p.libp2p.yamux.YamuxStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A libp2p stream: one yamux stream whose protocol has been negotiated.
 * Blocking and thread-safe: one thread may read while another writes.
 * {@link #read} returns -1 after the remote half-closed; a reset (either
 * side) or a lost connection makes reads and writes throw
 * {@link gmplab.p2p.libp2p.StreamResetException}.
 */
public final class Stream {
    private final Connection connection;
    private final YamuxStream inner;
    private volatile String protocol;
    private volatile boolean opened;
    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            int n = Stream.this.read(b, 0, 1);
            return n < 0 ? -1 : b[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return Stream.this.read(b, off, len);
        }
    };
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            Stream.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Stream.this.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            closeWrite();
        }
    };

    Stream(Connection connection, YamuxStream inner) {
        this.connection = connection;
        this.inner = inner;
    }

    void opened(String negotiated) {
        this.protocol = negotiated;
        this.opened = true;
    }

    boolean wasOpened() {
        return opened;
    }

    YamuxStream yamux() {
        return inner;
    }

    /** The negotiated protocol id (null while negotiating). */
    public String protocol() {
        return protocol;
    }

    public PeerId remotePeer() {
        return connection.remotePeer();
    }

    public Connection connection() {
        return connection;
    }

    /** The yamux stream id (odd when the connection's dialer opened it). */
    public int id() {
        return inner.id();
    }

    /** True when this side opened the stream. */
    public boolean isOutbound() {
        return inner.outbound();
    }

    public int read(byte[] b, int off, int len) throws IOException {
        return inner.read(b, off, len);
    }

    public int read(byte[] b) throws IOException {
        return inner.read(b, 0, b.length);
    }

    /** Reads until the remote half-closes. */
    public byte[] readAllBytes() throws IOException {
        return in.readAllBytes();
    }

    public void write(byte[] b, int off, int len) throws IOException {
        inner.write(b, off, len);
    }

    public void write(byte[] b) throws IOException {
        inner.write(b, 0, b.length);
    }

    /** Half-close: no more writes from this side (yamux FIN); reads continue. */
    public void closeWrite() throws IOException {
        inner.closeWrite();
    }

    /** Abort both directions (yamux RST). */
    public void reset() {
        inner.reset();
    }

    /** Half-closes if the stream is still writable; never throws. */
    public void close() {
        try {
            inner.closeWrite();
        } catch (IOException e) {
            // already reset: nothing to close
        }
    }

    /** Bounds each blocking read (zero = no bound). */
    public void setReadTimeout(Duration d) {
        inner.setReadTimeout(d.toMillis());
    }

    // ---- non-blocking use (netpoller-style): readiness callbacks plus try-read/try-write ----

    /**
     * Runs {@code listener} on the connection's I/O thread whenever the stream
     * may have become readable or writable (data, FIN, RST, window update,
     * connection loss). It must not block; pair it with {@link #tryRead} and
     * {@link #tryWrite}.
     */
    public void setReadinessListener(Runnable listener) {
        inner.setReadinessListener(listener);
    }

    /** Bytes readable without blocking. */
    public int available() {
        return inner.available();
    }

    public boolean isReadable() {
        return inner.isReadable();
    }

    public boolean isWritable() {
        return inner.isWritable();
    }

    /** Non-blocking read: bytes read, 0 if none are buffered yet, -1 at end of stream. */
    public int tryRead(byte[] b, int off, int len) throws IOException {
        return inner.readNonBlocking(b, off, len);
    }

    /** Non-blocking write: writes what the peer's window allows now and returns the count (maybe 0). */
    public int tryWrite(byte[] b, int off, int len) throws IOException {
        return inner.writeNonBlocking(b, off, len);
    }

    public boolean isReset() {
        return inner.isReset();
    }

    public InputStream inputStream() {
        return in;
    }

    public OutputStream outputStream() {
        return out;
    }

    @Override
    public String toString() {
        return "stream " + id() + " " + protocol + " with " + remotePeer();
    }
}
