package gmplab.p2p.demo;

import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.Stream;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import gmplab.p2p.libp2p.multiformats.PeerId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;

/**
 * The real back end: the project's libp2p host and real TCP sockets. Blocking I/O runs
 * on threads of its own; everything it learns (a stream arrived, bytes came in, a dial
 * finished) is posted to the {@link DaemonRunner}, which applies it on the simulation
 * thread and makes the waiting goroutine ready through the netpoller, recording the
 * event. Nothing here touches the {@link World} from another thread.
 */
public final class RealNetwork implements World.Backend {
    private final Host host;
    private final DaemonRunner runner;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gmplab-p2p-io");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> registered = new HashSet<>();

    public RealNetwork(Host host, DaemonRunner runner) {
        this.host = host;
        this.runner = runner;
    }

    // ---------------------------------------------------------------- libp2p

    @Override
    public void handlersChanged(World w) {
        for (String p : w.handlers.keySet()) {
            if (registered.add(p)) host.setStreamHandler(p, s -> incoming(w, s));
        }
        registered.removeIf(p -> {
            if (w.handlers.containsKey(p)) return false;
            host.removeStreamHandler(p);
            return true;
        });
    }

    /** Runs on the host's handler thread: hands the stream to the simulation, then pumps its bytes in. */
    private void incoming(World w, Stream s) {
        Duplex d = streamDuplex(w, s);
        runner.post("stream in " + s.protocol() + " from " + s.remotePeer(), () -> w.incomingStream(d));
        pump(w, d, s.inputStream());
    }

    private Duplex streamDuplex(World w, Stream s) {
        Duplex d = new Duplex(runner.nextId(), "stream");
        d.protocol = s.protocol();
        d.remotePeer = s.remotePeer().toString();
        d.remoteAddr = s.connection().remoteAddress().toString();
        SerialWriter out = new SerialWriter();
        d.outside = new Duplex.Outside() {
            @Override
            public void write(byte[] b) {
                out.run(() -> s.write(b));
            }

            @Override
            public void closeWrite() {
                out.run(s::close);
            }

            @Override
            public void close() {
                out.run(s::close);
            }

            @Override
            public void reset() {
                out.run(s::reset);
            }
        };
        return d;
    }

    @Override
    public void addAddrs(World w, String peer, String addr) {
        try {
            Multiaddr m = Multiaddr.parse(addr);
            if (m.components().size() > 1) host.addAddress(PeerId.parse(peer), m.withoutPeerId());
        } catch (Exception e) {
            // a bare /p2p/<id>: the peer must already be connected
        }
    }

    @Override
    public void newStream(World w, String peer, String proto, World.Pending op) {
        io.execute(() -> {
            try {
                Stream s = host.newStream(PeerId.parse(peer), proto);
                Duplex d = streamDuplex(w, s);
                runner.post("dial " + peer + " " + proto + " done", () -> complete(w, op, d, null));
                pump(w, d, s.inputStream());
            } catch (Exception e) {
                String msg = "failed to dial " + peer + ": " + e.getMessage();
                runner.post("dial " + peer + " failed", () -> complete(w, op, null, msg));
            }
        });
    }

    private static void complete(World w, World.Pending op, Duplex d, String error) {
        op.result = d;
        op.error = error;
        op.done = true;
        w.notify(op.ready);
    }

    // ---------------------------------------------------------------- TCP

    @Override
    public void dialTcp(World w, String addr, World.Pending op) {
        io.execute(() -> {
            Matcher m = SimNetwork.TCP.matcher(addr);
            try {
                if (!m.matches()) throw new IOException("unsupported multiaddr " + addr);
                Socket sock = new Socket();
                sock.connect(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))), 10_000);
                Duplex d = socketDuplex(sock);
                runner.post("tcp connected " + addr, () -> complete(w, op, d, null));
                pump(w, d, sock.getInputStream());
            } catch (ConnectException e) {
                runner.post("tcp dial failed " + addr, () ->
                        complete(w, op, null, "dial tcp " + SimNetwork.hostPort(addr) + ": connect: connection refused"));
            } catch (IOException | RuntimeException e) {
                runner.post("tcp dial failed " + addr, () ->
                        complete(w, op, null, "dial tcp " + SimNetwork.hostPort(addr) + ": " + e.getMessage()));
            }
        });
    }

    private Duplex socketDuplex(Socket sock) {
        Duplex d = new Duplex(runner.nextId(), "tcp");
        d.localAddr = "/ip4/" + sock.getLocalAddress().getHostAddress() + "/tcp/" + sock.getLocalPort();
        d.remoteAddr = "/ip4/" + sock.getInetAddress().getHostAddress() + "/tcp/" + sock.getPort();
        SerialWriter out = new SerialWriter();
        d.outside = new Duplex.Outside() {
            @Override
            public void write(byte[] b) {
                out.run(() -> {
                    OutputStream os = sock.getOutputStream();
                    os.write(b);
                    os.flush();
                });
            }

            @Override
            public void closeWrite() {
                out.run(sock::shutdownOutput);
            }

            @Override
            public void close() {
                out.run(sock::close);
            }

            @Override
            public void reset() {
                out.run(() -> {
                    sock.setSoLinger(true, 0);
                    sock.close();
                });
            }
        };
        return d;
    }

    @Override
    public String listenTcp(World w, World.TcpListener l) {
        Matcher m = SimNetwork.TCP.matcher(l.addr);
        if (!m.matches()) return "listen: unsupported multiaddr " + l.addr;
        ServerSocket ss;
        try {
            ss = new ServerSocket();
            ss.bind(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))));
        } catch (IOException e) {
            return "listen tcp " + SimNetwork.hostPort(l.addr) + ": bind: " + lower(e.getMessage());
        }
        l.addr = "/ip4/" + m.group(1) + "/tcp/" + ss.getLocalPort();
        l.outside = ss;
        w.tcpListeners.put(l.addr, l);
        io.execute(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket sock = ss.accept();
                    Duplex d = socketDuplex(sock);
                    runner.post("tcp accept " + l.addr, () -> {
                        if (l.closed) {
                            d.outside.reset();
                            return;
                        }
                        l.backlog.addLast(d);
                        w.notify(l.acceptable);
                    });
                    io.execute(() -> {
                        try {
                            pump(w, d, sock.getInputStream());
                        } catch (IOException e) {
                            runner.post("tcp reset", () -> w.reset(d));
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return null;
    }

    private static String lower(String s) {
        return s == null ? "error" : Character.toLowerCase(s.charAt(0)) + s.substring(1).replace(" (Bind failed)", "");
    }

    @Override
    public void closeTcp(World w, World.TcpListener l) {
        if (l.closed) return;
        l.closed = true;
        w.tcpListeners.remove(l.addr, l);
        try {
            ((ServerSocket) l.outside).close();
        } catch (IOException e) {
            // closing anyway
        }
        w.notify(l.acceptable);
    }

    // ---------------------------------------------------------------- bytes in

    /** Reads until EOF on this thread, posting each chunk to the simulation. */
    private void pump(World w, Duplex d, InputStream in) {
        byte[] buf = new byte[16384];
        try {
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    runner.post(d + " EOF", () -> {
                        d.in.eof = true;
                        w.notify(d.in.readable);
                    });
                    return;
                }
                if (n == 0) continue;
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                runner.post(d + " read " + n, () -> {
                    d.in.put(chunk);
                    w.notify(d.in.readable);
                });
            }
        } catch (IOException e) {
            runner.post(d + " " + (e instanceof SocketException ? "closed" : "reset"), () -> {
                if (!d.closed) {
                    d.in.reset = true;
                    w.notify(d.in.readable);
                } else {
                    d.in.eof = true;
                    w.notify(d.in.readable);
                }
            });
        }
    }

    /** Writes of one connection, in order, off the simulation thread. */
    private final class SerialWriter {
        private final ArrayDeque<IoTask> queue = new ArrayDeque<>();
        private boolean running;

        void run(IoTask t) {
            synchronized (this) {
                queue.addLast(t);
                if (running) return;
                running = true;
            }
            io.execute(this::drain);
        }

        private void drain() {
            while (true) {
                IoTask t;
                synchronized (this) {
                    t = queue.pollFirst();
                    if (t == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    t.run();
                } catch (IOException | RuntimeException e) {
                    // the reader side reports the reset
                }
            }
        }
    }

    @FunctionalInterface
    interface IoTask {
        void run() throws IOException;
    }

    public void shutdown() {
        io.shutdownNow();
    }
}
