package gmplab.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** runqput / runqputslow / runqget / globrunqget / runqsteal against gmp-fidelity.md §3–§6. */
class RunqTest {

    static Sched sched(int procs) {
        Sched s = new Sched(SimConfig.defaults().withGomaxprocs(procs), new ProgramOutput(null, null, 1 << 16));
        for (int i = 0; i < procs; i++) s.allp[i] = new P(i);
        return s;
    }

    static G g(Sched s) {
        G g = new G(s.allgs.size());
        s.allgs.add(g);
        g.goid = s.allgs.size();
        g.status = GStatus.RUNNABLE;
        return g;
    }

    @Test
    void runqputNextTakesRunnextAndKicksThePreviousToTheTail() {
        Sched s = sched(1);
        P p = s.allp[0];
        G a = g(s), b = g(s), c = g(s);
        s.runqput(p, a, true);
        s.runqput(p, b, true);
        s.runqput(p, c, true);
        assertThat(p.runnext).isSameAs(c);
        assertThat(p.runqsize()).isEqualTo(2);
        assertThat(p.runqAt(0)).isSameAs(a);
        assertThat(p.runqAt(1)).isSameAs(b);
    }

    @Test
    void runqgetPrefersRunnextAndReportsInheritedTime() {
        Sched s = sched(1);
        P p = s.allp[0];
        G a = g(s), b = g(s);
        s.runqput(p, a, false);
        s.runqput(p, b, true);
        boolean[] inherit = new boolean[1];
        assertThat(s.runqget(p, inherit)).isSameAs(b);
        assertThat(inherit[0]).isTrue();
        assertThat(s.runqget(p, inherit)).isSameAs(a);
        assertThat(inherit[0]).isFalse();
        assertThat(s.runqget(p, inherit)).isNull();
    }

    @Test
    void fullRingMovesHalfPlusTheNewGoroutine129ToTheGlobalQueue() {
        Sched s = sched(1);
        P p = s.allp[0];
        G[] gs = new G[257];
        for (int i = 0; i < 257; i++) gs[i] = g(s);
        for (int i = 0; i < 256; i++) s.runqput(p, gs[i], false);
        assertThat(p.runqsize()).isEqualTo(256);
        assertThat(s.runq.size()).isZero();
        s.runqput(p, gs[256], false);
        assertThat(s.runq.size()).isEqualTo(129);
        assertThat(p.runqsize()).isEqualTo(128);
        // the 128 oldest, then the new one, in order, at the tail of the global queue
        G first = s.runq.pop();
        assertThat(first).isSameAs(gs[0]);
        assertThat(p.runqAt(0)).isSameAs(gs[128]);
    }

    @Test
    void globrunqgetTakesSizeOverGomaxprocsPlusOneCappedAt128() {
        Sched s = sched(4);
        P p = s.allp[0];
        for (int i = 0; i < 100; i++) s.globrunqput(g(s));
        G got = s.globrunqget(p, 0, false);
        assertThat(got).isNotNull();
        // n = 100/4 + 1 = 26: one returned, 25 onto the local ring
        assertThat(p.runqsize()).isEqualTo(25);
        assertThat(s.runq.size()).isEqualTo(74);

        Sched big = sched(1);
        for (int i = 0; i < 1000; i++) big.globrunqput(g(big));
        big.globrunqget(big.allp[0], 0, false);
        assertThat(big.allp[0].runqsize()).isEqualTo(127); // capped at len(runq)/2 = 128
        assertThat(big.runq.size()).isEqualTo(1000 - 128);
    }

    @Test
    void fairnessCheckTakesExactlyOne() {
        Sched s = sched(1);
        for (int i = 0; i < 50; i++) s.globrunqput(g(s));
        s.globrunqget(s.allp[0], 1, true);
        assertThat(s.allp[0].runqsize()).isZero();
        assertThat(s.runq.size()).isEqualTo(49);
    }

    @Test
    void stealTakesHalfRoundedUpAndRunsTheLast() {
        Sched s = sched(2);
        P victim = s.allp[1];
        P thief = s.allp[0];
        G[] gs = new G[5];
        for (int i = 0; i < 5; i++) {
            gs[i] = g(s);
            s.runqput(victim, gs[i], false);
        }
        M m = new M(9);
        G got = s.runqsteal(m, thief, victim, false);
        assertThat(got).isSameAs(gs[2]); // 5 - 5/2 = 3 stolen: gs[0], gs[1] queued, gs[2] runs
        assertThat(thief.runqsize()).isEqualTo(2);
        assertThat(victim.runqsize()).isEqualTo(2);
        assertThat(victim.runqAt(0)).isSameAs(gs[3]);
    }

    @Test
    void runnextIsStolenOnlyWhenAllowedAndTheRingIsEmpty() {
        Sched s = sched(2);
        P victim = s.allp[1];
        P thief = s.allp[0];
        G next = g(s);
        s.runqput(victim, next, true);
        M m = new M(9);
        assertThat(s.runqsteal(m, thief, victim, false)).isNull();
        assertThat(victim.runnext).isSameAs(next);
        assertThat(s.runqsteal(m, thief, victim, true)).isSameAs(next);
        assertThat(victim.runnext).isNull();
    }

    @Test
    void runqemptyCountsRunnext() {
        Sched s = sched(1);
        P p = s.allp[0];
        assertThat(p.runqempty()).isTrue();
        s.runqput(p, g(s), true);
        assertThat(p.runqempty()).isFalse();
        assertThat(p.runqsize()).isZero(); // what schedtrace prints: runnext not counted
    }

    @Test
    void gfputMovesDownTo31WhenTheLocalListReaches64AndGfgetRefillsTo32() {
        Sched s = sched(1);
        P p = s.allp[0];
        for (int i = 0; i < 64; i++) {
            G g = g(s);
            g.status = GStatus.DEAD;
            s.gfput(p, g);
        }
        assertThat(p.gFree.size()).isEqualTo(31);
        assertThat(s.gFreeStack.size()).isEqualTo(33);
        p.gFree.clear();
        G reused = s.gfget(p);
        assertThat(reused).isNotNull();
        assertThat(p.gFree.size()).isEqualTo(31); // refilled to 32, one taken
        assertThat(s.gFreeStack.size()).isEqualTo(1);
    }

    @Test
    void stealOrderVisitsEveryPOnce() {
        for (int procs = 1; procs <= 12; procs++) {
            for (int r = 0; r < 50; r++) {
                int[] order = StealOrder.order(procs, r * 7919);
                assertThat(order).hasSize(procs);
                assertThat(java.util.Arrays.stream(order).distinct().count()).isEqualTo(procs);
            }
        }
    }
}
