package gmplab.runtime;

/**
 * {@code randomOrder} / {@code stealOrder}: visits all Ps starting at a random
 * one, striding by a random number coprime with GOMAXPROCS, so every P is
 * visited exactly once per pass ({@code stealOrder.start(fastrand())}).
 */
final class StealOrder {
    private final int count;
    private final int[] coprimes;
    private final Enum e = new Enum();

    StealOrder(int count) {
        this.count = count;
        int[] tmp = new int[count];
        int n = 0;
        for (int k = 1; k <= count; k++) {
            if (gcd(k, count) == 1) tmp[n++] = k;
        }
        this.coprimes = java.util.Arrays.copyOf(tmp, n);
    }

    /**
     * {@code randomOrder.start(i)}: an enumeration from position {@code i % count}
     * with stride {@code coprimes[i / count % len]}. The returned object is reused:
     * one enumeration at a time (as in the engine: one thread).
     */
    Enum start(int i) {
        long u = i & 0xffffffffL;
        e.pos = (int) (u % count);
        e.inc = coprimes[(int) ((u / count) % coprimes.length)];
        e.i = 0;
        return e;
    }

    /** {@code randomEnum}. */
    final class Enum {
        private int i;
        private int pos;
        private int inc;

        boolean done() {
            return i == count;
        }

        void next() {
            i++;
            pos = (pos + inc) % count;
        }

        int position() {
            return pos;
        }
    }

    /** The whole order for random value {@code i} (for tests). */
    static int[] order(int count, int i) {
        StealOrder so = new StealOrder(count);
        int[] out = new int[count];
        int k = 0;
        for (Enum en = so.start(i); !en.done(); en.next()) out[k++] = en.position();
        return out;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
