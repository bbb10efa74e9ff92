package gmplab.p2p.libp2p.crypto;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.multiformats.PeerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * An Ed25519 libp2p identity: the 32-byte seed, its public key and peer id.
 * Stored as libp2p's PrivateKey protobuf ({@code 08 01 12 40 <seed><pub>}).
 */
public final class Identity {
    private final byte[] seed;
    private final PublicKey publicKey;
    private final PeerId peerId;

    private Identity(byte[] seed, byte[] pub) {
        this.seed = seed.clone();
        this.publicKey = PublicKey.ed25519(pub);
        this.peerId = publicKey.toPeerId();
    }

    public static Identity generate() {
        return fromSeed(Ed25519.newSeed());
    }

    public static Identity fromSeed(byte[] seed) {
        return new Identity(seed, Ed25519.publicKeyOf(seed));
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public PeerId peerId() {
        return peerId;
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(seed, message);
    }

    /** libp2p PrivateKey protobuf: type Ed25519, data = seed || public key. */
    public byte[] privateKeyProtobuf() {
        byte[] data = Arrays.copyOf(seed, 64);
        System.arraycopy(publicKey.data(), 0, data, 32, 32);
        return new ProtoWriter().varint(1, KeyType.ED25519.code()).bytes(2, data).toByteArray();
    }

    public static Identity fromPrivateKeyProtobuf(byte[] bytes) throws MalformedMessageException {
        ProtoReader r = new ProtoReader(bytes);
        long type = -1;
        byte[] data = null;
        while (r.hasNext()) {
            switch (r.nextField()) {
                case 1 -> type = r.readVarint();
                case 2 -> data = r.readBytes();
                default -> r.skip();
            }
        }
        if (type != KeyType.ED25519.code() || data == null) {
            throw new MalformedMessageException("not an Ed25519 private key protobuf");
        }
        if (data.length != 32 && data.length != 64 && data.length != 96) {
            throw new MalformedMessageException("Ed25519 private key with " + data.length + " bytes");
        }
        Identity id = fromSeed(Arrays.copyOf(data, 32));
        if (data.length >= 64 && !Arrays.equals(Arrays.copyOfRange(data, 32, 64), id.publicKey.data())) {
            throw new MalformedMessageException("stored public key does not match the seed");
        }
        return id;
    }

    /** Loads the identity in {@code file}, or creates the file with a fresh identity. */
    public static Identity loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return fromPrivateKeyProtobuf(Files.readAllBytes(file));
        }
        Identity id = generate();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, id.privateKeyProtobuf(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return id;
    }
}
