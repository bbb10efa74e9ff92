package gmplab.p2p.libp2p.crypto;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.multiformats.PeerId;
import java.util.Arrays;

/**
 * libp2p's PublicKey protobuf: {@code 08 <type> 12 <len> <data>}. Ed25519 keys
 * are verified here; other key types decode (so their peer ids can be
 * computed) but signatures made with them are rejected.
 */
public final class PublicKey {
    private static final int MAX_KEY_BYTES = 8192;

    private final KeyType type;
    private final byte[] data;

    public PublicKey(KeyType type, byte[] data) {
        this.type = type;
        this.data = data.clone();
    }

    public static PublicKey ed25519(byte[] raw32) {
        if (raw32.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw32.length);
        }
        return new PublicKey(KeyType.ED25519, raw32);
    }

    public KeyType type() {
        return type;
    }

    public byte[] data() {
        return data.clone();
    }

    /** Deterministic protobuf encoding (type, then data). */
    public byte[] toProtobuf() {
        return new ProtoWriter().varint(1, type.code()).bytes(2, data).toByteArray();
    }

    public PeerId toPeerId() {
        return PeerId.fromPublicKey(toProtobuf());
    }

    public static PublicKey fromProtobuf(byte[] bytes) throws MalformedMessageException {
        if (bytes.length > MAX_KEY_BYTES) {
            throw new MalformedMessageException("public key protobuf too long");
        }
        ProtoReader r = new ProtoReader(bytes);
        KeyType type = null;
        byte[] data = null;
        while (r.hasNext()) {
            switch (r.nextField()) {
                case 1 -> {
                    long code = r.readVarint();
                    type = KeyType.of(code);
                    if (type == null) {
                        throw new MalformedMessageException("unknown key type " + code);
                    }
                }
                case 2 -> data = r.readBytes();
                default -> r.skip();
            }
        }
        if (type == null || data == null) {
            throw new MalformedMessageException("public key protobuf lacks its type or data");
        }
        if (type == KeyType.ED25519 && data.length != 32) {
            throw new MalformedMessageException("Ed25519 public key with " + data.length + " bytes");
        }
        return new PublicKey(type, data);
    }

    /** Verifies {@code signature} over {@code message}; false for bad signatures and unsupported key types. */
    public boolean verify(byte[] message, byte[] signature) {
        if (type != KeyType.ED25519) {
            return false;
        }
        return Ed25519.verify(data, message, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && k.type == type && Arrays.equals(k.data, data);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(data);
    }
}
