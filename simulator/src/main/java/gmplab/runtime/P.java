package gmplab.runtime;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * A processor ({@code type p struct}): the right to run Go code, with its own
 * 256-slot run queue ring plus {@code runnext}, free Gs and timers.
 */
final class P {
    /** {@code len(p.runq)}. */
    static final int RUNQ_SIZE = 256;

    final int id;
    PStatus status = PStatus.GCSTOP;
    /** {@code p.m}: the owner M (1.19: null while {@code _Psyscall}). */
    M m;
    /** {@code p.schedtick}: incremented by {@code execute} when a G does not inherit the slice. */
    int schedtick;
    /** {@code p.syscalltick}: incremented on each syscall exit and retake. */
    int syscalltick;
    /** {@code p.sysmontick}: sysmon's last observation. */
    final SysmonTick sysmontick = new SysmonTick();

    /** {@code p.runq}: the lock-free ring; head and tail grow without bound, indexes mod 256. */
    final G[] runq = new G[RUNQ_SIZE];
    int runqhead;
    int runqtail;
    /** {@code p.runnext}. */
    G runnext;

    /** {@code p.gFree}: dead Gs for reuse. */
    final ArrayDeque<G> gFree = new ArrayDeque<>();
    /** {@code p.timers}: heap of timers, earliest first. */
    final PriorityQueue<Timer> timers = new PriorityQueue<>();
    /** {@code p.goidcache}, {@code p.goidcacheend}. */
    long goidcache;
    long goidcacheend;
    /** {@code p.preempt}: async preemption requested. */
    boolean preempt;

    P(int id) {
        this.id = id;
    }

    /** Number of Gs in the ring ({@code runqtail - runqhead}), what schedtrace prints. */
    int runqsize() {
        return runqtail - runqhead;
    }

    /** {@code runqempty}: empty only if the ring is empty and there is no {@code runnext}. */
    boolean runqempty() {
        return runqhead == runqtail && runnext == null;
    }

    G runqAt(int i) {
        return runq[(runqhead + i) & (RUNQ_SIZE - 1)];
    }

    /** Appends at {@code runqtail} (the caller checked there is room). */
    void runqPushTail(G g) {
        runq[runqtail & (RUNQ_SIZE - 1)] = g;
        runqtail++;
        if (opLog != null) opLog.add(g.goid);
    }

    /** Takes the G at {@code runqhead} (the caller checked the ring is not empty). */
    G runqPopHead() {
        int i = runqhead & (RUNQ_SIZE - 1);
        G g = runq[i];
        runq[i] = null;
        runqhead++;
        if (opLog != null) opLog.add(0);
        return g;
    }

    /** When a run is recorded: the ring's operations ({@code +goid} push tail, {@code 0} pop head). */
    GlobalRunq.OpLog opLog;

    @Override
    public String toString() {
        return "P" + id;
    }

    /** {@code sysmontick}: what sysmon saw last time ({@code schedtick, schedwhen, syscalltick, syscallwhen}). */
    static final class SysmonTick {
        int schedtick;
        long schedwhen;
        int syscalltick;
        long syscallwhen;
    }
}
