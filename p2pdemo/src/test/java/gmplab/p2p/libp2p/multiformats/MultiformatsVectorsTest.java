package gmplab.p2p.libp2p.multiformats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gmplab.p2p.libp2p.MalformedMessageException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Vectors from docs/libp2p-checklist.md §3.2, §3.4 and §3.10. */
class MultiformatsVectorsTest {

    @Test
    void uvarintEncodesMinimally() throws Exception {
        assertThat(Hex.encode(Varint.encode(0))).isEqualTo("00");
        assertThat(Hex.encode(Varint.encode(1))).isEqualTo("01");
        assertThat(Hex.encode(Varint.encode(127))).isEqualTo("7f");
        assertThat(Hex.encode(Varint.encode(128))).isEqualTo("8001");
        assertThat(Hex.encode(Varint.encode(255))).isEqualTo("ff01");
        assertThat(Hex.encode(Varint.encode(300))).isEqualTo("ac02");
        assertThat(Hex.encode(Varint.encode(421))).isEqualTo("a503");
        assertThat(Hex.encode(Varint.encode(16384))).isEqualTo("808001");
        assertThat(Varint.encode(Long.MAX_VALUE)).hasSize(9);
        assertThat(Varint.read(ByteBuffer.wrap(Hex.of("ac02")))).isEqualTo(300);
        assertThat(Varint.read(ByteBuffer.wrap(Varint.encode(Long.MAX_VALUE)))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void uvarintRejectsBadInput() {
        assertThatThrownBy(() -> Varint.read(ByteBuffer.wrap(Hex.of("8000")))).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("minimal");
        assertThatThrownBy(() -> Varint.read(ByteBuffer.wrap(Hex.of("80")))).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> Varint.read(ByteBuffer.wrap(Hex.of("ffffffffffffffffff01"))))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void peerIdsFromTheSpec() throws Exception {
        PeerId a = PeerId.parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");
        assertThat(a.multihash().code()).isEqualTo(Multihash.IDENTITY);
        assertThat(a.toString()).isEqualTo("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");
        PeerId q = PeerId.parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
        assertThat(q.multihash().code()).isEqualTo(Multihash.SHA2_256);
        assertThat(q.toString()).isEqualTo("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
    }

    @Test
    void peerIdOfPublicKeyAndCidForm() throws Exception {
        byte[] pub = Hex.of("080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
        PeerId id = PeerId.fromPublicKey(pub);
        assertThat(Hex.encode(id.toBytes())).isEqualTo("0024" + Hex.encode(pub));
        assertThat(id.toString()).isEqualTo("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
        assertThat(id.toCid()).isEqualTo("bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6");
        assertThat(PeerId.parse("bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6")).isEqualTo(id);
        assertThat(id.inlinedPublicKey()).isEqualTo(pub);
    }

    @Test
    void longKeysHashWithSha256() {
        byte[] big = new byte[43];
        PeerId id = PeerId.fromPublicKey(big);
        assertThat(id.multihash().code()).isEqualTo(Multihash.SHA2_256);
        assertThat(id.toString()).startsWith("Qm");
        assertThat(id.inlinedPublicKey()).isNull();
    }

    @Test
    void base58RoundTripKeepsLeadingZeros() throws Exception {
        byte[] data = {0, 0, 1, 2, 3};
        assertThat(Base58.encode(data)).startsWith("11");
        assertThat(Base58.decode(Base58.encode(data))).isEqualTo(data);
        assertThat(Base58.decode("")).isEmpty();
        assertThatThrownBy(() -> Base58.decode("0OIl")).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void badPeerIdsAreRejected() {
        assertThatThrownBy(() -> PeerId.parse("")).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> PeerId.parse("hello")).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> PeerId.parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5S"))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> PeerId.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"))
                .isInstanceOf(MalformedMessageException.class); // dag-pb CID, not libp2p-key
    }

    @Test
    void multiaddrBinaryVector() throws Exception {
        String text = "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
        String hex = "047f000001060fa1a503260024080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29";
        Multiaddr ma = Multiaddr.parse(text);
        assertThat(Hex.encode(ma.toBytes())).isEqualTo(hex);
        assertThat(Multiaddr.fromBytes(Hex.of(hex)).toString()).isEqualTo(text);
        assertThat(ma.peerId()).contains(PeerId.parse("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp"));
        assertThat(ma.withoutPeerId().toString()).isEqualTo("/ip4/127.0.0.1/tcp/4001");
        assertThat(ma.toTcpSocketAddress().getPort()).isEqualTo(4001);
    }

    @Test
    void multiaddrTextForms() throws Exception {
        assertThat(Multiaddr.parse("/ip6/::1/tcp/80").toString()).isEqualTo("/ip6/::1/tcp/80");
        assertThat(Multiaddr.parse("/ip6/2001:db8:0:0:1:0:0:1/tcp/1").toString()).isEqualTo("/ip6/2001:db8::1:0:0:1/tcp/1");
        assertThat(Multiaddr.parse("/dns4/localhost/tcp/5").toString()).isEqualTo("/dns4/localhost/tcp/5");
        assertThat(Multiaddr.parse("/ipfs/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp").toString())
                .isEqualTo("/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
        assertThat(Multiaddr.parse("/ip4/1.2.3.4/tcp/5/p2p/bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6")
                .toString()).isEqualTo("/ip4/1.2.3.4/tcp/5/p2p/12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
        byte[] dns = Multiaddr.parse("/dns4/example.com/tcp/443").toBytes();
        assertThat(Hex.encode(dns)).isEqualTo("360b6578616d706c652e636f6d0601bb");
        for (String bad : new String[] {"", "ip4/1.2.3.4", "/ip4/1.2.3", "/ip4/1.2.3.256", "/tcp/65536", "/tcp/x",
            "/foo/1", "/ip4", "/ip6/zz::1", "/p2p/notapeer"}) {
            assertThatThrownBy(() -> Multiaddr.parse(bad)).as(bad).isInstanceOf(MalformedMessageException.class);
        }
    }
}
