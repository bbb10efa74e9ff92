package gmplab.runtime;

/**
 * {@code randomOrder} / {@code stealOrder}: visits all Ps starting at a random
 * one, striding by a random number coprime with GOMAXPROCS, so every P is
 * visited exactly once per pass.
 */
final class StealOrder {
    private StealOrder() {
    }

    /** {@code stealOrder.start(i)}: the positions visited for random value {@code i}. */
    static int[] order(int count, int i) {
        int[] coprimes = coprimes(count);
        long u = i & 0xffffffffL;
        int pos = (int) (u % count);
        int inc = coprimes[(int) ((u / count) % coprimes.length)];
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = pos;
            pos = (pos + inc) % count;
        }
        return out;
    }

    private static final int[][] CACHE = new int[1025][];

    private static int[] coprimes(int count) {
        int[] c = CACHE[count];
        if (c != null) return c;
        int n = 0;
        int[] tmp = new int[count];
        for (int k = 1; k <= count; k++) {
            if (gcd(k, count) == 1) tmp[n++] = k;
        }
        c = java.util.Arrays.copyOf(tmp, n);
        CACHE[count] = c;
        return c;
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
