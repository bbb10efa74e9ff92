package gmplab.p2p.libp2p.multiformats;

import gmplab.p2p.libp2p.MalformedMessageException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Unsigned varint as multiformats defines it: LEB128, 7 bits a byte, least
 * significant group first, at most 9 bytes (63 bits), minimal encoding only.
 */
public final class Varint {
    /** The longest encoding multiformats allows. */
    public static final int MAX_BYTES = 9;

    private Varint() {
    }

    /** Number of bytes {@code value} takes when encoded. */
    public static int size(long value) {
        checkEncodable(value);
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        write(value, out, 0);
        return out;
    }

    /** Writes {@code value} at {@code off}; returns the number of bytes written. */
    public static int write(long value, byte[] out, int off) {
        checkEncodable(value);
        int i = off;
        while ((value & ~0x7FL) != 0) {
            out[i++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[i++] = (byte) value;
        return i - off;
    }

    public static void write(long value, ByteArrayOutputStream out) {
        byte[] b = encode(value);
        out.write(b, 0, b.length);
    }

    private static void checkEncodable(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("uvarint cannot encode a negative value: " + value);
        }
    }

    /**
     * Reads a varint from {@code buf}, advancing its position.
     *
     * @throws MalformedMessageException when truncated, longer than 9 bytes or not minimal
     */
    public static long read(ByteBuffer buf) throws MalformedMessageException {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (!buf.hasRemaining()) {
                throw new MalformedMessageException("truncated uvarint");
            }
            int b = buf.get() & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new MalformedMessageException("uvarint is not minimally encoded");
                }
                return value;
            }
        }
        throw new MalformedMessageException("uvarint longer than " + MAX_BYTES + " bytes");
    }

    /** Reads a varint that must fit in an int no larger than {@code max}. */
    public static int readInt(ByteBuffer buf, int max) throws MalformedMessageException {
        long v = read(buf);
        if (v > max) {
            throw new MalformedMessageException("value " + v + " exceeds limit " + max);
        }
        return (int) v;
    }

    /**
     * Reads a varint from a stream, one byte at a time (never reads past it).
     *
     * @throws EOFException when the stream ends before the first byte
     */
    public static long read(InputStream in) throws IOException {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            int b = in.read();
            if (b < 0) {
                if (i == 0) {
                    throw new EOFException("stream ended");
                }
                throw new MalformedMessageException("stream ended inside a uvarint");
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new MalformedMessageException("uvarint is not minimally encoded");
                }
                return value;
            }
        }
        throw new MalformedMessageException("uvarint longer than " + MAX_BYTES + " bytes");
    }
}
