package gmplab.runtime;

import gmplab.trace.Event;
import gmplab.trace.EventKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

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
    /** A checkpoint (a full copy of the rebuilt state) at least this many events apart. */
    static final int MIN_CHECKPOINT_EVERY = 2048;

    /** What one event changed. */
    record Delta(long time, Snapshot.GView[] gs, Snapshot.MView[] ms, Snapshot.PView[] ps, long[][] ringOps,
                 int[] allm, long[] globalOps, int gomaxprocs, int npidle, int nmidle, int nmidlelocked, int nmspinning, int mcount,
                 int netpollWaiters, boolean sysmonwait) { }

    private static final Snapshot.GView[] NO_G = new Snapshot.GView[0];
    private static final Snapshot.MView[] NO_M = new Snapshot.MView[0];
    private static final Snapshot.PView[] NO_P = new Snapshot.PView[0];

    private final Sched s;
    private final List<Delta> deltas = new ArrayList<>();
    private final List<Board> checkpoints = new ArrayList<>();
    /** The event index of each checkpoint. */
    private final List<Integer> checkpointAt = new ArrayList<>();
    private int sinceCheckpoint;
    private final List<G> gCand = new ArrayList<>();
    private final List<M> mCand = new ArrayList<>();
    private final Board board;
    private int[] allmLast = new int[0];

    StateTracker(Sched s) {
        this.s = s;
        this.board = new Board(s.gomaxprocs);
        s.runq.opLog = new GlobalRunq.OpLog();
        for (P p : s.allp) if (p != null) p.opLog = new GlobalRunq.OpLog();
    }

    int size() {
        return deltas.size();
    }

    /** Records what event {@code e} changed (called as the event is emitted). */
    void capture(Event e) {
        List<Snapshot.GView> gs = null;
        List<Snapshot.MView> ms = null;
        List<Snapshot.PView> ps = null;
        gCand.clear();
        mCand.clear();
        if (s.emitG != null) gCand.add(s.emitG);
        if (s.emitM != null) mCand.add(s.emitM);
        gCand.addAll(s.injected);
        mCand.addAll(s.touched);
        for (P p : s.allp) {
            if (p == null || p.m == null) continue;
            mCand.add(p.m);
            if (p.m.curg != null) gCand.add(p.m.curg);
        }
        for (int i = 0; i < gCand.size(); i++) {
            G g = gCand.get(i);
            if (indexOfIdentity(gCand, g) < i) continue;
            if (!Snapshot.same(board.g(g.index), g)) {
                if (gs == null) gs = new ArrayList<>(2);
                gs.add(Snapshot.view(g));
            }
        }
        for (int i = 0; i < mCand.size(); i++) {
            M m = mCand.get(i);
            if (indexOfIdentity(mCand, m) < i) continue;
            if (!Snapshot.same(board.ms.get(m.id), m)) {
                if (ms == null) ms = new ArrayList<>(2);
                ms.add(Snapshot.view(m));
            }
        }
        long[][] ringOps = null;
        if (board.nprocs != s.gomaxprocs) board.resize(s.gomaxprocs); // procresize: compare against the new Ps
        for (P p : s.allp) {
            if (p == null) continue;
            if (p.opLog == null) p.opLog = new GlobalRunq.OpLog(); // Ps are created after the tracker
            if (!Snapshot.sameFields(board.ps[p.id], p)) {
                if (ps == null) ps = new ArrayList<>(1);
                ps.add(Snapshot.viewFields(p));
            }
            long[] ops = p.opLog.drain();
            if (ops.length > 0) {
                if (ringOps == null) ringOps = new long[s.gomaxprocs][];
                ringOps[p.id] = ops;
            }
        }
        int[] allmChange = null;
        if (s.allm.size() != allmLast.length || (s.allm.peekFirst() != null && s.allm.peekFirst().id != allmLast[0])
                || e.key().startsWith("mexit")) {
            int[] allm = new int[s.allm.size()];
            int k = 0;
            for (M m : s.allm) allm[k++] = m.id;
            if (!Arrays.equals(allm, allmLast)) allmChange = allmLast = allm;
        }
        long[] ops = s.runq.opLog.drain();
        Delta d = new Delta(e.time(), gs == null ? NO_G : gs.toArray(NO_G), ms == null ? NO_M : ms.toArray(NO_M),
                ps == null ? NO_P : ps.toArray(NO_P), ringOps, allmChange, ops, s.gomaxprocs, s.npidle, s.nmidle, s.nmidlelocked,
                s.nmspinning, s.mcount(), s.netpoll.waiters(), s.sysmonwait != 0);
        deltas.add(d);
        board.apply(d);
        sinceCheckpoint++;
        // A checkpoint costs a copy of the whole state: space them so that copies stay a fraction of the deltas.
        if (e.seq() == 0 || sinceCheckpoint >= Math.max(MIN_CHECKPOINT_EVERY, board.gs.size() / 2)) {
            checkpoints.add(board.copy());
            checkpointAt.add((int) e.seq());
            sinceCheckpoint = 0;
        }
        s.injected.clear();
        s.touched.clear();
    }

    private static <T> int indexOfIdentity(List<T> list, T x) {
        for (int i = 0; i < list.size(); i++) if (list.get(i) == x) return i;
        return -1;
    }

    /** The state at the moment event {@code index} happened. */
    Snapshot snapshotAt(int index) {
        int c = java.util.Collections.binarySearch(checkpointAt, index);
        if (c < 0) c = -c - 2;
        Board b = checkpoints.get(c).copy();
        for (int i = checkpointAt.get(c) + 1; i <= index; i++) b.apply(deltas.get(i));
        return b.snapshot(deltas.get(index));
    }

    /** The rebuilt state: views by G index / M id / P id, allm order and the global queue. */
    static final class Board {
        private final ArrayList<Snapshot.GView> gs;
        private final HashMap<Integer, Snapshot.MView> ms;
        private Snapshot.PView[] ps;
        private int nprocs;
        private int[] allm;
        private final ArrayDeque<Long> global;
        /** Each P's ring, head first. */
        private ArrayDeque<Long>[] rings;

        @SuppressWarnings("unchecked")
        Board(int procs) {
            gs = new ArrayList<>();
            ms = new HashMap<>();
            nprocs = procs;
            ps = new Snapshot.PView[procs];
            allm = new int[0];
            global = new ArrayDeque<>();
            rings = new ArrayDeque[procs];
            for (int i = 0; i < procs; i++) rings[i] = new ArrayDeque<>();
        }

        @SuppressWarnings("unchecked")
        private Board(Board o) {
            gs = new ArrayList<>(o.gs);
            ms = new HashMap<>(o.ms);
            nprocs = o.nprocs;
            ps = o.ps.clone();
            allm = o.allm;
            global = new ArrayDeque<>(o.global);
            rings = new ArrayDeque[o.rings.length];
            for (int i = 0; i < rings.length; i++) rings[i] = new ArrayDeque<>(o.rings[i]);
        }

        /** GOMAXPROCS changed: Ps beyond the old count start empty. */
        private void resize(int procs) {
            if (procs > ps.length) {
                ps = java.util.Arrays.copyOf(ps, procs);
                rings = java.util.Arrays.copyOf(rings, procs);
            }
            for (int i = nprocs; i < procs; i++) {
                ps[i] = null;
                rings[i] = new ArrayDeque<>();
            }
            nprocs = procs;
        }

        Board copy() {
            return new Board(this);
        }

        Snapshot.GView g(int index) {
            return index < gs.size() ? gs.get(index) : null;
        }

        void apply(Delta d) {
            if (d.gomaxprocs() != nprocs) resize(d.gomaxprocs());
            for (Snapshot.GView v : d.gs()) {
                while (gs.size() <= v.index()) gs.add(null);
                gs.set(v.index(), v);
            }
            for (Snapshot.MView v : d.ms()) ms.put(v.id(), v);
            for (Snapshot.PView v : d.ps()) ps[v.id()] = v;
            if (d.ringOps() != null) {
                for (int p = 0; p < d.ringOps().length; p++) {
                    long[] ops = d.ringOps()[p];
                    if (ops == null) continue;
                    for (long op : ops) {
                        if (op > 0) rings[p].addLast(op);
                        else if (op == Long.MIN_VALUE) rings[p].pollLast();
                        else rings[p].pollFirst();
                    }
                }
            }
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
            List<Snapshot.PView> pList = new ArrayList<>(nprocs);
            for (int id = 0; id < nprocs; id++) {
                Snapshot.PView v = ps[id];
                long[] ring = new long[rings[v.id()].size()];
                int k = 0;
                for (long goid : rings[v.id()]) ring[k++] = goid;
                pList.add(new Snapshot.PView(v.id(), v.status(), v.m(), v.schedtick(), v.syscalltick(), v.runnext(), ring,
                        v.gfreecnt(), v.timers()));
            }
            return new Snapshot(d.time(), nprocs, List.copyOf(pList), List.copyOf(mList), List.copyOf(gs), glob,
                    d.npidle(), d.nmidle(), d.nmidlelocked(), d.nmspinning(), d.mcount(), d.netpollWaiters(),
                    d.sysmonwait());
        }
    }
}
