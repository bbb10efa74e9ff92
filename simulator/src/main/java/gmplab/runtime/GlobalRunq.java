package gmplab.runtime;

import java.util.ArrayDeque;
import java.util.Iterator;

/** {@code sched.runq}: the global run queue, a FIFO {@code gQueue}, with {@code runqsize}. */
final class GlobalRunq implements Iterable<G> {
    private final ArrayDeque<G> q = new ArrayDeque<>();
    /** When a run is recorded: every operation, for rebuilding the queue at any event. */
    OpLog opLog;

    void pushBack(G g) {
        q.addLast(g);
        if (opLog != null) opLog.add(g.goid);
    }

    /** {@code globrunqputhead}. */
    void pushFront(G g) {
        q.addFirst(g);
        if (opLog != null) opLog.add(-g.goid);
    }

    G pop() {
        G g = q.pollFirst();
        if (opLog != null && g != null) opLog.add(0);
        return g;
    }

    /** Operations since the last drain: {@code +goid} push back, {@code -goid} push front, {@code 0} pop. */
    static final class OpLog {
        private long[] ops = new long[16];
        private int n;

        void add(long op) {
            if (n == ops.length) ops = java.util.Arrays.copyOf(ops, n * 2);
            ops[n++] = op;
        }

        /** Records that the ring lost its tail element ({@code p.destroy} takes from the tail). */
        void truncateTail() {
            add(Long.MIN_VALUE);
        }

        long[] drain() {
            if (n == 0) return EMPTY;
            long[] out = java.util.Arrays.copyOf(ops, n);
            n = 0;
            return out;
        }

        private static final long[] EMPTY = new long[0];
    }

    int size() {
        return q.size();
    }

    boolean contains(G g) {
        return q.contains(g);
    }

    @Override
    public Iterator<G> iterator() {
        return q.iterator();
    }
}
