package gmplab.cli;

import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import gmplab.trace.ChromeTrace;
import gmplab.trace.Event;
import gmplab.trace.Narrator;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runtime options every command that runs a program shares ({@code demo}, {@code run}):
 * GOMAXPROCS, seed, GODEBUG-like switches, the trace file and the narration.
 * A picocli mixin: {@code @Mixin RuntimeOptions runtime;}.
 */
public final class RuntimeOptions {

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

    @Option(names = "--explain", description = "Print the narration of every scheduler event.")
    boolean explain;

    @Option(names = "--lang", defaultValue = "en", description = "Narration language: en or zh (default: ${DEFAULT-VALUE}).")
    String lang;

    private final List<Event> events = new ArrayList<>();

    /** The settings: the environment ({@code GOMAXPROCS}, {@code GODEBUG}) with the flags winning. */
    public SimConfig config(Map<String, String> env) {
        return RuntimeSettings.fromEnvironment(env, gomaxprocs, seed, schedtrace, scheddetail,
                asyncpreemptoff ? Boolean.FALSE : null);
    }

    /** Attaches what the options ask for: event collection for the trace, narration to {@code narration}. */
    public void attach(Simulation sim, PrintStream narration) {
        if (traceOut != null) sim.addListener(events::add);
        if (explain) {
            Narrator n = new Narrator(lang.startsWith("zh") ? Narrator.CHINESE : Locale.ENGLISH);
            sim.addListener(e -> narration.printf("[%10.3f µs] %-17s %s%n", e.time() / 1000.0, e.goFunction(), n.narrate(e)));
        }
    }

    /** Writes the Chrome trace if {@code --trace-out} was given. */
    public void finish(Simulation sim) throws IOException {
        if (traceOut != null) ChromeTrace.write(events, sim.gomaxprocs(), traceOut);
    }
}
