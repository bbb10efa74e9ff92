package gmplab.ui.model;

import gmplab.trace.Event;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Predicate;

/** The event log's rows: the indices of the events that pass the filter, and the row for a cursor. */
public final class EventLogModel {
    private EventLogModel() {
    }

    /** Indices of the events matching {@code p}, in order. */
    public static int[] indices(List<Event> events, Predicate<Event> p) {
        int[] out = new int[Math.min(events.size(), 1024)];
        int n = 0;
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The row showing the last event at or before {@code cursor} (0 if none, -1 if empty). */
    public static int rowFor(int[] idx, int cursor) {
        if (idx.length == 0) return -1;
        int r = Arrays.binarySearch(idx, cursor);
        if (r >= 0) return r;
        int ins = -r - 1;
        return Math.max(0, ins - 1);
    }

    /** A read-only list view of an int array (the log's items without boxing a million Integers up front). */
    public static List<Integer> asList(int[] a) {
        final class IntList extends AbstractList<Integer> implements RandomAccess {
            @Override
            public Integer get(int i) {
                return a[i];
            }

            @Override
            public int size() {
                return a.length;
            }
        }
        return new IntList();
    }
}
