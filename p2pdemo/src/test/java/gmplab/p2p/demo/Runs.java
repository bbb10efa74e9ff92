package gmplab.p2p.demo;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waiting for a node on the real network: its run recorded again until a condition holds. */
public final class Runs {
    private Runs() { }

    /**
     * Records {@code node}'s run until {@code done} holds, or 30 s passed (then the last run is
     * returned for the caller's assertion to show). The network is real: no timing is assumed.
     */
    public static P2pRun await(P2pNode node, Predicate<P2pRun> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        P2pRun r = node.record();
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = node.record();
        }
        return r;
    }
}
