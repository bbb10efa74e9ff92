package gmplab.p2p.libp2p.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.multiformats.Hex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key vectors from docs/libp2p-checklist.md §3.4. */
class KeysVectorsTest {

    static byte[] seed(int last) {
        byte[] s = new byte[32];
        s[31] = (byte) last;
        return s;
    }

    @Test
    void peerIdsSpecPrivateKey() throws Exception {
        byte[] priv = Hex.of("080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d1ed1e8fae2c4a144b8be8"
                + "fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
        Identity id = Identity.fromPrivateKeyProtobuf(priv);
        assertThat(Hex.encode(id.publicKey().toProtobuf()))
                .isEqualTo("080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
        assertThat(id.peerId().toString()).isEqualTo("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
        assertThat(id.privateKeyProtobuf()).isEqualTo(priv);
    }

    @Test
    void seedsOneAndTwo() {
        Identity one = Identity.fromSeed(seed(1));
        assertThat(Hex.encode(one.publicKey().data()))
                .isEqualTo("4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29");
        assertThat(one.peerId().toString()).isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
        assertThat(Hex.encode(Identity.fromSeed(seed(2)).publicKey().data()))
                .isEqualTo("7422b9887598068e32c4448a949adb290d0f4e35b9e01b0ee5f1a1e600fe2674");
    }

    @Test
    void publicKeyProtobufRoundTrip() throws Exception {
        byte[] proto = Hex.of("080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29");
        PublicKey k = PublicKey.fromProtobuf(proto);
        assertThat(k.type()).isEqualTo(KeyType.ED25519);
        assertThat(k.toProtobuf()).isEqualTo(proto);
        // unknown fields are skipped; missing data is an error
        assertThat(PublicKey.fromProtobuf(Hex.of("080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba291801")))
                .isEqualTo(k);
        assertThatThrownBy(() -> PublicKey.fromProtobuf(Hex.of("0801"))).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> PublicKey.fromProtobuf(Hex.of("0801120400"))).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void signAndVerify() {
        Identity id = Identity.fromSeed(seed(1));
        byte[] sig = id.sign("hi".getBytes());
        assertThat(id.publicKey().verify("hi".getBytes(), sig)).isTrue();
        assertThat(id.publicKey().verify("ho".getBytes(), sig)).isFalse();
        sig[3] ^= 1;
        assertThat(id.publicKey().verify("hi".getBytes(), sig)).isFalse();
        assertThat(id.publicKey().verify("hi".getBytes(), new byte[3])).isFalse();
    }

    @Test
    void identityFileIsCreatedThenReloaded(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/id.key");
        Identity a = Identity.loadOrCreate(f);
        Identity b = Identity.loadOrCreate(f);
        assertThat(b.peerId()).isEqualTo(a.peerId());
    }
}
