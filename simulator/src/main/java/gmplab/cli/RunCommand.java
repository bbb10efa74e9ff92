package gmplab.cli;

import gmplab.golang.GoCompileException;
import gmplab.golang.GoProgram;
import gmplab.golang.GoRun;
import gmplab.golang.VmOptions;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import gmplab.trace.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gmplab run FILE.go}: compiles a Go program of the supported subset and runs it
 * on the simulated Go 1.19 runtime. The program's stdout goes to stdout; its stderr,
 * runtime errors and schedtrace lines go to stderr; the exit status is the program's
 * (0, 2 on panic or deadlock, N for {@code os.Exit(N)}; 1 for compile errors, as
 * {@code go run}; 3 when a time or event limit stopped it).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a Go program (the GMP Lab subset) on the simulated Go 1.19 runtime.%n"
                + "GOMAXPROCS and GODEBUG=schedtrace=N,scheddetail=1,asyncpreemptoff=1 are honoured; flags win.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.go", description = "The Go source file (package main).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the program (os.Args[1:]).")
    List<String> programArgs = new ArrayList<>();

    @Mixin
    RuntimeOptions runtime = new RuntimeOptions();

    @Option(names = "--max-time", paramLabel = "DUR", description = "Stop after this much virtual time, e.g. 10s, 500ms (default: 60s).")
    String maxTime;

    @Option(names = "--max-events", paramLabel = "N", description = "Stop after N scheduler events (default: 50000000).")
    Long maxEvents;

    @Option(names = "--ns-per-instruction", paramLabel = "NS", defaultValue = "1",
            description = "Virtual cost of one VM instruction in ns (default: ${DEFAULT-VALUE}).")
    long nsPerInstruction;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public RunCommand() {
        this(System.out, System.err, System.getenv());
    }

    RunCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("gmplab run: open " + file + ": no such file or directory");
            return 1;
        }
        GoProgram program;
        try {
            program = GoProgram.compile(file.getFileName().toString(), source);
        } catch (GoCompileException e) {
            err.println("# command-line-arguments");
            err.print(e.format());
            return 1;
        }
        SimConfig cfg = program.configure(runtime.config(env));
        if (maxTime != null || maxEvents != null) {
            long t = cfg.maxTimeNs();
            if (maxTime != null) {
                try {
                    t = parseDuration(maxTime);
                } catch (IllegalArgumentException e) {
                    err.println("gmplab run: invalid --max-time " + maxTime + ": " + e.getMessage());
                    return 2;
                }
            }
            cfg = cfg.withLimits(t, maxEvents != null ? maxEvents : cfg.maxEvents());
        }
        Simulation sim = new Simulation(cfg, out, err);
        runtime.attach(sim, err); // narration on stderr: stdout stays the program's
        VmOptions vm = VmOptions.defaults().withNsPerInstruction(nsPerInstruction);
        RunResult r = sim.run(program.newMain(GoRun.hostOf(sim), vm, programArgs));
        out.flush();
        runtime.finish(sim);
        if (r.hitLimit()) err.println("gmplab: " + r.outcome().message());
        err.flush();
        return r.exitCode();
    }

    private static final Pattern DURATION_PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|ms|s|m|h)");

    /** Parses a Go duration ({@code time.ParseDuration}): "1h30m", "1.5s", "250ms". */
    static long parseDuration(String s) {
        String t = s.trim();
        if (t.equals("0")) return 0;
        Matcher m = DURATION_PART.matcher(t);
        long total = 0;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) throw new IllegalArgumentException("not a duration");
            double v = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total += Math.round(v * unit);
            at = m.end();
        }
        if (at != t.length() || at == 0) throw new IllegalArgumentException("not a duration (use e.g. 10s, 500ms, 1m30s)");
        return total;
    }
}
