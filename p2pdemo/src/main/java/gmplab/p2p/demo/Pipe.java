package gmplab.p2p.demo;

import java.util.ArrayDeque;

/**
 * One direction of a stream or TCP connection inside the simulation: bytes written by
 * one end, read by the other. Reading an empty pipe parks in the netpoller on
 * {@link #readable}; writing, closing or resetting makes it ready.
 */
final class Pipe {
    final Readiness readable;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOff;
    private int size;
    /** The writer closed its side: a reader that drained the pipe sees EOF. */
    boolean eof;
    /** The stream was reset: reads and writes fail. */
    boolean reset;

    Pipe(String name) {
        this.readable = new Readiness(name);
    }

    int available() {
        return size;
    }

    void put(byte[] b) {
        if (b.length == 0) return;
        chunks.addLast(b.clone());
        size += b.length;
    }

    /** Takes up to {@code max} bytes. */
    byte[] take(int max) {
        int n = Math.min(max, size);
        byte[] out = new byte[n];
        int k = 0;
        while (k < n) {
            byte[] head = chunks.peekFirst();
            int c = Math.min(n - k, head.length - headOff);
            System.arraycopy(head, headOff, out, k, c);
            k += c;
            headOff += c;
            if (headOff == head.length) {
                chunks.pollFirst();
                headOff = 0;
            }
        }
        size -= n;
        return out;
    }

    /** Everything buffered, as text (for scripts and tests). */
    String drainText() {
        return new String(take(size), java.nio.charset.StandardCharsets.UTF_8);
    }
}
