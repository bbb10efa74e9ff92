package gmplab.p2p.libp2p.noise;

import gmplab.p2p.libp2p.HandshakeException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/** X25519 (RFC 7748) with raw 32-byte keys, on the JDK's XDH provider. */
public final class X25519 {
    private static final byte[] BASE_POINT = new byte[32];

    static {
        BASE_POINT[0] = 9;
    }

    /** A key pair with its raw private scalar and raw public u-coordinate. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
    }

    private X25519() {
    }

    public static KeyPair generate() {
        byte[] priv = new byte[32];
        new SecureRandom().nextBytes(priv);
        return fromPrivate(priv);
    }

    public static KeyPair fromPrivate(byte[] priv) {
        try {
            return new KeyPair(priv.clone(), dh(priv, BASE_POINT));
        } catch (HandshakeException e) {
            throw new IllegalStateException("X25519 base point multiplication failed", e);
        }
    }

    /** DH(priv, pub): the 32-byte shared secret. Small-order points are refused. */
    public static byte[] dh(byte[] priv, byte[] pub) throws HandshakeException {
        if (pub.length != 32) {
            throw new HandshakeException("an X25519 public key has 32 bytes");
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("XDH");
            PrivateKey sk = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, priv));
            byte[] le = pub.clone();
            le[31] &= 0x7F;
            byte[] be = new byte[32];
            for (int i = 0; i < 32; i++) {
                be[i] = le[31 - i];
            }
            PublicKey pk = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(sk);
            ka.doPhase(pk, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new HandshakeException("X25519 failed: " + e.getMessage(), e);
        }
    }
}
