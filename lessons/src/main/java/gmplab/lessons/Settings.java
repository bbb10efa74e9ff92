package gmplab.lessons;

import gmplab.runtime.SimConfig;

/**
 * The run settings a lesson or step chooses; null fields inherit (step → lesson →
 * defaults: GOMAXPROCS 4, seed 1, async preemption on, schedtrace off).
 */
public record Settings(Integer gomaxprocs, Long seed, Boolean asyncPreempt, Integer schedtraceMs) {
    public static final Settings NONE = new Settings(null, null, null, null);

    /** These settings, with {@code over}'s non-null fields taking precedence. */
    public Settings with(Settings over) {
        if (over == null) return this;
        return new Settings(over.gomaxprocs != null ? over.gomaxprocs : gomaxprocs,
                over.seed != null ? over.seed : seed,
                over.asyncPreempt != null ? over.asyncPreempt : asyncPreempt,
                over.schedtraceMs != null ? over.schedtraceMs : schedtraceMs);
    }

    public int gomaxprocsOrDefault() {
        return gomaxprocs == null ? 4 : gomaxprocs;
    }

    public long seedOrDefault() {
        return seed == null ? 1 : seed;
    }

    public boolean asyncPreemptOrDefault() {
        return asyncPreempt == null || asyncPreempt;
    }

    /** The simulator configuration: lessons run for at most 20 s of virtual time and 3 million events. */
    public SimConfig toConfig() {
        SimConfig c = SimConfig.defaults().withGomaxprocs(gomaxprocsOrDefault()).withSeed(seedOrDefault())
                .withAsyncPreempt(asyncPreemptOrDefault()).withLimits(20_000_000_000L, 3_000_000L);
        if (schedtraceMs != null && schedtraceMs > 0) c = c.withSchedtrace(schedtraceMs, false);
        return c;
    }
}
