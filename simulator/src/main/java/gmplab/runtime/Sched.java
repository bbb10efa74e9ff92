package gmplab.runtime;

import gmplab.trace.Event;
import gmplab.trace.EventKind;
import gmplab.trace.EventListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The Go 1.19 scheduler, as a deterministic discrete-event model
 * ({@code runtime/proc.go}).
 *
 * <h2>The model</h2>
 * <ul>
 *   <li><b>G</b> — a goroutine. Its body ({@link GoroutineBody}) is asked for one
 *       {@link Action} at a time.</li>
 *   <li><b>M</b> — an OS thread. An M runs Go code only while it holds a P.</li>
 *   <li><b>P</b> — a processor: the right to run Go code, with a local run queue
 *       (a 256-slot ring plus {@code runnext}), free Gs and timers. There are
 *       exactly GOMAXPROCS of them.</li>
 * </ul>
 *
 * <h2>One clock, one thread, one seed</h2>
 * Time is virtual (nanoseconds). Each M has at most one pending activity in a
 * time-ordered task queue (finish a compute, return from a system call, wake
 * up, …); tasks at the same instant run in the order they were scheduled.
 * Every random choice ({@code fastrand}: steal order, select order) comes
 * from one seeded generator, so a run is reproducible event for event.
 *
 * <h2>Worker parking and unparking (from proc.go's top comment)</h2>
 * An M that finds no work spins (holding a P) looking for some before it
 * parks; at most one M is woken to spin at a time ({@link #wakep}), and a
 * spinning M that finds work wakes the next one ({@link #resetspinning}).
 * System calls leave the P in {@code _Psyscall}; sysmon retakes it after at
 * least one tick if there is other work ({@link Sysmon#retake}).
 *
 * <p>Methods carry the names of their Go counterparts; each Javadoc names
 * the function it models and its preconditions.
 */
public final class Sched {
    /** {@code sched.maxmcount}. */
    static final int MAXMCOUNT = 10000;
    /** {@code _GoidCacheBatch}. */
    static final int GOID_CACHE_BATCH = 16;
    /** {@code forcePreemptNS}: 10 ms. */
    static final long FORCE_PREEMPT_NS = 10_000_000L;

    final SimConfig cfg;
    final Timings timings;
    final FastRand rand;
    /** {@code stealOrder}: the random orders in which {@code stealWork} visits the Ps. */
    StealOrder stealOrder;

    // --- schedt ---------------------------------------------------------
    long goidgen;
    /** Value of {@code lastpoll} while an M is blocked in netpoll (Go uses 0; virtual time can be 0). */
    static final long POLLING = Long.MIN_VALUE;
    /** {@code sched.lastpoll}: time of the last netpoll; {@link #POLLING} while an M is blocked in netpoll. */
    long lastpoll;
    /** {@code sched.pollUntil}: deadline of the M blocked in netpoll. */
    long pollUntil;
    /** {@code sched.midle}: idle Ms (LIFO through {@code schedlink}). */
    final ArrayDeque<M> midle = new ArrayDeque<>();
    int nmidle;
    int nmidlelocked;
    /** {@code sched.mnext}: Ms created so far = the next M id. */
    int mnext;
    int nmsys;
    int nmfreed;
    /** {@code sched.pidle}: idle Ps (LIFO through {@code link}). */
    final ArrayDeque<P> pidle = new ArrayDeque<>();
    int npidle;
    int nmspinning;
    /** {@code sched.runq}: the global run queue (FIFO). */
    final GlobalRunq runq = new GlobalRunq();
    /** {@code sched.gFree}: global free Gs, with and without stacks. */
    final ArrayDeque<G> gFreeStack = new ArrayDeque<>();
    final ArrayDeque<G> gFreeNoStack = new ArrayDeque<>();
    int sysmonwait;
    /** Unnamed channels numbered so far ({@code chan#N} in events). */
    long nchans;

    // --- globals --------------------------------------------------------
    /** {@code allgs}: every G struct ever allocated, in allocation order. */
    final List<G> allgs = new ArrayList<>();
    /** {@code allm}: newest first. */
    final ArrayDeque<M> allm = new ArrayDeque<>();
    /** {@code allp}. */
    /** {@code allp}: length GOMAXPROCS (changed by {@code procresize}). */
    P[] allp;
    int gomaxprocs;
    /** {@code mainStarted}: from now on {@code newproc} calls {@code wakep}. */
    boolean mainStarted;
    /** {@code netpollInited}: set by the first timer or network wait. */
    boolean netpollInited;

    final M m0;
    M sysmonM;
    M templateThread;
    G g1;

    // --- the discrete-event machinery ------------------------------------
    long now;
    private long taskSeq;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    long eventSeq;
    private final List<EventListener> listeners = new ArrayList<>();
    boolean recording;
    /** The G and M of the event being emitted (for the {@link StateTracker}). */
    G emitG;
    M emitM;
    /** Gs that {@code injectglist} made runnable since the last event (for the {@link StateTracker}). */
    final ArrayList<G> injected = new ArrayList<>();
    /** Ms changed after their last event (a locked M parking), for the {@link StateTracker}. */
    final ArrayList<M> touched = new ArrayList<>();

    final Netpoll netpoll;
    final Timers timers;
    final Chans chans;
    final Sema sema;
    final Sysmon sysmon;
    final ProgramOutput out;

    /** Set when the program has ended (exit, panic, deadlock, limit). */
    Outcome outcome;

    Sched(SimConfig cfg, ProgramOutput out) {
        this.cfg = cfg;
        this.timings = cfg.timings();
        this.rand = new FastRand(cfg.seed());
        this.gomaxprocs = cfg.gomaxprocs();
        this.allp = new P[gomaxprocs];
        this.stealOrder = new StealOrder(gomaxprocs);
        this.out = out;
        this.netpoll = new Netpoll(this);
        this.timers = new Timers(this);
        this.chans = new Chans(this);
        this.sema = new Sema(this);
        this.sysmon = new Sysmon(this);
        this.m0 = allocm();
        m0.state = M.State.SCHEDULING;
    }

    void addListener(EventListener l) {
        listeners.add(l);
        recording = true;
    }

    // =====================================================================
    // Events
    // =====================================================================

    /** Appends an event for every listener. Cheap when nobody listens. */
    void emit(EventKind kind, G g, M m, P p, String key, Object... args) {
        long seq = eventSeq++;
        if (!recording) return; // hot call sites check `recording` first, so no arguments are built
        Event e = new Event(seq, now, kind, g == null ? -1 : g.goid, m == null ? -1 : m.id, p == null ? -1 : p.id,
                key, args);
        emitG = g;
        emitM = m;
        for (EventListener l : listeners) l.onEvent(e);
        emitG = null;
        emitM = null;
    }

    long eventCount() {
        return eventSeq;
    }

    // =====================================================================
    // Start-up: schedinit, procresize, runtime.main
    // =====================================================================

    /**
     * {@code schedinit} + {@code procresize} + {@code newproc(runtime.main)} + {@code mstart}:
     * creates the Ps (P0 to m0, the rest idle), G1 running {@code runtime.main}
     * (which starts sysmon and the runtime's own goroutines, then calls
     * {@code mainBody}), and lets m0 schedule.
     */
    void schedinit(GoroutineBody mainBody) {
        for (int i = 0; i < gomaxprocs; i++) allp[i] = new P(i);
        // procresize: allp[0] goes to the current M, the others to pidle, highest id first
        // so that pidleget hands out P1, P2, … in order.
        for (int i = gomaxprocs - 1; i >= 1; i--) {
            allp[i].status = PStatus.IDLE;
            pidleput(allp[i]);
        }
        acquirep(m0, allp[0]);
        if (recording) emit(EventKind.START, null, m0, allp[0], "start", gomaxprocs, cfg.seed(), cfg.asyncPreempt() ? 1 : 0); else eventSeq++;
        g1 = newproc1(allp[0], new RuntimeMain(this, mainBody), "runtime.main", 0, false);
        runqput(allp[0], g1, true);
        if (recording) emit(EventKind.NEWPROC, g1, m0, allp[0], "newproc.main", g1.goid); else eventSeq++;
        schedule(m0);
    }

    // =====================================================================
    // Creating goroutines: newproc, newproc1, gfget, gfput
    // =====================================================================

    /**
     * {@code newproc}: creates a G running {@code body} on the current P's
     * {@code runnext} (kicking the old {@code runnext} to the tail), then
     * {@code wakep()} once {@code mainStarted}.
     */
    G newproc(M m, GoroutineBody body, String name, boolean system) {
        P pp = m.p;
        G parent = m.curg;
        G newg = newproc1(pp, body, name, parent == null ? 0 : parent.goid, system);
        G kicked = pp.runnext;
        runqput(pp, newg, true);
        if (recording) emit(EventKind.NEWPROC, newg, m, pp, kicked == null ? "newproc" : "newproc.kick",
                newg.goid, parent == null ? 0 : parent.goid, kicked == null ? 0 : kicked.goid, name); else eventSeq++;
        if (mainStarted) wakep();
        return newg;
    }

    /** {@code newproc1}: a G from {@code gfget} or a fresh one ({@code malg} + {@code allgadd}), with a new goid. */
    G newproc1(P pp, GoroutineBody body, String name, long parentGoid, boolean system) {
        G newg = gfget(pp);
        if (newg == null) {
            newg = new G(allgs.size());
            allgs.add(newg);
            newg.status = GStatus.DEAD; // _Gidle → _Gdead before it is published in allgs
        }
        if (pp.goidcache == pp.goidcacheend) {
            // Sched.goidgen is the last allocated id; this batch is [goidgen+1, goidgen+16].
            pp.goidcache = goidgen + 1;
            goidgen += GOID_CACHE_BATCH;
            pp.goidcacheend = goidgen + 1;
        }
        newg.goid = pp.goidcache++;
        newg.body = body;
        newg.name = name;
        newg.parentGoid = parentGoid;
        newg.system = system;
        newg.resume = Resume.START;
        newg.pendingCompute = 0;
        newg.preempt = false;
        newg.stashed = null;
        newg.retryLock = null;
        newg.runs = 0;
        newg.pHistory.clear();
        newg.waitingOn = "";
        newg.status = GStatus.RUNNABLE;
        return newg;
    }

    /**
     * {@code gfput}: puts a dead G on the P's free list; when the list reaches 64,
     * moves Gs to the global list until fewer than 32 remain.
     */
    void gfput(P pp, G gp) {
        pp.gFree.push(gp);
        if (pp.gFree.size() >= 64) {
            int moved = 0;
            while (pp.gFree.size() >= 32) {
                G g = pp.gFree.pop();
                if (g.hasStack) gFreeStack.push(g);
                else gFreeNoStack.push(g);
                moved++;
            }
            if (recording) emit(EventKind.GFPUT, gp, null, pp, "gfput.global", moved, pp.gFree.size()); else eventSeq++;
        }
    }

    /**
     * {@code gfget}: takes a dead G from the P's free list, refilling it from the
     * global list up to 32 first (preferring Gs with stacks).
     */
    G gfget(P pp) {
        if (pp.gFree.isEmpty() && (!gFreeStack.isEmpty() || !gFreeNoStack.isEmpty())) {
            while (pp.gFree.size() < 32) {
                G g = gFreeStack.poll();
                if (g == null) g = gFreeNoStack.poll();
                if (g == null) break;
                pp.gFree.push(g);
            }
        }
        G gp = pp.gFree.poll();
        if (gp == null) return null;
        gp.hasStack = true; // stackalloc if it had none
        if (recording) emit(EventKind.GFGET, gp, null, pp, "gfget", gp.index); else eventSeq++;
        return gp;
    }

    // =====================================================================
    // Local run queue: runqput, runqputslow, runqget, runqgrab, runqsteal
    // =====================================================================

    /**
     * {@code runqput}: with {@code next}, puts {@code gp} in {@code runnext} and
     * continues with the G it displaced; then appends to the ring's tail, or
     * {@code runqputslow} if the ring is full.
     */
    void runqput(P pp, G gp, boolean next) {
        if (next) {
            G old = pp.runnext;
            pp.runnext = gp;
            if (old == null) return;
            gp = old;
        }
        if (pp.runqtail - pp.runqhead < P.RUNQ_SIZE) {
            pp.runqPushTail(gp);
            return;
        }
        runqputslow(pp, gp);
    }

    /**
     * {@code runqputslow}: the ring is full; moves half of it (128 Gs from the
     * head) plus {@code gp} — 129 Gs — to the tail of the global queue in one batch.
     */
    void runqputslow(P pp, G gp) {
        int n = (pp.runqtail - pp.runqhead) / 2;
        G first = pp.runqAt(0);
        for (int i = 0; i < n; i++) runq.pushBack(pp.runqPopHead());
        runq.pushBack(gp);
        if (recording) emit(EventKind.RUNQPUTSLOW, gp, pp.m, pp, "runqputslow", n + 1, first.goid, gp.goid, runq.size()); else eventSeq++;
    }

    /** {@code runqget}: {@code runnext} first (inheriting the time slice), else the ring's head. */
    G runqget(P pp, boolean[] inheritTime) {
        G next = pp.runnext;
        if (next != null) {
            pp.runnext = null;
            inheritTime[0] = true;
            return next;
        }
        inheritTime[0] = false;
        if (pp.runqhead == pp.runqtail) return null;
        return pp.runqPopHead();
    }

    /**
     * {@code runqputbatch}: appends as many Gs as fit in the ring (never
     * {@code runnext}); the rest go to the global queue.
     */
    void runqputbatch(P pp, ArrayDeque<G> q) {
        while (!q.isEmpty() && pp.runqtail - pp.runqhead < P.RUNQ_SIZE) pp.runqPushTail(q.poll());
        while (!q.isEmpty()) runq.pushBack(q.poll());
    }

    // =====================================================================
    // Global run queue: globrunqput, globrunqget
    // =====================================================================

    /** {@code globrunqput}: the tail of the global queue. */
    void globrunqput(G gp) {
        runq.pushBack(gp);
    }

    /**
     * {@code globrunqget(pp, max)}: takes {@code min(runqsize/gomaxprocs+1, runqsize, max, 128)}
     * Gs; returns the first and {@code runqput}s the others onto the local ring.
     */
    G globrunqget(P pp, int max, boolean fairness) {
        int size = runq.size();
        if (size == 0) return null;
        int n = size / gomaxprocs + 1;
        if (n > size) n = size;
        if (max > 0 && n > max) n = max;
        if (n > P.RUNQ_SIZE / 2) n = P.RUNQ_SIZE / 2;
        G gp = runq.pop();
        for (int i = 1; i < n; i++) runqput(pp, runq.pop(), false);
        if (recording) emit(EventKind.GLOBRUNQGET, gp, pp.m, pp, fairness ? "globrunqget.fairness" : "globrunqget",
                n, runq.size(), pp.schedtick); else eventSeq++;
        return gp;
    }

    // =====================================================================
    // Idle Ps and Ms: pidleput, pidleget, mput, mget
    // =====================================================================

    /** {@code pidleput}: puts an idle P on {@code sched.pidle} (its run queue must be empty). */
    void pidleput(P pp) {
        if (!pp.runqempty()) throw new IllegalStateException("pidleput: P has non-empty run queue");
        pp.status = PStatus.IDLE;
        pidle.push(pp);
        npidle++;
    }

    /** {@code pidleget}: takes an idle P (LIFO), or null. */
    P pidleget() {
        P pp = pidle.poll();
        if (pp != null) npidle--;
        return pp;
    }

    /** {@code mput}: parks an M on {@code sched.midle}, then {@code checkdead}. */
    void mput(M mp) {
        midle.push(mp);
        nmidle++;
        checkdead();
    }

    /** {@code mget}: takes an idle M (LIFO), or null. */
    M mget() {
        M mp = midle.poll();
        if (mp != null) nmidle--;
        return mp;
    }

    /** {@code acquirep} → {@code wirep}: associates P and M; the P becomes {@code _Prunning}. */
    void acquirep(M m, P pp) {
        if (recording) touched.add(m);
        m.p = pp;
        pp.m = m;
        pp.status = PStatus.RUNNING;
    }

    /** {@code releasep}: dissociates the M's P, which becomes {@code _Pidle}. */
    P releasep(M m) {
        if (recording) touched.add(m);
        P pp = m.p;
        pp.m = null;
        m.p = null;
        pp.status = PStatus.IDLE;
        return pp;
    }

    // =====================================================================
    // Threads: wakep, startm, newm, stopm, resetspinning, handoffp
    // =====================================================================

    /**
     * {@code wakep}: tries to add one more P to execute Gs — only if there is an
     * idle P and no M is spinning; the new M starts spinning.
     */
    void wakep() {
        if (npidle == 0) return;
        if (nmspinning != 0) return;
        nmspinning = 1; // atomic.Cas(&sched.nmspinning, 0, 1)
        startm(null, true, "wakep");
    }

    /**
     * {@code startm}: schedules some M to run {@code pp} (an idle P if null):
     * an idle M from {@code midle} if there is one, else {@code newm}.
     * If {@code spinning}, the caller has already incremented {@code nmspinning}.
     */
    void startm(P pp, boolean spinning, String why) {
        if (pp == null) {
            pp = pidleget();
            if (pp == null) {
                if (spinning) nmspinning--;
                return;
            }
        }
        M nmp = mget();
        if (nmp == null) {
            newm(pp, spinning, why);
            return;
        }
        nmp.spinning = spinning;
        nmp.nextp = pp;
        nmp.blocked = false;
        nmp.state = M.State.STARTING;
        if (recording) emit(EventKind.STARTM, null, nmp, pp, spinning ? "startm.spinning" : "startm", why); else eventSeq++;
        at(now + timings.wakeupNs(), TaskKind.M_START, nmp);
    }

    /**
     * {@code newm} → {@code allocm} → {@code newosproc}: creates a new OS thread
     * that will start on {@code pp} ({@code mstart} → {@code acquirep(nextp)} → {@code schedule}).
     */
    void newm(P pp, boolean spinning, String why) {
        M mp = allocm();
        mp.nextp = pp;
        mp.spinning = spinning;
        if (recording) emit(EventKind.NEWM, null, mp, pp, spinning ? "newm.spinning" : "newm", why, mcount()); else eventSeq++;
        at(now + timings.newmNs(), TaskKind.M_START, mp);
    }

    /** {@code allocm} → {@code mcommoninit}: a new M id, prepended to {@code allm}; {@code checkmcount}. */
    M allocm() {
        M mp = new M(mnext++);
        allm.push(mp);
        if (mcount() > MAXMCOUNT) {
            throwFatal("runtime: program exceeds " + MAXMCOUNT + "-thread limit\n", "thread exhaustion");
        }
        return mp;
    }

    /** {@code mcount}: threads created minus threads exited; schedtrace's {@code threads=}. */
    int mcount() {
        return mnext - nmfreed;
    }

    /**
     * {@code stopm}: parks the M on {@code midle}; when {@code startm} wakes it,
     * it acquires {@code nextp} and schedules.
     */
    void stopm(M m) {
        m.state = M.State.IDLE;
        m.blocked = true;
        m.spinning = false;
        if (recording) emit(EventKind.STOPM, null, m, null, "stopm", nmidle + 1); else eventSeq++;
        mput(m);
    }

    /**
     * {@code resetspinning}: a spinning M found work; it stops spinning and, being
     * the last spinner, wakes another M to look for more ({@code wakep}).
     */
    void resetspinning(M m) {
        m.spinning = false;
        nmspinning--;
        if (nmspinning < 0) throw new IllegalStateException("findrunnable: negative nmspinning");
        if (recording) emit(EventKind.RESETSPINNING, null, m, m.p, "resetspinning", nmspinning); else eventSeq++;
        wakep();
    }

    /**
     * {@code handoffp}: gives away a P whose M is blocked (syscall retake, locked G),
     * checking in order: local or global work; no spinning and no idle P (start a
     * spinning M); global work under the lock; the last running P with nobody
     * polling the network; otherwise the P goes idle.
     */
    void handoffp(P pp) {
        if (!pp.runqempty() || runq.size() != 0) {
            if (recording) emit(EventKind.HANDOFFP, null, null, pp, "handoffp.work", pp.runqsize() + (pp.runnext != null ? 1 : 0), runq.size()); else eventSeq++;
            startm(pp, false, "handoffp");
            return;
        }
        if (nmspinning + npidle == 0) {
            if (recording) emit(EventKind.HANDOFFP, null, null, pp, "handoffp.spin"); else eventSeq++;
            nmspinning = 1; // atomic.Cas(&sched.nmspinning, 0, 1)
            startm(pp, true, "handoffp");
            return;
        }
        if (npidle == gomaxprocs - 1 && lastpoll != POLLING) {
            if (recording) emit(EventKind.HANDOFFP, null, null, pp, "handoffp.netpoll"); else eventSeq++;
            startm(pp, false, "handoffp");
            return;
        }
        long when = timers.nobarrierWakeTime(pp);
        pidleput(pp);
        if (recording) emit(EventKind.HANDOFFP, null, null, pp, "handoffp.idle", npidle); else eventSeq++;
        if (when != 0) timers.wakeNetPoller(when);
    }

    // =====================================================================
    // schedule, findRunnable, stealWork, execute
    // =====================================================================

    /** Runs {@code schedule} on {@code m} after {@code delay} ns (the cost of the switch). */
    void scheduleLater(M m, long delay) {
        m.state = M.State.SCHEDULING;
        at(now + delay, TaskKind.M_SCHEDULE, m);
    }

    /**
     * {@code schedule}: one round of the scheduler on {@code m}: a locked M waits
     * for its G ({@code stoplockedm}); otherwise {@code findRunnable}, then
     * {@code resetspinning} if spinning, {@code startlockedm} for a locked G,
     * and {@code execute}.
     */
    void schedule(M m) {
        if (outcome != null) return;
        if (m.lockedg != null) {
            stoplockedm(m);
            return;
        }
        boolean[] inherit = new boolean[1];
        G gp = findRunnable(m, inherit);
        if (gp == null) return; // the M is parked, polling or backing off
        runFound(m, gp, inherit[0]);
    }

    /** The tail of {@code schedule} once {@code findRunnable} returned {@code gp}. */
    void runFound(M m, G gp, boolean inheritTime) {
        if (m.spinning) resetspinning(m);
        if (gp.lockedm != null && gp.lockedm != m) {
            startlockedm(m, gp);
            return;
        }
        execute(m, gp, inheritTime);
    }

    /**
     * {@code findRunnable}: finds a runnable G, in the 1.19 order — timers,
     * the 1-in-61 global check, local queue, global queue, non-blocking netpoll,
     * stealing (if allowed to spin), the global queue again under the lock; then
     * gives up the P, re-checks all queues if it was spinning, blocks in netpoll
     * if it can, or parks ({@code stopm}). Returns null when the M blocked.
     */
    G findRunnable(M m, boolean[] inheritTime) {
        top:
        while (true) {
            P pp = m.p;
            long pollUntilLocal = timers.checkTimers(m, pp);
            if (pp.schedtick % 61 == 0 && runq.size() > 0) {
                G gp = globrunqget(pp, 1, true);
                if (gp != null) {
                    inheritTime[0] = false;
                    return gp;
                }
            }
            G gp = runqget(pp, inheritTime);
            if (gp != null) return gp;
            if (runq.size() != 0) {
                gp = globrunqget(pp, 0, false);
                if (gp != null) {
                    inheritTime[0] = false;
                    return gp;
                }
            }
            if (netpollInited && netpoll.waiters() > 0 && lastpoll != POLLING) {
                ArrayDeque<G> list = netpoll.netpoll(m, 0);
                if (!list.isEmpty()) {
                    gp = list.pop();
                    injectglist(m, list);
                    netpollReady(gp);
                    inheritTime[0] = false;
                    return gp;
                }
            }
            if (m.spinning || 2 * nmspinning < gomaxprocs - npidle) {
                if (!m.spinning) {
                    m.spinning = true;
                    nmspinning++;
                    if (recording) emit(EventKind.SPINNING, null, m, pp, "spinning.start", nmspinning); else eventSeq++;
                }
                StealResult sr = stealWork(m, pp);
                if (sr.gp != null) {
                    inheritTime[0] = sr.inheritTime;
                    return sr.gp;
                }
                if (sr.backoff) return null;
                if (sr.newWork) continue top;
                if (sr.pollUntil != 0 && (pollUntilLocal == 0 || sr.pollUntil < pollUntilLocal)) {
                    pollUntilLocal = sr.pollUntil;
                }
            }
            // Give up the P.
            if (runq.size() != 0) {
                gp = globrunqget(pp, 0, false);
                inheritTime[0] = false;
                return gp;
            }
            releasep(m);
            pidleput(pp);
            if (recording) emit(EventKind.PIDLEPUT, null, m, pp, "pidleput", npidle); else eventSeq++;
            boolean wasSpinning = m.spinning;
            if (m.spinning) {
                m.spinning = false;
                nmspinning--;
                if (nmspinning < 0) throw new IllegalStateException("findrunnable: negative nmspinning");
                if (checkRunqsNoP() != null) {
                    P got = pidleget();
                    if (got != null) {
                        acquirep(m, got);
                        m.spinning = true;
                        nmspinning++;
                        if (recording) emit(EventKind.ACQUIREP, null, m, got, "acquirep.recheck"); else eventSeq++;
                        continue top;
                    }
                }
                pollUntilLocal = timers.checkTimersNoP(pollUntilLocal);
            }
            if (netpollInited && (netpoll.waiters() > 0 || pollUntilLocal != 0) && lastpoll != POLLING) {
                lastpoll = POLLING; // atomic.Xchg64(&sched.lastpoll, 0)
                pollUntil = pollUntilLocal;
                netpoll.block(m, pollUntilLocal, wasSpinning);
                return null;
            } else if (pollUntilLocal != 0 && netpollInited) {
                if (pollUntil == 0 || pollUntil > pollUntilLocal) netpoll.netpollBreak();
            }
            stopm(m);
            return null;
        }
    }

    /** {@code checkRunqsNoP}: after dropping its P, a formerly spinning M checks every P's queue once more. */
    private P checkRunqsNoP() {
        for (P p2 : allp) {
            if (p2.status != PStatus.IDLE && !p2.runqempty()) {
                return p2;
            }
        }
        return null;
    }

    /** Result of {@link #stealWork}. */
    record StealResult(G gp, boolean inheritTime, long pollUntil, boolean newWork, boolean backoff) { }

    /**
     * {@code stealWork}: four passes over all Ps in a random order
     * ({@code stealOrder.start(fastrand())}); the last pass also runs the
     * victims' timers and may steal {@code runnext}.
     */
    StealResult stealWork(M m, P pp) {
        long pollUntilLocal = 0;
        boolean ranTimer = false;
        final int stealTries = 4;
        for (int i = 0; i < stealTries; i++) {
            boolean stealTimersOrRunNextG = i == stealTries - 1;
            StealOrder.Enum order = stealOrder.start(rand.next());
            for (; !order.done(); order.next()) {
                P p2 = allp[order.position()];
                if (pp == p2) continue;
                if (stealTimersOrRunNextG && !p2.timers.isEmpty()) {
                    long w = timers.checkTimers(m, p2);
                    if (w != 0 && (pollUntilLocal == 0 || w < pollUntilLocal)) pollUntilLocal = w;
                    if (timers.ranTimer) {
                        boolean[] inh = new boolean[1];
                        G gp = runqget(pp, inh);
                        if (gp != null) return new StealResult(gp, inh[0], pollUntilLocal, false, false);
                        ranTimer = true;
                    }
                }
                if (p2.status != PStatus.IDLE) {
                    if (stealTimersOrRunNextG && p2.runqsize() == 0 && p2.runnext != null
                            && p2.status == PStatus.RUNNING && m.stealBackoffVictim != p2) {
                        // runqgrab: usleep(3) to give the victim a chance to run its runnext.
                        m.stealBackoffVictim = p2;
                        if (recording) emit(EventKind.STEAL_BACKOFF, p2.runnext, m, pp, "steal.backoff", p2.id); else eventSeq++;
                        m.state = M.State.SCHEDULING;
                        at(now + timings.stealBackoffNs(), TaskKind.M_SCHEDULE, m);
                        return new StealResult(null, false, 0, false, true);
                    }
                    G gp = runqsteal(m, pp, p2, stealTimersOrRunNextG);
                    if (gp != null) return new StealResult(gp, false, pollUntilLocal, false, false);
                }
            }
        }
        m.stealBackoffVictim = null;
        return new StealResult(null, false, pollUntilLocal, ranTimer, false);
    }

    /**
     * {@code runqsteal} → {@code runqgrab}: takes half (rounded up) of the victim's
     * ring from its head, or its {@code runnext} if the ring is empty and
     * {@code stealRunNextG}; appends the batch to our ring and returns the last one.
     */
    G runqsteal(M m, P pp, P p2, boolean stealRunNextG) {
        int n = p2.runqtail - p2.runqhead;
        n = n - n / 2;
        if (n == 0) {
            if (stealRunNextG && p2.runnext != null) {
                G next = p2.runnext;
                p2.runnext = null;
                m.stealBackoffVictim = null;
                if (recording) emit(EventKind.STEAL, next, m, pp, "steal.runnext", p2.id, 1); else eventSeq++;
                return next;
            }
            return null;
        }
        G last = null;
        for (int i = 0; i < n; i++) {
            G g = p2.runqPopHead();
            if (i < n - 1) pp.runqPushTail(g);
            else last = g;
        }
        m.stealBackoffVictim = null;
        if (recording) emit(EventKind.STEAL, last, m, pp, "steal", p2.id, n); else eventSeq++;
        return last;
    }

    /**
     * {@code execute}: runs {@code gp} on {@code m}: {@code _Grunnable → _Grunning};
     * {@code schedtick++} unless the G inherits the current time slice (from {@code runnext}).
     */
    void execute(M m, G gp, boolean inheritTime) {
        P pp = m.p;
        m.curg = gp;
        gp.m = m;
        gp.status = GStatus.RUNNING;
        gp.preempt = false;
        if (!inheritTime) pp.schedtick++;
        gp.runs++;
        gp.pHistory.addDistinctLast(pp.id);
        m.state = M.State.RUNNING;
        m.stealBackoffVictim = null;
        if (recording) emit(EventKind.EXECUTE, gp, m, pp, inheritTime ? "execute.inherit" : "execute", pp.schedtick); else eventSeq++;
        runG(m);
    }

    // =====================================================================
    // Running a goroutine's body
    // =====================================================================

    /**
     * Drives {@code m.curg}: finishes pending compute (schedules its end), honours
     * a pending cooperative preemption at the next call, and otherwise asks the body
     * for its next action and performs it.
     */
    void runG(M m) {
        G gp = m.curg;
        while (outcome == null && m.curg == gp && gp.status == GStatus.RUNNING) {
            if (gp.pendingCompute > 0) {
                m.computeEnd = now + gp.pendingCompute;
                m.computeHasCalls = gp.pendingHasCalls;
                m.state = M.State.RUNNING;
                at(m.computeEnd, TaskKind.M_COMPUTE_DONE, m);
                return;
            }
            if (gp.retryLock != null) {
                if (!sema.retryLock(m, gp)) return;
                continue;
            }
            Action a = gp.stashed;
            if (a != null) {
                gp.stashed = null;
            } else {
                a = gp.body.next(gp.resume);
                gp.resume = Resume.DONE;
            }
            if (gp.preempt && (cfg.asyncPreempt() || !(a instanceof Action.Compute c) || c.hasCalls())) {
                // Async: the signal lands at this instruction boundary. Cooperative: the next call's
                // stack check fails (stackguard0 == stackPreempt) → newstack → gopreempt_m; a loop
                // without calls runs on. The action waits for the G's next turn.
                gp.stashed = a;
                gopreempt_m(m, gp);
                return;
            }
            Actions.perform(this, m, gp, a);
        }
    }

    /** Adds user-visible cost to the running G (e.g. a channel operation): it computes that long. */
    void charge(G gp, long ns) {
        if (ns <= 0) return;
        gp.pendingCompute += ns;
        gp.pendingHasCalls = true;
    }

    /** The compute of {@code m.curg} ended at its scheduled time. */
    private void computeDone(M m) {
        G gp = m.curg;
        gp.pendingCompute = 0;
        runG(m);
    }

    // =====================================================================
    // Parking and readying: gopark, ready, goschedImpl, preemption
    // =====================================================================

    /**
     * {@code gopark} → {@code park_m}: {@code _Grunning → _Gwaiting} with
     * {@code reason}; the M drops the G and schedules.
     */
    void gopark(M m, G gp, WaitReason reason, String on) {
        gp.status = GStatus.WAITING;
        gp.waitreason = reason;
        gp.waitingOn = on;
        dropg(m);
        if (recording) emit(EventKind.PARK, gp, m, m.p, "park." + reasonKey(reason), on); else eventSeq++;
        scheduleLater(m, timings.switchNs());
    }

    private static String reasonKey(WaitReason r) {
        return r.name().toLowerCase();
    }

    /** {@code dropg}: the M no longer runs a user G. */
    void dropg(M m) {
        if (recording) touched.add(m);
        G gp = m.curg;
        if (gp != null) gp.m = null;
        m.curg = null;
    }

    /**
     * {@code goready} → {@code ready(gp, next=true)}: {@code _Gwaiting → _Grunnable},
     * {@code runqput} onto the <em>waker's</em> P {@code runnext}, then {@code wakep}.
     */
    void ready(M waker, G gp, String why) {
        P pp = waker.p;
        G kicked = pp.runnext;
        gp.status = GStatus.RUNNABLE;
        gp.waitingOn = "";
        runqput(pp, gp, true);
        String key = (waker.curg == null ? "ready.rt" : "ready") + (kicked == null ? "" : ".kick");
        if (recording) emit(EventKind.READY, gp, waker, pp, key, waker.curg == null ? 0 : waker.curg.goid, why,
                kicked == null ? 0 : kicked.goid); else eventSeq++;
        wakep();
    }

    /**
     * {@code goschedImpl}: {@code _Grunning → _Grunnable}, to the <em>global</em>
     * queue (Gosched and time-slice preemption alike); 1.19 does not {@code wakep} here.
     */
    void goschedImpl(M m, G gp, boolean preempted) {
        gp.status = GStatus.RUNNABLE;
        dropg(m);
        globrunqput(gp);
        if (recording) emit(preempted ? EventKind.PREEMPTED : EventKind.GOSCHED, gp, m, m.p,
                preempted ? "preempted" : "gosched", runq.size()); else eventSeq++;
        scheduleLater(m, timings.switchNs());
    }

    /** {@code gopreempt_m}: a preempted G goes through {@code goschedImpl}. */
    void gopreempt_m(M m, G gp) {
        gp.preempt = false;
        goschedImpl(m, gp, true);
    }

    /**
     * {@code preemptone}: asks the G running on {@code pp} to stop
     * ({@code gp.preempt = true}); with async preemption, signals its M
     * ({@code preemptM}, SIGURG) so it stops at once, even in a loop without calls.
     */
    boolean preemptone(P pp) {
        M mp = pp.m;
        if (mp == null) return false;
        G gp = mp.curg;
        if (gp == null) return false;
        gp.preempt = true;
        boolean async = cfg.asyncPreempt();
        if (recording) emit(EventKind.PREEMPT_REQUEST, gp, mp, pp, async ? "preemptone.async" : "preemptone.coop"); else eventSeq++;
        if (mp.state == M.State.RUNNING && mp.computeEnd > now && (async || mp.computeHasCalls)) {
            if (async) pp.preempt = true;
            // The signal (or the next call's prologue) interrupts the compute shortly after.
            long stopAt = Math.min(mp.computeEnd, now + (async ? timings.signalNs() : 0));
            mp.wakeGen++;
            gp.pendingCompute = mp.computeEnd - stopAt;
            mp.computeEnd = stopAt;
            at(stopAt, TaskKind.M_PREEMPT, mp);
        }
        return true;
    }

    private void preemptArrived(M m) {
        G gp = m.curg;
        if (gp == null || !gp.preempt) {
            runG(m);
            return;
        }
        m.p.preempt = false;
        gopreempt_m(m, gp);
    }

    // =====================================================================
    // injectglist
    // =====================================================================

    /**
     * {@code injectglist}: makes Gs from the netpoller runnable. Without a P, all go
     * to the global queue and idle Ps are started; with one, one G per idle P goes
     * global (with an M started for it) and the rest go to this P's ring. Never
     * {@code runnext}, no inherited time slice.
     */
    void injectglist(M m, ArrayDeque<G> glist) {
        if (glist.isEmpty()) return;
        int qsize = glist.size();
        for (G g : glist) {
            g.status = GStatus.RUNNABLE;
            g.waitingOn = "";
            if (recording) injected.add(g);
        }
        P pp = m == null ? null : m.p;
        if (pp == null) {
            while (!glist.isEmpty()) runq.pushBack(glist.poll());
            if (recording) emit(EventKind.INJECTGLIST, null, m, null, "injectglist.nop", qsize); else eventSeq++;
            startIdle(qsize);
            return;
        }
        int idle = npidle;
        int n = 0;
        for (; n < idle && !glist.isEmpty(); n++) runq.pushBack(glist.poll());
        int local = glist.size();
        if (recording) emit(EventKind.INJECTGLIST, null, m, pp, "injectglist", n, local); else eventSeq++;
        if (n > 0) startIdle(n);
        if (!glist.isEmpty()) runqputbatch(pp, glist);
    }

    /** A G returned by {@code netpoll} to run at once: {@code casgstatus(gp, _Gwaiting, _Grunnable)}. */
    void netpollReady(G gp) {
        gp.status = GStatus.RUNNABLE;
        gp.waitingOn = "";
        if (recording) injected.add(gp);
    }

    private void startIdle(int n) {
        for (; n != 0 && npidle != 0; n--) startm(null, false, "injectglist");
    }

    // =====================================================================
    // System calls (Go 1.19: _Psyscall)
    // =====================================================================

    /**
     * {@code entersyscall} → {@code reentersyscall}: {@code _Grunning → _Gsyscall};
     * the P is <em>not</em> handed off: it waits in {@code _Psyscall} with
     * affinity to this M ({@code m.oldp}); sysmon may retake it later.
     */
    void entersyscall(M m, G gp, long ns) {
        P pp = m.p;
        gp.status = GStatus.SYSCALL;
        m.syscalltick = pp.syscalltick;
        pp.m = null;
        m.oldp = pp;
        m.p = null;
        pp.status = PStatus.SYSCALL;
        m.state = M.State.SYSCALL;
        if (recording) emit(EventKind.ENTERSYSCALL, gp, m, pp, "entersyscall", ns); else eventSeq++;
        if (sysmonwait != 0) sysmon.wake(); // entersyscall_sysmon
        at(now + ns, TaskKind.M_SYSCALL_DONE, m);
    }

    /**
     * {@code exitsyscall}: {@code exitsyscallfast} — take back {@code oldp} if it is
     * still {@code _Psyscall} (same P, no scheduling), else any idle P; otherwise
     * {@code exitsyscall0}: the G goes to the global queue and the M parks.
     */
    void exitsyscall(M m) {
        G gp = m.curg;
        P oldp = m.oldp;
        m.oldp = null;
        if (oldp != null && oldp.status == PStatus.SYSCALL) {
            acquirep(m, oldp); // CAS _Psyscall → _Pidle, then wirep
            // exitsyscallfast_reacquired: retaken and re-entered a syscall meanwhile → one more tick
            if (m.syscalltick != oldp.syscalltick) oldp.syscalltick++;
            oldp.syscalltick++;
            gp.status = GStatus.RUNNING;
            m.state = M.State.RUNNING;
            if (recording) emit(EventKind.EXITSYSCALL_FAST, gp, m, oldp, "exitsyscall.samep"); else eventSeq++;
            runG(m);
            return;
        }
        if (npidle > 0) {
            P pp = pidleget();
            acquirep(m, pp);
            pp.syscalltick++;
            gp.status = GStatus.RUNNING;
            m.state = M.State.RUNNING;
            if (recording) emit(EventKind.EXITSYSCALL_FAST, gp, m, pp, "exitsyscall.idlep", oldp == null ? -1 : oldp.id); else eventSeq++;
            if (sysmonwait != 0) sysmon.wake();
            runG(m);
            return;
        }
        exitsyscall0(m, gp);
    }

    /** {@code exitsyscall0}: no P: {@code _Gsyscall → _Grunnable}, global queue, {@code stopm}. */
    void exitsyscall0(M m, G gp) {
        gp.status = GStatus.RUNNABLE;
        dropg(m);
        globrunqput(gp);
        if (recording) emit(EventKind.EXITSYSCALL_SLOW, gp, m, null, "exitsyscall0", runq.size()); else eventSeq++;
        if (gp.lockedm == m) {
            // stoplockedm: wait until someone schedules the locked G again.
            m.lockedg = gp;
            parkLocked(m);
            return;
        }
        stopm(m);
    }

    // =====================================================================
    // LockOSThread: stoplockedm, startlockedm
    // =====================================================================

    /** {@code LockOSThread} / internal {@code lockOSThread}: wires the G to its M. */
    void lockOSThread(M m, G gp, boolean external) {
        if (external) {
            gp.lockedExt++;
            if (templateThread == null) {
                templateThread = allocm();
                templateThread.state = M.State.TEMPLATE;
                templateThread.blocked = true;
                nmsys++;
                if (recording) emit(EventKind.NEWM, null, templateThread, null, "newm.template", "LockOSThread", mcount()); else eventSeq++;
            }
        } else {
            gp.lockedInt++;
        }
        m.lockedg = gp;
        gp.lockedm = m;
        if (recording) emit(EventKind.LOCKOSTHREAD, gp, m, m.p, "lockosthread"); else eventSeq++;
    }

    /** {@code UnlockOSThread} / {@code unlockOSThread}: unwires when both counts drop to zero. */
    void unlockOSThread(M m, G gp, boolean external) {
        if (external) {
            if (gp.lockedExt > 0) gp.lockedExt--;
        } else if (gp.lockedInt > 0) {
            gp.lockedInt--;
        }
        if (gp.lockedExt == 0 && gp.lockedInt == 0) {
            m.lockedg = null;
            gp.lockedm = null;
            if (recording) emit(EventKind.LOCKOSTHREAD, gp, m, m.p, "unlockosthread"); else eventSeq++;
        }
    }

    /**
     * {@code stoplockedm}: a locked M whose G blocked hands its P off
     * ({@code handoffp(releasep())}) and sleeps until the G is runnable again.
     */
    void stoplockedm(M m) {
        P pp = m.p;
        if (pp != null) {
            releasep(m);
            if (recording) emit(EventKind.STOPLOCKEDM, m.lockedg, m, pp, "stoplockedm"); else eventSeq++;
            handoffp(pp);
        }
        if (m.nextp != null) {
            // startlockedm already handed us a P (its notewakeup came first): mPark returns at once.
            m.state = M.State.STARTING;
            at(now, TaskKind.M_START, m);
            return;
        }
        parkLocked(m);
    }

    private void parkLocked(M m) {
        if (recording) touched.add(m);
        m.state = M.State.LOCKED_IDLE;
        m.blocked = true;
        m.spinning = false;
        nmidlelocked++;
        checkdead();
    }

    /**
     * {@code startlockedm}: the G picked is locked to another M: hand it our P
     * directly ({@code mp.nextp = P}) and park ourselves ({@code stopm}).
     */
    void startlockedm(M m, G gp) {
        M mp = gp.lockedm;
        P pp = releasep(m);
        mp.nextp = pp;
        mp.pendingLocked = gp;
        if (mp.state == M.State.LOCKED_IDLE) {
            nmidlelocked--; // incidlelocked(-1)
            mp.blocked = false;
            mp.state = M.State.STARTING;
            at(now + timings.wakeupNs(), TaskKind.M_START, mp);
        }
        // else mp has not reached stoplockedm yet: it will find nextp set there.
        if (recording) emit(EventKind.STARTLOCKEDM, gp, mp, pp, "startlockedm", m.id); else eventSeq++;
        stopm(m);
    }

    // =====================================================================
    // GOMAXPROCS: stopTheWorld, procresize, startTheWorld
    // =====================================================================

    /**
     * {@code runtime.GOMAXPROCS(n)}: returns the previous setting; for a new value,
     * stops the world, {@code procresize(n)}, and starts it again.
     */
    int gomaxprocsCall(M m, G gp, int n) {
        int old = gomaxprocs;
        if (n <= 0 || n == old) return old;
        stopTheWorld(m);
        procresize(m, Math.min(n, 1024));
        startTheWorld(m);
        return old;
    }

    /**
     * {@code stopTheWorldWithSema}: every other P stops ({@code _Pgcstop}). Running
     * goroutines are preempted ({@code preemptall} → {@code gopreempt_m}: to the
     * global queue); their Ms, and spinning or starting Ms, park ({@code gcstopm}
     * → {@code stopm}); Ps in syscalls and idle Ps are stopped where they are.
     * The world stops at once here (real Go takes some µs to reach every P).
     */
    void stopTheWorld(M self) {
        if (recording) emit(EventKind.STW, self.curg, self, self.p, "stw.stop", gomaxprocs); else eventSeq++;
        for (P pp : allp) {
            if (pp == self.p) continue;
            M mp = pp.m;
            if (pp.status == PStatus.RUNNING && mp != null) {
                G g = mp.curg;
                if (g != null && g.status == GStatus.RUNNING) {
                    if (mp.computeEnd > now) g.pendingCompute = mp.computeEnd - now;
                    mp.wakeGen++;
                    g.status = GStatus.RUNNABLE;
                    dropg(mp);
                    globrunqput(g);
                    if (recording) emit(EventKind.PREEMPTED, g, mp, pp, "preempted", runq.size()); else eventSeq++;
                }
                if (mp.spinning) {
                    mp.spinning = false;
                    nmspinning--;
                }
                mp.wakeGen++;
                releasep(mp);
                pp.status = PStatus.GCSTOP;
                stopm(mp);
            } else if (pp.status == PStatus.SYSCALL) {
                pp.status = PStatus.GCSTOP; // CAS _Psyscall → _Pgcstop; its M takes the slow path on return
            } else if (pp.status == PStatus.IDLE) {
                if (pidle.remove(pp)) npidle--;
                for (M mp2 : allm) {
                    if (mp2.nextp == pp && mp2.state == M.State.STARTING) {
                        // an M on its way to this P: it finds the world stopped and parks (gcstopm)
                        mp2.nextp = null;
                        mp2.pendingLocked = null;
                        if (mp2.spinning) {
                            mp2.spinning = false;
                            nmspinning--;
                        }
                        mp2.wakeGen++;
                        stopm(mp2);
                    }
                }
                pp.status = PStatus.GCSTOP;
            }
        }
    }

    /**
     * {@code procresize(nprocs)}: creates Ps up to {@code nprocs}; destroys the others
     * ({@code p.destroy}: runnext and the ring go to the <em>head</em> of the global queue,
     * timers to the current P, free Gs to the global list); the caller keeps its P if it
     * survives, else takes P0; Ps without work go idle.
     */
    void procresize(M self, int nprocs) {
        int old = gomaxprocs;
        P[] next = java.util.Arrays.copyOf(allp, nprocs);
        for (int i = old; i < nprocs; i++) next[i] = new P(i);
        P cur = self.p;
        for (int i = nprocs; i < old; i++) {
            P pp = allp[i];
            // move all runnable goroutines to the global queue, keeping their order at the head
            while (pp.runqhead != pp.runqtail) {
                pp.runqtail--;
                G g = pp.runq[pp.runqtail & (P.RUNQ_SIZE - 1)];
                pp.runq[pp.runqtail & (P.RUNQ_SIZE - 1)] = null;
                if (pp.opLog != null) pp.opLog.truncateTail();
                runq.pushFront(g);
            }
            if (pp.runnext != null) {
                runq.pushFront(pp.runnext);
                pp.runnext = null;
            }
            P keep = cur.id < nprocs ? cur : next[0];
            keep.timers.addAll(pp.timers);
            pp.timers.clear();
            while (!pp.gFree.isEmpty()) gFreeStack.push(pp.gFree.pop());
            pp.status = PStatus.DEAD;
        }
        allp = next;
        gomaxprocs = nprocs;
        stealOrder = new StealOrder(nprocs);
        if (cur.id >= nprocs) {
            releasep(self);
            cur = allp[0];
            acquirep(self, cur);
        } else {
            cur.status = PStatus.RUNNING;
        }
        if (recording) emit(EventKind.STW, self.curg, self, cur, "procresize", old, nprocs); else eventSeq++;
        runnableAfterResize.clear();
        for (int i = nprocs - 1; i >= 0; i--) {
            P pp = allp[i];
            if (pp == cur) continue;
            pp.status = PStatus.IDLE;
            if (pp.runqempty()) pidleput(pp);
            else runnableAfterResize.add(pp);
        }
    }

    private final ArrayList<P> runnableAfterResize = new ArrayList<>();

    /**
     * {@code startTheWorldWithSema}: every P with local work gets an M (an idle one or
     * {@code newm}); then {@code wakep}.
     */
    void startTheWorld(M self) {
        if (recording) emit(EventKind.STW, self.curg, self, self.p, "stw.start", gomaxprocs); else eventSeq++;
        for (P pp : runnableAfterResize) startm(pp, false, "startTheWorld");
        runnableAfterResize.clear();
        wakep();
    }

    // =====================================================================
    // Exit
    // =====================================================================

    /**
     * {@code goexit0}: {@code _Grunning → _Gdead}, fields cleared, {@code gfput};
     * a G that exits while locked to its thread takes the thread with it ({@code mexit}).
     */
    void goexit0(M m, G gp) {
        P pp = m.p;
        boolean locked = gp.lockedm != null && gp.lockedInt == 0;
        gp.status = GStatus.DEAD;
        gp.waitreason = WaitReason.ZERO;
        gp.waitingOn = "";
        gp.lockedm = null;
        gp.lockedExt = 0;
        gp.body = null;
        dropg(m);
        if (recording) emit(EventKind.GOEXIT, gp, m, pp, "goexit", pp.gFree.size() + 1); else eventSeq++;
        gfput(pp, gp);
        if (locked) {
            // mexit: the thread exits, handing off its P; m0 cannot exit, so it is wedged
            // (parked forever, still in allm, but no longer counted by mcount).
            m.lockedg = null;
            releasep(m);
            m.state = M.State.DEAD;
            m.blocked = m == m0;
            if (m != m0) allm.remove(m);
            nmfreed++;
            if (recording) emit(EventKind.GOEXIT, null, m, pp, m == m0 ? "mexit.m0" : "mexit", mcount()); else eventSeq++;
            handoffp(pp);
            checkdead();
            return;
        }
        m.lockedg = null;
        scheduleLater(m, timings.switchNs());
    }

    /** The program ends (main returned, os.Exit, fatal error, limit). */
    void exit(int code, Outcome.Reason reason, String message) {
        if (outcome != null) return;
        outcome = new Outcome(code, reason, message);
        if (recording) emit(EventKind.EXIT, null, null, null, "exit." + reason.name().toLowerCase(), code); else eventSeq++;
    }

    /**
     * {@code throw}: a fatal runtime error ({@code fatal error: …}), with a
     * goroutine dump like the real runtime's, then exit status 2.
     */
    void throwFatal(String prefix, String message) {
        if (outcome != null) return;
        StringBuilder sb = new StringBuilder(prefix).append("fatal error: ").append(message).append("\n\n");
        Tracebacks.appendAll(sb, this, null);
        out.stderr(sb.toString());
        if (recording) emit(EventKind.FATAL, null, null, null, "fatal", message); else eventSeq++;
        exit(2, Outcome.Reason.FATAL, message);
    }

    /** An unrecovered panic in {@code gp}: {@code panic: …}, the goroutine dump, exit status 2. */
    void fatalpanic(G gp, String message) {
        StringBuilder sb = new StringBuilder("panic: ").append(message);
        sb.append("\n\n");
        Tracebacks.appendAll(sb, this, gp);
        out.stderr(sb.toString());
        if (recording) emit(EventKind.PANIC, gp, gp.m, gp.m == null ? null : gp.m.p, "panic", message); else eventSeq++;
        exit(2, Outcome.Reason.PANIC, message);
    }

    // =====================================================================
    // checkdead
    // =====================================================================

    /**
     * {@code checkdead}: if no M is running ({@code mcount - nmidle - nmidlelocked - nmsys == 0})
     * and no user goroutine can ever run again (no timers pending), the program is deadlocked.
     */
    void checkdead() {
        int run = mcount() - nmidle - nmidlelocked - nmsys;
        if (run > 0) return;
        if (outcome != null) return;
        if (run < 0) throw new IllegalStateException("checkdead: inconsistent counts");
        int grunning = 0;
        for (G gp : allgs) {
            if (gp.system) continue;
            switch (gp.status) {
                case WAITING -> grunning++;
                case RUNNABLE, RUNNING, SYSCALL -> {
                    throwFatal("runtime: checkdead: find g " + gp.goid + " in status " + gp.status.code + "\n",
                            "checkdead: runnable g");
                    return;
                }
                default -> { }
            }
        }
        if (grunning == 0) {
            throwFatal("", "no goroutines (main called runtime.Goexit) - deadlock!");
            return;
        }
        for (P pp : allp) {
            if (!pp.timers.isEmpty()) return;
        }
        throwFatal("", "all goroutines are asleep - deadlock!");
    }

    // =====================================================================
    // The task queue
    // =====================================================================

    enum TaskKind { M_SCHEDULE, M_COMPUTE_DONE, M_PREEMPT, M_SYSCALL_DONE, M_START, M_NETPOLL_WAKE, SYSMON, NET_READY, EXTERNAL }

    /** A pending activity: at {@code when}, do {@code kind} on {@code m} (if {@code gen} is still current). */
    static final class Task implements Comparable<Task> {
        final long when;
        final long seq;
        final TaskKind kind;
        final M m;
        final long gen;
        final Object arg;

        Task(long when, long seq, TaskKind kind, M m, long gen, Object arg) {
            this.when = when;
            this.seq = seq;
            this.kind = kind;
            this.m = m;
            this.gen = gen;
            this.arg = arg;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(when, o.when);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Schedules {@code m}'s next activity, cancelling any pending one. */
    void at(long when, TaskKind kind, M m) {
        m.wakeGen++;
        tasks.add(new Task(when, taskSeq++, kind, m, m.wakeGen, null));
    }

    /** Schedules an activity not tied to an M's single pending slot. */
    void atFree(long when, TaskKind kind, Object arg) {
        tasks.add(new Task(when, taskSeq++, kind, null, 0, arg));
    }

    /** Runs tasks until at least {@code events} events exist, or the program ends. */
    void runUntilEvents(long events) {
        runBounded(events, false, Long.MAX_VALUE);
    }

    /**
     * Runs until the program ends or it is idle, waiting for the outside world: every P idle,
     * the Ms parked (one perhaps blocked in {@code netpoll}), and the only pending activity
     * sysmon's deep sleep running out — what a real Go server does between requests
     * ({@code findrunnable} blocks in {@code netpoll(-1)}, sysmon sleeps on {@code sysmonnote}).
     * A later {@link #injectReady} wakes it, and this may be called again.
     *
     * @return true if idle, false if the program ended
     */
    boolean runUntilIdle() {
        return runUntilIdle(Long.MAX_VALUE);
    }

    /** Like {@link #runUntilIdle()}, stopping also once {@code events} events exist. */
    boolean runUntilIdle(long events) {
        runBounded(events, true, Long.MAX_VALUE);
        return outcome == null;
    }

    /**
     * Lets virtual time pass until {@code t} while nothing else happens: runs the tasks due
     * by then (a sysmon wake-up, a timer), then sets the clock to {@code t}. For a program
     * waiting for the outside world, whose next input arrives at {@code t}.
     */
    void advanceTo(long t) {
        runBounded(Long.MAX_VALUE, false, t);
        if (outcome == null && now < t) now = t;
    }

    /** {@link #runLoop} with its stops set for one call: an event count, idleness, a time. */
    private void runBounded(long events, boolean whenIdle, long time) {
        long savedEvents = stopAtEvents;
        long savedTime = stopAtTime;
        boolean savedIdle = stopWhenIdle;
        stopAtEvents = events;
        stopWhenIdle = whenIdle;
        stopAtTime = time;
        try {
            runLoop();
        } finally {
            stopAtEvents = savedEvents;
            stopWhenIdle = savedIdle;
            stopAtTime = savedTime;
        }
    }

    /** Stops of the current {@link #runBounded} call (none outside one). */
    private long stopAtEvents = Long.MAX_VALUE;
    private boolean stopWhenIdle;
    private long stopAtTime = Long.MAX_VALUE;
    /** Called after every scheduler step (tests check invariants here). */
    Runnable afterTask;

    /** True if no live task is pending except the wake-up of a deep-sleeping sysmon. */
    boolean idle() {
        for (Task t : tasks) {
            if (t.m != null && t.gen != t.m.wakeGen) continue; // cancelled
            if (t.kind == TaskKind.SYSMON && sysmon.deepSleeping()) continue;
            return false;
        }
        return true;
    }

    /** True if the earliest live task is due after {@code t}, or none is pending (drops cancelled ones on the way). */
    private boolean nextLiveTaskAfter(long t) {
        Task h;
        while ((h = tasks.peek()) != null && h.m != null && h.gen != h.m.wakeGen) tasks.poll();
        return h == null || h.when > t;
    }

    /** Runs tasks until the program ends or a limit is hit. */
    void runLoop() {
        long maxTime = cfg.maxTimeNs();
        long maxEvents = cfg.maxEvents();
        while (outcome == null && eventSeq < stopAtEvents) {
            if (stopWhenIdle && idle()) return;
            if (stopAtTime != Long.MAX_VALUE && nextLiveTaskAfter(stopAtTime)) return;
            Task t = tasks.poll();
            if (t == null) {
                // Nothing can ever happen again; checkdead would have caught a deadlock.
                exit(2, Outcome.Reason.FATAL, "simulator: no pending activity");
                return;
            }
            if (t.m != null && t.gen != t.m.wakeGen) continue; // cancelled
            if (t.when > maxTime) {
                now = maxTime;
                limit("time", maxTime);
                return;
            }
            now = t.when;
            dispatch(t);
            if (afterTask != null) afterTask.run();
            if (eventSeq >= maxEvents && outcome == null) {
                limit("events", maxEvents);
                return;
            }
        }
    }

    private void limit(String what, long value) {
        if (recording) emit(EventKind.LIMIT, null, null, null, "limit." + what, value); else eventSeq++;
        exit(3, what.equals("time") ? Outcome.Reason.TIME_LIMIT : Outcome.Reason.EVENT_LIMIT,
                what.equals("time") ? "virtual time limit reached" : "event limit reached");
    }

    private void dispatch(Task t) {
        M m = t.m;
        switch (t.kind) {
            case M_SCHEDULE -> schedule(m);
            case M_COMPUTE_DONE -> computeDone(m);
            case M_PREEMPT -> preemptArrived(m);
            case M_SYSCALL_DONE -> exitsyscall(m);
            case M_START -> mstart(m);
            case M_NETPOLL_WAKE -> netpoll.wake(m);
            case SYSMON -> sysmon.tick();
            case NET_READY -> netpoll.fdReady((Netpoll.Fd) t.arg);
            case EXTERNAL -> netpoll.externalReady((String) t.arg);
        }
    }

    /**
     * {@code mstart} → {@code mstart1} → {@code mstartfn}: a new or woken M acquires
     * {@code nextp} and schedules; a woken locked M runs its G ({@code stoplockedm}'s tail).
     */
    private void mstart(M m) {
        P pp = m.nextp;
        m.nextp = null;
        m.blocked = false;
        acquirep(m, pp);
        m.state = M.State.SCHEDULING;
        if (recording) emit(EventKind.MSTART, null, m, pp, m.spinning ? "mstart.spinning" : "mstart"); else eventSeq++;
        G locked = m.pendingLocked;
        if (locked != null) {
            m.pendingLocked = null;
            // stoplockedm returns: execute(m.lockedg, inheritTime=false).
            execute(m, locked, false);
            return;
        }
        schedule(m);
    }

    /** Schedules an external readiness event (a network stream arriving) at virtual time {@code at}. */
    void injectReady(long at, String source) {
        atFree(Math.max(at, now), TaskKind.EXTERNAL, source);
    }
}
