package gmplab.golang;

/**
 * What Go programs may ask of the simulated runtime outside the action protocol:
 * the virtual clock and a few counters for the {@code runtime} and {@code time} packages.
 */
public interface GoHost {
    /** Virtual time in nanoseconds since the simulation started. */
    long nanotime();

    /** {@code runtime.NumGoroutine()}. */
    int numGoroutine();

    /** {@code runtime.GOMAXPROCS(0)}. */
    int gomaxprocs();

    /** {@code runtime.NumCPU()}. */
    int ncpu();

    /** A host for tests: time stands still, one goroutine, one P. */
    GoHost NONE = new GoHost() {
        @Override
        public long nanotime() {
            return 0;
        }

        @Override
        public int numGoroutine() {
            return 1;
        }

        @Override
        public int gomaxprocs() {
            return 1;
        }

        @Override
        public int ncpu() {
            return 1;
        }
    };
}
