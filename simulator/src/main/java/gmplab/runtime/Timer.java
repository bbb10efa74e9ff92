package gmplab.runtime;

/**
 * A runtime timer in a P's heap ({@code type timer struct}, time.go): either a
 * sleeping goroutine's timer ({@code goroutineReady}) or a channel timer
 * ({@code sendTime}) for {@code time.After}/{@code time.Tick}.
 */
final class Timer implements Comparable<Timer> {
    long when;
    final long seq;
    /** For {@code time.Sleep}: the sleeping G. */
    final G g;
    /** For {@code sendTime}: the channel and the value to send without blocking. */
    final Chan chan;
    final Object value;
    final long period;
    /** For {@code AfterFunc}: the goroutine body {@code goFunc} starts, and the timer's key. */
    final GoroutineBody fn;
    final String fnName;
    final Object key;

    Timer(long when, long seq, G g, Chan chan, Object value, long period) {
        this(when, seq, g, chan, value, period, null, null, chan);
    }

    Timer(long when, long seq, G g, Chan chan, Object value, long period, GoroutineBody fn, String fnName,
          Object key) {
        this.when = when;
        this.seq = seq;
        this.g = g;
        this.chan = chan;
        this.value = value;
        this.period = period;
        this.fn = fn;
        this.fnName = fnName;
        this.key = key;
    }

    @Override
    public int compareTo(Timer o) {
        int c = Long.compare(when, o.when);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
