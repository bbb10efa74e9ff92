package gmplab.p2p.libp2p.host;

import gmplab.p2p.libp2p.Libp2pException;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multiformats.PeerId;
import gmplab.p2p.libp2p.multistream.MultistreamNegotiator;
import gmplab.p2p.libp2p.noise.NoiseSecureChannel;
import gmplab.p2p.libp2p.noise.X25519;
import gmplab.p2p.libp2p.yamux.YamuxStream;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A libp2p host: TCP (Netty) + multistream-select + Noise XX + yamux, with
 * identify ({@code /ipfs/id/1.0.0}) and ping ({@code /ipfs/ping/1.0.0})
 * mounted by default.
 *
 * <p>Shape, after go-libp2p's host.Host: {@link #listen}, {@link #dial} /
 * {@link #connect}, {@link #setStreamHandler}, {@link #removeStreamHandler},
 * {@link #protocols()}, {@link #newStream}; connections and streams report
 * to {@link HostListener}s.
 *
 * <p>Threads: Netty I/O threads run the protocol state machines and never
 * block; each inbound stream is negotiated and handled on a thread of the
 * host's stream pool; user threads block on stream reads and writes.
 */
public final class Host implements AutoCloseable {
    static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("gmplab.p2p.connection");
    private static final System.Logger LOG = System.getLogger(Host.class.getName());

    private final HostConfig config;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, daemonFactory("p2p-accept"));
    private final EventLoopGroup workers;
    private final ExecutorService streamThreads = Executors.newCachedThreadPool(daemonFactory("p2p-stream"));
    private final Map<String, StreamHandler> handlers = new ConcurrentHashMap<>();
    private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final List<Channel> servers = new CopyOnWriteArrayList<>();
    private final List<Multiaddr> listenAddrs = new CopyOnWriteArrayList<>();
    private final Map<PeerId, List<Multiaddr>> peerstore = new ConcurrentHashMap<>();
    private final X25519.KeyPair noiseStaticKey = X25519.generate();
    private final byte[] noiseStaticKeySignature;
    private volatile boolean closed;

    public Host(HostConfig config) {
        this.config = config;
        this.noiseStaticKeySignature = NoiseSecureChannel.signStaticKey(config.identity(), noiseStaticKey);
        this.workers = new NioEventLoopGroup(config.ioThreads(), daemonFactory("p2p-io"));
        setStreamHandler(Identify.PROTOCOL_ID, new Identify(this)::handle);
        setStreamHandler(Ping.PROTOCOL_ID, Ping::handle);
    }

    private static java.util.concurrent.ThreadFactory daemonFactory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    NoiseSecureChannel newNoise(boolean initiator, PeerId expected) {
        return new NoiseSecureChannel(initiator, config.identity(), expected,
                config.earlyMuxer() ? List.of(gmplab.p2p.libp2p.yamux.YamuxSession.PROTOCOL_ID) : List.of(),
                noiseStaticKey, noiseStaticKeySignature);
    }

    public HostConfig config() {
        return config;
    }

    public PeerId peerId() {
        return config.identity().peerId();
    }

    // ---- listening and dialing ----

    /**
     * Listens on a TCP multiaddr ({@code /ip4/…/tcp/<port>} or {@code /ip6/…}; port 0 picks one).
     *
     * @return the bound address, without {@code /p2p/}
     */
    public Multiaddr listen(Multiaddr addr) throws IOException {
        InetSocketAddress sa = addr.toTcpSocketAddress();
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("upgrade", new UpgradeHandler(Host.this, false, null, null));
                    }
                });
        Channel server;
        try {
            server = b.bind(sa).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while binding " + addr);
        } catch (Exception e) {
            throw new IOException("cannot listen on " + addr + ": " + e.getMessage(), e);
        }
        servers.add(server);
        // keep the requested address (and family): a dual-stack socket reports 0.0.0.0 as the IPv6 wildcard
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        Multiaddr bound = Multiaddr.fromSocketAddress(new InetSocketAddress(sa.getAddress(), port));
        listenAddrs.add(bound);
        return bound;
    }

    /** The bound listen addresses; wildcard binds are expanded to this machine's interface addresses. */
    public List<Multiaddr> listenAddresses() {
        List<Multiaddr> out = new ArrayList<>();
        for (Multiaddr m : listenAddrs) {
            try {
                InetSocketAddress sa = m.toTcpSocketAddress();
                if (!sa.getAddress().isAnyLocalAddress()) {
                    out.add(m);
                    continue;
                }
                boolean v4 = sa.getAddress() instanceof Inet4Address;
                for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (!ni.isUp()) {
                        continue;
                    }
                    for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                        if ((a instanceof Inet4Address) == v4 && !a.isLinkLocalAddress()) {
                            out.add(Multiaddr.fromSocketAddress(new InetSocketAddress(a, sa.getPort())));
                        }
                    }
                }
            } catch (IOException e) {
                out.add(m);
            }
        }
        return out;
    }

    /** Listen addresses with {@code /p2p/<our id>} appended. */
    public List<Multiaddr> fullListenAddresses() {
        return listenAddresses().stream().map(m -> m.withPeerId(peerId())).toList();
    }

    /**
     * Opens a new connection to {@code addr}. When the address ends in
     * {@code /p2p/<id>}, the remote must prove that identity.
     */
    public CompletableFuture<Connection> dialAsync(Multiaddr addr) {
        CompletableFuture<Connection> f = new CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new Libp2pException("host is closed"));
            return f;
        }
        InetSocketAddress sa;
        try {
            sa = addr.toTcpSocketAddress();
        } catch (IOException e) {
            f.completeExceptionally(e);
            return f;
        }
        PeerId expected = addr.peerId().orElse(null);
        Bootstrap b = new Bootstrap().group(workers).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.dialTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("upgrade", new UpgradeHandler(Host.this, true, expected, f));
                    }
                });
        b.connect(sa).addListener(cf -> {
            if (!cf.isSuccess()) {
                f.completeExceptionally(new IOException("cannot connect to " + addr + ": " + cf.cause().getMessage(),
                        cf.cause()));
            }
        });
        return f;
    }

    /** Opens a new connection and waits for its upgrade (bounded by the dial timeout). */
    public Connection dial(Multiaddr addr) throws IOException {
        CompletableFuture<Connection> f = dialAsync(addr);
        try {
            return f.get(config.dialTimeout().toMillis() + config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while dialing " + addr);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("dial " + addr + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            f.thenAccept(Connection::close); // if it completes after all, do not leak it
            throw new IOException("dial " + addr + " timed out");
        }
    }

    /** Reuses an open connection to the address's peer, or dials. Remembers the address for the peer. */
    public Connection connect(Multiaddr addr) throws IOException {
        PeerId peer = addr.peerId().orElse(null);
        if (peer != null) {
            addAddress(peer, addr.withoutPeerId());
            Connection c = connectionTo(peer);
            if (c != null) {
                return c;
            }
        }
        return dial(addr);
    }

    /** Remembers an address for a peer (used by {@link #newStream(PeerId, String...)}). */
    public void addAddress(PeerId peer, Multiaddr addr) {
        peerstore.computeIfAbsent(peer, k -> new CopyOnWriteArrayList<>());
        List<Multiaddr> l = peerstore.get(peer);
        if (!l.contains(addr)) {
            l.add(addr);
        }
    }

    /** An open connection to {@code peer}, or null. */
    public Connection connectionTo(PeerId peer) {
        for (Connection c : connections) {
            if (c.remotePeer().equals(peer) && c.isOpen() && !c.session().goAwayReceived()) {
                return c;
            }
        }
        return null;
    }

    public List<Connection> connections() {
        return new ArrayList<>(connections);
    }

    /**
     * Opens a stream to {@code peer} for the first of {@code protocols} it
     * supports, over an existing connection or one dialed to a known address.
     */
    public Stream newStream(PeerId peer, String... protocols) throws IOException {
        Connection c = connectionTo(peer);
        if (c == null) {
            List<Multiaddr> addrs = peerstore.getOrDefault(peer, List.of());
            IOException last = null;
            for (Multiaddr a : addrs) {
                try {
                    c = dial(a.withPeerId(peer));
                    break;
                } catch (IOException e) {
                    last = e;
                }
            }
            if (c == null) {
                throw last != null ? last : new Libp2pException("no connection and no known address for " + peer);
            }
        }
        return c.newStream(protocols);
    }

    /** Connects (or reuses a connection) to a full multiaddr, then opens a stream. */
    public Stream newStream(Multiaddr addr, String... protocols) throws IOException {
        return connect(addr).newStream(protocols);
    }

    // ---- protocols ----

    public void setStreamHandler(String protocol, StreamHandler handler) {
        handlers.put(protocol, handler);
    }

    public void removeStreamHandler(String protocol) {
        handlers.remove(protocol);
    }

    /** The protocols inbound streams may select, sorted (go-libp2p's Mux().Protocols()). */
    public List<String> protocols() {
        return new ArrayList<>(new TreeMap<>(handlers).keySet());
    }

    // ---- identify and ping clients ----

    /** Asks the remote for its identify record. */
    public Identify.Info identify(Connection c) throws IOException {
        return Identify.request(c);
    }

    /** One {@code /ipfs/ping/1.0.0} round trip. */
    public java.time.Duration ping(Connection c) throws IOException {
        return Ping.ping(c);
    }

    // ---- events ----

    public void addListener(HostListener l) {
        listeners.add(l);
    }

    public void removeListener(HostListener l) {
        listeners.remove(l);
    }

    void fire(HostEvent e) {
        for (HostListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                log("listener failed on " + e + ": " + ex);
            }
        }
    }

    // ---- called by the pipeline ----

    void connectionOpened(Connection c) {
        connections.add(c);
        if (closed) {
            c.close();
            return;
        }
        fire(new HostEvent.ConnectionOpened(c));
    }

    void connectionClosed(Connection c, Throwable cause) {
        if (connections.remove(c)) {
            c.markClosed();
            fire(new HostEvent.ConnectionClosed(c, cause == null ? null : cause.getMessage()));
        }
    }

    void upgradeFailed(Channel ch, Throwable cause) {
        log("connection upgrade with " + ch.remoteAddress() + " failed: " + cause.getMessage());
    }

    void log(String msg) {
        LOG.log(System.Logger.Level.DEBUG, msg);
    }

    /** A remote opened a stream: negotiate its protocol and run the handler on a stream thread. */
    void dispatchInbound(Connection c, YamuxStream ys) {
        Stream s = c.register(ys);
        try {
            streamThreads.execute(() -> serve(s));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            ys.reset();
        }
    }

    private void serve(Stream s) {
        String proto;
        try {
            s.yamux().setReadTimeout(config.negotiationTimeout().toMillis());
            proto = MultistreamNegotiator.responder(handlers::containsKey, this::protocols)
                    .runBlocking(s.inputStream(), s.outputStream());
            s.yamux().setReadTimeout(0);
        } catch (IOException | RuntimeException e) {
            s.reset();
            return;
        }
        StreamHandler h = handlers.get(proto);
        if (h == null) {
            s.reset();
            return;
        }
        s.opened(proto);
        fire(new HostEvent.StreamOpened(s));
        try {
            h.handle(s);
        } catch (Exception e) {
            log("handler for " + proto + " failed: " + e);
            s.reset();
        }
    }

    /** GoAway and close every connection, stop listening, stop the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Channel s : servers) {
            s.close();
        }
        for (Connection c : connections) {
            c.close();
        }
        for (Connection c : connections) {
            c.channel().closeFuture().awaitUninterruptibly(1000);
        }
        streamThreads.shutdownNow();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3000);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3000);
    }
}
