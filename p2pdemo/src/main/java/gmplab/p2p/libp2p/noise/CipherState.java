package gmplab.p2p.libp2p.noise;

import gmplab.p2p.libp2p.HandshakeException;
import gmplab.p2p.libp2p.Libp2pException;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Noise CipherState for ChaChaPoly: a key and a 64-bit counter nonce
 * ({@code 00000000 || uint64_le(n)}). Not thread-safe: one per direction.
 *
 * <p>Uses the JDK's {@code ChaCha20-Poly1305}. {@code -Dgmplab.p2p.fastChaCha=true}
 * switches to this module's {@link ChaChaPoly} (1.6–1.8× the JDK 17 cipher per
 * CPU-second, cross-checked against it in the tests) for throughput experiments.
 */
public final class CipherState {
    public static final int TAG_LENGTH = 16;

    static final boolean USE_JDK = !Boolean.getBoolean("gmplab.p2p.fastChaCha");

    private final SecretKeySpec key;
    private final Cipher cipher;
    private final ChaChaPoly fast;
    private final byte[] iv = new byte[12];
    private long n;

    public CipherState(byte[] key) {
        this(key, USE_JDK);
    }

    CipherState(byte[] key, boolean jdk) {
        this.key = new SecretKeySpec(key, "ChaCha20");
        this.fast = jdk ? null : new ChaChaPoly(key);
        try {
            this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 is missing from the JDK", e);
        }
    }

    public long nonce() {
        return n;
    }

    private void checkNonce() throws Libp2pException {
        if (n == -1L) {
            throw new HandshakeException("Noise nonce exhausted");
        }
    }

    private void init(int mode, byte[] ad) throws GeneralSecurityException, Libp2pException {
        if (n == -1L) { // 2^64-1 is reserved
            throw new HandshakeException("Noise nonce exhausted");
        }
        long v = n;
        for (int i = 0; i < 8; i++) {
            iv[4 + i] = (byte) v;
            v >>>= 8;
        }
        cipher.init(mode, key, new IvParameterSpec(iv));
        if (ad != null && ad.length > 0) {
            cipher.updateAAD(ad);
        }
    }

    /** Encrypts {@code len} bytes into {@code out} at {@code outOff}; returns len + 16. */
    public int encrypt(byte[] ad, byte[] in, int off, int len, byte[] out, int outOff) throws Libp2pException {
        if (fast != null) {
            checkNonce();
            return fast.seal(n++, ad, in, off, len, out, outOff);
        }
        try {
            init(Cipher.ENCRYPT_MODE, ad);
            int w = cipher.doFinal(in, off, len, out, outOff);
            n++;
            return w;
        } catch (GeneralSecurityException e) {
            throw new Libp2pException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    public byte[] encrypt(byte[] ad, byte[] plain) throws Libp2pException {
        byte[] out = new byte[plain.length + TAG_LENGTH];
        encrypt(ad, plain, 0, plain.length, out, 0);
        return out;
    }

    /**
     * Encrypts {@code header} followed by {@code data[off, off+len)} as one
     * message (no associated data) into {@code out} at {@code outOff}; returns
     * the ciphertext length (header + len + 16).
     */
    public int encrypt2(byte[] header, byte[] data, int off, int len, byte[] out, int outOff) throws Libp2pException {
        if (fast != null) {
            checkNonce();
            return fast.seal2(n++, null, header, data, off, len, out, outOff);
        }
        try {
            init(Cipher.ENCRYPT_MODE, null);
            int w = cipher.update(header, 0, header.length, out, outOff);
            w += cipher.doFinal(data, off, len, out, outOff + w);
            n++;
            return w;
        } catch (GeneralSecurityException e) {
            throw new Libp2pException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    /** Decrypts and authenticates; returns the plaintext length written to {@code out}. */
    public int decrypt(byte[] ad, byte[] in, int off, int len, byte[] out, int outOff) throws Libp2pException {
        if (len < TAG_LENGTH) {
            throw new DecryptionException("Noise message shorter than its tag");
        }
        if (fast != null) {
            checkNonce();
            int w = fast.open(n, ad, in, off, len, out, outOff);
            if (w < 0) {
                throw new DecryptionException("Noise message failed authentication");
            }
            n++;
            return w;
        }
        try {
            init(Cipher.DECRYPT_MODE, ad);
            int w = cipher.doFinal(in, off, len, out, outOff);
            n++;
            return w;
        } catch (AEADBadTagException e) {
            throw new DecryptionException("Noise message failed authentication");
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("Noise decryption failed: " + e.getMessage());
        }
    }

    public byte[] decrypt(byte[] ad, byte[] cipherText) throws Libp2pException {
        if (cipherText.length < TAG_LENGTH) {
            throw new DecryptionException("Noise message shorter than its tag");
        }
        byte[] out = new byte[cipherText.length - TAG_LENGTH];
        decrypt(ad, cipherText, 0, cipherText.length, out, 0);
        return out;
    }

    /** Authentication failed or the ciphertext is malformed. */
    public static final class DecryptionException extends Libp2pException {
        private static final long serialVersionUID = 1L;

        public DecryptionException(String message) {
            super(message);
        }
    }
}
