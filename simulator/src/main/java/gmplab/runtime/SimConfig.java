package gmplab.runtime;

/**
 * Settings of one simulated run.
 *
 * @param gomaxprocs    number of Ps ({@code GOMAXPROCS})
 * @param ncpu          what {@code runtime.NumCPU} reports
 * @param seed          seed of the one random generator (steal order, select order)
 * @param asyncPreempt  async preemption (default on; {@code GODEBUG=asyncpreemptoff=1} turns it off)
 * @param schedtraceMs  {@code GODEBUG=schedtrace=N}: print every N virtual ms from sysmon (0: off)
 * @param scheddetail   {@code GODEBUG=scheddetail=1}
 * @param maxTimeNs     stop the run after this much virtual time
 * @param maxEvents     stop the run after this many events
 * @param timings       costs of runtime operations in virtual time
 */
public record SimConfig(int gomaxprocs, int ncpu, long seed, boolean asyncPreempt, int schedtraceMs,
                        boolean scheddetail, long maxTimeNs, long maxEvents, Timings timings) {

    public SimConfig {
        if (gomaxprocs < 1 || gomaxprocs > 1024) {
            throw new IllegalArgumentException("GOMAXPROCS must be between 1 and 1024, got " + gomaxprocs);
        }
        if (ncpu < 1) throw new IllegalArgumentException("ncpu must be positive");
        if (schedtraceMs < 0) throw new IllegalArgumentException("schedtrace must be >= 0");
        if (timings == null) timings = Timings.DEFAULT;
    }

    /** GOMAXPROCS 4, seed 1, async preemption on, 60 s of virtual time, 50 million events. */
    public static SimConfig defaults() {
        return new SimConfig(4, 4, 1, true, 0, false, 60_000_000_000L, 50_000_000L, Timings.DEFAULT);
    }

    public SimConfig withGomaxprocs(int n) {
        return new SimConfig(n, ncpu, seed, asyncPreempt, schedtraceMs, scheddetail, maxTimeNs, maxEvents, timings);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(gomaxprocs, ncpu, s, asyncPreempt, schedtraceMs, scheddetail, maxTimeNs, maxEvents, timings);
    }

    public SimConfig withAsyncPreempt(boolean on) {
        return new SimConfig(gomaxprocs, ncpu, seed, on, schedtraceMs, scheddetail, maxTimeNs, maxEvents, timings);
    }

    public SimConfig withSchedtrace(int ms, boolean detail) {
        return new SimConfig(gomaxprocs, ncpu, seed, asyncPreempt, ms, detail, maxTimeNs, maxEvents, timings);
    }

    public SimConfig withLimits(long maxTime, long maxEv) {
        return new SimConfig(gomaxprocs, ncpu, seed, asyncPreempt, schedtraceMs, scheddetail, maxTime, maxEv, timings);
    }

    public SimConfig withTimings(Timings t) {
        return new SimConfig(gomaxprocs, ncpu, seed, asyncPreempt, schedtraceMs, scheddetail, maxTimeNs, maxEvents, t);
    }
}
