package gmplab.p2p.cli;

import gmplab.p2p.libp2p.crypto.Identity;
import gmplab.p2p.libp2p.host.Connection;
import gmplab.p2p.libp2p.host.Echo;
import gmplab.p2p.libp2p.host.Host;
import gmplab.p2p.libp2p.host.HostConfig;
import gmplab.p2p.libp2p.host.Stream;
import gmplab.p2p.libp2p.multiformats.Multiaddr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loopback benchmark, in one run: raw TCP throughput, Java↔Java throughput
 * over one Noise+yamux stream, echo throughput against a Java and a
 * js-libp2p echo server over the same path, and connection + stream set-up
 * latency. Needs {@code --js-peer DIR} (or {@code $GMPLAB_JS_PEER}) for the
 * js-libp2p figures.
 */
@Command(name = "bench", description = "Measure loopback throughput and set-up latency (raw TCP, Java-Java, Java-JS).")
final class BenchCommand extends P2pCommand.Sub {
    static final String SINK = "/gmplab/bench/sink/1.0.0";
    private static final int CHUNK = 64 * 1024;

    @Option(names = "--mib", defaultValue = "256", description = "MiB per one-way throughput run (default: ${DEFAULT-VALUE}).")
    int mib;
    @Option(names = "--echo-mib", defaultValue = "64", description = "MiB per echo run (default: ${DEFAULT-VALUE}).")
    int echoMib;
    @Option(names = "--runs", defaultValue = "3", description = "Runs per figure; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--setups", defaultValue = "50", description = "Connections for the set-up latency (default: ${DEFAULT-VALUE}).")
    int setups;
    @Option(names = "--js-peer", paramLabel = "DIR", description = "js-libp2p peer folder with node_modules (default: $GMPLAB_JS_PEER).")
    Path jsPeer;

    private PrintWriter out;

    @Override
    int run0() throws Exception {
        out = spec.commandLine().getOut();
        long bytes = (long) mib << 20;
        out.printf("loopback benchmark: %d MiB one-way, %d MiB echo, median of %d runs, %d set-ups%n", mib, echoMib, runs,
                setups);
        lastMib = mib;
        double raw = median(() -> rawTcp(bytes));
        double rawCpu = lastCpuMsPerMib;
        out.printf("raw TCP (java.net socket, 64 KiB writes)      %9.1f MiB/s   cpu %.2f ms/MiB%n", raw, rawCpu);
        out.flush();
        try (Host server = new Host(HostConfig.defaults(Identity.generate()));
                Host client = new Host(HostConfig.defaults(Identity.generate()))) {
            server.setStreamHandler(Echo.PROTOCOL_ID, Echo::handle);
            server.setStreamHandler(SINK, BenchCommand::sink);
            server.listen(Multiaddr.of("/ip4/127.0.0.1/tcp/0"));
            Multiaddr addr = server.fullListenAddresses().get(0);
            Connection c = client.connect(addr);
            oneWay(c, 32L << 20); // warm-up
            echo(c, 16L << 20);
            double jj = median(() -> oneWay(c, bytes));
            out.printf("Java->Java one stream (Noise+yamux), one-way  %9.1f MiB/s   cpu %.2f ms/MiB  (%.0f%% of raw TCP)%n",
                    jj, lastCpuMsPerMib, 100 * jj / raw);
            out.flush();
            lastMib = echoMib;
            double je = median(() -> echo(c, (long) echoMib << 20));
            out.printf("Java->Java echo, one stream                   %9.1f MiB/s   cpu %.2f ms/MiB (both hosts)%n", je,
                    lastCpuMsPerMib);
            out.flush();
            double jset = setupLatency(client, addr);
            out.printf("Java->Java set-up (TCP+Noise+yamux+stream+1 echo), median %.2f ms%n", jset);
            out.flush();
            Path dir = jsPeer != null ? jsPeer : envPath();
            if (dir == null) {
                out.println("js-libp2p: skipped (no --js-peer and no $GMPLAB_JS_PEER)");
                out.flush();
                return 0;
            }
            Process js = startJs(dir);
            try {
                Multiaddr jsAddr = Multiaddr.of(readAddr(js));
                Connection jc = client.connect(jsAddr);
                echo(jc, 4L << 20); // warm-up
                double jsEcho = median(() -> echo(jc, (long) echoMib << 20));
                out.printf("Java->JS echo, one stream                     %9.1f MiB/s   cpu %.2f ms/MiB (Java client only)"
                        + "  (Java server / JS server = %.1fx)%n", jsEcho, lastCpuMsPerMib, je / jsEcho);
                out.flush();
                double jsSet = setupLatency(client, jsAddr);
                out.printf("Java->JS set-up (TCP+Noise+yamux+stream+1 echo), median %.2f ms%n", jsSet);
                out.flush();
                // the same js-libp2p dialer against both listeners: dial.mjs reports dialProtocol's time
                double toJava = jsDialerSetup(dir, addr);
                double toJs = jsDialerSetup(dir, jsAddr);
                out.printf("JS dialer set-up (dialProtocol) to the Java host, median %.1f ms; to js-libp2p, median %.1f ms%n",
                        toJava, toJs);
                out.flush();
            } finally {
                js.destroy();
                if (!js.waitFor(5, TimeUnit.SECONDS)) {
                    js.destroyForcibly();
                }
            }
        }
        return 0;
    }

    interface Run {
        double mibPerSecond() throws Exception;
    }

    /** This JVM's CPU time (all threads, both hosts) over the last {@link #median} call, in ms per MiB moved. */
    private double lastCpuMsPerMib;
    private long lastMib;

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
    }

    private double median(Run r) throws Exception {
        double[] v = new double[runs];
        long cpu0 = processCpuNanos();
        for (int i = 0; i < runs; i++) {
            v[i] = r.mibPerSecond();
        }
        long cpu1 = processCpuNanos();
        lastCpuMsPerMib = (cpu1 - cpu0) / 1e6 / (runs * (double) lastMib);
        Arrays.sort(v);
        return v[runs / 2];
    }

    private static double rate(long bytes, long nanos) {
        return (bytes / 1048576.0) / (nanos / 1e9);
    }

    /** Plain blocking sockets: one thread writes, one reads and discards. */
    static double rawTcp(long bytes) throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
                try (Socket s = ss.accept(); InputStream in = s.getInputStream()) {
                    byte[] buf = new byte[CHUNK];
                    long total = 0;
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        total += n;
                    }
                    return System.nanoTime();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
                s.setTcpNoDelay(true);
                OutputStream o = s.getOutputStream();
                byte[] buf = new byte[CHUNK];
                long t0 = System.nanoTime();
                for (long sent = 0; sent < bytes; sent += CHUNK) {
                    o.write(buf);
                }
                s.shutdownOutput();
                long t1 = reader.get(120, TimeUnit.SECONDS);
                return rate(bytes, t1 - t0);
            }
        }
    }

    /** Sink server: read everything, then answer one byte. */
    static void sink(Stream s) throws IOException {
        byte[] buf = new byte[CHUNK];
        while (s.read(buf) >= 0) {
            // discard
        }
        s.write(new byte[] {1});
        s.closeWrite();
    }

    static double oneWay(Connection c, long bytes) throws IOException {
        Stream s = c.newStream(SINK);
        byte[] buf = new byte[CHUNK];
        long t0 = System.nanoTime();
        for (long sent = 0; sent < bytes; sent += CHUNK) {
            s.write(buf);
        }
        s.closeWrite();
        byte[] ack = s.readAllBytes();
        long t1 = System.nanoTime();
        if (ack.length != 1) {
            throw new IOException("sink did not acknowledge");
        }
        return rate(bytes, t1 - t0);
    }

    /** Writes {@code bytes} on an echo stream while reading the echo back; rate = bytes / time. */
    static double echo(Connection c, long bytes) throws Exception {
        Stream s = c.newStream(Echo.PROTOCOL_ID);
        long t0 = System.nanoTime();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            byte[] buf = new byte[CHUNK];
            try {
                for (long sent = 0; sent < bytes; sent += CHUNK) {
                    s.write(buf);
                }
                s.closeWrite();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        byte[] buf = new byte[CHUNK];
        long got = 0;
        int n;
        while ((n = s.read(buf)) >= 0) {
            got += n;
        }
        long t1 = System.nanoTime();
        writer.get(10, TimeUnit.SECONDS);
        if (got != bytes) {
            throw new IOException("echo returned " + got + " of " + bytes + " bytes");
        }
        return rate(bytes, t1 - t0);
    }

    /** Median milliseconds for a fresh connection, one echo stream and one small round trip. */
    double setupLatency(Host client, Multiaddr addr) throws IOException {
        List<Double> ms = new ArrayList<>();
        byte[] hello = "hi".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < setups; i++) {
            long t0 = System.nanoTime();
            Connection c = client.dial(addr);
            Stream s = c.newStream(Echo.PROTOCOL_ID);
            s.write(hello);
            byte[] back = new byte[2];
            int n = s.inputStream().readNBytes(back, 0, 2);
            long t1 = System.nanoTime();
            if (n != 2) {
                throw new IOException("no echo during set-up run");
            }
            ms.add((t1 - t0) / 1e6);
            s.close();
            c.close();
        }
        ms.sort(null);
        return ms.get(ms.size() / 2);
    }

    /** Median of dial.mjs's own "connected … in N ms" over a few runs (node start-up excluded). */
    private double jsDialerSetup(Path dir, Multiaddr target) throws Exception {
        List<Double> ms = new ArrayList<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(" in (\\d+)ms");
        for (int i = 0; i < 5; i++) {
            ProcessBuilder pb = new ProcessBuilder("node", "--import", "./polyfill.mjs", "dial.mjs", target.toString(),
                    Echo.PROTOCOL_ID, "bench").directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process proc = pb.start();
            String err;
            try {
                err = new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!proc.waitFor(30, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                    throw new IOException("dial.mjs failed: " + err);
                }
            } finally {
                proc.destroyForcibly();
            }
            java.util.regex.Matcher m = p.matcher(err);
            if (m.find()) {
                ms.add(Double.parseDouble(m.group(1)));
            }
        }
        if (ms.isEmpty()) {
            return Double.NaN;
        }
        ms.sort(null);
        return ms.get(ms.size() / 2);
    }

    private static Path envPath() {
        String d = System.getenv("GMPLAB_JS_PEER");
        return d == null || d.isBlank() ? null : Path.of(d);
    }

    private static Process startJs(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IOException(dir + " has no node_modules: run npm ci there");
        }
        ProcessBuilder pb = new ProcessBuilder("node", "--import", "./polyfill.mjs", "listen.mjs", "0")
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("ALLOW_LOOPBACK", "1");
        pb.environment().put("SEED_HEX", "00".repeat(31) + "09");
        return pb.start();
    }

    private static String readAddr(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = r.readLine()) != null) {
                    if (l.contains("/p2p/")) {
                        return l.trim();
                    }
                }
            } catch (IOException e) {
                // fall through
            }
            return null;
        });
        String a = f.get(20, TimeUnit.SECONDS);
        if (a == null) {
            throw new IOException("listen.mjs did not print its address");
        }
        Thread drain = new Thread(() -> {
            try {
                while (r.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return a;
    }
}
