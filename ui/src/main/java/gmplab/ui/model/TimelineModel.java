package gmplab.ui.model;

import gmplab.trace.Event;
import gmplab.trace.EventKind;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The timeline's data: a lane per P and per M, each a list of slices
 * (which G ran there, from when to when) and markers for steals, handoffs,
 * preemptions and syscalls. Built once per run from the events.
 */
public final class TimelineModel {
    /** A G running on a lane from {@code start} to {@code end} (virtual ns). */
    public record Slice(long start, long end, long g) { }

    /** Something worth marking: a steal, handoff, preemption or syscall. */
    public record Marker(long time, EventKind kind, long seq) { }

    /** A lane: "P0" or "M3", its slices and markers in time order. */
    public record Lane(String name, boolean isP, int id, List<Slice> slices, List<Marker> markers) { }

    private final List<Lane> lanes;
    private final long end;

    private TimelineModel(List<Lane> lanes, long end) {
        this.lanes = lanes;
        this.end = end;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** Time of the last event. */
    public long end() {
        return end;
    }

    static boolean marks(EventKind k) {
        return k == EventKind.STEAL || k == EventKind.HANDOFFP || k == EventKind.PREEMPTED || k == EventKind.ENTERSYSCALL
                || k == EventKind.RETAKE || k == EventKind.EXITSYSCALL_FAST || k == EventKind.EXITSYSCALL_SLOW;
    }

    static boolean stopsRunning(EventKind k) {
        return k == EventKind.PARK || k == EventKind.GOSCHED || k == EventKind.PREEMPTED || k == EventKind.GOEXIT
                || k == EventKind.ENTERSYSCALL || k == EventKind.EXECUTE || k == EventKind.STOPLOCKEDM
                || k == EventKind.EXIT || k == EventKind.PANIC || k == EventKind.FATAL;
    }

    public static TimelineModel of(List<Event> events, int gomaxprocs) {
        TreeSet<Integer> mids = new TreeSet<>();
        for (Event e : events) if (e.m() >= 0) mids.add(e.m());
        int maxM = mids.isEmpty() ? 0 : mids.last() + 1;
        List<Lane> lanes = new ArrayList<>();
        Lane[] pl = new Lane[gomaxprocs];
        Lane[] ml = new Lane[maxM];
        for (int i = 0; i < gomaxprocs; i++) lanes.add(pl[i] = new Lane("P" + i, true, i, new ArrayList<>(), new ArrayList<>()));
        for (int id : mids) lanes.add(ml[id] = new Lane("M" + id, false, id, new ArrayList<>(), new ArrayList<>()));
        long[] pStart = new long[gomaxprocs], pG = new long[gomaxprocs];
        long[] mStart = new long[maxM], mG = new long[maxM];
        java.util.Arrays.fill(pG, -1);
        java.util.Arrays.fill(mG, -1);
        long last = 0;
        for (Event e : events) {
            last = e.time();
            EventKind k = e.kind();
            int p = e.p(), m = e.m();
            if (stopsRunning(k)) {
                boolean global = k == EventKind.EXIT || k == EventKind.PANIC || k == EventKind.FATAL;
                for (int i = 0; i < gomaxprocs; i++) {
                    if ((global || i == p) && pG[i] >= 0) {
                        pl[i].slices().add(new Slice(pStart[i], e.time(), pG[i]));
                        pG[i] = -1;
                    }
                }
                boolean keepM = k == EventKind.ENTERSYSCALL;
                for (int i = 0; i < maxM; i++) {
                    if ((global || (i == m && !keepM)) && mG[i] >= 0) {
                        ml[i].slices().add(new Slice(mStart[i], e.time(), mG[i]));
                        mG[i] = -1;
                    }
                }
            }
            if (k == EventKind.EXECUTE) {
                if (p >= 0 && p < gomaxprocs) {
                    pStart[p] = e.time();
                    pG[p] = e.g();
                }
                if (m >= 0 && m < maxM) {
                    mStart[m] = e.time();
                    mG[m] = e.g();
                }
            }
            if ((k == EventKind.EXITSYSCALL_FAST || k == EventKind.EXITSYSCALL_SLOW) && m >= 0 && m < maxM && mG[m] >= 0) {
                ml[m].slices().add(new Slice(mStart[m], e.time(), mG[m]));
                mG[m] = -1;
            }
            if (marks(k)) {
                Marker mk = new Marker(e.time(), k, e.seq());
                if ((k == EventKind.ENTERSYSCALL || k == EventKind.EXITSYSCALL_FAST || k == EventKind.EXITSYSCALL_SLOW) && m >= 0 && m < maxM) {
                    ml[m].markers().add(mk);
                } else if (p >= 0 && p < gomaxprocs) {
                    pl[p].markers().add(mk);
                }
            }
        }
        for (int i = 0; i < gomaxprocs; i++) if (pG[i] >= 0) pl[i].slices().add(new Slice(pStart[i], last, pG[i]));
        for (int i = 0; i < maxM; i++) if (mG[i] >= 0) ml[i].slices().add(new Slice(mStart[i], last, mG[i]));
        return new TimelineModel(lanes, last);
    }
}
