package gmplab.p2p.libp2p.noise;

import gmplab.p2p.libp2p.HandshakeException;
import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.PeerIdMismatchException;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.crypto.PublicKey;
import gmplab.p2p.libp2p.multiformats.PeerId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * libp2p's {@code /noise} security handshake, sans I/O: Noise XX carrying the
 * libp2p handshake payload (identity key, signature over the Noise static
 * key, and optionally the stream muxers for early muxer negotiation).
 *
 * <p>Early muxer negotiation follows option A of the checklist: when
 * {@code localMuxers} is non-empty it is advertised (msg2 / msg3), and if the
 * remote's list is non-empty too, the muxer is the first entry of the
 * initiator's list that both support (no overlap fails the handshake);
 * otherwise {@link Result#earlyMuxer()} is null and the muxer is negotiated
 * with multistream-select after the handshake.
 *
 * <p>Drive it with {@link #start()} and {@link #onMessage(byte[])}; the bytes
 * they return are handshake messages without the 2-byte length prefix.
 */
public final class NoiseSecureChannel {
    public static final String PROTOCOL_ID = "/noise";
    /** Largest Noise message (handshake or transport), without the length prefix. */
    public static final int MAX_MESSAGE = 65535;
    /** Largest transport plaintext per message. */
    public static final int MAX_PLAINTEXT = MAX_MESSAGE - CipherState.TAG_LENGTH;
    static final byte[] SIGNATURE_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);

    /** The outcome of a completed handshake. */
    public record Result(PeerId remotePeer, PublicKey remoteKey, String earlyMuxer, CipherState sendCipher,
            CipherState receiveCipher, byte[] handshakeHash) {
    }

    private final boolean initiator;
    private final Identity identity;
    private final PeerId expectedRemote;
    private final List<String> localMuxers;
    private final NoiseXX xx;
    private final X25519.KeyPair staticKey;
    private final byte[] staticKeySignature;
    private Result result;
    private boolean readMsg1;

    /**
     * @param expectedRemote the peer id a dialer expects, or null to accept any
     * @param localMuxers muxers to advertise for early negotiation; empty to skip it
     */
    public NoiseSecureChannel(boolean initiator, Identity identity, PeerId expectedRemote, List<String> localMuxers,
            X25519.KeyPair staticKey, X25519.KeyPair ephemeralKey) {
        this.initiator = initiator;
        this.identity = identity;
        this.expectedRemote = expectedRemote;
        this.localMuxers = List.copyOf(localMuxers);
        this.staticKey = staticKey;
        this.staticKeySignature = signStaticKey(identity, staticKey);
        this.xx = new NoiseXX(initiator, staticKey, ephemeralKey);
    }

    /**
     * With a host-wide static key and its precomputed signature (libp2p allows
     * one static key per process; this saves an X25519 key generation and an
     * Ed25519 signature per connection).
     */
    public NoiseSecureChannel(boolean initiator, Identity identity, PeerId expectedRemote, List<String> localMuxers,
            X25519.KeyPair staticKey, byte[] staticKeySignature) {
        this.initiator = initiator;
        this.identity = identity;
        this.expectedRemote = expectedRemote;
        this.localMuxers = List.copyOf(localMuxers);
        this.staticKey = staticKey;
        this.staticKeySignature = staticKeySignature.clone();
        this.xx = new NoiseXX(initiator, staticKey, X25519.generate());
    }

    /** The identity_sig for a static key: Ed25519 over "noise-libp2p-static-key:" || static public key. */
    public static byte[] signStaticKey(Identity identity, X25519.KeyPair staticKey) {
        return identity.sign(concat(SIGNATURE_PREFIX, staticKey.publicKey()));
    }

    public NoiseSecureChannel(boolean initiator, Identity identity, PeerId expectedRemote, List<String> localMuxers) {
        this(initiator, identity, expectedRemote, localMuxers, X25519.generate(), X25519.generate());
    }

    /** The initiator's msg1; null for the responder. */
    public byte[] start() throws Libp2pException {
        return initiator ? xx.writeMessage1(new byte[0]) : null;
    }

    /** Handles one received handshake message; returns the message to send, or null. */
    public byte[] onMessage(byte[] m) throws Libp2pException {
        if (m.length > MAX_MESSAGE) {
            throw new HandshakeException("Noise message over 65535 bytes");
        }
        if (initiator) {
            if (xx.isComplete()) {
                throw new HandshakeException("unexpected Noise handshake message");
            }
            NoisePayload remote = decode(xx.readMessage2(m));
            PublicKey key = verify(remote, xx.remoteStaticKey());
            byte[] msg3 = xx.writeMessage3(localPayload().encode());
            finish(key, remote);
            return msg3;
        }
        if (xx.remoteStaticKey() == null && !readMsg1) {
            xx.readMessage1(m);
            readMsg1 = true;
            return xx.writeMessage2(localPayload().encode());
        }
        if (xx.isComplete()) {
            throw new HandshakeException("unexpected Noise handshake message");
        }
        NoisePayload remote = decode(xx.readMessage3(m));
        PublicKey key = verify(remote, xx.remoteStaticKey());
        finish(key, remote);
        return null;
    }

    public boolean isComplete() {
        return result != null;
    }

    public Result result() {
        return result;
    }

    NoisePayload localPayload() {
        return new NoisePayload(identity.publicKey().toProtobuf(), staticKeySignature, localMuxers);
    }

    private static NoisePayload decode(byte[] p) throws HandshakeException {
        try {
            return NoisePayload.decode(p);
        } catch (MalformedMessageException e) {
            throw new HandshakeException("bad Noise handshake payload: " + e.getMessage(), e);
        }
    }

    private PublicKey verify(NoisePayload p, byte[] remoteStatic) throws HandshakeException {
        PublicKey key;
        try {
            key = PublicKey.fromProtobuf(p.identityKey());
        } catch (MalformedMessageException e) {
            throw new HandshakeException("bad identity key in Noise payload: " + e.getMessage(), e);
        }
        if (!key.verify(concat(SIGNATURE_PREFIX, remoteStatic), p.identitySig())) {
            throw new HandshakeException("Noise payload signature does not verify (key type " + key.type() + ")");
        }
        PeerId remote = key.toPeerId();
        if (expectedRemote != null && !expectedRemote.equals(remote)) {
            throw new PeerIdMismatchException("dialed " + expectedRemote + " but the remote is " + remote);
        }
        return key;
    }

    private void finish(PublicKey key, NoisePayload remote) throws HandshakeException {
        String early = null;
        if (!localMuxers.isEmpty() && !remote.streamMuxers().isEmpty()) {
            List<String> initiatorList = initiator ? localMuxers : remote.streamMuxers();
            List<String> responderList = initiator ? remote.streamMuxers() : localMuxers;
            for (String m : initiatorList) {
                if (responderList.contains(m)) {
                    early = m;
                    break;
                }
            }
            if (early == null) {
                throw new HandshakeException("no common stream muxer: local " + localMuxers + ", remote "
                        + remote.streamMuxers());
            }
        }
        result = new Result(key.toPeerId(), key, early, xx.sendCipher(), xx.receiveCipher(), xx.handshakeHash());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
