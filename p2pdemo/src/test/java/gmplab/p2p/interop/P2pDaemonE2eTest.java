package gmplab.p2p.interop;

import gmplab.p2p.cli.P2pCommand;
import gmplab.p2p.libp2p.StreamResetException;
import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Echo;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.host.Stream;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * End to end on loopback with real processes: {@code p2p daemon} (a separate JVM running
 * the kubo code on the simulated runtime with the real libp2p host), the client commands
 * finding it through its repo, a local TCP echo server, and a remote libp2p peer (the
 * project's Java host; the js-libp2p peer too when {@code $GMPLAB_JS_PEER} is set).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class P2pDaemonE2eTest {
    static final String ECHO = "/x/echo/1.0.0";

    @TempDir
    Path repo;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) cleanup.get(i).close();
    }

    record Run(int code, String out, String err) { }

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new P2pCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> a = new ArrayList<>(List.of(args));
        int at = a.get(0).equals("stream") ? 2 : 1;
        a.add(at, "--repo");
        a.add(at + 1, repo.toString());
        int code = cl.execute(a.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static List<String> daemonCommand(Path repo, boolean legacy, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), P2pCommand.class.getName(), "daemon", "--repo", repo.toString()));
        if (legacy) cmd.add("--legacy");
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /** Starts {@code p2p daemon} (with {@code extra} options) in its own JVM and returns its libp2p listen multiaddr. */
    String daemon(boolean legacy, String... extra) throws Exception {
        Path err = Files.createTempFile("daemon", ".err");
        Process p = new ProcessBuilder(daemonCommand(repo, legacy, extra)).redirectError(err.toFile()).start();
        cleanup.add(() -> {
            p.getOutputStream().close(); // end of console input
            Run r = cli("ls"); // still answering after the console closed
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            assertThat(r.code()).isZero();
        });
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                String addr = null;
                for (String l; (l = out.readLine()) != null; ) {
                    if (addr == null && l.contains("/p2p/")) addr = l.trim();
                    if (l.startsWith("Daemon is ready")) return addr;
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String addr = first.get(60, TimeUnit.SECONDS);
        assertThat(addr).as(Files.readString(err)).matches("/ip4/127\\.0\\.0\\.1/tcp/\\d+/p2p/12D3KooW\\w+");
        // the control endpoint, as the clients find it, is on loopback only
        assertThat(Files.readString(repo.resolve("api")).trim()).matches("/ip4/127\\.0\\.0\\.1/tcp/\\d+");
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return addr;
    }

    /** A local TCP echo service; returns its port. */
    int tcpEcho() throws IOException {
        gmplab.p2p.demo.TcpEchoService echo = new gmplab.p2p.demo.TcpEchoService();
        cleanup.add(echo);
        return echo.port();
    }

    Host javaPeer() throws IOException {
        Host h = new Host(HostConfig.defaults(Identity.generate()));
        cleanup.add(h);
        h.setStreamHandler(ECHO, Echo::handle);
        h.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
        return h;
    }

    /** Connects to a forwarded TCP port, writes, reads the same number of bytes back. */
    static String roundTrip(int port, String msg) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(msg.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] b = in.readNBytes(msg.length());
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aDaemonStartedInATerminalIsWatchedThroughItsJournal() throws Exception {
        Path journal = repo.resolve("journal.tsv");
        String daemon = daemon(true, "--record", journal.toString(), "--gomaxprocs", "3");
        int port = tcpEcho();
        String target = "/ip4/127.0.0.1/tcp/" + port;
        gmplab.p2p.demo.JournalNode node = new gmplab.p2p.demo.JournalNode(journal, repo);
        assertThat(node.version()).isEqualTo(gmplab.p2p.demo.ListenerDemo.Version.BLOG_ERA);
        assertThat(daemon).endsWith(node.listenAddrs().get(0));
        node.act(new gmplab.p2p.demo.P2pAction.Command("listen " + ECHO + " " + target));
        Stream s = javaPeer().newStream(Multiaddr.of(daemon), ECHO);
        s.write("watched\n".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(s.inputStream().readNBytes(8), StandardCharsets.UTF_8)).isEqualTo("watched\n");

        gmplab.p2p.demo.P2pRun r = gmplab.p2p.demo.Runs.await(node, run -> !run.registries().at(run.recording().size() - 1).streams().isEmpty());
        var end = r.registries().at(r.recording().size() - 1);
        assertThat(end.listeners()).singleElement().satisfies(l -> assertThat(l.running()).isEqualTo("true"));
        assertThat(end.streams()).singleElement().satisfies(st -> assertThat(st.protocol()).isEqualTo(ECHO));
        assertThat(r.recording().snapshotAt(0).gomaxprocs()).as("the journal names the daemon's GOMAXPROCS").isEqualTo(3);
        assertThat(r.transcript()).anyMatch(l -> l.text().equals("> listen " + ECHO + " " + target));
        assertThatThrownBy(() -> node.act(new gmplab.p2p.demo.P2pAction.CloseWrite("s1")))
                .isInstanceOf(IllegalArgumentException.class);
        s.close();
    }

    @Test
    void listenBridgesLibp2pStreamsToTheLocalService() throws Exception {
        String daemon = daemon(false);
        int port = tcpEcho();
        String target = "/ip4/127.0.0.1/tcp/" + port;
        assertThat(cli("listen", ECHO, target).code()).isZero();
        Run ls = cli("ls", "-v");
        assertThat(ls.out()).contains("Protocol").contains(ECHO).contains(target);

        Host peer = javaPeer();
        for (String msg : List.of("hello through the simulated kubo code", "again")) {
            Stream s = peer.newStream(Multiaddr.of(daemon), ECHO);
            assertThat(new String(Echo.call(s, msg.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)).isEqualTo(msg);
        }
        if (JsPeer.available()) {
            JsPeer.DialResult r = JsPeer.dial(Map.of(), daemon, ECHO, "hello from js-libp2p");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).contains("hello from js-libp2p");
        }

        // close: the handler is gone, new streams are refused; nothing is listed
        assertThat(cli("close", "-p", ECHO).out()).contains("Closed 1 stream(s)");
        assertThatThrownBy(() -> Echo.call(peer.newStream(Multiaddr.of(daemon), ECHO), "x".getBytes()))
                .isInstanceOf(IOException.class);
        assertThat(cli("ls").out()).isEmpty();
        assertThat(cli("stream", "ls").out()).isEmpty();
    }

    @Test
    void fixedForwardsEveryConnection() throws Exception {
        daemon(false);
        String remote = remoteEchoPeer();
        int port = freePort();
        Run f = cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + port, remote);
        assertThat(f.code()).as(f.err()).isZero();
        for (String m : List.of("one", "two", "three")) assertThat(roundTrip(port, m)).isEqualTo(m);
        assertThat(cli("ls").out()).contains("/ip4/127.0.0.1/tcp/" + port);
    }

    @Test
    void legacyForwardsOnlyTheFirstConnection() throws Exception {
        daemon(true);
        String remote = remoteEchoPeer();
        int port = freePort();
        Run f = cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + port, remote);
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(roundTrip(port, "one")).isEqualTo("one");
        Thread.sleep(300);
        assertThatThrownBy(() -> roundTrip(port, "two")).isInstanceOf(IOException.class);
        // Running never cleared: still listed
        assertThat(cli("ls").out()).contains("/ip4/127.0.0.1/tcp/" + port);
    }

    /** The JS listener when available, else the Java host: a peer echoing /x/echo/1.0.0. */
    String remoteEchoPeer() throws Exception {
        if (JsPeer.available()) {
            JsPeer js = JsPeer.listen(Map.of());
            cleanup.add(js);
            return js.address().toString();
        }
        return javaPeer().fullListenAddresses().get(0).toString();
    }

    @Test
    void badInputGetsKubosMessagesAndLeavesNothingOpen() throws Exception {
        Run none = cli("ls");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("Error: this command must be run in online mode. Try running './gmplab p2p daemon' first\n");

        String daemon = daemon(false);
        int port = tcpEcho();
        String target = "/ip4/127.0.0.1/tcp/" + port;
        Host peer = javaPeer();
        assertThat(cli("listen", "/echo", target).err()).isEqualTo("Error: protocol name must be within '/x/' namespace\n");
        assertRefused(peer, daemon, "/echo"); // no stream handler left behind
        assertThat(cli("listen", ECHO, "/ip4/127.0.0.1/tcp/0").err()).isEqualTo("Error: port can not be 0\n");
        assertThat(cli("listen", ECHO, "/ip4/127.0.0.1/tcpx/1").err())
                .startsWith("Error: failed to parse multiaddr \"/ip4/127.0.0.1/tcpx/1\"");
        assertThat(cli("listen", ECHO, "/ip4/1.2.3/tcp/1").err()).startsWith("Error: failed to parse multiaddr \"/ip4/1.2.3/tcp/1\"");
        assertThat(cli("listen", ECHO, "/ip4/127.0.0.1").err()).isEqualTo("Error: address does not contain tcp or udp protocol\n");
        assertRefused(peer, daemon, ECHO);
        assertThat(cli("ls").out()).isEmpty();
        assertThat(cli("listen", "--allow-custom-protocol", "/echo", target).code()).isZero();
        assertThat(cli("listen", ECHO, target).code()).isZero();
        Run dup = cli("listen", ECHO, target);
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).isEqualTo("Error: listener already registered\n");
        // the refused duplicate did not disturb the first listener
        assertThat(new String(Echo.call(peer.newStream(Multiaddr.of(daemon), ECHO), "still".getBytes()))).isEqualTo("still");
        int badPeerPort = freePort();
        assertThat(cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + badPeerPort, "/ip4/127.0.0.1/tcp/1").err())
                .isEqualTo("Error: invalid p2p multiaddr\n");
        assertThat(cli("forward", "/y", "/ip4/127.0.0.1/tcp/" + badPeerPort, "/p2p/" + Identity.generate().peerId()).err())
                .isEqualTo("Error: protocol name must be within '/x/' namespace\n");
        assertThat(cli("forward", ECHO, "/ip4/127.0.0.1/tcpx/" + badPeerPort, "/p2p/" + Identity.generate().peerId()).err())
                .startsWith("Error: failed to parse multiaddr");
        assertPortClosed(badPeerPort); // no TCP listener left behind
        // a duplicate forward: the port is taken, the first forward stays
        int taken = freePort();
        String someone = "/p2p/" + Identity.generate().peerId();
        assertThat(cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + taken, someone).code()).isZero();
        assertThat(cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + taken, someone).err())
                .isEqualTo("Error: listen tcp 127.0.0.1:" + taken + ": bind: address already in use\n");
        assertThat(cli("close", "-l", "/ip4/127.0.0.1/tcp/" + taken).out()).isEqualTo("Closed 1 stream(s)\n");
        assertPortClosed(taken);
        // an unknown peer: the forward is set up (kubo dials per connection), each connection is then closed
        int unknownPort = freePort();
        String unknown = "/p2p/" + Identity.generate().peerId();
        assertThat(cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + unknownPort, unknown).code()).isZero();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), unknownPort)) {
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(cli("close", "-l", "/ip4/127.0.0.1/tcp/" + unknownPort).out()).isEqualTo("Closed 1 stream(s)\n");
        assertThat(cli("close").err()).isEqualTo("Error: no matching options given\n");
        assertThat(cli("close", "-a", "-p", ECHO).err()).isEqualTo("Error: can't combine --all with other matching options\n");
        assertThat(cli("stream", "close").err()).isEqualTo("Error: no id specified\n");
        assertThat(cli("ls").out().lines().count()).isEqualTo(2);
        assertThat(cli("close", "-a").out()).isEqualTo("Closed 2 stream(s)\n");
        assertThat(cli("ls").out()).isEmpty();
    }

    @Test
    void streamLsShowsOpenStreamsAndStreamCloseEndsThem() throws Exception {
        String daemon = daemon(false);
        String remote = remoteEchoPeer(); // js-libp2p when available
        String remoteId = remote.substring(remote.indexOf("/p2p/"));
        int fwd = freePort();
        assertThat(cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + fwd, remote).code()).isZero();
        String target = "/ip4/127.0.0.1/tcp/" + tcpEcho();
        assertThat(cli("listen", ECHO, target).code()).isZero();

        // two TCP connections through the forward, one libp2p stream through the listener, all kept open
        // (one after the other: for concurrent ones see fixedForwardsConcurrentConnections)
        Socket a = connect(fwd);
        assertThat(exchange(a, "a1")).isEqualTo("a1");
        Socket b = connect(fwd);
        assertThat(exchange(b, "b1")).isEqualTo("b1");
        Host peer = javaPeer();
        Stream s = peer.newStream(Multiaddr.of(daemon), ECHO);
        s.setReadTimeout(Duration.ofSeconds(10));
        assertThat(exchange(s, "s1")).isEqualTo("s1");

        // kubo's table: HandlerID, Protocol, Origin, Target; with -v a header before each row
        List<String> rows = cli("stream", "ls").out().lines().toList();
        assertThat(rows).hasSize(3);
        String rowA = row(rows, "/ip4/127.0.0.1/tcp/" + a.getLocalPort() + " ");
        assertThat(rowA).matches("\\d+ +" + ECHO + " +/ip4/127\\.0\\.0\\.1/tcp/" + a.getLocalPort() + " +" + remoteId);
        assertThat(row(rows, "/ip4/127.0.0.1/tcp/" + b.getLocalPort() + " ")).endsWith(remoteId);
        assertThat(row(rows, "/p2p/" + peer.peerId() + " ")).endsWith(" " + target);
        List<String> verbose = cli("stream", "ls", "-v").out().lines().toList();
        assertThat(verbose).hasSize(6);
        assertThat(verbose.stream().filter(l -> l.matches("ID +Protocol +Origin +Target"))).hasSize(3);

        // stream close <id>: that stream only
        String idA = rowA.split(" ")[0];
        Run closed = cli("stream", "close", idA);
        assertThat(closed.code()).as(closed.err()).isZero();
        assertThat(closed.out()).isEmpty();
        assertEnded(a);
        assertThat(exchange(b, "b2")).isEqualTo("b2");
        assertThat(cli("stream", "ls").out()).doesNotContain("/tcp/" + a.getLocalPort() + " ").hasLineCount(2);

        // closing the listeners does not touch the streams they made (kubo: "Does not affect child streams")
        assertThat(cli("close", "-a").out()).isEqualTo("Closed 2 stream(s)\n");
        assertThat(cli("ls").out()).isEmpty();
        assertThat(exchange(b, "b3")).isEqualTo("b3");
        assertThat(exchange(s, "s2")).isEqualTo("s2");
        assertThat(cli("stream", "ls").out()).hasLineCount(2);

        // stream close -a: every bridged stream is reset
        assertThat(cli("stream", "close", "-a").code()).isZero();
        assertEnded(b);
        assertThatThrownBy(() -> s.read(new byte[1])).isInstanceOf(StreamResetException.class);
        assertThat(cli("stream", "ls").out()).isEmpty();
    }

    /**
     * Connections that arrive together: each has its goroutine dialing the same peer at once.
     * Fails while World.newPending names every dial to a peer alike ("dial <peer>"): the
     * netpoller wakes waiters by that name, so a completion can wake the other dialer, and
     * the goroutine whose dial completed first stays parked (its connection hangs).
     */
    @Test
    void fixedForwardsConcurrentConnections() throws Exception {
        daemon(false);
        String remote = remoteEchoPeer();
        int fwd = freePort();
        assertThat(cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + fwd, remote).code()).isZero();
        List<Socket> conns = new ArrayList<>();
        for (int i = 0; i < 3; i++) conns.add(connect(fwd));
        for (int i = 0; i < conns.size(); i++) assertThat(exchange(conns.get(i), "c" + i)).as("connection " + i).isEqualTo("c" + i);
        assertThat(cli("stream", "ls").out()).hasLineCount(3);
    }

    @Test
    void legacyCloseResetsTheStreamsWaitingForTheAcceptLoop() throws Exception {
        String daemon = daemon(true);
        int stuck = unresponsiveTarget();
        assertThat(cli("listen", ECHO, "/ip4/127.0.0.1/tcp/" + stuck).code()).isZero();
        Host peer = javaPeer();
        // the blog-era accept loop takes the first stream and hangs dialing the target (10 s time-out) ...
        Stream first = peer.newStream(Multiaddr.of(daemon), ECHO);
        Thread.sleep(500);
        // ... so the handler of the second one waits on conCh: the stream is pending
        Stream pending = peer.newStream(Multiaddr.of(daemon), ECHO);
        Thread.sleep(500);
        assertThat(cli("stream", "ls").out()).isEmpty();
        assertThat(cli("close", "-p", ECHO).out()).isEqualTo("Closed 1 stream(s)\n");
        // ctx.Done() wins the handler's select: the pending stream is reset, well before the dial time-out
        pending.setReadTimeout(Duration.ofSeconds(5));
        assertThatThrownBy(() -> pending.read(new byte[1])).isInstanceOf(StreamResetException.class);
        assertRefused(peer, daemon, ECHO);
        first.reset();
    }

    @Test
    void fixedCloseRefusesNewStreamsAndLeavesNoAcceptLoop() throws Exception {
        String daemon = daemon(false);
        String target = "/ip4/127.0.0.1/tcp/" + tcpEcho();
        assertThat(cli("listen", ECHO, target).code()).isZero();
        Host peer = javaPeer();
        assertThat(new String(Echo.call(peer.newStream(Multiaddr.of(daemon), ECHO), "x".getBytes()))).isEqualTo("x");
        assertThat(cli("close", "-t", target).out()).isEqualTo("Closed 1 stream(s)\n");
        assertRefused(peer, daemon, ECHO);
        // the protocol is free again: a new listener takes it (the old one is gone from the registry)
        assertThat(cli("listen", ECHO, target).code()).isZero();
        assertThat(new String(Echo.call(peer.newStream(Multiaddr.of(daemon), ECHO), "y".getBytes()))).isEqualTo("y");
    }

    @Test
    void legacyBadInputLeavesNothingOpen() throws Exception {
        String daemon = daemon(true);
        String target = "/ip4/127.0.0.1/tcp/" + tcpEcho();
        Host peer = javaPeer();
        assertThat(cli("listen", "/echo", target).err()).isEqualTo("Error: protocol name must be within '/x/' namespace\n");
        assertRefused(peer, daemon, "/echo");
        assertThat(cli("listen", ECHO, "/ip4/127.0.0.1/tcp/0").err()).isEqualTo("Error: port can not be 0\n");
        assertThat(cli("listen", ECHO, target).code()).isZero();
        assertThat(cli("listen", ECHO, target).err()).isEqualTo("Error: protocol handler already registered\n");
        // (no half-close here: the blog-era bridge closes both ends at the first EOF)
        Stream s = peer.newStream(Multiaddr.of(daemon), ECHO);
        s.setReadTimeout(Duration.ofSeconds(10));
        assertThat(exchange(s, "z")).isEqualTo("z");
        // the blog-era Dial opens its stream first: an unknown peer fails the command, no port is bound
        int port = freePort();
        String unknown = Identity.generate().peerId().toString();
        Run f = cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + port, "/p2p/" + unknown);
        assertThat(f.code()).isEqualTo(1);
        assertThat(f.err()).startsWith("Error: failed to dial " + unknown);
        assertPortClosed(port);
        assertThat(cli("ls").out()).hasLineCount(1);
    }

    @Test
    void aSecondDaemonOnTheSameRepoIsRefused() throws Exception {
        daemon(false);
        String api = Files.readString(repo.resolve("api"));
        Process second = new ProcessBuilder(daemonCommand(repo, false)).redirectErrorStream(true).start();
        second.getOutputStream().close();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.exitValue()).as(out).isEqualTo(1);
        assertThat(out).startsWith("Error: someone else has the lock: a p2p daemon is already running on " + repo);
        assertThat(Files.readString(repo.resolve("api"))).isEqualTo(api);
        assertThat(cli("ls").code()).isZero();
    }

    static String row(List<String> rows, String part) {
        return rows.stream().filter(r -> r.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + part + " in " + rows));
    }

    Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        cleanup.add(s);
        s.setSoTimeout(10_000);
        return s;
    }

    static String exchange(Socket s, String msg) throws IOException {
        s.getOutputStream().write(msg.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return new String(s.getInputStream().readNBytes(msg.length()), StandardCharsets.UTF_8);
    }

    static String exchange(Stream s, String msg) throws IOException {
        s.write(msg.getBytes(StandardCharsets.UTF_8));
        return new String(s.inputStream().readNBytes(msg.length()), StandardCharsets.UTF_8);
    }

    /** The daemon ended this TCP connection: EOF or a reset, not a read time-out. */
    static void assertEnded(Socket s) {
        try {
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection is still open", e);
        } catch (IOException e) {
            // reset: ended too
        }
    }

    /** No handler for {@code proto}: opening a stream on it fails. */
    static void assertRefused(Host peer, String daemon, String proto) {
        assertThatThrownBy(() -> {
            Stream s = peer.newStream(Multiaddr.of(daemon), proto);
            s.setReadTimeout(Duration.ofSeconds(10));
            s.write("?".getBytes());
            s.read(new byte[1]);
        }).isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
    }

    static void assertPortClosed(int port) {
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    /** A loopback TCP port whose accept queue is full: connecting to it hangs (the SYNs are dropped). */
    int unresponsiveTarget() throws IOException {
        ServerSocket ss = new ServerSocket();
        cleanup.add(ss);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            cleanup.add(s);
            try {
                s.connect(ss.getLocalSocketAddress(), 500);
            } catch (SocketTimeoutException e) {
                return ss.getLocalPort();
            }
        }
        throw new AssertionError("the accept queue of " + ss + " never filled up");
    }
}
