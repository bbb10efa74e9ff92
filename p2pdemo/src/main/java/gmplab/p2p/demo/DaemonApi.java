package gmplab.p2p.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's local control endpoint, as kubo's API: a TCP listener on loopback only,
 * whose address is written to {@code <repo>/api} so the other {@code p2p} commands find
 * the running daemon. One request per connection: the command line, then the answer
 * ({@code ok} or {@code error} on the first line, the text after it).
 */
public final class DaemonApi implements AutoCloseable {
    private final ServerSocket server;
    private final Path apiFile;
    private final DaemonRunner runner;

    public DaemonApi(Path repo, DaemonRunner runner) throws IOException {
        this.runner = runner;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Files.createDirectories(repo);
        this.apiFile = repo.resolve("api");
        Files.writeString(apiFile, address() + "\n");
        Thread t = new Thread(this::serve, "gmplab-p2p-api");
        t.setDaemon(true);
        t.start();
    }

    /** {@code /ip4/127.0.0.1/tcp/<port>}. */
    public String address() {
        return "/ip4/" + server.getInetAddress().getHostAddress() + "/tcp/" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> answer(s), "gmplab-p2p-api-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try (s) {
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            String reply;
            if (line == null) return;
            if (line.equals("shutdown")) {
                runner.stop();
                reply = "ok\n";
            } else {
                Request r = runner.submit(Request.parse(line)).get(60, TimeUnit.SECONDS);
                reply = r.error() != null ? "error\n" + r.error() + "\n" : "ok\n" + r.output();
            }
            OutputStream out = s.getOutputStream();
            out.write(reply.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (Exception e) {
            // the client went away, or the node stopped
        }
    }

    /** Sends one command line to the daemon of {@code repo}: returns {ok|error, text}. */
    public static String[] call(Path repo, String line) throws IOException {
        Path api = repo.resolve("api");
        if (!Files.exists(api)) {
            throw new IOException("no running daemon found (" + api + " is missing); start one with ./gmplab p2p daemon");
        }
        String addr = Files.readString(api).trim();
        java.util.regex.Matcher m = SimNetwork.TCP.matcher(addr);
        if (!m.matches()) throw new IOException("bad api address in " + api + ": " + addr);
        try (Socket s = new Socket(m.group(1), Integer.parseInt(m.group(2)))) {
            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int nl = all.indexOf('\n');
            if (nl < 0) throw new IOException("the daemon closed the connection without an answer");
            return new String[]{all.substring(0, nl), all.substring(nl + 1)};
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach the daemon at " + addr + " (" + api + " is stale?)");
        }
    }

    /** The API address in {@code <repo>/api} if a daemon answers there, else null (none, or a stale file). */
    public static String running(Path repo) {
        try {
            String addr = Files.readString(repo.resolve("api")).trim();
            java.util.regex.Matcher m = SimNetwork.TCP.matcher(addr);
            if (!m.matches()) return null;
            InetAddress host = InetAddress.getByName(m.group(1));
            if (!host.isLoopbackAddress()) return null; // the API is loopback only: probe nothing else
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, Integer.parseInt(m.group(2))), 2_000);
                return addr;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The repository folder: {@code $GMPLAB_P2P_PATH}, or {@code ~/.gmplab/p2p}. */
    public static Path defaultRepo() {
        String env = System.getenv("GMPLAB_P2P_PATH");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".gmplab", "p2p");
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(apiFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
