package gmplab.p2p.libp2p.crypto;

/** libp2p's KeyType enum (PublicKey.Type / PrivateKey.Type). */
public enum KeyType {
    RSA(0), ED25519(1), SECP256K1(2), ECDSA(3);

    private final int code;

    KeyType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static KeyType of(long code) {
        for (KeyType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
