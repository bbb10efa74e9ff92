package gmplab.p2p.libp2p.noise;

import gmplab.p2p.libp2p.Libp2pException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Noise SymmetricState (chaining key, handshake hash, optional cipher) for SHA-256. */
final class SymmetricState {
    static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";

    private byte[] ck;
    private byte[] h;
    private CipherState cipher;

    SymmetricState() {
        byte[] name = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII); // exactly 32 bytes: used as is
        h = name.clone();
        ck = name.clone();
    }

    byte[] handshakeHash() {
        return h.clone();
    }

    void mixHash(byte[] data) {
        h = sha256(h, data);
    }

    void mixKey(byte[] ikm) {
        byte[][] out = hkdf(ck, ikm);
        ck = out[0];
        cipher = new CipherState(out[1]);
    }

    byte[] encryptAndHash(byte[] plain) throws Libp2pException {
        byte[] c = cipher == null ? plain.clone() : cipher.encrypt(h, plain);
        mixHash(c);
        return c;
    }

    byte[] decryptAndHash(byte[] c) throws Libp2pException {
        byte[] p = cipher == null ? c.clone() : cipher.decrypt(h, c);
        mixHash(c);
        return p;
    }

    /** Split(): the two transport CipherStates, initiator→responder first. */
    CipherState[] split() {
        byte[][] k = hkdf(ck, new byte[0]);
        return new CipherState[] {new CipherState(k[0]), new CipherState(k[1])};
    }

    static byte[] sha256(byte[] a, byte[] b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(a);
            md.update(b);
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HKDF with two outputs, as Noise defines it. */
    static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
        byte[] t = hmac(chainingKey, ikm);
        byte[] o1 = hmac(t, new byte[] {1});
        byte[] o2 = hmac(t, o1, new byte[] {2});
        return new byte[][] {o1, o2};
    }
}
