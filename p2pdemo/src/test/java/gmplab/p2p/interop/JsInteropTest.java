package gmplab.p2p.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gmplab.p2p.libp2p.PeerIdMismatchException;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Connection;
import gmplab.p2p.libp2p.host.Echo;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.host.HostEvent;
import gmplab.p2p.libp2p.host.Identify;
import gmplab.p2p.libp2p.host.Ping;
import gmplab.p2p.libp2p.host.Stream;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interop with the real js-libp2p 3.3.11 peer ({@code $GMPLAB_JS_PEER}); skipped when it is not set.
 * One JS listener with early muxer negotiation and one with {@code NOISE_NO_EARLY_MUXER=1} serve the class.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JsInteropTest {
    static JsPeer early;
    static JsPeer noEarly;
    private final List<Host> hosts = new ArrayList<>();

    @BeforeAll
    static void startPeers() throws Exception {
        if (!JsPeer.available()) {
            return; // every test is skipped, with the reason, by requirePeer()
        }
        early = JsPeer.listen(Map.of());
        noEarly = JsPeer.listen(Map.of("NOISE_NO_EARLY_MUXER", "1", "SEED_HEX", "00".repeat(31) + "03"));
    }

    @AfterAll
    static void stopPeers() throws Exception {
        for (JsPeer p : new JsPeer[] {early, noEarly}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void requirePeer() {
        JsPeer.dir();
    }

    @AfterEach
    void closeHosts() {
        hosts.forEach(Host::close);
    }

    Host host(boolean earlyMuxer) {
        Host h = new Host(HostConfig.defaults(Identity.generate()).withEarlyMuxer(earlyMuxer));
        hosts.add(h);
        return h;
    }

    static JsPeer peer(boolean jsEarly) {
        return jsEarly ? early : noEarly;
    }

    @ParameterizedTest(name = "java early={0}, js early={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void javaDialsJs(boolean javaEarly, boolean jsEarly) throws Exception {
        Host h = host(javaEarly);
        Stream s = h.newStream(peer(jsEarly).address(), Echo.PROTOCOL_ID);
        byte[] reply = Echo.call(s, "hello js".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("hello js");
        assertThat(s.connection().muxerNegotiation()).isEqualTo(javaEarly && jsEarly ? "early" : "multistream");
    }

    @ParameterizedTest(name = "java early={0}, js early={1}")
    @CsvSource({"true,true", "true,false", "false,true"})
    void jsDialsJava(boolean javaEarly, boolean jsEarly) throws Exception {
        Host h = host(javaEarly);
        h.setStreamHandler(Echo.PROTOCOL_ID, Echo::handle);
        h.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        h.addListener(e -> {
            if (e instanceof HostEvent.ConnectionOpened o) {
                opened.complete(o.connection());
            }
        });
        Map<String, String> env = jsEarly ? Map.of("PING", "1") : Map.of("PING", "1", "NOISE_NO_EARLY_MUXER", "1");
        JsPeer.DialResult r = JsPeer.dial(env, h.fullListenAddresses().get(0).toString(), Echo.PROTOCOL_ID, "hi java");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEqualTo("hi java");
        assertThat(r.stderr()).contains("/ipfs/ping/1.0.0 rtt=");
        assertThat(opened.get(5, TimeUnit.SECONDS).muxerNegotiation()).isEqualTo(javaEarly && jsEarly ? "early" : "multistream");
    }

    @Test
    void identifyBothWays() throws Exception {
        Host h = host(true);
        h.setStreamHandler(Echo.PROTOCOL_ID, Echo::handle);
        h.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        Connection c = h.connect(early.address());
        Identify.Info info = h.identify(c);
        assertThat(info.publicKey().toPeerId()).isEqualTo(early.address().peerId().orElseThrow());
        assertThat(info.protocols()).contains(Echo.PROTOCOL_ID, Identify.PROTOCOL_ID, Ping.PROTOCOL_ID);
        assertThat(info.listenAddrs().stream().map(Multiaddr::withoutPeerId)).contains(early.address().withoutPeerId());
        assertThat(info.observedAddr().withoutPeerId()).isEqualTo(c.localAddress());
        assertThat(info.agentVersion()).contains("js-libp2p");
        assertThat(h.ping(c)).isPositive();
        // js identifies us on every new connection: wait for its log line
        long deadline = System.currentTimeMillis() + 10_000;
        String needle = "identified " + h.peerId();
        while (!early.stderr().contains(needle) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        String line = early.stderr().lines().filter(l -> l.contains(needle)).findFirst().orElse("");
        assertThat(line).contains(Echo.PROTOCOL_ID).contains("gmplab-p2pdemo");
    }

    @Test
    void wrongPeerIdIsRejected() {
        Host h = host(true);
        Multiaddr wrong = early.address().withPeerId(Identity.generate().peerId());
        assertThatThrownBy(() -> h.dial(wrong)).isInstanceOf(PeerIdMismatchException.class);
    }

    /**
     * js-libp2p accepts at most 32 concurrent inbound streams per protocol and
     * connection (registrar DEFAULT_MAX_INBOUND_STREAMS) and resets the rest;
     * so all 100 streams are opened at once, a stream the JS side refuses is
     * retried, and every echo must come back intact on the one connection.
     */
    @Test
    void hundredConcurrentStreamsOnOneConnection() throws Exception {
        Host h = host(true);
        Connection c = h.connect(early.address());
        ExecutorService pool = Executors.newFixedThreadPool(100);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                byte[] msg = ("stream " + i + ";").repeat(500).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        try {
                            return Arrays.equals(Echo.call(c.newStream(Echo.PROTOCOL_ID), msg), msg);
                        } catch (gmplab.p2p.libp2p.StreamResetException e) {
                            refused.incrementAndGet();
                            Thread.sleep(20);
                        }
                    }
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Boolean> f : results) {
                ok += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(ok).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.connections()).hasSize(1);
        assertThat(c.isOpen()).isTrue();
        System.out.println("100 concurrent streams to js-libp2p: " + refused.get() + " refusals by its 32-stream limit");
    }

    @ParameterizedTest(name = "js early={0}")
    @CsvSource({"true", "false"})
    void sixteenMebibytesArriveIntact(boolean jsEarly) throws Exception {
        Host h = host(true);
        byte[] big = new byte[16 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Stream s = h.newStream(peer(jsEarly).address(), Echo.PROTOCOL_ID);
        byte[] back = Echo.call(s, big);
        assertThat(back.length).isEqualTo(big.length);
        assertThat(Arrays.equals(back, big)).isTrue();
    }

    @ParameterizedTest(name = "kill={0}")
    @CsvSource({"false", "true"})
    void jsPeerStopsMidStream(boolean kill) throws Exception {
        Host h = host(true);
        try (JsPeer doomed = JsPeer.listen(Map.of("SEED_HEX", "00".repeat(31) + (kill ? "05" : "04")))) {
            Stream s = h.newStream(doomed.address(), Echo.PROTOCOL_ID);
            CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
                byte[] buf = new byte[65536];
                try {
                    while (s.read(buf) >= 0) {
                        // drain echoes
                    }
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            s.write(new byte[100_000]);
            if (kill) {
                doomed.kill();
            } else {
                doomed.stop();
            }
            // the reader ends (EOF or reset), and writing soon fails: no hang
            reader.get(15, TimeUnit.SECONDS);
            long deadline = System.currentTimeMillis() + 10_000;
            boolean failed = false;
            while (!failed && System.currentTimeMillis() < deadline) {
                try {
                    s.write(new byte[1000]);
                    Thread.sleep(50);
                } catch (IOException e) {
                    failed = true;
                }
            }
            assertThat(failed).isTrue();
            assertThat(s.connection().closeFuture()).succeedsWithin(java.time.Duration.ofSeconds(10));
        }
        // the host still works with other peers
        Stream s2 = h.newStream(early.address(), Echo.PROTOCOL_ID);
        assertThat(new String(Echo.call(s2, "still here".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("still here");
    }

    @Test
    void severalJsDialersAtOnce() throws Exception {
        Host h = host(true);
        h.setStreamHandler(Echo.PROTOCOL_ID, Echo::handle);
        h.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        String addr = h.fullListenAddresses().get(0).toString();
        List<CompletableFuture<JsPeer.DialResult>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String msg = "dialer " + i;
            Map<String, String> env = i % 2 == 0 ? Map.of() : Map.of("NOISE_NO_EARLY_MUXER", "1");
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return JsPeer.dial(env, addr, Echo.PROTOCOL_ID, msg);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int i = 0; i < runs.size(); i++) {
            JsPeer.DialResult r = runs.get(i).get(60, TimeUnit.SECONDS);
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).isEqualTo("dialer " + i);
        }
    }
}
