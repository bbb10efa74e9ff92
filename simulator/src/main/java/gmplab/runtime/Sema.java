package gmplab.runtime;

/**
 * {@code sync.Mutex} and {@code sync.WaitGroup} on runtime semaphores
 * ({@code sema.go}: {@code semacquire1}, {@code semrelease1}). Waiters park with
 * "semacquire" (the Go 1.19 reason for both) and are readied with
 * {@code goready} into the releaser's {@code runnext}.
 *
 * <p>The mutex follows sync/mutex.go's normal mode: a woken waiter competes
 * for the lock again and, if it loses, waits at the front of the queue
 * (LIFO for a waiter that already waited). After waiting more than 1 ms the
 * mutex turns to starvation mode: the unlocker hands the lock over directly
 * and yields ({@code semrelease(handoff)} → {@code goyield}). Active spinning
 * ({@code sync_runtime_canSpin}) is not modelled.
 */
final class Sema {
    /** {@code starvationThresholdNs}. */
    static final long STARVATION_THRESHOLD_NS = 1_000_000L;

    private final Sched s;

    Sema(Sched s) {
        this.s = s;
    }

    /** {@code Mutex.Lock}: the fast path takes a free lock; otherwise {@code semacquire1} parks. */
    void lock(M m, G gp, Mutex mu) {
        if (mu.owner == null) {
            mu.owner = gp;
            s.charge(gp, s.timings.syncOpNs());
            return;
        }
        mu.waiters.addLast(gp);
        mu.waitSince.put(gp, s.now);
        gp.retryLock = mu;
        s.gopark(m, gp, WaitReason.SEMACQUIRE, mu.name);
    }

    /** A woken waiter tries again; false if it had to park again (the M is then scheduling). */
    boolean retryLock(M m, G gp) {
        Mutex mu = gp.retryLock;
        if (mu.owner == gp) { // handed over in starvation mode
            gp.retryLock = null;
            mu.waitSince.remove(gp);
            return true;
        }
        if (mu.owner == null) {
            mu.owner = gp;
            gp.retryLock = null;
            mu.waitSince.remove(gp);
            return true;
        }
        mu.waiters.addFirst(gp);
        s.gopark(m, gp, WaitReason.SEMACQUIRE, mu.name);
        return false;
    }

    /** {@code Mutex.Unlock}: releases; {@code semrelease1} readies the first waiter. */
    void unlock(M m, G gp, Mutex mu) {
        if (mu.owner == null) {
            gp.resume = Resume.panicked("sync: unlock of unlocked mutex");
            return;
        }
        mu.owner = null;
        G w = mu.waiters.pollFirst();
        s.charge(gp, s.timings.syncOpNs());
        if (w == null) return;
        Long since = mu.waitSince.get(w);
        boolean starving = since != null && s.now - since > STARVATION_THRESHOLD_NS;
        if (starving) {
            mu.owner = w; // direct handoff
            s.ready(m, w, "semrelease.handoff:" + mu.name);
            // goyield: the releaser goes to the tail of the local queue so the waiter runs now.
            goyield(m, gp);
        } else {
            s.ready(m, w, "semrelease:" + mu.name);
        }
    }

    /** {@code goyield}: the current G to the local tail (not the global queue), then schedule. */
    private void goyield(M m, G gp) {
        gp.status = GStatus.RUNNABLE;
        s.dropg(m);
        s.runqput(m.p, gp, false);
        s.emit(gmplab.trace.EventKind.GOSCHED, gp, m, m.p, "goyield");
        s.scheduleLater(m, s.timings.switchNs());
    }

    /** {@code WaitGroup.Add}: reaching zero releases every waiter, one {@code semrelease} each. */
    void wgAdd(M m, G gp, WaitGroup wg, int delta) {
        wg.counter += delta;
        s.charge(gp, s.timings.syncOpNs());
        if (wg.counter < 0) {
            gp.resume = Resume.panicked("sync: negative WaitGroup counter");
            return;
        }
        if (wg.counter > 0) return;
        G w;
        while ((w = wg.waiters.pollFirst()) != null) {
            s.ready(m, w, "semrelease:" + wg.name);
        }
    }

    /** {@code WaitGroup.Wait}: returns at once at zero, else {@code semacquire} parks. */
    void wgWait(M m, G gp, WaitGroup wg) {
        if (wg.counter == 0) {
            s.charge(gp, s.timings.syncOpNs());
            return;
        }
        wg.waiters.addLast(gp);
        s.gopark(m, gp, WaitReason.SEMACQUIRE, wg.name);
    }
}
