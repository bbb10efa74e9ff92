package gmplab.runtime;

/**
 * A goroutine waiting on a channel ({@code sudog} in runtime2.go). For a
 * select, one sudog per case shares the same {@link SelectWait}.
 */
final class Sudog {
    final G g;
    final Chan c;
    /** Value to send, or the received value once completed. */
    Object elem;
    /** For a select: the case index and the shared completion flag. */
    final int caseIndex;
    final SelectWait select;
    /** Set by the partner: true if a value was exchanged, false if woken by close. */
    boolean success;

    Sudog(G g, Chan c, Object elem, int caseIndex, SelectWait select) {
        this.g = g;
        this.c = c;
        this.elem = elem;
        this.caseIndex = caseIndex;
        this.select = select;
    }

    boolean isSelect() {
        return select != null;
    }

    /** {@code g.selectDone}: the first partner to win this CAS completes the select. */
    static final class SelectWait {
        boolean done;
    }
}
