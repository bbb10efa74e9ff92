package gmplab.runtime;

/**
 * Virtual-time costs of runtime operations. These are not in the Go source;
 * they are round figures of what the operations cost on a 2020s x86 Linux
 * machine, chosen so that the <em>order</em> of events matches real runs
 * (a woken thread arrives after the waker has already run the next G from
 * {@code runnext}, so ping-pong stays on one P, as on real Go).
 *
 * @param goNs          a {@code go} statement ({@code newproc})
 * @param chanOpNs      a channel operation or select that does not block
 * @param syncOpNs      a mutex / WaitGroup operation
 * @param printNs       writing program output (a short {@code write} system call)
 * @param switchNs      {@code schedule} + {@code execute}: switching to the next G on an M
 * @param newmNs        creating an OS thread ({@code newm} → {@code clone} → {@code mstart})
 * @param wakeupNs      waking a parked thread ({@code notewakeup} → futex)
 * @param signalNs      delivering a preemption signal ({@code preemptM}, SIGURG)
 * @param stealBackoffNs {@code usleep(3)} in {@code runqgrab} before stealing {@code runnext}
 * @param stwNs         a stop-the-world and restart ({@code runtime.GOMAXPROCS(n)})
 */
public record Timings(long goNs, long chanOpNs, long syncOpNs, long printNs, long switchNs, long newmNs,
                      long wakeupNs, long signalNs, long stealBackoffNs, long stwNs) {

    public static final Timings DEFAULT = new Timings(250, 60, 30, 1_000, 150, 25_000, 5_000, 2_000, 3_000, 20_000);

    /** Every operation free: only explicit compute, sleeps and syscalls take time. */
    public static final Timings ZERO = new Timings(0, 0, 0, 0, 0, 0, 0, 0, 3_000, 0);
}
