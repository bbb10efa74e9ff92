package gmplab.runtime;

import java.util.ArrayDeque;
import java.util.Iterator;

/** {@code sched.runq}: the global run queue, a FIFO {@code gQueue}, with {@code runqsize}. */
final class GlobalRunq implements Iterable<G> {
    private final ArrayDeque<G> q = new ArrayDeque<>();

    void pushBack(G g) {
        q.addLast(g);
    }

    /** {@code globrunqputhead}. */
    void pushFront(G g) {
        q.addFirst(g);
    }

    G pop() {
        return q.pollFirst();
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
