package gmplab.p2p.demo;

import java.util.List;

/**
 * The node on the simulated network: a {@link SimSession} that grows with each action.
 * Deterministic, needs no network, and switching the code's version replays the same
 * actions on the other version.
 */
public final class SimNode implements P2pNode {
    private volatile SimSession session;

    public SimNode(ListenerDemo.Version version) {
        this.session = new SimSession(version);
    }

    /** The same actions so far, on {@code version}. */
    public SimNode(SimNode other, ListenerDemo.Version version) {
        this.session = other.session.withVersion(version);
    }

    @Override
    public ListenerDemo.Version version() {
        return session.version();
    }

    @Override
    public boolean real() {
        return false;
    }

    @Override
    public List<String> listenAddrs() {
        return List.of("/ip4/10.0.0.1/tcp/4001/p2p/" + Scenario.SELF);
    }

    @Override
    public List<String> remotePeers() {
        return SimSession.PEERS;
    }

    @Override
    public synchronized void act(P2pAction a) {
        session = session.with(a);
    }

    @Override
    public List<P2pAction> actions() {
        return session.actions();
    }

    @Override
    public P2pRun record() {
        return session.record();
    }

    @Override
    public void close() {
        // nothing outside the simulation
    }
}
