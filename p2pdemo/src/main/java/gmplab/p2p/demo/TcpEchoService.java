package gmplab.p2p.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP echo service on loopback: on the real back end, what the simulated network's echo
 * service at {@link SimSession#ECHO_TARGET} is in the simulation, so that
 * {@code listen /x/echo/1.0.0 <this address>} has a real target. One daemon thread per
 * connection; at EOF it half-closes, so the reply to a request ends cleanly.
 * {@link #close} stops accepting and closes the open connections.
 */
public final class TcpEchoService implements AutoCloseable {
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public TcpEchoService() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::acceptLoop, "gmplab-p2p-echo");
        t.setDaemon(true);
        t.start();
    }

    /** The service's multiaddr ({@code /ip4/127.0.0.1/tcp/<port>}). */
    public String address() {
        return "/ip4/127.0.0.1/tcp/" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A free loopback TCP port's multiaddr (e.g. a {@code forward}'s listen address). */
    public static String freeLoopbackAddress() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return "/ip4/127.0.0.1/tcp/" + s.getLocalPort();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> echo(s), "gmplab-p2p-echo-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
            s.shutdownOutput();
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            open.remove(s);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
