package gmplab.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The next thing a goroutine does. Each action maps onto a runtime entry
 * point: {@code Compute} is user code, {@code Go} is {@code newproc},
 * {@code Send}/{@code Recv}/{@code Close} are {@code chansend}/{@code chanrecv}/{@code closechan},
 * {@code Select} is {@code selectgo}, {@code Sleep} is {@code timeSleep},
 * {@code Syscall} is {@code entersyscall}…{@code exitsyscall}, {@code NetWait}
 * is {@code netpollblock}, {@code Gosched} is {@code gosched_m}, and so on.
 */
public sealed interface Action {

    /**
     * Run user code for {@code ns} virtual nanoseconds.
     *
     * @param hasCalls true if the code contains function calls, i.e. cooperative
     *                 preemption points (stack-check prologues). With async
     *                 preemption off, a compute without calls (a tight loop,
     *                 {@code sim.Work}) cannot be preempted.
     */
    record Compute(long ns, boolean hasCalls) implements Action {
        public Compute {
            if (ns < 0) throw new IllegalArgumentException("negative compute: " + ns);
        }
    }

    /** {@code go f()}: create a goroutine running {@code body} ({@code newproc}). */
    record Go(GoroutineBody body, String name) implements Action {
        public Go {
            Objects.requireNonNull(body, "body");
            name = name == null ? "" : name;
        }
    }

    /** {@code c <- v} ({@code chansend}); a nil channel blocks forever. */
    record Send(Chan chan, Object value) implements Action { }

    /** {@code v, ok := <-c} ({@code chanrecv}); a nil channel blocks forever. */
    record Recv(Chan chan) implements Action { }

    /** {@code close(c)} ({@code closechan}). */
    record Close(Chan chan) implements Action { }

    /** One case of a select: a send when {@code send} is true, a receive otherwise. */
    record SelectCase(Chan chan, boolean send, Object value) {
        public static SelectCase recv(Chan c) {
            return new SelectCase(c, false, null);
        }

        public static SelectCase send(Chan c, Object v) {
            return new SelectCase(c, true, v);
        }
    }

    /** {@code select} ({@code selectgo}); no cases and no default is {@code select {}}. */
    record Select(List<SelectCase> cases, boolean hasDefault) implements Action {
        public Select {
            cases = List.copyOf(cases);
        }
    }

    /** {@code time.Sleep(ns)} ({@code timeSleep}: a timer on the current P, then {@code gopark}). */
    record Sleep(long ns) implements Action { }

    /** A blocking system call lasting {@code ns} ({@code entersyscall} … {@code exitsyscall}). */
    record Syscall(long ns) implements Action { }

    /**
     * A network read that parks in the netpoller ({@code netpollblock}, "IO wait").
     * With {@code ns >= 0} the descriptor becomes ready after {@code ns}; with a
     * {@code source} the readiness comes from outside ({@link Sched#injectReady}).
     */
    record NetWait(long ns, String source) implements Action {
        public static NetWait after(long ns) {
            return new NetWait(ns, null);
        }

        public static NetWait external(String source) {
            return new NetWait(-1, Objects.requireNonNull(source));
        }
    }

    /**
     * Start a runtime timer on the current P ({@code time.After}, {@code time.NewTimer},
     * {@code time.Tick}): when it fires, {@code value} is sent on {@code chan} without
     * blocking ({@code sendTime}); with {@code periodNs > 0} it fires again every period.
     */
    record StartTimer(long ns, Chan chan, Object value, long periodNs) implements Action { }

    /**
     * {@code time.AfterFunc(d, f)}: a timer on the current P whose function ({@code goFunc})
     * starts {@code body} as a new goroutine when it fires — no goroutine exists before.
     * {@code key} identifies the timer for {@link StopTimer}.
     */
    record AfterFunc(long ns, Object key, GoroutineBody body, String name) implements Action { }

    /**
     * {@code deltimer} ({@code Timer.Stop}, {@code Ticker.Stop}, a context's cancel): removes the
     * pending timer started with this key — the channel of a {@link StartTimer}, or the key of an
     * {@link AfterFunc}. The resume value's {@code ok} says whether a pending timer was stopped.
     */
    record StopTimer(Object key) implements Action { }

    /**
     * {@code runtime.GOMAXPROCS(n)}: the previous setting comes back as the resume value
     * (an Integer); {@code n > 0} and different stops the world and resizes the Ps.
     */
    record Gomaxprocs(int n) implements Action { }

    /** {@code runtime.Gosched()} ({@code gosched_m} → {@code goschedImpl}). */
    record Gosched() implements Action { }

    /** {@code sync.Mutex.Lock} ({@code semacquire1} when contended). */
    record Lock(Mutex mutex) implements Action { }

    /** {@code sync.Mutex.Unlock} ({@code semrelease1} when a waiter exists). */
    record Unlock(Mutex mutex) implements Action { }

    /** {@code sync.WaitGroup.Add(delta)} (Done is Add(-1)). */
    record WgAdd(WaitGroup wg, int delta) implements Action { }

    /** {@code sync.WaitGroup.Wait}. */
    record WgWait(WaitGroup wg) implements Action { }

    /** {@code runtime.LockOSThread}. */
    record LockOSThread() implements Action { }

    /** {@code runtime.UnlockOSThread}. */
    record UnlockOSThread() implements Action { }

    /**
     * Park until the program ends, with {@code reason}: how the runtime's own
     * goroutines ({@code forcegchelper}, {@code bgsweep}, {@code bgscavenge},
     * {@code runfinq}) wait for work that a simulation without GC never gives them.
     */
    record ParkForever(WaitReason reason) implements Action { }

    /** Write program output (stdout, or stderr when {@code stderr}). */
    record Print(String text, boolean stderr) implements Action { }

    /** The goroutine function returns ({@code goexit1} → {@code goexit0}); for G1 the program exits 0. */
    record Exit() implements Action { }

    /** {@code os.Exit(code)}: the whole program stops at once. */
    record OsExit(int code) implements Action { }

    /**
     * A fatal runtime error ({@code throw}: out of memory, stack overflow, …): the program prints
     * {@code fatal error: message} and the goroutine dump, and exits with status 2; not recoverable.
     */
    record Fatal(String message) implements Action { }

    /** An unrecovered panic: the program prints {@code panic: message} and exits with status 2. */
    record Panic(String message) implements Action { }
}
