package gmplab.trace;

/**
 * What an event records. Each kind names the runtime function that performs
 * it, and says whether it is a scheduler <em>decision</em> (where a G, M or P
 * goes) or bookkeeping (output, timers firing, counters).
 */
public enum EventKind {
    START("schedinit", true),
    NEWPROC("newproc", true),
    GFGET("gfget", false),
    GFPUT("gfput", false),
    RUNQPUTSLOW("runqputslow", true),
    EXECUTE("execute", true),
    GLOBRUNQGET("globrunqget", true),
    STEAL("runqsteal", true),
    STEAL_BACKOFF("runqgrab", false),
    PARK("gopark", true),
    READY("ready", true),
    GOSCHED("goschedImpl", true),
    PREEMPT_REQUEST("preemptone", false),
    PREEMPTED("gopreempt_m", true),
    ENTERSYSCALL("entersyscall", true),
    EXITSYSCALL_FAST("exitsyscallfast", true),
    EXITSYSCALL_SLOW("exitsyscall0", true),
    RETAKE("retake", true),
    HANDOFFP("handoffp", true),
    WAKEP("wakep", false),
    STARTM("startm", true),
    NEWM("newm", true),
    MSTART("mstart", false),
    STOPM("stopm", true),
    SPINNING("findRunnable", false),
    RESETSPINNING("resetspinning", false),
    PIDLEPUT("pidleput", true),
    ACQUIREP("acquirep", false),
    NETPOLL("netpoll", true),
    NETPOLL_BLOCK("findRunnable", true),
    INJECTGLIST("injectglist", true),
    TIMER_FIRE("checkTimers", false),
    GOEXIT("goexit0", true),
    STARTLOCKEDM("startlockedm", true),
    STOPLOCKEDM("stoplockedm", true),
    LOCKOSTHREAD("LockOSThread", false),
    STW("stopTheWorldWithSema", true),
    EXTERNAL_READY("netpollready", false),
    SCHEDTRACE("schedtrace", false),
    PRINT("write", false),
    EXIT("exit", false),
    FATAL("throw", false),
    PANIC("fatalpanic", false),
    LIMIT("limit", false);

    /** The Go runtime function a learner can grep in {@code runtime/proc.go} (or chan.go, …). */
    public final String goFunction;
    /** True if the event is a scheduling decision ("step by decision" stops here). */
    public final boolean decision;

    EventKind(String goFunction, boolean decision) {
        this.goFunction = goFunction;
        this.decision = decision;
    }
}
