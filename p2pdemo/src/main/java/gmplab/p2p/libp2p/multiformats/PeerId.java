package gmplab.p2p.libp2p.multiformats;

import gmplab.p2p.libp2p.MalformedMessageException;
import java.util.Arrays;

/**
 * A libp2p peer id: the multihash of the peer's PublicKey protobuf (identity
 * multihash when that is at most 42 bytes, sha2-256 otherwise). Its text form
 * is base58btc without a multibase prefix ({@code 12D3KooW…} for Ed25519);
 * the CIDv1 form ({@code b} + base32 of {@code 01 72 <multihash>}) is accepted
 * when parsing.
 */
public final class PeerId implements Comparable<PeerId> {
    /** Multicodec of libp2p-key, used in the CID form. */
    public static final int LIBP2P_KEY_CODEC = 0x72;
    private static final int MAX_INLINE_KEY = 42;

    private final byte[] bytes;
    private final Multihash multihash;
    private final String text;

    private PeerId(byte[] bytes, Multihash multihash) {
        this.bytes = bytes;
        this.multihash = multihash;
        this.text = Base58.encode(bytes);
    }

    /** Derives the peer id of a PublicKey protobuf. */
    public static PeerId fromPublicKey(byte[] publicKeyProtobuf) {
        Multihash mh = publicKeyProtobuf.length <= MAX_INLINE_KEY
                ? Multihash.identity(publicKeyProtobuf)
                : Multihash.sha256(publicKeyProtobuf);
        return new PeerId(mh.toBytes(), mh);
    }

    /** Decodes the binary form (a multihash). */
    public static PeerId fromBytes(byte[] bytes) throws MalformedMessageException {
        Multihash mh = Multihash.decode(bytes);
        if (mh.code() != Multihash.IDENTITY && mh.code() != Multihash.SHA2_256) {
            throw new MalformedMessageException("peer id multihash must be identity or sha2-256, not 0x"
                    + Integer.toHexString(mh.code()));
        }
        if (mh.code() == Multihash.IDENTITY && mh.digest().length > MAX_INLINE_KEY) {
            throw new MalformedMessageException("identity peer id longer than " + MAX_INLINE_KEY + " bytes");
        }
        return new PeerId(bytes.clone(), mh);
    }

    /** Parses base58 ({@code 12D3KooW…}, {@code Qm…}) or CIDv1 base32 ({@code bafz…}). */
    public static PeerId parse(String text) throws MalformedMessageException {
        if (text.isEmpty()) {
            throw new MalformedMessageException("empty peer id");
        }
        if (text.startsWith("1") || text.startsWith("Qm")) {
            return fromBytes(Base58.decode(text));
        }
        if (text.startsWith("b")) {
            byte[] cid = Base32.decode(text.substring(1));
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(cid);
            long version = Varint.read(buf);
            long codec = Varint.read(buf);
            if (version != 1) {
                throw new MalformedMessageException("only CIDv1 peer ids are supported");
            }
            if (codec != LIBP2P_KEY_CODEC) {
                throw new MalformedMessageException("CID codec 0x" + Long.toHexString(codec) + " is not libp2p-key");
            }
            byte[] rest = new byte[buf.remaining()];
            buf.get(rest);
            return fromBytes(rest);
        }
        throw new MalformedMessageException("not a peer id: " + abbreviate(text));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public Multihash multihash() {
        return multihash;
    }

    /** The PublicKey protobuf when the id inlines it (identity multihash), else null. */
    public byte[] inlinedPublicKey() {
        return multihash.code() == Multihash.IDENTITY ? multihash.digest() : null;
    }

    /** CIDv1 text form: {@code b} + base32(01 72 multihash). */
    public String toCid() {
        byte[] cid = new byte[2 + bytes.length];
        cid[0] = 0x01;
        cid[1] = LIBP2P_KEY_CODEC;
        System.arraycopy(bytes, 0, cid, 2, bytes.length);
        return "b" + Base32.encode(cid);
    }

    /** base58btc text form. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(PeerId o) {
        return Arrays.compare(bytes, o.bytes);
    }
}
