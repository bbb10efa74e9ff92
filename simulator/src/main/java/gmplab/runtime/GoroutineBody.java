package gmplab.runtime;

/**
 * What a goroutine does, one action at a time. The engine asks for the next
 * action whenever the previous one has completed, handing back its result.
 * There is no Java thread per goroutine: a body is a small state machine
 * (the Go-subset VM is one; tests and demos write them in plain Java).
 *
 * <p>A body must be deterministic: the same sequence of {@link Resume}
 * values must produce the same sequence of actions.
 */
@FunctionalInterface
public interface GoroutineBody {

    /**
     * Returns the next action of this goroutine.
     *
     * @param resume the result of the previous action ({@link Resume#START} on the first call)
     */
    Action next(Resume resume);

    /** A short label for the code position, shown by the UI next to the goroutine (may be empty). */
    default String position() {
        return "";
    }
}
