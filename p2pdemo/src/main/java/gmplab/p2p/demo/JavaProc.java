package gmplab.p2p.demo;

import gmplab.runtime.Action;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Resume;

/**
 * A goroutine of the network around the Go program, written in Java: the swarm's stream
 * accept loop, a simulated echo service, a scripted remote peer. It parks in the
 * netpoller like Go code reading a socket, and starts the goroutines the world asks for.
 */
abstract class JavaProc implements GoroutineBody {
    final World w;
    private final String label;
    private Readiness parked;

    JavaProc(World w, String label) {
        this.w = w;
        this.label = label;
    }

    @Override
    public final Action next(Resume r) {
        if (parked != null) {
            parked.waiting--;
            parked = null;
        }
        if (!w.spawns.isEmpty()) return new Action.Go(w.spawns.pollFirst(), w.spawnNames.pollFirst());
        return step();
    }

    /** The next action; called again after it completes. */
    abstract Action step();

    /** Parks in the netpoller until {@code r} is made ready. */
    final Action park(Readiness r) {
        r.waiting++;
        parked = r;
        return Action.NetWait.external(r.name);
    }

    @Override
    public String position() {
        return label;
    }
}
