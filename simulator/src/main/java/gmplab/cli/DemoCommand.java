package gmplab.cli;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import gmplab.trace.ChromeTrace;
import gmplab.trace.Event;
import gmplab.trace.Narrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gmplab demo NAME}: runs a built-in workload on the simulated runtime. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a built-in workload on the simulated Go 1.19 runtime.%n"
                + "Workloads: spawn-order, cpu, syscalls, sleeps, netpoll, pingpong, burst, overflow.")
public final class DemoCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "spawn-order", description = "Workload name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--list", description = "List the workloads and exit.")
    boolean list;

    @Option(names = "--gomaxprocs", description = "Number of Ps (default: $GOMAXPROCS or 4).")
    Integer gomaxprocs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schedtrace", paramLabel = "MS", description = "Print schedtrace every MS virtual ms (like GODEBUG=schedtrace=MS).")
    Integer schedtrace;

    @Option(names = "--scheddetail", description = "Detailed schedtrace (like GODEBUG=scheddetail=1).")
    boolean scheddetail;

    @Option(names = "--asyncpreemptoff", description = "Turn async preemption off (like GODEBUG=asyncpreemptoff=1).")
    boolean asyncpreemptoff;

    @Option(names = "--trace-out", paramLabel = "FILE", description = "Write a Chrome/Perfetto trace (JSON).")
    Path traceOut;

    @Option(names = "--explain", description = "Print the narration of every event.")
    boolean explain;

    @Option(names = "--lang", defaultValue = "en", description = "Narration language: en or zh (default: ${DEFAULT-VALUE}).")
    String lang;

    private final PrintStream out;
    private final PrintStream err;
    private final java.util.Map<String, String> env;

    public DemoCommand() {
        this(System.out, System.err, System.getenv());
    }

    DemoCommand(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        var workloads = Workloads.all();
        if (list) {
            workloads.values().forEach(w -> out.printf("%-12s %s%n", w.name(), w.description()));
            return 0;
        }
        Workloads.Workload w = workloads.get(name);
        if (w == null) {
            err.println("gmplab demo: unknown workload \"" + name + "\"; try one of " + workloads.keySet());
            return 2;
        }
        SimConfig cfg = RuntimeSettings.fromEnvironment(env, gomaxprocs, seed, schedtrace, scheddetail,
                asyncpreemptoff ? Boolean.FALSE : null);
        Simulation sim = new Simulation(cfg, out, err);
        List<Event> events = new ArrayList<>();
        if (traceOut != null) sim.addListener(events::add);
        if (explain) {
            Narrator n = new Narrator(lang.startsWith("zh") ? Narrator.CHINESE : Locale.ENGLISH);
            sim.addListener(e -> out.printf("[%10.3f µs] %-17s %s%n", e.time() / 1000.0, e.goFunction(), n.narrate(e)));
        }
        RunResult r = sim.run(w.main().get());
        if (traceOut != null) ChromeTrace.write(events, cfg.gomaxprocs(), traceOut);
        if (r.hitLimit()) err.println("gmplab: " + r.outcome().message());
        return r.exitCode();
    }
}
