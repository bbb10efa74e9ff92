package gmplab.runtime;

import java.util.ArrayDeque;

/**
 * {@code sync.Mutex} on a runtime semaphore ({@code sema.go}): waiters park in
 * {@code semacquire1} with wait reason "semacquire" (the Go 1.19 string) and
 * are readied FIFO by {@code semrelease1} into the releaser's {@code runnext}.
 */
public final class Mutex {
    final String name;
    G owner;
    final ArrayDeque<G> waiters = new ArrayDeque<>();
    /** When each waiter started waiting (for starvation mode). */
    final java.util.HashMap<G, Long> waitSince = new java.util.HashMap<>();

    public Mutex(String name) {
        this.name = name == null || name.isEmpty() ? "mutex" : name;
    }

    public Mutex() {
        this(null);
    }

    public boolean isLocked() {
        return owner != null;
    }

    @Override
    public String toString() {
        return name;
    }
}
