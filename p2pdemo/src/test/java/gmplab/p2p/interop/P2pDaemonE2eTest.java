package gmplab.p2p.interop;

import gmplab.p2p.cli.P2pCommand;
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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Starts {@code p2p daemon} in its own JVM and returns its libp2p listen multiaddr. */
    String daemon(boolean legacy) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), P2pCommand.class.getName(), "daemon", "--repo", repo.toString()));
        if (legacy) cmd.add("--legacy");
        Path err = Files.createTempFile("daemon", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
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
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        cleanup.add(ss);
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket s = ss.accept();
                    Thread c = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException e) {
                            // peer gone
                        }
                    });
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return ss.getLocalPort();
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
        assertThat(none.err()).startsWith("Error: no running daemon found");

        daemon(false);
        int port = tcpEcho();
        String target = "/ip4/127.0.0.1/tcp/" + port;
        assertThat(cli("listen", "/echo", target).err()).isEqualTo("Error: protocol name must be within '/x/' namespace\n");
        assertThat(cli("listen", ECHO, "/ip4/127.0.0.1/tcp/0").err()).isEqualTo("Error: port can not be 0\n");
        assertThat(cli("listen", ECHO, "/ip4/127.0.0.1/tcpx/1").err())
                .startsWith("Error: failed to parse multiaddr \"/ip4/127.0.0.1/tcpx/1\"");
        assertThat(cli("listen", "--allow-custom-protocol", "/echo", target).code()).isZero();
        assertThat(cli("listen", ECHO, target).code()).isZero();
        Run dup = cli("listen", ECHO, target);
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).isEqualTo("Error: listener already registered\n");
        assertThat(cli("forward", ECHO, "/ip4/127.0.0.1/tcp/" + freePort(), "/ip4/127.0.0.1/tcp/1").err())
                .isEqualTo("Error: invalid p2p multiaddr\n");
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
}
