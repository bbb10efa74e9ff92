package gmplab.p2p.libp2p.crypto;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.multiformats.Varint;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protobuf (proto2/proto3 wire format) reader for libp2p's small
 * messages. Unknown fields are skipped; groups and malformed input raise
 * {@link MalformedMessageException}.
 */
public final class ProtoReader {
    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LEN = 2;
    public static final int FIXED32 = 5;

    private final ByteBuffer buf;
    private int wireType = -1;

    public ProtoReader(byte[] bytes) {
        this.buf = ByteBuffer.wrap(bytes);
    }

    public boolean hasNext() {
        return buf.hasRemaining();
    }

    /** Reads the next tag and returns its field number. */
    public int nextField() throws MalformedMessageException {
        long tag = Varint.read(buf);
        int field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0 || tag >>> 3 > 0x1FFFFFFF) {
            throw new MalformedMessageException("invalid protobuf field number " + (tag >>> 3));
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LEN && wireType != FIXED32) {
            throw new MalformedMessageException("unsupported protobuf wire type " + wireType);
        }
        return field;
    }

    public int wireType() {
        return wireType;
    }

    public long readVarint() throws MalformedMessageException {
        expect(VARINT);
        return Varint.read(buf);
    }

    public byte[] readBytes() throws MalformedMessageException {
        expect(LEN);
        int len = Varint.readInt(buf, Integer.MAX_VALUE);
        if (len > buf.remaining()) {
            throw new MalformedMessageException("protobuf field length " + len + " exceeds message");
        }
        byte[] out = new byte[len];
        buf.get(out);
        return out;
    }

    public String readString() throws MalformedMessageException {
        byte[] b = readBytes();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("protobuf string is not UTF-8", e);
        }
    }

    public void skip() throws MalformedMessageException {
        switch (wireType) {
            case VARINT -> Varint.read(buf);
            case FIXED64 -> skipBytes(8);
            case FIXED32 -> skipBytes(4);
            case LEN -> skipBytes(Varint.readInt(buf, Integer.MAX_VALUE));
            default -> throw new MalformedMessageException("cannot skip wire type " + wireType);
        }
    }

    private void skipBytes(int n) throws MalformedMessageException {
        if (n > buf.remaining()) {
            throw new MalformedMessageException("truncated protobuf field");
        }
        buf.position(buf.position() + n);
    }

    private void expect(int type) throws MalformedMessageException {
        if (wireType != type) {
            throw new MalformedMessageException("protobuf wire type " + wireType + ", expected " + type);
        }
    }
}
