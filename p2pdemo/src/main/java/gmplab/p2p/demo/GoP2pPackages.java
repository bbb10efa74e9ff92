package gmplab.p2p.demo;

import gmplab.golang.NativePackages;
import gmplab.golang.NativePackages.Call;
import gmplab.golang.NativePackages.GoType;
import gmplab.p2p.libp2p.MalformedMessageException;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multiformats.PeerId;
import gmplab.runtime.Action;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static gmplab.golang.NativePackages.*;

/**
 * The packages the kubo {@code p2p} code imports, as the Go program sees them, bound to a
 * {@link World}:
 * <ul>
 * <li>{@code io} — {@code Reader}, {@code Writer}, {@code Closer}, {@code EOF};</li>
 * <li>{@code github.com/libp2p/go-libp2p-peer} ({@code peer.ID}), {@code …/go-libp2p-protocol}
 *     ({@code protocol.ID}), {@code github.com/multiformats/go-multiaddr} ({@code ma.Multiaddr});</li>
 * <li>{@code github.com/libp2p/go-libp2p-net} — {@code net.Stream}, {@code net.Conn},
 *     {@code net.StreamHandler};</li>
 * <li>{@code github.com/libp2p/go-libp2p-host} — {@code p2phost.Host} (and
 *     {@code github.com/multiformats/go-multistream}'s muxer for {@code Mux().Protocols()});</li>
 * <li>{@code github.com/multiformats/go-multiaddr-net} — {@code manet.Listen}, {@code manet.Dial},
 *     {@code manet.DialArgs}, listeners and connections;</li>
 * <li>{@code gmplab/p2p/node} — the node: {@code PeerHost()}, {@code Identity()} and the
 *     command requests ({@code NextRequest}).</li>
 * </ul>
 * Every read, accept and dial that cannot complete parks the goroutine in the netpoller.
 */
public final class GoP2pPackages {
    public static final String IO = "io", PEER = "github.com/libp2p/go-libp2p-peer",
            PROTOCOL = "github.com/libp2p/go-libp2p-protocol", MA = "github.com/multiformats/go-multiaddr",
            NET = "github.com/libp2p/go-libp2p-net", HOST = "github.com/libp2p/go-libp2p-host",
            MSMUX = "github.com/multiformats/go-multistream", MANET = "github.com/multiformats/go-multiaddr-net",
            NODE = "gmplab/p2p/node";

    private final World w;
    private final NativePackages pkgs = new NativePackages();
    private final Object eof = NativePackages.error("EOF");

    private GoType reader, writer, closer, peerId, protoId, multiaddr, maImpl, conn, connImpl, stream, streamImpl,
            handlerT, muxT, hostT, hostImpl, manetConn, tcpConnImpl, manetListener, tcpListenerImpl, requestT;

    public GoP2pPackages(World w) {
        this.w = w;
        defineIo();
        defineIds();
        defineNet();
        defineHost();
        defineManet();
        defineNode();
    }

    public NativePackages packages() {
        return pkgs;
    }

    private static List<GoType> L(GoType... ts) {
        return List.of(ts);
    }

    private static Object[] pair(Object a, Object b) {
        return new Object[]{a, b};
    }

    // ---------------------------------------------------------------- io

    private void defineIo() {
        NativePackages.Package io = pkgs.define(IO, "io");
        reader = io.interfaceType("Reader");
        io.interfaceMethod(reader, "Read", func(L(BYTES), L(INT, ERROR)));
        writer = io.interfaceType("Writer");
        io.interfaceMethod(writer, "Write", func(L(BYTES), L(INT, ERROR)));
        closer = io.interfaceType("Closer");
        io.interfaceMethod(closer, "Close", func(L(), L(ERROR)));
        GoType rwc = io.interfaceType("ReadWriteCloser");
        io.interfaceMethod(rwc, "Read", func(L(BYTES), L(INT, ERROR)));
        io.interfaceMethod(rwc, "Write", func(L(BYTES), L(INT, ERROR)));
        io.interfaceMethod(rwc, "Close", func(L(), L(ERROR)));
        io.var("EOF", ERROR, eof);
    }

    // ---------------------------------------------------------------- peer, protocol, multiaddr

    private void defineIds() {
        NativePackages.Package peer = pkgs.define(PEER, "peer");
        peerId = peer.namedType("ID", STRING);
        peer.method(peerId, "Pretty", false, func(L(), L(STRING)), (c, a) -> a[0]);
        peer.method(peerId, "String", false, func(L(), L(STRING)), (c, a) -> {
            String s = javaString(a[0]);
            return goString("<peer.ID " + (s.length() > 8 ? s.substring(s.length() - 6) : s) + ">");
        });
        Native decode = (c, a) -> {
            String s = javaString(a[0]);
            try {
                return pair(goString(PeerId.parse(s).toString()), null);
            } catch (MalformedMessageException | RuntimeException e) {
                return pair(goString(""), error("failed to parse peer ID: " + e.getMessage()));
            }
        };
        peer.func("IDB58Decode", func(L(STRING), L(peerId, ERROR)), decode);
        peer.func("Decode", func(L(STRING), L(peerId, ERROR)), decode);

        NativePackages.Package protocol = pkgs.define(PROTOCOL, "protocol");
        protoId = protocol.namedType("ID", STRING);

        NativePackages.Package ma = pkgs.define(MA, "multiaddr");
        multiaddr = ma.interfaceType("Multiaddr");
        maImpl = ma.opaqueType("multiaddr");
        GoType maPtr = pointer(maImpl);
        ma.interfaceMethod(multiaddr, "String", func(L(), L(STRING)));
        ma.interfaceMethod(multiaddr, "Equal", func(L(multiaddr), L(BOOL)));
        ma.interfaceMethod(multiaddr, "ValueForProtocol", func(L(INT), L(STRING, ERROR)));
        ma.method(maImpl, "String", true, func(L(), L(STRING)), (c, a) -> goString(handle(a[0])));
        ma.method(maImpl, "Equal", true, func(L(multiaddr), L(BOOL)), (c, a) ->
                a[1] != null && handle(a[0]).equals(handle(unbox(a[1]))));
        ma.method(maImpl, "ValueForProtocol", true, func(L(INT), L(STRING, ERROR)), (c, a) -> {
            String name = switch ((int) toLong(a[1])) {
                case 4 -> "ip4";
                case 6 -> "tcp";
                case 41 -> "ip6";
                case 273 -> "udp";
                case 421 -> "p2p";
                default -> "?";
            };
            String[] parts = ((String) handle(a[0])).substring(1).split("/");
            for (int i = 0; i + 1 < parts.length; i += 2) {
                if (parts[i].equals(name) || (name.equals("p2p") && parts[i].equals("ipfs"))) {
                    return pair(goString(parts[i + 1]), null);
                }
            }
            return pair(goString(""), error("protocol not found in multiaddr"));
        });
        ma.func("NewMultiaddr", func(L(STRING), L(multiaddr, ERROR)), (c, a) -> {
            String s = javaString(a[0]);
            try {
                return pair(newMultiaddr(Multiaddr.parse(s).toString()), null);
            } catch (MalformedMessageException | RuntimeException e) {
                return pair(null, error("failed to parse multiaddr \"" + s + "\": " + e.getMessage()));
            }
        });
        ma.constant("P_IP4", INT, 4L).constant("P_TCP", INT, 6L).constant("P_IP6", INT, 41L)
                .constant("P_UDP", INT, 273L).constant("P_IPFS", INT, 421L).constant("P_P2P", INT, 421L);
        this.maPtr = maPtr;
    }

    private GoType maPtr;

    Object newMultiaddr(String text) {
        return box(maPtr, newHandle(maImpl, text));
    }

    private static String maText(Object m) {
        return m == null ? "" : handle(unbox(m));
    }

    // ---------------------------------------------------------------- net (streams)

    private void defineNet() {
        NativePackages.Package net = pkgs.define(NET, "net");
        conn = net.interfaceType("Conn");
        net.interfaceMethod(conn, "RemotePeer", func(L(), L(peerId)));
        net.interfaceMethod(conn, "RemoteMultiaddr", func(L(), L(multiaddr)));
        connImpl = net.opaqueType("conn");
        net.method(connImpl, "RemotePeer", true, func(L(), L(peerId)), (c, a) -> goString(((Duplex) handle(a[0])).remotePeer));
        net.method(connImpl, "RemoteMultiaddr", true, func(L(), L(multiaddr)), (c, a) ->
                newMultiaddr(((Duplex) handle(a[0])).remoteAddr));

        stream = net.interfaceType("Stream");
        streamImpl = net.opaqueType("stream");
        for (GoType t : List.of(stream)) {
            net.interfaceMethod(t, "Read", func(L(BYTES), L(INT, ERROR)));
            net.interfaceMethod(t, "Write", func(L(BYTES), L(INT, ERROR)));
            net.interfaceMethod(t, "Close", func(L(), L(ERROR)));
            net.interfaceMethod(t, "CloseWrite", func(L(), L(ERROR)));
            net.interfaceMethod(t, "Reset", func(L(), L(ERROR)));
            net.interfaceMethod(t, "Conn", func(L(), L(conn)));
            net.interfaceMethod(t, "Protocol", func(L(), L(protoId)));
        }
        byteMethods(net, streamImpl);
        net.method(streamImpl, "Reset", true, func(L(), L(ERROR)), (c, a) -> {
            w.reset(handle(a[0]));
            return null;
        });
        net.method(streamImpl, "Conn", true, func(L(), L(conn)), (c, a) ->
                box(pointer(connImpl), newHandle(connImpl, handle(a[0]))));
        net.method(streamImpl, "Protocol", true, func(L(), L(protoId)), (c, a) -> goString(((Duplex) handle(a[0])).protocol));
        handlerT = net.namedType("StreamHandler", func(L(stream), L()));
    }

    /** The Go value of a stream end: a {@code net.Stream} interface holding a {@code *net.stream}. */
    Object goStream(Duplex d) {
        return box(pointer(streamImpl), newHandle(streamImpl, d));
    }

    /** Read, Write and Close on an opaque type whose handle is a {@link Duplex}. */
    private void byteMethods(NativePackages.Package p, GoType impl) {
        p.method(impl, "Read", true, func(L(BYTES), L(INT, ERROR)), (c, a) -> read(c, handle(a[0]), a[1]));
        p.method(impl, "Write", true, func(L(BYTES), L(INT, ERROR)), (c, a) -> {
            Duplex d = handle(a[0]);
            byte[] b = bytes(a[1]);
            String err = w.write(d, b);
            return err == null ? pair((long) b.length, null) : pair(0L, error(err));
        });
        p.method(impl, "Close", true, func(L(), L(ERROR)), (c, a) -> {
            w.close(handle(a[0]));
            return null;
        });
        p.method(impl, "CloseWrite", true, func(L(), L(ERROR)), (c, a) -> {
            w.closeWrite(handle(a[0]));
            return null;
        });
    }

    private Object read(Call c, Duplex d, Object buf) {
        Pipe p = d.in;
        if (p.reset) return pair(0L, error(d.kind.equals("tcp") ? "connection reset by peer" : "stream reset"));
        if (len(buf) == 0) return pair(0L, null);
        if (p.available() > 0) {
            byte[] got = p.take(len(buf));
            copyInto(buf, got, 0, got.length);
            return pair((long) got.length, null);
        }
        if (p.eof) return pair(0L, eof);
        if (d.closed) return pair(0L, error(d.kind.equals("tcp") ? "use of closed network connection" : "stream closed"));
        return parkOn(c, p.readable, c2 -> read(c2, d, buf));
    }

    /** Parks the calling goroutine in the netpoller on {@code r}, then retries. */
    private static Object parkOn(Call c, Readiness r, Function<Call, Object> retry) {
        r.waiting++;
        return c.park(Action.NetWait.external(r.name), (c2, res) -> {
            r.waiting--;
            return retry.apply(c2);
        });
    }

    /** Starts the goroutines the world asked for, from the goroutine now calling a native. */
    private void startSpawns(Call c) {
        while (!w.spawns.isEmpty()) c.emit(new Action.Go(w.spawns.pollFirst(), w.spawnNames.pollFirst()));
    }

    // ---------------------------------------------------------------- host

    private void defineHost() {
        NativePackages.Package msmux = pkgs.define(MSMUX, "multistream");
        muxT = msmux.opaqueType("MultistreamMuxer");
        msmux.method(muxT, "Protocols", true, func(L(), L(STRINGS)), (c, a) -> stringSlice(w.protocols()));

        NativePackages.Package host = pkgs.define(HOST, "host");
        hostT = host.interfaceType("Host");
        host.interfaceMethod(hostT, "ID", func(L(), L(peerId)));
        host.interfaceMethod(hostT, "SetStreamHandler", func(L(protoId, handlerT), L()));
        host.interfaceMethod(hostT, "RemoveStreamHandler", func(L(protoId), L()));
        host.interfaceMethod(hostT, "NewStream", variadicFunc(L(CONTEXT, peerId, slice(protoId)), L(stream, ERROR)));
        host.interfaceMethod(hostT, "Mux", func(L(), L(pointer(muxT))));
        hostImpl = host.opaqueType("basicHost");
        host.method(hostImpl, "ID", true, func(L(), L(peerId)), (c, a) -> goString(w.selfId));
        host.method(hostImpl, "SetStreamHandler", true, func(L(protoId, handlerT), L()), (c, a) -> {
            w.setStreamHandler(javaString(a[1]), c.goFunc(a[2]));
            return null;
        });
        host.method(hostImpl, "RemoveStreamHandler", true, func(L(protoId), L()), (c, a) -> {
            w.removeStreamHandler(javaString(a[1]));
            return null;
        });
        host.method(hostImpl, "NewStream", true, variadicFunc(L(CONTEXT, peerId, slice(protoId)), L(stream, ERROR)), (c, a) -> {
            List<Object> protos = elements(a[3]);
            String peer = javaString(a[2]);
            String proto = protos.isEmpty() ? "" : javaString(protos.get(0));
            World.Pending op = w.newPending("dial " + peer);
            w.backend().newStream(w, peer, proto, op);
            startSpawns(c);
            return pending(c, op, d -> goStream(d));
        });
        host.method(hostImpl, "Mux", true, func(L(), L(pointer(muxT))), (c, a) -> newHandle(muxT, w));
    }

    /** The result of a pending dial: parks until it completes. */
    private Object pending(Call c, World.Pending op, Function<Duplex, Object> wrap) {
        if (!op.done) return parkOn(c, op.ready, c2 -> pending(c2, op, wrap));
        if (op.error != null) return pair(null, error(op.error));
        return pair(wrap.apply(op.result), null);
    }

    // ---------------------------------------------------------------- manet

    private void defineManet() {
        NativePackages.Package manet = pkgs.define(MANET, "manet");
        manetConn = manet.interfaceType("Conn");
        for (String m : List.of("Read", "Write")) manet.interfaceMethod(manetConn, m, func(L(BYTES), L(INT, ERROR)));
        manet.interfaceMethod(manetConn, "Close", func(L(), L(ERROR)));
        manet.interfaceMethod(manetConn, "CloseWrite", func(L(), L(ERROR)));
        manet.interfaceMethod(manetConn, "LocalMultiaddr", func(L(), L(multiaddr)));
        manet.interfaceMethod(manetConn, "RemoteMultiaddr", func(L(), L(multiaddr)));
        tcpConnImpl = manet.opaqueType("maConn");
        byteMethods(manet, tcpConnImpl);
        manet.method(tcpConnImpl, "LocalMultiaddr", true, func(L(), L(multiaddr)), (c, a) ->
                newMultiaddr(((Duplex) handle(a[0])).localAddr));
        manet.method(tcpConnImpl, "RemoteMultiaddr", true, func(L(), L(multiaddr)), (c, a) ->
                newMultiaddr(((Duplex) handle(a[0])).remoteAddr));

        manetListener = manet.interfaceType("Listener");
        manet.interfaceMethod(manetListener, "Accept", func(L(), L(manetConn, ERROR)));
        manet.interfaceMethod(manetListener, "Close", func(L(), L(ERROR)));
        manet.interfaceMethod(manetListener, "Multiaddr", func(L(), L(multiaddr)));
        tcpListenerImpl = manet.opaqueType("maListener");
        manet.method(tcpListenerImpl, "Accept", true, func(L(), L(manetConn, ERROR)), (c, a) -> accept(c, handle(a[0])));
        manet.method(tcpListenerImpl, "Close", true, func(L(), L(ERROR)), (c, a) -> {
            w.backend().closeTcp(w, handle(a[0]));
            return null;
        });
        manet.method(tcpListenerImpl, "Multiaddr", true, func(L(), L(multiaddr)), (c, a) ->
                newMultiaddr(((World.TcpListener) handle(a[0])).addr));

        manet.func("Listen", func(L(multiaddr), L(manetListener, ERROR)), (c, a) -> {
            World.TcpListener l = new World.TcpListener(maText(a[0]));
            String err = w.backend().listenTcp(w, l);
            startSpawns(c);
            if (err != null) return pair(null, error(err));
            return pair(box(pointer(tcpListenerImpl), newHandle(tcpListenerImpl, l)), null);
        });
        manet.func("Dial", func(L(multiaddr), L(manetConn, ERROR)), (c, a) -> {
            String addr = maText(a[0]);
            World.Pending op = w.newPending("dial " + addr);
            w.backend().dialTcp(w, addr, op);
            startSpawns(c);
            return pending(c, op, this::goTcpConn);
        });
        manet.func("DialArgs", func(L(multiaddr), L(STRING, STRING, ERROR)), (c, a) -> {
            String addr = maText(a[0]);
            java.util.regex.Matcher m = SimNetwork.TCP.matcher(addr);
            if (!m.matches()) return new Object[]{goString(""), goString(""), error(addr + " is not a 'thin waist' address")};
            return new Object[]{goString(addr.startsWith("/ip6") ? "tcp6" : "tcp4"), goString(SimNetwork.hostPort(addr)), null};
        });
    }

    Object goTcpConn(Duplex d) {
        return box(pointer(tcpConnImpl), newHandle(tcpConnImpl, d));
    }

    private Object accept(Call c, World.TcpListener l) {
        Duplex d = l.backlog.pollFirst();
        if (d != null) return pair(goTcpConn(d), null);
        if (l.closed) return pair(null, error("accept tcp " + SimNetwork.hostPort(l.addr) + ": use of closed network connection"));
        return parkOn(c, l.acceptable, c2 -> accept(c2, l));
    }

    // ---------------------------------------------------------------- node

    private void defineNode() {
        NativePackages.Package node = pkgs.define(NODE, "node");
        requestT = node.opaqueType("Request");
        node.func("PeerHost", func(L(), L(hostT)), (c, a) -> {
            if (!w.started) {
                w.started = true;
                w.spawns.addFirst(new Procs.SwarmLoop(w, this::goStream));
                w.spawnNames.addFirst(Procs.SwarmLoop.NAME);
            }
            startSpawns(c);
            return box(pointer(hostImpl), newHandle(hostImpl, w));
        });
        node.func("Identity", func(L(), L(peerId)), (c, a) -> goString(w.selfId));
        node.func("AddAddrs", func(L(peerId, multiaddr), L()), (c, a) -> {
            w.backend().addAddrs(w, javaString(a[0]), maText(a[1]));
            return null;
        });
        node.func("ListenAddrs", func(L(), L(STRINGS)), (c, a) -> stringSlice(w.listenAddrs));
        node.func("NextRequest", func(L(), L(pointer(requestT), BOOL)), (c, a) -> nextRequest(c));
        node.method(requestT, "Command", true, func(L(), L(STRING)), (c, a) -> goString(((Request) handle(a[0])).command));
        node.method(requestT, "Arguments", true, func(L(), L(STRINGS)), (c, a) -> stringSlice(((Request) handle(a[0])).args));
        node.method(requestT, "Option", true, func(L(STRING), L(STRING, BOOL)), (c, a) -> {
            Request r = handle(a[0]);
            String v = r.options.get(javaString(a[1]));
            return pair(goString(v == null ? "" : v), v != null);
        });
        node.method(requestT, "BoolOption", true, func(L(STRING), L(BOOL)), (c, a) ->
                "true".equals(((Request) handle(a[0])).options.get(javaString(a[1]))));
        node.method(requestT, "Respond", true, func(L(STRING), L()), (c, a) -> {
            w.finish(handle(a[0]), javaString(a[1]), null);
            return null;
        });
        node.method(requestT, "SetError", true, func(L(ERROR), L()), (c, a) -> {
            w.finish(handle(a[0]), null, c.errorString(a[1]));
            return null;
        });
    }

    private Object nextRequest(Call c) {
        Request r = w.requests.pollFirst();
        if (r != null) return pair(newHandle(requestT, r), true);
        if (w.requestsClosed) return pair(null, false);
        return parkOn(c, w.requestsReady, this::nextRequest);
    }

    /** The names of the packages, for error messages and docs. */
    public static List<String> paths() {
        return new ArrayList<>(List.of(IO, PEER, PROTOCOL, MA, NET, HOST, MSMUX, MANET, NODE));
    }
}
