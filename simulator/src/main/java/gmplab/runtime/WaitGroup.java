package gmplab.runtime;

import java.util.ArrayDeque;

/**
 * {@code sync.WaitGroup}: a counter plus waiters parked on a semaphore
 * ("semacquire" in Go 1.19); reaching zero readies every waiter.
 */
public final class WaitGroup {
    final String name;
    long counter;
    final ArrayDeque<G> waiters = new ArrayDeque<>();

    public WaitGroup(String name) {
        this.name = name == null || name.isEmpty() ? "wg" : name;
    }

    public WaitGroup() {
        this(null);
    }

    public long counter() {
        return counter;
    }

    @Override
    public String toString() {
        return name;
    }
}
