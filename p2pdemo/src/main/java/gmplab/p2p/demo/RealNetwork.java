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
import java.util.List;
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
    private Inputs inputs;

    public RealNetwork(Host host, DaemonRunner runner) {
        this.host = host;
        this.runner = runner;
    }

    private Inputs inputs(World w) {
        if (inputs == null) inputs = new Inputs(w);
        return inputs;
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
        runner.post("stream.in", Inputs.attrs(d), () -> inputs(w).streamIn(d));
        pump(w, d, s.inputStream());
    }

    private Duplex streamDuplex(World w, Stream s) {
        Duplex d = Inputs.duplex(runner.nextId(), "stream", s.protocol(), s.remotePeer().toString(),
                s.connection().remoteAddress().toString(), "");
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
                dialOk(w, op, d);
                pump(w, d, s.inputStream());
            } catch (Exception e) {
                dialErr(w, op, "failed to dial " + peer + ": " + e.getMessage());
            }
        });
    }

    private void dialOk(World w, World.Pending op, Duplex d) {
        List<String> a = new java.util.ArrayList<>(List.of(Long.toString(op.id)));
        a.addAll(Inputs.attrs(d));
        runner.post("dial.ok", a, () -> inputs(w).dialDone(op, d, null));
    }

    private void dialErr(World w, World.Pending op, String msg) {
        runner.post("dial.err", List.of(Long.toString(op.id), msg), () -> inputs(w).dialDone(op, null, msg));
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
                dialOk(w, op, d);
                pump(w, d, sock.getInputStream());
            } catch (ConnectException e) {
                dialErr(w, op, "dial tcp " + SimNetwork.hostPort(addr) + ": connect: connection refused");
            } catch (IOException | RuntimeException e) {
                dialErr(w, op, "dial tcp " + SimNetwork.hostPort(addr) + ": " + e.getMessage());
            }
        });
    }

    private Duplex socketDuplex(Socket sock) {
        Duplex d = Inputs.duplex(runner.nextId(), "tcp", "", "",
                "/ip4/" + sock.getInetAddress().getHostAddress() + "/tcp/" + sock.getPort(),
                "/ip4/" + sock.getLocalAddress().getHostAddress() + "/tcp/" + sock.getLocalPort());
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
        String requested = l.addr;
        String err = bind(w, l);
        runner.recordAnswer("tcp.listen", List.of(requested, err == null ? l.addr : "", err == null ? "" : err));
        return err;
    }

    private String bind(World w, World.TcpListener l) {
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
                    List<String> a = new java.util.ArrayList<>(List.of(l.addr));
                    a.addAll(Inputs.attrs(d));
                    runner.post("tcp.accept", a, () -> inputs(w).tcpAccept(l, d));
                    io.execute(() -> {
                        try {
                            pump(w, d, sock.getInputStream());
                        } catch (IOException e) {
                            runner.post("ioerror", List.of(Long.toString(d.id)), () -> inputs(w).ioError(d));
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
        List<String> id = List.of(Long.toString(d.id));
        try {
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    runner.post("eof", id, () -> inputs(w).eof(d));
                    return;
                }
                if (n == 0) continue;
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                runner.post("data", List.of(id.get(0), Inputs.b64(chunk)), () -> inputs(w).data(d, chunk));
            }
        } catch (IOException e) {
            runner.post("ioerror", id, () -> inputs(w).ioError(d));
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
