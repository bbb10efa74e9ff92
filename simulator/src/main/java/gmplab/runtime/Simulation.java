package gmplab.runtime;

import gmplab.trace.EventListener;

import java.io.PrintStream;

/**
 * One simulated Go program: configure, add listeners, {@link #run} the main
 * goroutine's body. Single-threaded and deterministic: the same body, seed and
 * settings give the same events.
 */
public final class Simulation {
    private final SimConfig cfg;
    private final Sched sched;
    private boolean started;

    public Simulation(SimConfig cfg) {
        this(cfg, null, null);
    }

    /** A simulation that also echoes program output to the given streams as it is produced. */
    public Simulation(SimConfig cfg, PrintStream echoOut, PrintStream echoErr) {
        this.cfg = cfg;
        this.sched = new Sched(cfg, new ProgramOutput(echoOut, echoErr, 64 << 20));
    }

    public SimConfig config() {
        return cfg;
    }

    /** Every event is passed to {@code l} as it happens. */
    public Simulation addListener(EventListener l) {
        sched.addListener(l);
        return this;
    }

    /** Starts the runtime ({@code schedinit}, G1 = {@code runtime.main} → {@code mainBody}) without running it. */
    public void start(GoroutineBody mainBody) {
        if (started) throw new IllegalStateException("already started");
        started = true;
        sched.schedinit(mainBody);
    }

    /** Runs to the end (or a limit). */
    public RunResult run(GoroutineBody mainBody) {
        start(mainBody);
        return runToEnd();
    }

    /** Continues a started simulation to the end (or a limit). */
    public RunResult runToEnd() {
        sched.runLoop();
        return result();
    }

    /**
     * Runs until at least {@code eventCount} events have been emitted (or the
     * program ends). Stops between scheduler steps, so a few more may exist.
     */
    public void runUntilEvents(long eventCount) {
        sched.runUntilEvents(eventCount);
    }

    /**
     * Runs until the program ends or is idle, waiting for input from outside (see
     * {@link #injectReady}); the simulation stays resumable.
     *
     * @return true if idle, false if the program ended
     */
    public boolean runUntilIdle() {
        return sched.runUntilIdle();
    }

    /** Like {@link #runUntilIdle()}, stopping also once {@code eventCount} events exist (one step of a paced run). */
    public boolean runUntilIdle(long eventCount) {
        return sched.runUntilIdle(eventCount);
    }

    /**
     * True if only the outside world can make anything happen now: every goroutine waits
     * for the network (or a sysmon deep sleep is all that is pending).
     */
    public boolean idle() {
        return sched.outcome == null && sched.idle();
    }

    /**
     * Lets virtual time pass until {@code t}: runs what is due by then, then sets the clock
     * to {@code t} (for an idle program whose next input from outside arrives at {@code t}).
     */
    public void advanceTo(long t) {
        sched.advanceTo(t);
    }

    /** Events emitted so far. */
    public long eventCount() {
        return sched.eventCount();
    }

    /** True once the program has ended (exit, panic, fatal error or a limit). */
    public boolean finished() {
        return sched.outcome != null;
    }

    /** The result so far (the outcome is null-safe only after the run ended). */
    public RunResult result() {
        Outcome o = sched.outcome == null ? new Outcome(-1, Outcome.Reason.EXIT, "running") : sched.outcome;
        return new RunResult(o.exitCode(), o, sched.out.stdout(), sched.out.stderr(), sched.now,
                sched.eventCount(), sched.mcount(), sched.allgs.size());
    }

    /** {@code nanotime()}: current virtual time in ns. */
    public long nanotime() {
        return sched.now;
    }

    /** {@code runtime.NumGoroutine()}: user goroutines not dead ({@code gcount}). */
    public int numGoroutine() {
        int n = 0;
        for (G g : sched.allgs) {
            if (!g.system && g.status != GStatus.DEAD && g.status != GStatus.IDLE) n++;
        }
        return n;
    }

    /** The current number of Ps (a program may change it with {@code runtime.GOMAXPROCS(n)}). */
    public int gomaxprocs() {
        return sched.gomaxprocs;
    }

    public int ncpu() {
        return cfg.ncpu();
    }

    /** Schedules readiness of an external source (a real stream arriving) at virtual time {@code at}. */
    public void injectReady(long at, String source) {
        sched.injectReady(at, source);
    }

    /** An immutable picture of the whole runtime state now. */
    public Snapshot snapshot() {
        return Snapshot.of(sched);
    }

    /** The schedtrace text for the current state (as sysmon would print it at {@code ms}). */
    public String schedtrace(long ms, boolean detailed) {
        return SchedTrace.format(sched, ms, detailed);
    }

    Sched sched() {
        return sched;
    }
}
