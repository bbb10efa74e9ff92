package gmplab.p2p.libp2p.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Echo;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.host.Stream;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multistream.Multistream;
import gmplab.p2p.libp2p.yamux.YamuxFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A misbehaving peer gets its connection closed (or its stream refused) and the host keeps serving others. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostRobustnessTest {
    static Host server;
    static Host client;
    static Multiaddr addr;

    @BeforeAll
    static void start() throws Exception {
        HostConfig cfg = HostConfig.defaults(Identity.generate()).withHandshakeTimeout(Duration.ofSeconds(1))
                .withYamux(gmplab.p2p.libp2p.yamux.YamuxConfig.defaults().withMaxInboundStreams(3));
        server = new Host(cfg);
        server.setStreamHandler(Echo.PROTOCOL_ID, Echo::handle);
        server.setStreamHandler("/hold/1", s -> Thread.sleep(10_000));
        server.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        addr = server.fullListenAddresses().get(0);
        client = new Host(HostConfig.defaults(Identity.generate()));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static void stillServes() throws Exception {
        Stream s = client.dial(addr).newStream(Echo.PROTOCOL_ID);
        assertThat(new String(Echo.call(s, "ok".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)).isEqualTo("ok");
        s.connection().close();
    }

    @Test
    void randomBytesCloseTheConnection() throws Exception {
        Random r = new Random(1);
        for (int i = 0; i < 20; i++) {
            try (RawPeer p = new RawPeer(addr)) {
                byte[] junk = new byte[1 + r.nextInt(3000)];
                r.nextBytes(junk);
                if (i % 2 == 0) { // start well, then go wrong inside the Noise handshake
                    p.out.write(Multistream.encodeAll(List.of(Multistream.PROTOCOL_ID, "/noise")));
                    p.out.write(new byte[] {0, 32});
                }
                try {
                    p.out.write(junk);
                } catch (java.io.IOException e) {
                    // already closed by the host: fine
                }
                assertThat(p.closedByRemote()).as("round " + i).isTrue();
            }
        }
        stillServes();
    }

    @Test
    void oversizedMultistreamMessageClosesTheConnection() throws Exception {
        try (RawPeer p = new RawPeer(addr)) {
            p.out.write(new byte[] {(byte) 0x81, 0x08}); // length 1025
            p.out.write(new byte[1025]);
            assertThat(p.closedByRemote()).isTrue();
        }
        stillServes();
    }

    @Test
    void unknownSecurityProtocolGetsNa() throws Exception {
        try (RawPeer p = new RawPeer(addr)) {
            p.out.write(Multistream.encodeAll(List.of(Multistream.PROTOCOL_ID, "/tls/1.0.0")));
            assertThat(Multistream.read(p.in)).isEqualTo(Multistream.PROTOCOL_ID);
            assertThat(Multistream.read(p.in)).isEqualTo("na");
        }
    }

    @Test
    void slowlorisTimesOut() throws Exception {
        try (RawPeer p = new RawPeer(addr)) {
            byte[] hello = Multistream.encode(Multistream.PROTOCOL_ID);
            long t0 = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < hello.length && !closed; i++) {
                try {
                    p.out.write(hello[i]);
                    p.out.flush();
                    Thread.sleep(200);
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            assertThat(closed || p.closedByRemote()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
        stillServes();
    }

    @Test
    void pingIsAnsweredExactly() throws Exception {
        try (RawPeer p = new RawPeer(addr).upgrade()) {
            p.send(YamuxFrame.ping(YamuxFrame.FLAG_SYN, 0xCAFEBABEL));
            YamuxFrame ack = p.receiveUntil(f -> f.type() == YamuxFrame.TYPE_PING);
            assertThat(ack.flags()).isEqualTo(YamuxFrame.FLAG_ACK);
            assertThat(ack.length()).isEqualTo(0xCAFEBABEL);
        }
    }

    @Test
    void exceedingTheReceiveWindowGetsGoAway() throws Exception {
        try (RawPeer p = new RawPeer(addr).upgrade()) {
            byte[] hold = Multistream.encodeAll(List.of(Multistream.PROTOCOL_ID, "/hold/1"));
            p.send(YamuxFrame.data(YamuxFrame.FLAG_SYN, 1, hold, 0, hold.length));
            // wait for the echo of /hold/1: its handler then sleeps without reading
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("/hold/1")) {
                YamuxFrame f = p.receive();
                if (f.type() == YamuxFrame.TYPE_DATA) {
                    seen.append(new String(f.data(), StandardCharsets.ISO_8859_1));
                }
            }
            byte[] chunk = new byte[60_000];
            YamuxFrame goAway = null;
            try {
                for (int i = 0; i < 6; i++) { // 360 000 bytes > 256 KiB, and nobody reads stream 1 any more
                    p.send(YamuxFrame.data(0, 1, chunk, 0, chunk.length));
                }
                goAway = p.receiveUntil(f -> f.type() == YamuxFrame.TYPE_GO_AWAY);
            } catch (java.io.IOException e) {
                // the close may race ahead of our reads
            }
            if (goAway != null) {
                assertThat(goAway.length()).isEqualTo(YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
            }
            assertThat(p.closedByRemote()).isTrue();
        }
        stillServes();
    }

    @Test
    void inboundStreamLimitAnswersRst() throws Exception {
        try (RawPeer p = new RawPeer(addr).upgrade()) {
            for (int id = 1; id <= 7; id += 2) {
                p.send(YamuxFrame.windowUpdate(YamuxFrame.FLAG_SYN, id, 0));
            }
            YamuxFrame rst = p.receiveUntil(f -> (f.flags() & YamuxFrame.FLAG_RST) != 0);
            assertThat(rst.streamId()).isEqualTo(7);
            // the connection itself stays up
            p.send(YamuxFrame.ping(YamuxFrame.FLAG_SYN, 7));
            assertThat(p.receiveUntil(f -> f.type() == YamuxFrame.TYPE_PING).length()).isEqualTo(7);
        }
    }

    @Test
    void wrongParityAndStreamZeroAreProtocolErrors() throws Exception {
        for (YamuxFrame bad : new YamuxFrame[] {YamuxFrame.windowUpdate(YamuxFrame.FLAG_SYN, 2, 0),
            YamuxFrame.data(0, 0, new byte[3], 0, 3)}) {
            try (RawPeer p = new RawPeer(addr).upgrade()) {
                p.send(bad);
                YamuxFrame g = p.receiveUntil(f -> f.type() == YamuxFrame.TYPE_GO_AWAY);
                assertThat(g.length()).isEqualTo(YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
                assertThat(p.closedByRemote()).isTrue();
            }
        }
        stillServes();
    }

    @Test
    void randomFramesAfterTheHandshake() throws Exception {
        Random r = new Random(3);
        for (int i = 0; i < 10; i++) {
            try (RawPeer p = new RawPeer(addr).upgrade()) {
                byte[] junk = new byte[12 + r.nextInt(100)];
                r.nextBytes(junk);
                junk[0] = (byte) (i % 3 == 0 ? 0 : junk[0]);
                p.writeMessage(p.noiseCipherForTests().encrypt(null, junk));
                // either closed, or still answering pings: never stuck
                p.socket.setSoTimeout(2000);
                try {
                    p.send(YamuxFrame.ping(YamuxFrame.FLAG_SYN, 99));
                    p.receiveUntil(f -> f.type() == YamuxFrame.TYPE_PING && f.length() == 99);
                } catch (java.io.IOException e) {
                    // closed: fine
                }
            }
        }
        stillServes();
    }

    @Test
    void tamperedTransportMessageClosesTheConnection() throws Exception {
        try (RawPeer p = new RawPeer(addr).upgrade()) {
            byte[] m = p.noiseCipherForTests().encrypt(null, YamuxFrame.ping(YamuxFrame.FLAG_SYN, 1).toBytes());
            m[3] ^= 0x40;
            p.writeMessage(m);
            assertThat(p.closedByRemote()).isTrue();
        }
        stillServes();
    }
}
