package gmplab.trace;

import java.util.Arrays;

/**
 * One state change of the simulated runtime. Narration, the timeline,
 * schedtrace, the Chrome trace, lesson checks and tests all read these.
 *
 * @param seq  position in the run (0-based, dense)
 * @param time virtual nanoseconds since start
 * @param kind what happened
 * @param g    goroutine id involved, or -1
 * @param m    M id involved, or -1
 * @param p    P id involved, or -1
 * @param key  narration message key (a variant of the kind, e.g. {@code ready.runnext})
 * @param args narration arguments (numbers and short strings)
 */
public record Event(long seq, long time, EventKind kind, long g, int m, int p, String key, Object[] args) {

    /** The Go runtime function that performs this step. */
    public String goFunction() {
        return kind.goFunction;
    }

    /** Argument {@code i} as a long (or -1 if absent or not a number). */
    public long argLong(int i) {
        return i < args.length && args[i] instanceof Number n ? n.longValue() : -1;
    }

    /** Argument {@code i} as a string (or "" if absent). */
    public String argString(int i) {
        return i < args.length && args[i] != null ? String.valueOf(args[i]) : "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && seq == e.seq && time == e.time && kind == e.kind && g == e.g
                && m == e.m && p == e.p && key.equals(e.key) && Arrays.equals(args, e.args);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + key.hashCode();
    }

    @Override
    public String toString() {
        return seq + " " + time + " " + key + " g=" + g + " m=" + m + " p=" + p + " " + Arrays.toString(args);
    }
}
