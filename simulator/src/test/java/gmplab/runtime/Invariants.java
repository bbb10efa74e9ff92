package gmplab.runtime;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's invariants, checked after every event (the cheap, always-true
 * ones) and after every scheduler step (the full set: every G in exactly one
 * place consistent with its status).
 */
final class Invariants {
    private Invariants() {
    }

    /** Attaches the checks to a simulation; failures throw AssertionError out of run(). */
    static Simulation checked(Simulation sim) {
        Sched s = sim.sched();
        sim.addListener(e -> checkCounters(s));
        s.afterTask = () -> checkAll(s);
        return sim;
    }

    /** Counters equal what they count; P/M ownership symmetric; no M runs two Gs. */
    static void checkCounters(Sched s) {
        require(s.npidle == s.pidle.size(), "npidle %d != |pidle| %d", s.npidle, s.pidle.size());
        require(s.nmidle == s.midle.size(), "nmidle %d != |midle| %d", s.nmidle, s.midle.size());
        int spinning = 0;
        int lockedIdle = 0;
        Set<G> running = new HashSet<>();
        for (M m : s.allm) {
            if (m.spinning) spinning++;
            if (m.state == M.State.LOCKED_IDLE) lockedIdle++;
            if (m.p != null) require(m.p.m == m, "%s.p=%s but %s.m=%s", m, m.p, m.p, m.p.m);
            if (m.curg != null) require(running.add(m.curg), "%s is the curg of two Ms", m.curg);
        }
        require(spinning == s.nmspinning, "nmspinning %d != spinning Ms %d", s.nmspinning, spinning);
        require(lockedIdle == s.nmidlelocked, "nmidlelocked %d != locked idle Ms %d", s.nmidlelocked, lockedIdle);
        long alive = s.allm.stream().filter(m -> m.state != M.State.DEAD).count();
        require(s.mcount() == alive, "mcount %d != live Ms in allm %d", s.mcount(), alive);
        require(s.mcount() <= Sched.MAXMCOUNT + 1, "too many Ms");
        for (P p : s.allp) {
            if (p.m != null) require(p.m.p == p, "%s.m=%s but %s.p=%s", p, p.m, p.m, p.m.p);
            require(p.runqsize() >= 0 && p.runqsize() <= P.RUNQ_SIZE, "%s ring size %d", p, p.runqsize());
            require((p.status == PStatus.RUNNING) == (p.m != null), "%s status %s with m %s", p, p.status, p.m);
        }
        for (P p : s.pidle) {
            require(p.status == PStatus.IDLE, "%s on pidle with status %s", p, p.status);
            require(p.runqempty(), "%s on pidle with work", p);
        }
        for (M m : s.midle) {
            require(m.state == M.State.IDLE && m.p == null && m.curg == null, "%s on midle in state %s", m, m.state);
        }
    }

    /** The full set, at a step boundary: every G in exactly one place consistent with its status. */
    static void checkAll(Sched s) {
        checkCounters(s);
        Map<G, Integer> places = new HashMap<>();
        for (P p : s.allp) {
            if (p.runnext != null) places.merge(p.runnext, 1, Integer::sum);
            for (int i = 0; i < p.runqsize(); i++) places.merge(p.runqAt(i), 1, Integer::sum);
            for (G g : p.gFree) places.merge(g, 1, Integer::sum);
        }
        for (G g : s.runq) places.merge(g, 1, Integer::sum);
        for (G g : s.gFreeStack) places.merge(g, 1, Integer::sum);
        for (G g : s.gFreeNoStack) places.merge(g, 1, Integer::sum);
        Set<G> pendingLocked = new HashSet<>();
        for (M m : s.allm) if (m.pendingLocked != null) pendingLocked.add(m.pendingLocked);
        for (G g : s.allgs) {
            int n = places.getOrDefault(g, 0);
            switch (g.status) {
                case RUNNABLE -> require(n == 1 || (n == 0 && pendingLocked.contains(g)),
                        "runnable %s is in %d places", g, n);
                case RUNNING -> {
                    require(n == 0, "running %s also queued", g);
                    require(g.m != null && g.m.curg == g && g.m.p != null, "running %s without M/P", g);
                }
                case SYSCALL -> {
                    require(n == 0, "%s in syscall also queued", g);
                    require(g.m != null && g.m.curg == g && g.m.p == null && g.m.state == M.State.SYSCALL,
                            "%s in syscall but its M is %s", g, g.m);
                }
                case WAITING -> require(n == 0 && g.m == null, "waiting %s queued or on an M", g);
                case DEAD -> require(n == 1, "dead %s on %d free lists", g, n);
                default -> require(false, "%s in status %s", g, g.status);
            }
        }
        for (P p : s.allp) {
            if (p.status == PStatus.SYSCALL) {
                int holders = 0;
                for (M m : s.allm) if (m.oldp == p && m.state == M.State.SYSCALL) holders++;
                // >= 1: a syscalling M keeps oldp after a retake, and may even win it back from the next M in a syscall (exitsyscallfast CASes any _Psyscall oldp, as Go does)
                require(holders >= 1, "%s in _Psyscall held by %d Ms", p, holders);
            }
        }
    }

    private static void require(boolean ok, String fmt, Object... args) {
        if (!ok) throw new AssertionError("invariant: " + String.format(fmt, args));
    }
}
