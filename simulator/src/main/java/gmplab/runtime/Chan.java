package gmplab.runtime;

import java.util.ArrayDeque;

/**
 * A channel ({@code hchan} in chan.go): a ring buffer of {@code dataqsiz}
 * elements, a closed flag and the queues of waiting senders and receivers.
 * Create one per {@code make(chan T, n)}; all operations go through the
 * engine's {@code chansend}/{@code chanrecv}/{@code closechan}.
 */
public final class Chan {
    private static long nextId = 1;

    final long id;
    final String name;
    final int dataqsiz;
    final ArrayDeque<Object> buf;
    boolean closed;
    /** Waiting receivers ({@code recvq}), FIFO. */
    final ArrayDeque<Sudog> recvq = new ArrayDeque<>();
    /** Waiting senders ({@code sendq}), FIFO. */
    final ArrayDeque<Sudog> sendq = new ArrayDeque<>();

    /** {@code make(chan T, capacity)}; the name is how narration refers to it. */
    public Chan(int capacity, String name) {
        if (capacity < 0) throw new IllegalArgumentException("makechan: size out of range");
        synchronized (Chan.class) {
            this.id = nextId++;
        }
        this.name = name == null || name.isEmpty() ? "chan#" + id : name;
        this.dataqsiz = capacity;
        this.buf = new ArrayDeque<>(Math.min(capacity, 64));
    }

    public Chan(int capacity) {
        this(capacity, null);
    }

    public String name() {
        return name;
    }

    public int cap() {
        return dataqsiz;
    }

    /** {@code len(c)}: elements in the buffer. */
    public int len() {
        return buf.size();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return name;
    }
}
