package gmplab.p2p.demo;

import java.util.List;

/**
 * A node running the kubo {@code p2p} code that a user drives and watches: on the
 * simulated network ({@link SimNode}) or on the real libp2p host as a daemon
 * ({@link LiveNode}). Whatever the back end, {@link #record} gives the run so far as a
 * recording to step through.
 */
public interface P2pNode extends AutoCloseable {
    ListenerDemo.Version version();

    /** True for the real back end (real sockets, a real remote peer). */
    boolean real();

    /** The node's full listen multiaddrs ({@code /ip4/…/tcp/…/p2p/<id>}). */
    List<String> listenAddrs();

    /** The remote peers that can open streams to the node ({@link P2pAction.OpenStream#peer()}). */
    List<String> remotePeers();

    /** Does {@code a}: the simulated node applies it at its next idle point, the live node at once. */
    void act(P2pAction a);

    /** The actions done so far. */
    List<P2pAction> actions();

    /** The run so far, recorded (blocking: runs or replays the program; call it off the UI thread). */
    P2pRun record();

    @Override
    void close();
}
