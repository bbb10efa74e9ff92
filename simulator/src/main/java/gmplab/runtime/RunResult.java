package gmplab.runtime;

/**
 * How a simulated program ended.
 *
 * @param exitCode       0, 2 on panic or fatal error (deadlock), N for {@code os.Exit(N)}, 3 when a limit stopped it
 * @param outcome        the reason and message
 * @param stdout         the program's standard output
 * @param stderr         its standard error (runtime errors, schedtrace lines)
 * @param virtualTimeNs  virtual time at the end
 * @param events         events emitted
 * @param threads        {@code mcount()} at the end (threads never exit unless a locked G exits)
 * @param gStructs       G structs allocated ({@code len(allgs)}): follows the peak of live goroutines
 */
public record RunResult(int exitCode, Outcome outcome, String stdout, String stderr, long virtualTimeNs,
                        long events, int threads, int gStructs) {

    /** True if the run stopped at a time or event limit rather than ending by itself. */
    public boolean hitLimit() {
        return outcome.reason() == Outcome.Reason.TIME_LIMIT || outcome.reason() == Outcome.Reason.EVENT_LIMIT;
    }
}
