package gmplab.p2p.libp2p.multiformats;

import gmplab.p2p.libp2p.MalformedMessageException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** A multihash: {@code uvarint(code) || uvarint(length) || digest}. Only identity and sha2-256 are produced. */
public record Multihash(int code, byte[] digest) {
    public static final int IDENTITY = 0x00;
    public static final int SHA2_256 = 0x12;
    /** Upper bound on digest length we accept when decoding (identity digests of big keys fit). */
    public static final int MAX_DIGEST = 4096;

    public Multihash {
        digest = digest.clone();
    }

    public static Multihash identity(byte[] data) {
        return new Multihash(IDENTITY, data);
    }

    public static Multihash sha256(byte[] data) {
        try {
            return new Multihash(SHA2_256, MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    public byte[] toBytes() {
        byte[] out = new byte[Varint.size(code) + Varint.size(digest.length) + digest.length];
        int off = Varint.write(code, out, 0);
        off += Varint.write(digest.length, out, off);
        System.arraycopy(digest, 0, out, off, digest.length);
        return out;
    }

    /** Decodes exactly one multihash that fills {@code bytes}. */
    public static Multihash decode(byte[] bytes) throws MalformedMessageException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        Multihash mh = read(buf);
        if (buf.hasRemaining()) {
            throw new MalformedMessageException("trailing bytes after multihash");
        }
        return mh;
    }

    static Multihash read(ByteBuffer buf) throws MalformedMessageException {
        int code = Varint.readInt(buf, Integer.MAX_VALUE);
        int len = Varint.readInt(buf, MAX_DIGEST);
        if (buf.remaining() < len) {
            throw new MalformedMessageException("truncated multihash digest");
        }
        if (code == SHA2_256 && len != 32) {
            throw new MalformedMessageException("sha2-256 multihash must have 32 bytes, not " + len);
        }
        byte[] d = new byte[len];
        buf.get(d);
        return new Multihash(code, d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multihash m && m.code == code && Arrays.equals(m.digest, digest);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "Multihash[" + code + ", " + Hex.encode(digest) + "]";
    }
}
