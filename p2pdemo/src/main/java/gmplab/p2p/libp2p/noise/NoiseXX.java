package gmplab.p2p.libp2p.noise;

import gmplab.p2p.libp2p.HandshakeException;
import gmplab.p2p.libp2p.Libp2pException;
import java.util.Arrays;

/**
 * The Noise XX handshake pattern (rev 34) for 25519/ChaChaPoly/SHA256 with an
 * empty prologue:
 * <pre>
 *   -> e
 *   <- e, ee, s, es
 *   -> s, se
 * </pre>
 * Pure message processing, no I/O and no libp2p semantics (see
 * {@link NoiseSecureChannel} for the payload and its verification).
 */
public final class NoiseXX {
    private final boolean initiator;
    private final X25519.KeyPair s;
    private final X25519.KeyPair e;
    private final SymmetricState ss = new SymmetricState();
    private byte[] re;
    private byte[] rs;
    private int step;
    private CipherState[] split;

    public NoiseXX(boolean initiator, X25519.KeyPair staticKey, X25519.KeyPair ephemeralKey) {
        this.initiator = initiator;
        this.s = staticKey;
        this.e = ephemeralKey;
        ss.mixHash(new byte[0]); // empty prologue
    }

    private void expect(int st, boolean asInitiator) {
        if (step != st || initiator != asInitiator) {
            throw new IllegalStateException("Noise XX message out of order");
        }
        step++;
    }

    /** msg1, initiator: {@code e}, then an empty payload. */
    public byte[] writeMessage1(byte[] payload) throws Libp2pException {
        expect(0, true);
        ss.mixHash(e.publicKey());
        byte[] c = ss.encryptAndHash(payload);
        return concat(e.publicKey(), c);
    }

    /** msg1, responder; returns the (normally empty) payload. */
    public byte[] readMessage1(byte[] m) throws Libp2pException {
        expect(0, false);
        if (m.length < 32) {
            throw new HandshakeException("Noise msg1 shorter than 32 bytes");
        }
        re = Arrays.copyOfRange(m, 0, 32);
        ss.mixHash(re);
        return ss.decryptAndHash(Arrays.copyOfRange(m, 32, m.length));
    }

    /** msg2, responder: {@code e, ee, s, es} and the encrypted payload. */
    public byte[] writeMessage2(byte[] payload) throws Libp2pException {
        expect(1, false);
        ss.mixHash(e.publicKey());
        ss.mixKey(X25519.dh(e.privateKey(), re));
        byte[] cs = ss.encryptAndHash(s.publicKey());
        ss.mixKey(X25519.dh(s.privateKey(), re));
        byte[] cp = ss.encryptAndHash(payload);
        return concat(e.publicKey(), concat(cs, cp));
    }

    /** msg2, initiator; returns the responder's payload (not yet verified). */
    public byte[] readMessage2(byte[] m) throws Libp2pException {
        expect(1, true);
        if (m.length < 32 + 48 + 16) {
            throw new HandshakeException("Noise msg2 too short: " + m.length + " bytes");
        }
        re = Arrays.copyOfRange(m, 0, 32);
        ss.mixHash(re);
        ss.mixKey(X25519.dh(e.privateKey(), re));
        rs = ss.decryptAndHash(Arrays.copyOfRange(m, 32, 80));
        ss.mixKey(X25519.dh(e.privateKey(), rs));
        return ss.decryptAndHash(Arrays.copyOfRange(m, 80, m.length));
    }

    /** msg3, initiator: {@code s, se} and the encrypted payload; the handshake is then complete. */
    public byte[] writeMessage3(byte[] payload) throws Libp2pException {
        expect(2, true);
        byte[] cs = ss.encryptAndHash(s.publicKey());
        ss.mixKey(X25519.dh(s.privateKey(), re));
        byte[] cp = ss.encryptAndHash(payload);
        split = ss.split();
        return concat(cs, cp);
    }

    /** msg3, responder; returns the initiator's payload. The handshake is then complete. */
    public byte[] readMessage3(byte[] m) throws Libp2pException {
        expect(2, false);
        if (m.length < 48 + 16) {
            throw new HandshakeException("Noise msg3 too short: " + m.length + " bytes");
        }
        rs = ss.decryptAndHash(Arrays.copyOfRange(m, 0, 48));
        ss.mixKey(X25519.dh(e.privateKey(), rs));
        byte[] p = ss.decryptAndHash(Arrays.copyOfRange(m, 48, m.length));
        split = ss.split();
        return p;
    }

    public boolean isComplete() {
        return split != null;
    }

    public byte[] remoteStaticKey() {
        return rs == null ? null : rs.clone();
    }

    public byte[] handshakeHash() {
        return ss.handshakeHash();
    }

    /** The cipher for what this side sends. */
    public CipherState sendCipher() {
        return split[initiator ? 0 : 1];
    }

    /** The cipher for what this side receives. */
    public CipherState receiveCipher() {
        return split[initiator ? 1 : 0];
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
