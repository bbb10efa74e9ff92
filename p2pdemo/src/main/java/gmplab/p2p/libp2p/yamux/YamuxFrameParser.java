package gmplab.p2p.libp2p.yamux;

import gmplab.p2p.libp2p.MalformedMessageException;
import java.nio.ByteBuffer;

/**
 * Splits a decrypted byte stream into yamux frames; frames may span input
 * chunks and a chunk may hold several frames. A Data payload that lies
 * entirely inside one chunk is handed over as a view of that chunk (no copy),
 * so callers must never modify a chunk after feeding it.
 */
public final class YamuxFrameParser {
    /** Receives each complete frame. */
    public interface Sink {
        void onFrame(YamuxFrame.Header header, byte[] data, int offset, int length);
    }

    private final long maxDataLength;
    private final byte[] header = new byte[YamuxFrame.HEADER_LENGTH];
    private int headerFill;
    private YamuxFrame.Header pending;
    private byte[] payload;
    private int payloadFill;

    /** @param maxDataLength Data frames longer than this are a protocol error (no window allows them) */
    public YamuxFrameParser(long maxDataLength) {
        this.maxDataLength = maxDataLength;
    }

    private static final byte[] EMPTY = new byte[0];

    /** Parses {@code chunk[off, off+len)}, calling {@code sink} for each complete frame. */
    public void feed(byte[] chunk, int off, int len, Sink sink) throws MalformedMessageException {
        int end = off + len;
        while (off < end) {
            if (pending == null) {
                int take = Math.min(YamuxFrame.HEADER_LENGTH - headerFill, end - off);
                System.arraycopy(chunk, off, header, headerFill, take);
                headerFill += take;
                off += take;
                if (headerFill < YamuxFrame.HEADER_LENGTH) {
                    return;
                }
                headerFill = 0;
                YamuxFrame.Header h = YamuxFrame.readHeader(ByteBuffer.wrap(header));
                if (h.type() != YamuxFrame.TYPE_DATA || h.length() == 0) {
                    sink.onFrame(h, EMPTY, 0, 0);
                    continue;
                }
                if (h.length() > maxDataLength) {
                    throw new MalformedMessageException("yamux Data frame of " + h.length() + " bytes exceeds any window");
                }
                int n = (int) h.length();
                if (end - off >= n) { // whole payload in this chunk: no copy
                    sink.onFrame(h, chunk, off, n);
                    off += n;
                    continue;
                }
                pending = h;
                payload = new byte[n];
                payloadFill = 0;
            }
            int take = Math.min(payload.length - payloadFill, end - off);
            System.arraycopy(chunk, off, payload, payloadFill, take);
            payloadFill += take;
            off += take;
            if (payloadFill == payload.length) {
                YamuxFrame.Header h = pending;
                byte[] p = payload;
                pending = null;
                payload = null;
                sink.onFrame(h, p, 0, p.length);
            }
        }
    }
}
