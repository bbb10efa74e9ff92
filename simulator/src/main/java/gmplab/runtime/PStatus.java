package gmplab.runtime;

/** P states ({@code _Pidle} … {@code _Pdead} in runtime2.go, Go 1.19 names). */
public enum PStatus {
    /** {@code _Pidle}: on {@code sched.pidle}. */
    IDLE(0),
    /** {@code _Prunning}: owned by an M. */
    RUNNING(1),
    /** {@code _Psyscall}: its M is in a system call; the P waits with affinity to it ({@code m.oldp}). */
    SYSCALL(2),
    /** {@code _Pgcstop}: stopped for stop-the-world; the state of a fresh P. */
    GCSTOP(3),
    /** {@code _Pdead}: beyond GOMAXPROCS. */
    DEAD(4);

    public final int code;

    PStatus(int code) {
        this.code = code;
    }
}
