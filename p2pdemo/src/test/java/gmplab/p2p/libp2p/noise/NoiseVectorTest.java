package gmplab.p2p.libp2p.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gmplab.p2p.libp2p.HandshakeException;
import gmplab.p2p.libp2p.PeerIdMismatchException;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.multiformats.Hex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deterministic Noise XX vectors produced by js-libp2p-noise
 * (interop/js-libp2p/transcripts/noise-xx-vector*.json, checklist Appendix B).
 */
class NoiseVectorTest {
    static final String MSG1 = "193c4d673b002add94cb2403e893df7249a664acd27ba57dd22327ef99cfa324";
    static final String MSG2 = "4f1b609776625a74b54e95c75fb75f957ff6d14c09e218f7569e08aa33619008bc7af8e6b9e2e1b4aba1f40070a62ee"
            + "d892ce1ca6a5cb9231daba214cbcfb2d54082e8a95d1499692be18d1c1d5cf3c5ffc7e5c32cda337ce26c7f3e10a5e650c8187c48c959c2f01"
            + "959af53ec66a34b4ef79fa4fd92d98d901d52dd82ee093e504ea98f220b59b0e70b0ed5559db845b2ec49459eacdb3aee3160949c2fff28fd"
            + "92921a39eee3f05f603399e7c089a4319935af7c2d0063763bb8c578cdb0e516d678912bf8ddce";
    static final String MSG3 = "488d7c5cf44a08e09f5aa4b3c2018e14c11a8ef09ff8f1883ec27a03ef5268b29a1b4599910af85f778ed98b752169"
            + "7fd1a54c9fc47409e8d0410145b06b5320a58a0aee0e138092b5dbb82040333d223ee458d4e50a1b4f78ff7d152e9ea58e702af16e7a9ffd4"
            + "418e546fe8169393ad774116339459842913fd5e90e011095bb8ae9db4a119615e713bf905ea51fc23883b57969307f6a97e43c6c092f4e6"
            + "1a51ec21d9a50a525";
    static final String MSG2_EXT = "4f1b609776625a74b54e95c75fb75f957ff6d14c09e218f7569e08aa33619008bc7af8e6b9e2e1b4aba1f40070a6"
            + "2eed892ce1ca6a5cb9231daba214cbcfb2d54082e8a95d1499692be18d1c1d5cf3c5ffc7e5c32cda337ce26c7f3e10a5e650c8187c48c959c2"
            + "f01959af53ec66a34b4ef79fa4fd92d98d901d52dd82ee093e504ea98f220b59b0e70b0ed5559db845b2ec49459eacdb3aee3160949c2fff2"
            + "8fd92921a39eee3f05f603399e7c089a4319935af7c2d00637c5abfc1b34a46f77126215a70d08f365dfb5f6cbffa5782dcfde7c6df0db2fa";
    static final String MSG3_EXT = "488d7c5cf44a08e09f5aa4b3c2018e14c11a8ef09ff8f1883ec27a03ef5268b22ab7de3b42551c2ea3d392bae0d4"
            + "bd0ed1a54c9fc47409e8d0410145b06b5320a58a0aee0e138092b5dbb82040333d223ee458d4e50a1b4f78ff7d152e9ea58e702af16e7a9ff"
            + "d4418e546fe8169393ad774116339459842913fd5e90e011095bb8ae9db4a119615e713bf905ea51fc23883b57969307f6a721feec6ff8b35"
            + "04e327434ddc54acde6017dafcf6372ee66cc9f2f67c757fd5";
    static final String I_PAYLOAD = "0a24080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba2912402cf164989c6"
            + "1fdc0bcf681b8667d3a2125bfbbf7edeb1a85af28e0f8efc827ef1b4208134a7c30dd5e192c695e234781591c690c155e4ca13673f3d621ea"
            + "7803";

    static byte[] last(int b) {
        byte[] k = new byte[32];
        k[31] = (byte) b;
        return k;
    }

    static NoiseSecureChannel channel(boolean initiator, List<String> muxers) {
        Identity id = Identity.fromSeed(last(initiator ? 1 : 2));
        return new NoiseSecureChannel(initiator, id, null, muxers,
                X25519.fromPrivate(last(initiator ? 0x11 : 0x12)), X25519.fromPrivate(last(initiator ? 0x21 : 0x22)));
    }

    @Test
    void staticKeysMatch() {
        assertThat(Hex.encode(X25519.fromPrivate(last(0x11)).publicKey()))
                .isEqualTo("e2ffa815a4faf115783b1b63c3dd33d2737420308da1c9095273eaae10917f2e");
        assertThat(Hex.encode(X25519.fromPrivate(last(0x12)).publicKey()))
                .isEqualTo("f2f1cf9bf913ce882d3c081a887825888b896852475e2dec721e63dc77447c25");
        assertThat(Hex.encode(channel(true, List.of()).localPayload().encode())).isEqualTo(I_PAYLOAD);
    }

    @Test
    void withoutExtensions() throws Exception {
        run(List.of(), MSG2, MSG3, "9ad38ec00b2c1bd0697b68f7732f9ef0c29382929ebd0cd4ff2c7703ad0839c4", null);
    }

    @Test
    void withExtensions() throws Exception {
        run(List.of("/yamux/1.0.0"), MSG2_EXT, MSG3_EXT, "eb5e7c54eb689ca625c0e553b6af522173591d33213fc51f64dfcc6385c0229c",
                "/yamux/1.0.0");
    }

    private void run(List<String> muxers, String msg2, String msg3, String h, String early) throws Exception {
        NoiseSecureChannel i = channel(true, muxers);
        NoiseSecureChannel r = channel(false, muxers);
        byte[] m1 = i.start();
        assertThat(Hex.encode(m1)).isEqualTo(MSG1);
        byte[] m2 = r.onMessage(m1);
        assertThat(Hex.encode(m2)).isEqualTo(msg2);
        byte[] m3 = i.onMessage(m2);
        assertThat(Hex.encode(m3)).isEqualTo(msg3);
        assertThat(r.onMessage(m3)).isNull();
        assertThat(Hex.encode(i.result().handshakeHash())).isEqualTo(h);
        assertThat(Hex.encode(r.result().handshakeHash())).isEqualTo(h);
        assertThat(i.result().earlyMuxer()).isEqualTo(early);
        assertThat(r.result().earlyMuxer()).isEqualTo(early);
        assertThat(i.result().remotePeer()).isEqualTo(Identity.fromSeed(last(2)).peerId());
        assertThat(r.result().remotePeer().toString()).isEqualTo("12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp");
        byte[] hello = i.result().sendCipher().encrypt(null, "hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.encode(hello)).isEqualTo("93d355c8923860cf84dcd4d9e13b22743460e5f6d1");
        byte[] world = r.result().sendCipher().encrypt(null, "world".getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.encode(world)).isEqualTo("d1cc24d009c949b8ad3f0276ad1d990def189e4fb5");
        assertThat(new String(r.result().receiveCipher().decrypt(null, hello), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(new String(i.result().receiveCipher().decrypt(null, world), StandardCharsets.US_ASCII)).isEqualTo("world");
    }

    @Test
    void mixedEarlyMuxerFallsBackToMultistream() throws Exception {
        NoiseSecureChannel i = channel(true, List.of("/yamux/1.0.0"));
        NoiseSecureChannel r = channel(false, List.of());
        byte[] m3 = i.onMessage(r.onMessage(i.start()));
        assertThat(r.onMessage(m3)).isNull();
        assertThat(i.result().earlyMuxer()).isNull();
        assertThat(r.result().earlyMuxer()).isNull();
    }

    @Test
    void noCommonMuxerFails() throws Exception {
        NoiseSecureChannel i = channel(true, List.of("/mplex/6.7.0"));
        NoiseSecureChannel r = channel(false, List.of("/yamux/1.0.0"));
        byte[] m2 = r.onMessage(i.start());
        assertThatThrownBy(() -> i.onMessage(m2)).isInstanceOf(HandshakeException.class).hasMessageContaining("muxer");
    }

    @Test
    void wrongPeerIdIsRejectedByTheDialer() throws Exception {
        NoiseSecureChannel i = new NoiseSecureChannel(true, Identity.fromSeed(last(1)), Identity.fromSeed(last(3)).peerId(),
                List.of());
        NoiseSecureChannel r = channel(false, List.of());
        byte[] m2 = r.onMessage(i.start());
        assertThatThrownBy(() -> i.onMessage(m2)).isInstanceOf(PeerIdMismatchException.class);
    }

    @Test
    void tamperedMessagesFail() throws Exception {
        NoiseSecureChannel i = channel(true, List.of());
        NoiseSecureChannel r = channel(false, List.of());
        byte[] m2 = r.onMessage(i.start());
        m2[100] ^= 1;
        assertThatThrownBy(() -> i.onMessage(m2)).isInstanceOf(HandshakeException.class.getSuperclass());
    }
}
