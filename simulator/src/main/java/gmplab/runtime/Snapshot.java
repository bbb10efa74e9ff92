package gmplab.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable picture of the runtime at one instant: what the board draws,
 * what the inspector shows, what tests compare. Ids are goids / M ids / P ids;
 * -1 means none.
 */
public record Snapshot(long time, int gomaxprocs, List<PView> ps, List<MView> ms, List<GView> gs, long[] globalRunq,
                       int npidle, int nmidle, int nmidlelocked, int nmspinning, int mcount, int netpollWaiters,
                       boolean sysmonDeepSleep) {

    /** A P: status, owner, counters, {@code runnext} and the ring's contents head first. */
    public record PView(int id, PStatus status, int m, int schedtick, int syscalltick, long runnext, long[] runq,
                        int gfreecnt, int timers) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PView v && id == v.id && status == v.status && m == v.m && schedtick == v.schedtick
                    && syscalltick == v.syscalltick && runnext == v.runnext && java.util.Arrays.equals(runq, v.runq)
                    && gfreecnt == v.gfreecnt && timers == v.timers;
        }

        @Override
        public int hashCode() {
            return id * 31 + java.util.Arrays.hashCode(runq);
        }
    }

    /** An M: what it is doing, its P (or the P it left in a syscall), its G. */
    public record MView(int id, String state, int p, int oldp, int nextp, long curg, boolean spinning,
                        boolean blocked, long lockedg) { }

    /** A G struct (dead ones too: they wait on free lists for reuse). */
    public record GView(long goid, int index, GStatus status, String waitreason, String waitingOn, int m,
                        int lockedm, boolean system, String name, String position, int runs, int[] pHistory) {
        @Override
        public boolean equals(Object o) {
            return o instanceof GView v && goid == v.goid && index == v.index && status == v.status
                    && waitreason.equals(v.waitreason) && waitingOn.equals(v.waitingOn) && m == v.m
                    && lockedm == v.lockedm && system == v.system && name.equals(v.name) && runs == v.runs
                    && java.util.Arrays.equals(pHistory, v.pHistory);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(goid) * 31 + index;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && time == s.time && gomaxprocs == s.gomaxprocs && ps.equals(s.ps)
                && ms.equals(s.ms) && gs.equals(s.gs) && java.util.Arrays.equals(globalRunq, s.globalRunq)
                && npidle == s.npidle && nmidle == s.nmidle && nmidlelocked == s.nmidlelocked
                && nmspinning == s.nmspinning && mcount == s.mcount && netpollWaiters == s.netpollWaiters;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(time) * 31 + gs.size();
    }

    static PView view(P p) {
        long[] q = new long[p.runqsize()];
        for (int i = 0; i < q.length; i++) q[i] = p.runqAt(i).goid;
        return new PView(p.id, p.status, p.m == null ? -1 : p.m.id, p.schedtick, p.syscalltick,
                p.runnext == null ? -1 : p.runnext.goid, q, p.gFree.size(), p.timers.size());
    }

    static MView view(M m) {
        return new MView(m.id, m.state.name(), m.p == null ? -1 : m.p.id, m.oldp == null ? -1 : m.oldp.id,
                m.nextp == null ? -1 : m.nextp.id, m.curg == null ? -1 : m.curg.goid, m.spinning, m.blocked,
                m.lockedg == null ? -1 : m.lockedg.goid);
    }

    static GView view(G g) {
        return new GView(g.goid, g.index, g.status, g.waitreason.text, g.waitingOn, g.m == null ? -1 : g.m.id,
                g.lockedm == null ? -1 : g.lockedm.id, g.system, g.name,
                g.body == null ? "" : g.body.position(), g.runs, g.pHistory.toArray());
    }

    /** True if {@code v} has the current fields of {@code p}, its ring aside (no allocation). */
    static boolean sameFields(PView v, P p) {
        return v != null && v.status == p.status && v.m == (p.m == null ? -1 : p.m.id) && v.schedtick == p.schedtick
                && v.syscalltick == p.syscalltick && v.runnext == (p.runnext == null ? -1 : p.runnext.goid)
                && v.gfreecnt == p.gFree.size() && v.timers == p.timers.size();
    }

    /** The view of {@code p} without its ring (the {@code StateTracker} keeps rings as operations). */
    static PView viewFields(P p) {
        return new PView(p.id, p.status, p.m == null ? -1 : p.m.id, p.schedtick, p.syscalltick,
                p.runnext == null ? -1 : p.runnext.goid, NO_RING, p.gFree.size(), p.timers.size());
    }

    private static final long[] NO_RING = new long[0];

    /** True if {@code v} is exactly the current view of {@code m}. */
    static boolean same(MView v, M m) {
        return v != null && v.state.equals(m.state.name()) && v.p == (m.p == null ? -1 : m.p.id)
                && v.oldp == (m.oldp == null ? -1 : m.oldp.id) && v.nextp == (m.nextp == null ? -1 : m.nextp.id)
                && v.curg == (m.curg == null ? -1 : m.curg.goid) && v.spinning == m.spinning && v.blocked == m.blocked
                && v.lockedg == (m.lockedg == null ? -1 : m.lockedg.goid);
    }

    /** True if {@code v} is exactly the current view of {@code g}, code position included. */
    static boolean same(GView v, G g) {
        if (v == null || v.goid != g.goid || v.status != g.status || !v.waitreason.equals(g.waitreason.text)
                || !v.waitingOn.equals(g.waitingOn) || v.m != (g.m == null ? -1 : g.m.id)
                || v.lockedm != (g.lockedm == null ? -1 : g.lockedm.id) || v.system != g.system
                || !v.name.equals(g.name) || v.runs != g.runs) {
            return false;
        }
        if (!java.util.Arrays.equals(v.pHistory, g.pHistory.toArray())) return false;
        return v.position.equals(g.body == null ? "" : g.body.position());
    }

    static Snapshot of(Sched s) {
        List<PView> ps = new ArrayList<>(s.allp.length);
        for (P p : s.allp) ps.add(view(p));
        List<MView> ms = new ArrayList<>(s.allm.size());
        for (M m : s.allm) ms.add(view(m));
        List<GView> gs = new ArrayList<>(s.allgs.size());
        for (G g : s.allgs) gs.add(view(g));
        long[] glob = new long[s.runq.size()];
        int i = 0;
        for (G g : s.runq) glob[i++] = g.goid;
        return new Snapshot(s.now, s.gomaxprocs, List.copyOf(ps), List.copyOf(ms), List.copyOf(gs), glob, s.npidle,
                s.nmidle, s.nmidlelocked, s.nmspinning, s.mcount(), s.netpoll.waiters(), s.sysmonwait != 0);
    }

    /** The G with this goid, or null. */
    public GView g(long goid) {
        for (GView g : gs) if (g.goid == goid) return g;
        return null;
    }
}
