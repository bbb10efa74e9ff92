package gmplab.p2p.demo;

/**
 * A netpoller source: goroutines park on it with {@code NetWait.external(name)}; the
 * network makes it ready. Readiness is delivered only while someone waits, so the
 * event stream shows one {@code external.ready} per wake-up.
 */
final class Readiness {
    final String name;
    int waiting;

    Readiness(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
