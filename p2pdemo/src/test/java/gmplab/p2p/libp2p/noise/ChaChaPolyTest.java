package gmplab.p2p.libp2p.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gmplab.p2p.libp2p.multiformats.Hex;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The module's ChaCha20-Poly1305 against RFC 8439 and the JDK implementation. */
class ChaChaPolyTest {

    @Test
    void jdkReferenceMatchesRfc8439Section282() {
        byte[] key = Hex.of("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] aad = Hex.of("50515253c0c1c2c3c4c5c6c7");
        byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
                + "sunscreen would be it.").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        // the RFC nonce is 07000000 4041424344454647: as a Noise nonce that is (first word 7) - so use the JDK to cross-check
        // the exact RFC output with its own nonce layout through the JDK cipher, and ours via the Noise layout below.
        byte[] expectedTag = Hex.of("1ae10b594f09e26a7e902ecbd0600691");
        javax.crypto.Cipher c;
        try {
            c = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "ChaCha20"),
                    new javax.crypto.spec.IvParameterSpec(Hex.of("070000004041424344454647")));
            c.updateAAD(aad);
            byte[] jdk = c.doFinal(plain);
            assertThat(Arrays.copyOfRange(jdk, jdk.length - 16, jdk.length)).isEqualTo(expectedTag);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 300)
    void matchesTheJdkCipher(@ForAll @Size(32) byte[] key, @ForAll long nonce, @ForAll @Size(max = 40) byte[] ad,
            @ForAll @IntRange(max = 3000) int len, @ForAll @Size(max = 12) byte[] header) throws Exception {
        CipherState jdk = new CipherState(key, true);
        CipherState ours = new CipherState(key, false);
        for (int i = 0; i < 2; i++) {
            // advance both to a random-ish nonce quickly is not possible; compare the first two messages instead
            byte[] plain = new byte[len + i * 77];
            new java.util.Random(nonce).nextBytes(plain);
            byte[] a = jdk.encrypt(ad, plain);
            byte[] b = ours.encrypt(ad, plain);
            assertThat(b).isEqualTo(a);
        }
        // header + body in one message
        CipherState jdk2 = new CipherState(key, true);
        CipherState ours2 = new CipherState(key, false);
        byte[] body = new byte[len];
        new java.util.Random(nonce + 1).nextBytes(body);
        byte[] joined = new byte[header.length + len];
        System.arraycopy(header, 0, joined, 0, header.length);
        System.arraycopy(body, 0, joined, header.length, len);
        byte[] expect = jdk2.encrypt(null, joined);
        byte[] got = new byte[joined.length + 16];
        ours2.encrypt2(header, body, 0, len, got, 0);
        assertThat(got).isEqualTo(expect);
        // and ours decrypts what the JDK encrypted, rejecting any flipped bit
        CipherState dec = new CipherState(key, false);
        assertThat(dec.decrypt(null, expect)).isEqualTo(joined);
        byte[] bad = expect.clone();
        bad[(int) Math.floorMod(nonce, (long) bad.length)] ^= 1;
        CipherState dec2 = new CipherState(key, false);
        assertThatThrownBy(() -> dec2.decrypt(null, bad)).isInstanceOf(CipherState.DecryptionException.class);
    }

    @Test
    void largeMessagesMatchToo() throws Exception {
        byte[] key = new byte[32];
        key[0] = 1;
        byte[] plain = new byte[65519];
        new java.util.Random(5).nextBytes(plain);
        assertThat(new CipherState(key, false).encrypt(null, plain)).isEqualTo(new CipherState(key, true).encrypt(null, plain));
    }
}
