package gmplab.p2p.libp2p.yamux;

import gmplab.p2p.libp2p.MalformedMessageException;
import java.nio.ByteBuffer;

/**
 * One yamux frame: the 12-byte big-endian header (version 0, type, flags,
 * stream id, length) and, for Data frames, {@code length} payload bytes held
 * in {@code data[offset, offset+length)}.
 */
public record YamuxFrame(int type, int flags, int streamId, long length, byte[] data, int offset) {
    public static final int HEADER_LENGTH = 12;
    public static final int VERSION = 0;

    public static final int TYPE_DATA = 0;
    public static final int TYPE_WINDOW_UPDATE = 1;
    public static final int TYPE_PING = 2;
    public static final int TYPE_GO_AWAY = 3;

    public static final int FLAG_SYN = 0x1;
    public static final int FLAG_ACK = 0x2;
    public static final int FLAG_FIN = 0x4;
    public static final int FLAG_RST = 0x8;

    public static final int GO_AWAY_NORMAL = 0;
    public static final int GO_AWAY_PROTOCOL_ERROR = 1;
    public static final int GO_AWAY_INTERNAL_ERROR = 2;

    private static final byte[] EMPTY = new byte[0];

    public static YamuxFrame data(int flags, int streamId, byte[] data, int offset, int length) {
        return new YamuxFrame(TYPE_DATA, flags, streamId, length, data, offset);
    }

    public static YamuxFrame windowUpdate(int flags, int streamId, long delta) {
        return new YamuxFrame(TYPE_WINDOW_UPDATE, flags, streamId, delta, EMPTY, 0);
    }

    public static YamuxFrame ping(int flags, long opaque) {
        return new YamuxFrame(TYPE_PING, flags, 0, opaque, EMPTY, 0);
    }

    public static YamuxFrame goAway(int code) {
        return new YamuxFrame(TYPE_GO_AWAY, 0, 0, code, EMPTY, 0);
    }

    /** Payload bytes that follow the header on the wire. */
    public int payloadLength() {
        return type == TYPE_DATA ? (int) length : 0;
    }

    public void writeHeader(ByteBuffer out) {
        out.put((byte) VERSION);
        out.put((byte) type);
        out.putShort((short) flags);
        out.putInt(streamId);
        out.putInt((int) length);
    }

    public byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH);
        writeHeader(b);
        return b.array();
    }

    /** The whole frame as bytes (header and payload). */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + payloadLength());
        writeHeader(b);
        b.put(data, offset, payloadLength());
        return b.array();
    }

    /** Decoded header fields, before the payload is available. */
    public record Header(int type, int flags, int streamId, long length) {
    }

    /**
     * Parses a header (exactly 12 bytes from {@code buf}).
     *
     * @throws MalformedMessageException for a version other than 0 or an unknown type
     */
    public static Header readHeader(ByteBuffer buf) throws MalformedMessageException {
        int version = buf.get() & 0xFF;
        int type = buf.get() & 0xFF;
        int flags = buf.getShort() & 0xFFFF;
        int streamId = buf.getInt();
        long length = buf.getInt() & 0xFFFFFFFFL;
        if (version != VERSION) {
            throw new MalformedMessageException("yamux version " + version + " is not 0");
        }
        if (type > TYPE_GO_AWAY) {
            throw new MalformedMessageException("unknown yamux frame type " + type);
        }
        return new Header(type, flags, streamId, length);
    }

    @Override
    public String toString() {
        String[] names = {"Data", "WindowUpdate", "Ping", "GoAway"};
        StringBuilder f = new StringBuilder();
        if ((flags & FLAG_SYN) != 0) {
            f.append(" SYN");
        }
        if ((flags & FLAG_ACK) != 0) {
            f.append(" ACK");
        }
        if ((flags & FLAG_FIN) != 0) {
            f.append(" FIN");
        }
        if ((flags & FLAG_RST) != 0) {
            f.append(" RST");
        }
        return names[type] + f + " sid" + streamId + " len" + length;
    }
}
