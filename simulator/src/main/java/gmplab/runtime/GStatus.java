package gmplab.runtime;

/** Goroutine states ({@code _Gidle} … {@code _Gdead} in runtime2.go), with the numbers scheddetail prints. */
public enum GStatus {
    /** {@code _Gidle}: just allocated by {@code malg}. */
    IDLE(0),
    /** {@code _Grunnable}: on a run queue ({@code runnext}, a local ring or the global queue). */
    RUNNABLE(1),
    /** {@code _Grunning}: owns an M that owns a P. */
    RUNNING(2),
    /** {@code _Gsyscall}: in a system call; has an M but (1.19) no P. */
    SYSCALL(3),
    /** {@code _Gwaiting}: parked by {@code gopark}; {@code waitreason} says why. */
    WAITING(4),
    /** {@code _Gdead}: exited, on a free list ({@code gFree}) for reuse. */
    DEAD(6);

    /** The value of the runtime constant, as scheddetail prints it. */
    public final int code;

    GStatus(int code) {
        this.code = code;
    }
}
