package gmplab.p2p.libp2p.host;

/**
 * Observer of connection and stream events. Called from I/O threads and
 * stream threads: return quickly and never block.
 */
@FunctionalInterface
public interface HostListener {
    void onEvent(HostEvent event);
}
