package gmplab.golang;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;

import java.io.PrintStream;

/** Runs a compiled Go program on a fresh {@link Simulation}. */
public final class GoRun {
    private GoRun() { }

    /** A {@link GoHost} backed by a simulation's clock and counters. */
    public static GoHost hostOf(Simulation sim) {
        return new GoHost() {
            @Override
            public long nanotime() {
                return sim.nanotime();
            }

            @Override
            public int numGoroutine() {
                return sim.numGoroutine();
            }

            @Override
            public int gomaxprocs() {
                return sim.gomaxprocs();
            }

            @Override
            public int ncpu() {
                return sim.ncpu();
            }
        };
    }

    /** Runs {@code program} to the end; output is also echoed to the streams when they are non-null. */
    public static RunResult run(GoProgram program, SimConfig cfg, VmOptions options, PrintStream out, PrintStream err) {
        Simulation sim = new Simulation(program.configure(cfg), out, err);
        return sim.run(program.newMain(hostOf(sim), options));
    }

    /** Like {@link #run(GoProgram, SimConfig, VmOptions, PrintStream, PrintStream)}, with arguments for {@code os.Args[1:]}. */
    public static RunResult run(GoProgram program, SimConfig cfg, VmOptions options, java.util.List<String> args,
                                PrintStream out, PrintStream err) {
        Simulation sim = new Simulation(program.configure(cfg), out, err);
        return sim.run(program.newMain(hostOf(sim), options, args));
    }

    /**
     * Records a run (every event, for seeking) with the program bound to the simulation's
     * clock and its own {@code runtime.GOMAXPROCS} request applied: what the UI and lessons need.
     */
    public static gmplab.runtime.Recording record(GoProgram program, SimConfig cfg, VmOptions options) {
        Simulation sim = new Simulation(program.configure(cfg));
        return gmplab.runtime.Recording.record(sim, () -> program.newMain(hostOf(sim), options));
    }

    /** Compiles and runs with default settings (GOMAXPROCS from {@code cfg}). */
    public static RunResult run(String fileName, String source, SimConfig cfg) throws GoCompileException {
        return run(GoProgram.compile(fileName, source), cfg, VmOptions.defaults(), null, null);
    }
}
