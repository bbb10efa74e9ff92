package gmplab.p2p.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gmplab.p2p.libp2p.multiformats.Multiaddr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real js-libp2p peer from {@code $GMPLAB_JS_PEER} (a copy of
 * shared/interop/js-libp2p with {@code npm ci} done; CI sets it). Tests that
 * need it are skipped, with a message, when the variable is unset.
 */
final class JsPeer implements AutoCloseable {
    static final String ENV = "GMPLAB_JS_PEER";

    private final Process process;
    private final Multiaddr address;
    private final Path stderr;

    private JsPeer(Process process, Multiaddr address, Path stderr) {
        this.process = process;
        this.address = address;
        this.stderr = stderr;
    }

    static boolean available() {
        String d = System.getenv(ENV);
        return d != null && !d.isBlank() && Files.isDirectory(Path.of(d).resolve("node_modules"));
    }

    static Path dir() {
        String d = System.getenv(ENV);
        assumeTrue(d != null && !d.isBlank(), ENV + " is not set: skipping js-libp2p interop tests (CI sets it; see "
                + "p2pdemo section of README.md to set it up locally)");
        Path p = Path.of(d);
        assumeTrue(Files.isDirectory(p.resolve("node_modules")), ENV + "=" + d + " has no node_modules: run npm ci there");
        return p;
    }

    private static ProcessBuilder node(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of("node", "--import", "./polyfill.mjs"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir().toFile());
        pb.environment().put("ALLOW_LOOPBACK", "1");
        pb.environment().remove("NOISE_NO_EARLY_MUXER");
        pb.environment().putAll(env);
        return pb;
    }

    /** Starts {@code listen.mjs} on a free loopback port and waits for its multiaddr. */
    static JsPeer listen(Map<String, String> env) throws Exception {
        Path err = Files.createTempFile("js-listen", ".err");
        ProcessBuilder pb = node(env, "listen.mjs", "0").redirectError(err.toFile());
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    String l;
                    while ((l = out.readLine()) != null) {
                        if (l.contains("/p2p/")) {
                            return l.trim();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            String addr = line.get(20, TimeUnit.SECONDS);
            if (addr == null) {
                throw new IllegalStateException("listen.mjs exited: " + Files.readString(err));
            }
            // keep draining stdout so the process never blocks on it
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discard
                    }
                } catch (IOException e) {
                    // process gone
                }
            }, "js-stdout");
            drain.setDaemon(true);
            drain.start();
            return new JsPeer(p, Multiaddr.of(addr), err);
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Result of one {@code dial.mjs} run. */
    record DialResult(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code dial.mjs addr proto message}, bounded by 30 s. */
    static DialResult dial(Map<String, String> env, String addr, String proto, String message) throws Exception {
        Path out = Files.createTempFile("js-dial", ".out");
        Path err = Files.createTempFile("js-dial", ".err");
        Process p = node(env, "dial.mjs", addr, proto, message).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("dial.mjs did not finish in 30 s");
            }
            return new DialResult(p.exitValue(), Files.readString(out).trim(), Files.readString(err));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    Multiaddr address() {
        return address;
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    Process process() {
        return process;
    }

    /** SIGTERM: js-libp2p stops (GoAway) and exits. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** SIGKILL: the connection just drops. */
    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }
}
