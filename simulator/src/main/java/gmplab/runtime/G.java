package gmplab.runtime;

/**
 * A goroutine ({@code type g struct} in runtime2.go). G structs are reused:
 * after {@code goexit0} a G goes to a free list ({@code gfput}) and a later
 * {@code newproc} takes it back ({@code gfget}) with a new goid, so
 * {@link Sched#allgs} follows the peak number of live goroutines.
 */
final class G {
    /** Index in {@code allgs}: stable identity of the struct across reuse. */
    final int index;
    /** {@code goid}; a reused struct gets a new one. */
    long goid;
    GStatus status = GStatus.IDLE;
    /** {@code waitreason}: not cleared when the G runs again (scheddetail shows it stale). */
    WaitReason waitreason = WaitReason.ZERO;
    /** Human description of what it waits on (channel name, timer…), for the board and narration. */
    String waitingOn = "";
    /** {@code gp.m}: the M running it, or in a syscall with it. */
    M m;
    /** {@code gp.lockedm}: set by LockOSThread. */
    M lockedm;
    /** {@code gp.preempt}: preemption requested (cooperative: honoured at the next call). */
    boolean preempt;
    /** Runtime-internal goroutine (forcegchelper, bgsweep, …): excluded from NumGoroutine. */
    boolean system;
    /** Whether this struct still owns a standard-size stack ({@code gfput} keeps it). */
    boolean hasStack = true;

    GoroutineBody body;
    String name = "";
    /** goid of the creator ({@code gp.parentGoid}, "created by" in tracebacks). */
    long parentGoid;

    /** Result to hand to the body on its next {@code next()} call. */
    Resume resume = Resume.START;
    /** Virtual ns of user code still to run before asking the body again. */
    long pendingCompute;
    /** Whether the pending compute contains calls (a cooperative preemption point). */
    boolean pendingHasCalls;
    /** Number of times the G started running on a P (for the inspector's history). */
    int runs;
    /** Ids of the Ps it ran on, in order, without repeats in a row (bounded). */
    final IntList pHistory = new IntList();
    /** The sudogs of a blocked channel operation or select (to dequeue on wake-up). */
    Sudog[] waiting;
    /** LockOSThread nesting ({@code m.lockedExt}) kept on the G for simplicity. */
    int lockedExt;
    int lockedInt;
    /** An action taken from the body but not yet performed (the G was preempted first). */
    Action stashed;
    /** A mutex this G was woken for and must try to acquire again before resuming. */
    Mutex retryLock;

    G(int index) {
        this.index = index;
    }

    @Override
    public String toString() {
        return "G" + goid;
    }

    /** A growable int list, to avoid boxing in hot paths. */
    static final class IntList {
        private int[] a = new int[4];
        private int n;

        void addDistinctLast(int v) {
            if (n > 0 && a[n - 1] == v) return;
            if (n == 64) return; // enough history for the inspector
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }

        void clear() {
            n = 0;
        }
    }
}
