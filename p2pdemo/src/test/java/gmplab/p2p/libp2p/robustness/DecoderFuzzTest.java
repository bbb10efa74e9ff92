package gmplab.p2p.libp2p.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.crypto.PublicKey;
import gmplab.p2p.libp2p.host.Identify;
import gmplab.p2p.libp2p.multiformats.Base32;
import gmplab.p2p.libp2p.multiformats.Base58;
import gmplab.p2p.libp2p.multiformats.Hex;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multiformats.PeerId;
import gmplab.p2p.libp2p.multiformats.Varint;
import gmplab.p2p.libp2p.multistream.Multistream;
import gmplab.p2p.libp2p.multistream.MultistreamNegotiator;
import gmplab.p2p.libp2p.noise.NoisePayload;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import gmplab.p2p.libp2p.yamux.YamuxConfig;
import gmplab.p2p.libp2p.yamux.YamuxFrame;
import gmplab.p2p.libp2p.yamux.YamuxSession;
import gmplab.p2p.libp2p.yamux.YamuxStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every decoder, fed random and mutated inputs, either decodes or throws a
 * {@link Libp2pException}: never another exception, never a hang.
 */
class DecoderFuzzTest {
    static final byte[] ED_KEY = Hex.of("080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29");
    static final byte[] MULTIADDR = Hex.of("047f000001060fa1a503260024080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f2"
            + "41aedf0a5ba29");
    static final byte[] NOISE_PAYLOAD = Hex.of("0a24080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba291240"
            + "2cf164989c61fdc0bcf681b8667d3a2125bfbbf7edeb1a85af28e0f8efc827ef1b4208134a7c30dd5e192c695e234781591c690c155e4c"
            + "a13673f3d621ea7803220e120c2f79616d75782f312e302e30");

    interface Decoder {
        void decode(byte[] in) throws Exception;
    }

    static void onlyTypedErrors(Decoder d, byte[] in) {
        try {
            d.decode(in);
        } catch (Libp2pException e) {
            // expected for bad input
        } catch (Exception e) {
            throw new AssertionError("untyped " + e + " for " + Hex.encode(in), e);
        }
    }

    /** Random bytes, and valid messages with a few bytes flipped, inserted or cut. */
    static Arbitrary<byte[]> mutationsOf(byte[] valid) {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.integers().between(0, valid.length - 1),
                Arbitraries.bytes(), Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, valid.length))
                .as((pos, b, op, cut) -> {
                    byte[] m = valid.clone();
                    switch (op) {
                        case 0 -> m[pos] = b;
                        case 1 -> m[pos] ^= (byte) (1 << (b & 7));
                        case 2 -> m = java.util.Arrays.copyOf(m, cut);
                        default -> {
                            byte[] n = new byte[m.length + 1];
                            System.arraycopy(m, 0, n, 0, pos);
                            n[pos] = b;
                            System.arraycopy(m, pos, n, pos + 1, m.length - pos);
                            m = n;
                        }
                    }
                    return m;
                });
        return Arbitraries.oneOf(random, mutated);
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return mutationsOf(ED_KEY);
    }

    @Provide
    Arbitrary<byte[]> addrs() {
        return mutationsOf(MULTIADDR);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return mutationsOf(NOISE_PAYLOAD);
    }

    @Provide
    Arbitrary<byte[]> mss() {
        return mutationsOf(Multistream.encodeAll(List.of("/multistream/1.0.0", "/noise", "ls")));
    }

    @Property(tries = 500)
    void varint(@ForAll @Size(max = 12) byte[] in) {
        onlyTypedErrors(b -> Varint.read(ByteBuffer.wrap(b)), in);
    }

    @Property(tries = 500)
    void publicKeyProtobuf(@ForAll("keys") byte[] in) {
        onlyTypedErrors(PublicKey::fromProtobuf, in);
    }

    @Property(tries = 500)
    void peerIdBytesAndText(@ForAll("keys") byte[] in) {
        onlyTypedErrors(PeerId::fromBytes, in);
        onlyTypedErrors(b -> PeerId.parse(Base58.encode(b)), in);
        onlyTypedErrors(b -> PeerId.parse("b" + Base32.encode(b)), in);
        onlyTypedErrors(b -> PeerId.parse(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)), in);
    }

    @Property(tries = 500)
    void multiaddrBinaryAndText(@ForAll("addrs") byte[] in) {
        onlyTypedErrors(Multiaddr::fromBytes, in);
        onlyTypedErrors(b -> Multiaddr.parse(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)), in);
    }

    @Property(tries = 300)
    void multiaddrTextMutations(@ForAll("texts") String text) {
        onlyTypedErrors(b -> Multiaddr.parse(text), new byte[0]);
    }

    @Provide
    Arbitrary<String> texts() {
        String valid = "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
        Arbitrary<String> random = Arbitraries.strings().withChars("/ipfs0123456789.:abcdtnw").ofMaxLength(60);
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.integers().between(0, valid.length() - 1),
                Arbitraries.chars().with("/0:.zx9")).as((i, c) -> valid.substring(0, i) + c + valid.substring(i + 1));
        return Arbitraries.oneOf(random, mutated);
    }

    @Property(tries = 500)
    void noisePayload(@ForAll("payloads") byte[] in) {
        onlyTypedErrors(NoisePayload::decode, in);
    }

    @Property(tries = 300)
    void identifyMessage(@ForAll("payloads") byte[] in) {
        onlyTypedErrors(Identify::decode, in);
    }

    @Property(tries = 500)
    void multistreamMessagesAndResponder(@ForAll("mss") byte[] in) {
        onlyTypedErrors(b -> {
            ByteBuffer buf = ByteBuffer.wrap(b);
            MultistreamNegotiator r = MultistreamNegotiator.responder("/noise"::equals, () -> List.of("/noise"));
            String m;
            while ((m = Multistream.tryRead(buf)) != null && r.selected() == null) {
                r.onMessage(m);
            }
        }, in);
        onlyTypedErrors(b -> {
            ByteBuffer buf = ByteBuffer.wrap(b);
            MultistreamNegotiator i = MultistreamNegotiator.initiator(List.of("/noise"));
            String m;
            while ((m = Multistream.tryRead(buf)) != null && i.selected() == null) {
                i.onMessage(m);
            }
        }, in);
    }

    @Property(tries = 200)
    void noiseHandshakeMessages(@ForAll("handshake") byte[][] msgs) {
        // responder fed a random/mutated msg1 then msg3; initiator fed a mutated msg2
        onlyTypedErrors(b -> {
            NoiseSecureChannel r = new NoiseSecureChannel(false, RESPONDER, null, List.of("/yamux/1.0.0"));
            r.onMessage(msgs[0]);
            r.onMessage(msgs[2]);
        }, msgs[0]);
        onlyTypedErrors(b -> {
            NoiseSecureChannel i = new NoiseSecureChannel(true, INITIATOR, null, List.of("/yamux/1.0.0"));
            i.start();
            i.onMessage(msgs[1]);
        }, msgs[1]);
    }

    static final Identity INITIATOR = Identity.generate();
    static final Identity RESPONDER = Identity.generate();

    @Provide
    Arbitrary<byte[][]> handshake() {
        // a real exchange, mutated
        try {
            NoiseSecureChannel i = new NoiseSecureChannel(true, INITIATOR, null, List.of("/yamux/1.0.0"));
            NoiseSecureChannel r = new NoiseSecureChannel(false, RESPONDER, null, List.of("/yamux/1.0.0"));
            byte[] m1 = i.start();
            byte[] m2 = r.onMessage(m1);
            byte[] m3 = i.onMessage(m2);
            return Combinators.combine(mutationsOf(m1), mutationsOf(m2), mutationsOf(m3)).as((a, b, c) -> new byte[][] {a, b, c});
        } catch (Libp2pException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void yamuxFramesNeverBreakTheSession(@ForAll("frames") List<byte[]> frames) {
        List<YamuxFrame> sent = new ArrayList<>();
        boolean[] closed = new boolean[1];
        YamuxSession s = new YamuxSession(false, new YamuxSession.Transport() {
            @Override
            public void send(YamuxFrame frame) {
                sent.add(frame);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        }, YamuxConfig.defaults().withMaxInboundStreams(4), new YamuxSession.Listener() {
            @Override
            public void onInboundStream(YamuxStream stream) {
            }
        });
        for (byte[] f : frames) {
            ByteBuffer b = ByteBuffer.wrap(f);
            YamuxFrame.Header h;
            try {
                h = YamuxFrame.readHeader(b);
            } catch (Libp2pException e) {
                s.protocolError(e.getMessage());
                break;
            }
            byte[] data = new byte[h.type() == YamuxFrame.TYPE_DATA ? (int) Math.min(h.length(), b.remaining()) : 0];
            b.get(data);
            s.onFrame(h, data); // must not throw
        }
        if (s.isClosed() && closed[0]) {
            // a protocol error ends with GoAway (1) before the close
            assertThat(sent).anyMatch(f -> f.type() == YamuxFrame.TYPE_GO_AWAY);
        }
        // pings are answered exactly
        for (int i = 0; i < sent.size(); i++) {
            YamuxFrame f = sent.get(i);
            assertThat(f.type() != YamuxFrame.TYPE_PING || f.flags() == YamuxFrame.FLAG_ACK).isTrue();
        }
    }

    @Provide
    Arbitrary<List<byte[]>> frames() {
        Arbitrary<byte[]> frame = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 6),
                Arbitraries.longs().between(0, 300_000), Arbitraries.integers().between(0, 64))
                .as((version, type, flags, sid, len, dataLen) -> {
                    ByteBuffer b = ByteBuffer.allocate(12 + dataLen);
                    b.put((byte) (version == 1 && type == 4 ? 1 : 0)).put((byte) (int) type).putShort((short) (int) flags).putInt(sid)
                            .putInt((int) (type == 0 ? Math.min(len, dataLen) : len));
                    return b.array();
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofSize(12);
        return Arbitraries.oneOf(frame, frame, random).list().ofMaxSize(20);
    }
}
