package gmplab.runtime;

/**
 * The one seeded random generator of a run ({@code fastrand}: wyrand in Go 1.19).
 * Every random choice — steal order, select poll order — comes from here.
 */
final class FastRand {
    private long state;

    FastRand(long seed) {
        this.state = seed;
    }

    /** {@code fastrand}: 32 random bits. */
    int next() {
        state += 0xa0761d6478bd642fL;
        long a = state ^ 0xe7037ed1a0b428dbL;
        long hi = Math.multiplyHigh(state, a);
        long lo = state * a;
        return (int) (hi ^ lo);
    }

    /** {@code fastrandn(n)}: uniform in [0, n), by multiply-shift as Go does. */
    int nextN(int n) {
        return (int) (((next() & 0xffffffffL) * n) >>> 32);
    }
}
