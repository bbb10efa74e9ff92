package gmplab.p2p.libp2p.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gmplab.p2p.libp2p.PeerIdMismatchException;
import gmplab.p2p.libp2p.ProtocolNegotiationException;
import gmplab.p2p.libp2p.StreamResetException;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Java host against Java host over loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostTest {
    private final List<Host> hosts = new ArrayList<>();

    Host host(boolean early) {
        Host h = new Host(HostConfig.defaults(Identity.generate()).withEarlyMuxer(early));
        hosts.add(h);
        return h;
    }

    Host echoServer(boolean early) throws Exception {
        Host h = host(early);
        h.setStreamHandler(Echo.PROTOCOL_ID, Echo::handle);
        h.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        return h;
    }

    @AfterEach
    void closeHosts() {
        hosts.forEach(Host::close);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void echoWithAndWithoutEarlyMuxer(boolean serverEarly, boolean clientEarly) throws Exception {
        Host server = echoServer(serverEarly);
        Host client = host(clientEarly);
        Multiaddr addr = server.fullListenAddresses().get(0);
        Stream s = client.newStream(addr, Echo.PROTOCOL_ID);
        assertThat(s.protocol()).isEqualTo(Echo.PROTOCOL_ID);
        assertThat(s.remotePeer()).isEqualTo(server.peerId());
        byte[] reply = Echo.call(s, "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(s.connection().muxerNegotiation()).isEqualTo(serverEarly && clientEarly ? "early" : "multistream");
    }

    @Test
    void identifyAndPingBothWays() throws Exception {
        Host server = echoServer(true);
        Host client = host(true);
        Connection c = client.connect(server.fullListenAddresses().get(0));
        Identify.Info info = client.identify(c);
        assertThat(info.publicKey().toPeerId()).isEqualTo(server.peerId());
        assertThat(info.protocols()).contains(Echo.PROTOCOL_ID, Identify.PROTOCOL_ID, Ping.PROTOCOL_ID);
        assertThat(info.listenAddrs()).containsExactlyElementsOf(server.listenAddresses());
        assertThat(info.observedAddr()).isEqualTo(c.localAddress());
        assertThat(client.ping(c)).isPositive();
        assertThat(c.muxerPing()).isPositive();
        // and from the listener's side, on the same connection
        Connection back = server.connectionTo(client.peerId());
        assertThat(back).isNotNull();
        assertThat(server.identify(back).agentVersion()).isEqualTo("gmplab-p2pdemo/0.1");
    }

    @Test
    void unknownProtocolIsRefusedAndHandlersCanBeRemoved() throws Exception {
        Host server = echoServer(true);
        Host client = host(true);
        Multiaddr addr = server.fullListenAddresses().get(0);
        assertThatThrownBy(() -> client.newStream(addr, "/nope/1")).isInstanceOf(ProtocolNegotiationException.class);
        Stream s = client.newStream(addr, "/nope/1", Echo.PROTOCOL_ID);
        assertThat(s.protocol()).isEqualTo(Echo.PROTOCOL_ID);
        server.removeStreamHandler(Echo.PROTOCOL_ID);
        assertThat(server.protocols()).doesNotContain(Echo.PROTOCOL_ID).contains(Identify.PROTOCOL_ID);
        assertThatThrownBy(() -> client.newStream(addr, Echo.PROTOCOL_ID)).isInstanceOf(ProtocolNegotiationException.class);
        // the connection is still usable
        assertThat(client.ping(client.connectionTo(server.peerId()))).isPositive();
    }

    @Test
    void wrongPeerIdIsRejected() throws Exception {
        Host server = echoServer(true);
        Host client = host(true);
        Multiaddr wrong = server.listenAddresses().get(0).withPeerId(Identity.generate().peerId());
        assertThatThrownBy(() -> client.dial(wrong)).isInstanceOf(PeerIdMismatchException.class);
        assertThat(client.connections()).isEmpty();
    }

    @Test
    void hundredConcurrentStreamsOnOneConnection() throws Exception {
        Host server = echoServer(true);
        Host client = host(true);
        Connection c = client.connect(server.fullListenAddresses().get(0));
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                byte[] msg = ("message " + i + " ").repeat(1000).getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> java.util.Arrays.equals(Echo.call(c.newStream(Echo.PROTOCOL_ID), msg), msg)));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(client.connections()).hasSize(1);
    }

    @Test
    void sixteenMebibytesArriveIntactAndWindowsGrow() throws Exception {
        Host server = echoServer(true);
        Host client = host(true);
        byte[] big = new byte[16 * 1024 * 1024];
        new Random(42).nextBytes(big);
        Stream s = client.newStream(server.fullListenAddresses().get(0), Echo.PROTOCOL_ID);
        byte[] back = Echo.call(s, big);
        assertThat(back.length).isEqualTo(big.length);
        assertThat(back).isEqualTo(big);
        assertThat(s.yamux().receiveWindowLimit()).isGreaterThan(256 * 1024);
    }

    @Test
    void eventsAreReported() throws Exception {
        Host server = echoServer(true);
        Host client = host(true);
        List<HostEvent> serverEvents = new CopyOnWriteArrayList<>();
        List<HostEvent> clientEvents = new CopyOnWriteArrayList<>();
        server.addListener(serverEvents::add);
        client.addListener(clientEvents::add);
        Stream s = client.newStream(server.fullListenAddresses().get(0), Echo.PROTOCOL_ID);
        Echo.call(s, new byte[] {1, 2, 3});
        s.connection().close();
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline
                && serverEvents.stream().noneMatch(e -> e instanceof HostEvent.ConnectionClosed)) {
            Thread.sleep(20);
        }
        assertThat(clientEvents).hasAtLeastOneElementOfType(HostEvent.ConnectionOpened.class)
                .hasAtLeastOneElementOfType(HostEvent.StreamOpened.class)
                .hasAtLeastOneElementOfType(HostEvent.StreamClosed.class)
                .hasAtLeastOneElementOfType(HostEvent.ConnectionClosed.class);
        assertThat(serverEvents).hasAtLeastOneElementOfType(HostEvent.ConnectionOpened.class)
                .hasAtLeastOneElementOfType(HostEvent.StreamOpened.class)
                .hasAtLeastOneElementOfType(HostEvent.ConnectionClosed.class);
    }

    @Test
    void resetReachesTheOtherSide() throws Exception {
        Host server = host(true);
        java.util.concurrent.CompletableFuture<Throwable> seen = new java.util.concurrent.CompletableFuture<>();
        server.setStreamHandler("/hold/1", st -> {
            try {
                st.read(new byte[10]);
                seen.complete(null);
            } catch (Exception e) {
                seen.complete(e);
            }
        });
        server.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        Host client = host(true);
        Stream s = client.newStream(server.fullListenAddresses().get(0), "/hold/1");
        s.reset();
        assertThat(seen.get(5, TimeUnit.SECONDS)).isInstanceOf(StreamResetException.class);
        assertThatThrownBy(() -> s.write(new byte[1])).isInstanceOf(StreamResetException.class);
    }

    @Test
    void dialsDns4AndCidPeerIds() throws Exception {
        Host server = echoServer(true);
        Host client = host(true);
        int port = server.listenAddresses().get(0).toTcpSocketAddress().getPort();
        Multiaddr dns = Multiaddr.of("/dns4/localhost/tcp/" + port + "/p2p/" + server.peerId().toCid());
        Stream s = client.newStream(dns, Echo.PROTOCOL_ID);
        assertThat(s.remotePeer()).isEqualTo(server.peerId());
        assertThat(Echo.call(s, new byte[] {9})).containsExactly(9);
    }

    @Test
    void streamThatNeverNegotiatesIsResetAfterTheTimeout() throws Exception {
        Host server = new Host(HostConfig.defaults(Identity.generate())
                .withNegotiationTimeout(java.time.Duration.ofMillis(300)));
        hosts.add(server);
        server.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        Host client = host(true);
        Connection c = client.connect(server.fullListenAddresses().get(0));
        // open a raw yamux stream and say nothing: the server must give up on it
        gmplab.p2p.libp2p.yamux.YamuxStream raw = c.session().openStream();
        raw.setReadTimeout(5000);
        assertThatThrownBy(() -> raw.read(new byte[1], 0, 1)).isInstanceOf(StreamResetException.class);
        assertThat(client.ping(c)).isPositive();
    }

    @Test
    void nonBlockingUseWithReadinessCallbacks() throws Exception {
        Host server = host(true);
        java.util.concurrent.CompletableFuture<Stream> accepted = new java.util.concurrent.CompletableFuture<>();
        server.setStreamHandler("/park/1", accepted::complete); // the handler returns; the stream stays open
        server.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        Host client = host(true);
        Stream out = client.newStream(server.fullListenAddresses().get(0), "/park/1");
        Stream in = accepted.get(5, TimeUnit.SECONDS);
        java.util.concurrent.Semaphore ready = new java.util.concurrent.Semaphore(0);
        in.setReadinessListener(ready::release);
        byte[] buf = new byte[100];
        assertThat(in.tryRead(buf, 0, buf.length)).isZero();
        assertThat(in.isReadable()).isFalse();
        out.write("ping".getBytes(StandardCharsets.UTF_8));
        assertThat(ready.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(in.isReadable()).isTrue();
        assertThat(in.available()).isEqualTo(4);
        assertThat(new String(buf, 0, in.tryRead(buf, 0, buf.length), StandardCharsets.UTF_8)).isEqualTo("ping");
        // fill the peer's 256 KiB window without blocking: tryWrite stops at the window
        byte[] big = new byte[400 * 1024];
        int written = in.tryWrite(big, 0, big.length);
        assertThat(written).isEqualTo(256 * 1024 - 29); // the window minus the 29 bytes of multistream replies
        assertThat(in.isWritable()).isFalse();
        assertThat(in.tryWrite(big, 0, 10)).isZero();
        // the reader drains, the window reopens, and a readiness callback says so
        ready.drainPermits();
        byte[] sink = new byte[64 * 1024];
        int got = 0;
        while (got < written) {
            got += out.read(sink, 0, sink.length);
        }
        assertThat(ready.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        long deadline = System.currentTimeMillis() + 5000;
        while (!in.isWritable() && System.currentTimeMillis() < deadline) {
            ready.tryAcquire(100, TimeUnit.MILLISECONDS);
        }
        assertThat(in.isWritable()).isTrue();
        out.closeWrite();
        long d2 = System.currentTimeMillis() + 5000;
        while (in.tryRead(buf, 0, 1) == 0 && System.currentTimeMillis() < d2) {
            ready.tryAcquire(100, TimeUnit.MILLISECONDS);
        }
        assertThat(in.tryRead(buf, 0, 1)).isEqualTo(-1);
    }

    @Test
    void wildcardListenIsExpandedToInterfaceAddressesOfItsFamily() throws Exception {
        Host server = host(true);
        server.setStreamHandler(Echo.PROTOCOL_ID, Echo::handle);
        server.listen(Multiaddr.of("/ip4/0.0.0.0/tcp/0"));
        List<Multiaddr> addrs = server.fullListenAddresses();
        assertThat(addrs).allMatch(a -> a.toString().startsWith("/ip4/"));
        Multiaddr loopback = addrs.stream().filter(a -> a.toString().startsWith("/ip4/127.")).findFirst().orElseThrow();
        Stream s = host(true).newStream(loopback, Echo.PROTOCOL_ID);
        assertThat(Echo.call(s, new byte[] {4, 2})).containsExactly(4, 2);
    }
}
