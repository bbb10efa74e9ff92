package gmplab.runtime;

import gmplab.trace.Event;
import gmplab.trace.EventKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * Records, while a run happens, what each event changed — the views of the Gs,
 * Ms and Ps that differ from their last recorded view, the global queue's
 * operations, the counters — so that the state after any event can be
 * rebuilt from the nearest checkpoint without re-running the program.
 *
 * <p>At each event the candidates are the event's G, M and P, every M that
 * holds a P and its running G (a running body advances without events), the
 * steal victim, and the Gs {@code injectglist} just made runnable; each is
 * stored only if its view changed. Tests check the rebuilt state against the
 * engine's own, event by event.
 */
final class StateTracker {
    /** A checkpoint (a full copy of the rebuilt state) every this many events. */
    static final int CHECKPOINT_EVERY = 2048;

    /** What one event changed. */
    record Delta(long time, Snapshot.GView[] gs, Snapshot.MView[] ms, Snapshot.PView[] ps, int[] allm,
                 long[] globalOps, int npidle, int nmidle, int nmidlelocked, int nmspinning, int mcount,
                 int netpollWaiters, boolean sysmonwait) { }

    private static final Snapshot.GView[] NO_G = new Snapshot.GView[0];
    private static final Snapshot.MView[] NO_M = new Snapshot.MView[0];
    private static final Snapshot.PView[] NO_P = new Snapshot.PView[0];

    private final Sched s;
    private final List<Delta> deltas = new ArrayList<>();
    private final List<Board> checkpoints = new ArrayList<>();
    private final Board board;
    private int[] allmLast = new int[0];

    StateTracker(Sched s) {
        this.s = s;
        this.board = new Board(s.gomaxprocs);
        s.runq.opLog = new GlobalRunq.OpLog();
    }

    int size() {
        return deltas.size();
    }

    /** Records what event {@code e} changed (called as the event is emitted). */
    void capture(Event e) {
        List<Snapshot.GView> gs = new ArrayList<>(2);
        List<Snapshot.MView> ms = new ArrayList<>(2);
        List<Snapshot.PView> ps = new ArrayList<>(1);
        java.util.Set<G> gCandidates = new java.util.LinkedHashSet<>();
        java.util.Set<M> mCandidates = new java.util.LinkedHashSet<>();
        if (s.emitG != null) gCandidates.add(s.emitG);
        if (s.emitM != null) mCandidates.add(s.emitM);
        gCandidates.addAll(s.injected);
        mCandidates.addAll(s.touched);
        for (P p : s.allp) {
            if (p == null || p.m == null) continue;
            mCandidates.add(p.m);
            if (p.m.curg != null) gCandidates.add(p.m.curg);
        }
        for (G g : gCandidates) {
            Snapshot.GView v = Snapshot.view(g);
            if (!sameG(board.g(g.index), v)) gs.add(v);
        }
        for (M m : mCandidates) {
            Snapshot.MView v = Snapshot.view(m);
            if (!v.equals(board.ms.get(m.id))) ms.add(v);
        }
        for (P p : s.allp) {
            if (p == null) continue;
            Snapshot.PView v = Snapshot.view(p);
            if (!v.equals(board.ps[p.id])) ps.add(v);
        }
        int[] allm = new int[s.allm.size()];
        int k = 0;
        for (M m : s.allm) allm[k++] = m.id;
        int[] allmChange = Arrays.equals(allm, allmLast) ? null : allm;
        if (allmChange != null) allmLast = allm;
        long[] ops = s.runq.opLog.drain();
        Delta d = new Delta(e.time(), gs.isEmpty() ? NO_G : gs.toArray(NO_G), ms.isEmpty() ? NO_M : ms.toArray(NO_M),
                ps.isEmpty() ? NO_P : ps.toArray(NO_P), allmChange, ops, s.npidle, s.nmidle, s.nmidlelocked,
                s.nmspinning, s.mcount(), s.netpoll.waiters(), s.sysmonwait != 0);
        deltas.add(d);
        board.apply(d);
        if (e.seq() % CHECKPOINT_EVERY == 0) checkpoints.add(board.copy());
        s.injected.clear();
        s.touched.clear();
    }

    private static boolean sameG(Snapshot.GView a, Snapshot.GView b) {
        return a != null && a.equals(b) && Objects.equals(a.position(), b.position());
    }

    /** The state at the moment event {@code index} happened. */
    Snapshot snapshotAt(int index) {
        int c = index / CHECKPOINT_EVERY;
        Board b = checkpoints.get(c).copy();
        for (int i = c * CHECKPOINT_EVERY + 1; i <= index; i++) b.apply(deltas.get(i));
        return b.snapshot(deltas.get(index));
    }

    /** The rebuilt state: views by G index / M id / P id, allm order and the global queue. */
    static final class Board {
        private final ArrayList<Snapshot.GView> gs;
        private final HashMap<Integer, Snapshot.MView> ms;
        private final Snapshot.PView[] ps;
        private int[] allm;
        private final ArrayDeque<Long> global;

        Board(int procs) {
            gs = new ArrayList<>();
            ms = new HashMap<>();
            ps = new Snapshot.PView[procs];
            allm = new int[0];
            global = new ArrayDeque<>();
        }

        private Board(Board o) {
            gs = new ArrayList<>(o.gs);
            ms = new HashMap<>(o.ms);
            ps = o.ps.clone();
            allm = o.allm;
            global = new ArrayDeque<>(o.global);
        }

        Board copy() {
            return new Board(this);
        }

        Snapshot.GView g(int index) {
            return index < gs.size() ? gs.get(index) : null;
        }

        void apply(Delta d) {
            for (Snapshot.GView v : d.gs()) {
                while (gs.size() <= v.index()) gs.add(null);
                gs.set(v.index(), v);
            }
            for (Snapshot.MView v : d.ms()) ms.put(v.id(), v);
            for (Snapshot.PView v : d.ps()) ps[v.id()] = v;
            if (d.allm() != null) allm = d.allm();
            for (long op : d.globalOps()) {
                if (op > 0) global.addLast(op);
                else if (op < 0) global.addFirst(-op);
                else global.pollFirst();
            }
        }

        Snapshot snapshot(Delta d) {
            List<Snapshot.MView> mList = new ArrayList<>(allm.length);
            for (int id : allm) mList.add(ms.get(id));
            long[] glob = new long[global.size()];
            int i = 0;
            for (long goid : global) glob[i++] = goid;
            return new Snapshot(d.time(), ps.length, List.of(ps), List.copyOf(mList), List.copyOf(gs), glob,
                    d.npidle(), d.nmidle(), d.nmidlelocked(), d.nmspinning(), d.mcount(), d.netpollWaiters(),
                    d.sysmonwait());
        }
    }
}
