package gmplab.fidelity;

import gmplab.cli.RuntimeSettings;
import gmplab.golang.GoProgram;
import gmplab.golang.GoRun;
import gmplab.golang.VmOptions;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Shared helpers of the fidelity tests: the programs of {@code examples/} (the repository's,
 * found by walking up from the test resources) and the real Go 1.19 recordings of
 * {@code src/test/resources/realgo/}.
 */
final class Examples {
    private Examples() { }

    /** GOMAXPROCS of the recording machine (nproc = 2), used when a recording's command sets none. */
    static final int RECORDED_NPROC = 2;

    private static final Map<String, GoProgram> COMPILED = new ConcurrentHashMap<>();

    static Path realgo() {
        try {
            return Path.of(Examples.class.getResource("/realgo/THREADS.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code examples/} of the repository: the first ancestor of the test resources that has one. */
    static Path examples() {
        for (Path p = realgo(); p != null; p = p.getParent()) {
            Path e = p.resolve("examples");
            if (Files.isRegularFile(e.resolve("go.mod"))) return e;
        }
        Path e = Path.of(System.getProperty("user.dir")).resolve("../examples").normalize();
        if (Files.isRegularFile(e.resolve("go.mod"))) return e;
        throw new IllegalStateException("examples/ not found above " + realgo());
    }

    /** Every example program (a directory of examples/ with a main.go). */
    static List<String> programs() {
        try (Stream<Path> s = Files.list(examples())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("main.go")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoProgram compile(String name) {
        return COMPILED.computeIfAbsent(name, n -> {
            try {
                String src = Files.readString(examples().resolve(n).resolve("main.go"), StandardCharsets.UTF_8);
                return GoProgram.compile(n + "/main.go", src);
            } catch (Exception e) {
                throw new AssertionError("examples/" + n + "/main.go does not compile:\n" + e.getMessage(), e);
            }
        });
    }

    /** The simulator configuration for an environment as real Go would read it (GOMAXPROCS, GODEBUG). */
    static SimConfig config(Map<String, String> env, long seed) {
        Integer procs = env.containsKey("GOMAXPROCS") ? null : RECORDED_NPROC;
        return RuntimeSettings.fromEnvironment(env, procs, seed, null, false, null)
                .withLimits(120_000_000_000L, 40_000_000L);
    }

    static RunResult run(String name, Map<String, String> env) {
        return run(name, env, 1);
    }

    static RunResult run(String name, Map<String, String> env, long seed) {
        return GoRun.run(compile(name), config(env, seed), VmOptions.defaults(), null, null);
    }

    /** {@code "GOMAXPROCS=1 GODEBUG=schedtrace=1"} → map. */
    static Map<String, String> env(String assignments) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : assignments.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    /** One real Go recording directory (COMMAND.txt, stdout.txt, stderr.txt, exitcode.txt, summary.txt). */
    record Recording(Path dir, String program, Map<String, String> env, String stdout, String stderr, int exitCode,
                     String summary) {
        /** The values of one figure over the recorded runs ({@code key: a | b | c   range=…}). */
        List<Double> figure(String key) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (.*?)(?:   (?:range=|\\(all ).*)?$")
                    .matcher(summary);
            if (!m.find()) throw new AssertionError("no figure " + key + " in " + dir.resolve("summary.txt"));
            return Stream.of(m.group(1).split(" \\| ")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Double::parseDouble).toList();
        }

        double min(String key) {
            return figure(key).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        double max(String key) {
            return figure(key).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }

    private static final Pattern COMMAND = Pattern.compile("(?m)^command: ((?:\\w+=\\S+\\s+)*)\\./(\\w+)");

    static Recording recording(String relDir) {
        Path d = realgo().resolve(relDir);
        try {
            String cmd = Files.readString(d.resolve("COMMAND.txt"));
            Matcher m = COMMAND.matcher(cmd);
            if (!m.find()) throw new AssertionError("no command line in " + d.resolve("COMMAND.txt"));
            String summary = Files.exists(d.resolve("summary.txt")) ? Files.readString(d.resolve("summary.txt")) : "";
            return new Recording(d, m.group(2), env(m.group(1)), Files.readString(d.resolve("stdout.txt")),
                    Files.readString(d.resolve("stderr.txt")),
                    Integer.parseInt(Files.readString(d.resolve("exitcode.txt")).trim()), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recording that stands for the program: realgo/NAME if it has a COMMAND.txt, else its first sub-directory with one. */
    static String canonicalRecording(String name) {
        Path d = realgo().resolve(name);
        if (Files.exists(d.resolve("COMMAND.txt"))) return name;
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> Files.exists(p.resolve("COMMAND.txt")) && Files.exists(p.resolve("stdout.txt")))
                    .map(p -> name + "/" + p.getFileName()).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no recording for " + name + " in " + d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
