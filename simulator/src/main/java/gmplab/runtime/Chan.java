package gmplab.runtime;

import java.util.ArrayDeque;

/**
 * A channel ({@code hchan} in chan.go): a ring buffer of {@code dataqsiz}
 * elements, a closed flag and the queues of waiting senders and receivers.
 * Create one per {@code make(chan T, n)}; all operations go through the
 * engine's {@code chansend}/{@code chanrecv}/{@code closechan}.
 */
public final class Chan {
    /** Given at {@code make}, or numbered by the engine at first use ({@link #name(Sched)}): per run, so runs repeat exactly. */
    private String name;
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
        this.name = name == null || name.isEmpty() ? null : name;
        this.dataqsiz = capacity;
        this.buf = new ArrayDeque<>(Math.min(capacity, 64));
    }

    public Chan(int capacity) {
        this(capacity, null);
    }

    /** The channel's name ({@code chan#N} once the engine has numbered it; "chan" before). */
    public String name() {
        return name == null ? "chan" : name;
    }

    /** The name events use; an unnamed channel gets the next number of this run. */
    String name(Sched s) {
        if (name == null) name = "chan#" + ++s.nchans;
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
