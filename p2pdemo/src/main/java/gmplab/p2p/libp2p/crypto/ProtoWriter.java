package gmplab.p2p.libp2p.crypto;

import gmplab.p2p.libp2p.multiformats.Varint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal deterministic protobuf writer: fields come out in the order they are written. */
public final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtoWriter varint(int field, long value) {
        Varint.write((long) field << 3 | ProtoReader.VARINT, out);
        Varint.write(value, out);
        return this;
    }

    public ProtoWriter bytes(int field, byte[] value) {
        Varint.write((long) field << 3 | ProtoReader.LEN, out);
        Varint.write(value.length, out);
        out.write(value, 0, value.length);
        return this;
    }

    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
