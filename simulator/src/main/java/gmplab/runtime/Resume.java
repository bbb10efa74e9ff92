package gmplab.runtime;

/**
 * The result of a completed action, handed to {@link GoroutineBody#next}.
 *
 * @param value   value received ({@code Recv}, a receiving select case), or null
 * @param ok      comma-ok of a receive: false when the channel was closed and drained
 * @param index   the select case chosen (-1 for {@code default}); 0 otherwise
 * @param goid    goroutine id created by a {@code Go} action; 0 otherwise
 * @param panic   non-null when the action panicked in the runtime (e.g. "send on closed
 *                channel"); the body may recover, or answer with {@link Action.Panic}
 */
public record Resume(Object value, boolean ok, int index, long goid, String panic) {
    /** The resume value of the very first call. */
    public static final Resume START = new Resume(null, true, 0, 0, null);
    /** The result of an action that returns nothing. */
    public static final Resume DONE = new Resume(null, true, 0, 0, null);

    static Resume received(Object value, boolean ok) {
        return new Resume(value, ok, 0, 0, null);
    }

    static Resume selected(int index, Object value, boolean ok) {
        return new Resume(value, ok, index, 0, null);
    }

    static Resume spawned(long goid) {
        return new Resume(null, true, 0, goid, null);
    }

    static Resume panicked(String message) {
        return new Resume(null, false, 0, 0, message);
    }
}
