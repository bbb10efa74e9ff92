package gmplab.golang;

import java.util.ArrayList;

/**
 * One activation of a function in a goroutine: program counter, locals, operand
 * stack and pending deferred calls. Frames are linked to their caller, so a
 * goroutine can stop between any two instructions and resume later.
 */
final class Frame {
    static final int NORMAL = 0, RETURNING = 1, UNWINDING = 2;

    final FuncCode fn;
    final int[] code;
    final Object[] consts;
    final Object[] locals;
    final Object[] free;
    final Frame parent;
    /** Number of frames below this one: Go's stack limit becomes a depth limit. */
    final int depth;
    Object[] stack = new Object[8];
    int sp;
    int pc;
    /** Deferred calls, each {@code [callee, args...]}, run last-in first-out. */
    ArrayList<Object[]> defers;
    int mode = NORMAL;
    /** Results are not pushed on the caller's stack (deferred calls, goroutine roots). */
    boolean discardResults;
    /** This frame is the trampoline of a deferred call. */
    boolean isDeferCall;
    /** A synchronous call from Java (e.g. a String method called by fmt) ends here. */
    boolean syncBarrier;

    Frame(FuncCode fn, Object[] free, Frame parent) {
        this.fn = fn;
        this.code = fn.code;
        this.consts = fn.consts;
        this.locals = new Object[Math.max(fn.nlocals, 1)];
        this.free = free;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        if (depth > MAX_DEPTH) throw new StackOverflowError("goroutine stack exceeds limit");
    }

    /** Frames per goroutine before "fatal error: stack overflow" (Go's limit is 1 GB of stack). */
    static final int MAX_DEPTH = 1_000_000;

    void push(Object v) {
        if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
        stack[sp++] = v;
    }

    Object pop() {
        Object v = stack[--sp];
        stack[sp] = null;
        return v;
    }

    /** The current source line. */
    int line() {
        int i = Math.max(0, Math.min(pc - 1, fn.lines.length - 1));
        return fn.lines.length == 0 ? 0 : fn.lines[i];
    }
}
