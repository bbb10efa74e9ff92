package gmplab.runtime;

/**
 * An OS thread ({@code type m struct}). Ms are created lazily by
 * {@code newm} and parked on {@code sched.midle} when idle; they are never
 * freed, except when a goroutine exits while locked to its thread.
 */
final class M {
    /** What the thread is doing, the states a simulator needs beyond the struct fields (§1.3). */
    enum State {
        /** Being created ({@code newm} → {@code newosproc}), not yet in {@code mstart}. */
        STARTING,
        /** In {@code schedule}/{@code findRunnable} with a P (maybe spinning). */
        SCHEDULING,
        /** Running {@code curg}. */
        RUNNING,
        /** In a system call with {@code curg}; 1.19: no P, {@code oldp} set. */
        SYSCALL,
        /** Parked on {@code sched.midle} ({@code stopm}). */
        IDLE,
        /** Blocked in {@code netpoll(delay)} without a P. */
        NETPOLL,
        /** Parked in {@code stoplockedm}, waiting for its locked G. */
        LOCKED_IDLE,
        /** The sysmon thread. */
        SYSMON,
        /** The template thread started by the first {@code LockOSThread} (no P, always asleep). */
        TEMPLATE,
        /** Exited ({@code mexit}). */
        DEAD
    }

    final int id;
    State state = State.STARTING;
    /** {@code m.curg}. */
    G curg;
    /** {@code m.p}. */
    P p;
    /** {@code m.nextp}: P handed over before the M is woken. */
    P nextp;
    /** {@code m.oldp}: the P held before entering a syscall. */
    P oldp;
    /** {@code m.spinning}. */
    boolean spinning;
    /** {@code m.blocked}: sleeping on a note. */
    boolean blocked;
    /** {@code m.lockedg}. */
    G lockedg;
    /** {@code m.syscalltick}. */
    int syscalltick;
    /** {@code m.locks}: the sysmon M shows 2 while printing schedtrace. */
    int locks;
    /** Generation of this M's pending timed activity; bumping it cancels the pending event. */
    long wakeGen;
    /** Virtual time at which the current compute ends (for preemption). */
    long computeEnd;
    /** Whether the current compute contains calls (cooperative preemption points). */
    boolean computeHasCalls;
    /** For {@link State#NETPOLL}: the deadline it sleeps until (Long.MAX_VALUE: forever). */
    long pollUntil;
    /** The victim whose {@code runnext} this M backed off from ({@code usleep(3)} in {@code runqgrab}). */
    P stealBackoffVictim;
    /** For a woken locked M: the G it must run ({@code stoplockedm} → {@code execute(lockedg)}). */
    G pendingLocked;

    M(int id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return "M" + id;
    }
}
