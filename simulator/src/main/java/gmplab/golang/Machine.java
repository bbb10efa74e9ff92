package gmplab.golang;

import gmplab.golang.Values.*;
import gmplab.runtime.Action;
import gmplab.runtime.Chan;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Resume;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One goroutine of a compiled Go program: its frames and the interpreter loop.
 * <p>
 * {@link #next} runs instructions until the goroutine reaches a runtime operation
 * (channel operation, {@code go}, sleep, lock, print …) or its instruction budget,
 * and answers with {@link Action.Compute} chunks (instructions × cost) followed by
 * the operation's action. Nothing but the frames is kept between calls, so the
 * engine can stop the goroutine at any instruction boundary.
 */
final class Machine implements GoroutineBody {
    /** What to do with the engine's answer to an action this goroutine asked for. */
    interface ResumeHandler {
        void resume(Machine m, Resume r);
    }

    final Program prog;
    final String name;
    /** "main.main\n\tprog.go:12": the function and line of the {@code go} statement (for tracebacks). */
    String createdBy;
    Frame frame;
    private final ArrayDeque<Action> pending = new ArrayDeque<>(2);
    private ResumeHandler handler;
    /** The panic being unwound, or null. */
    Object panicValue;
    boolean panicking;
    boolean recovered;
    private boolean exited;
    /** Set while a native runs inside a synchronous call (no blocking allowed). */
    private int syncDepth;
    private long count;
    private boolean hasCalls;

    Machine(Program prog, String name, Object callee, Object[] args) {
        this.prog = prog;
        this.name = name;
        this.frame = trampoline(callee, args, null);
        this.frame.discardResults = true;
    }

    // ---------------------------------------------------------------- GoroutineBody

    @Override
    public Action next(Resume r) {
        if (!pending.isEmpty()) return pending.poll();
        if (exited) return new Action.Exit();
        count = 0;
        hasCalls = false;
        prog.resumes++;
        if (handler != null) {
            ResumeHandler h = handler;
            handler = null;
            if (r != null && r.panic() != null) {
                throwInto(GoPanic.plain(r.panic()));
            } else {
                try {
                    h.resume(this, r);
                } catch (GoPanic p) {
                    throwInto(p);
                }
            }
        } else if (r != null && r.panic() != null) {
            throwInto(GoPanic.plain(r.panic()));
        }
        if (pending.isEmpty()) run(prog.budget);
        Action first = count > 0 ? new Action.Compute(count * prog.nsPerInstr, hasCalls) : null;
        if (first != null) return first;
        if (pending.isEmpty()) return exited ? new Action.Exit() : new Action.Compute(0, hasCalls);
        return pending.poll();
    }

    /**
     * The goroutine's stack as Go's traceback prints it, innermost frame first:
     * {@code main.worker(...)\n\tprog.go:12}, one entry per frame (the first line alone
     * is a short label).
     */
    @Override
    public String position() {
        StringBuilder sb = new StringBuilder();
        for (Frame f = frame; f != null; f = f.parent) {
            if (f.fn.name.startsWith("$")) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append(f.fn.name).append("(...)\n\t").append(prog.fileName).append(':').append(f.line());
        }
        if (createdBy != null && sb.length() > 0) sb.append("\ncreated by ").append(createdBy);
        return sb.toString();
    }

    // ---------------------------------------------------------------- blocking

    /** Called by instructions and natives: stop after this instruction and ask the engine for {@code a}. */
    void block(Action a, ResumeHandler h) {
        if (syncDepth > 0) {
            throw GoPanic.plain("not supported by GMP Lab: blocking operation inside a String or Error method called by fmt");
        }
        pending.add(a);
        handler = h;
    }

    /** Queue an action that needs no answer (e.g. output). */
    void emit(Action a) {
        if (syncDepth > 0 && a instanceof Action.Print) {
            pending.add(a);
            return;
        }
        block(a, null);
    }

    // ---------------------------------------------------------------- calls

    private static final FuncCode[] TRAMPOLINES = new FuncCode[32];

    /** A frame that calls {@code callee(args...)}: the root of a goroutine or a deferred call. */
    private Frame trampoline(Object callee, Object[] args, Frame parent) {
        int n = args.length;
        FuncCode t = n < TRAMPOLINES.length ? TRAMPOLINES[n] : null;
        if (t == null) {
            t = new FuncCode("$call" + n);
            int[] code = new int[2 * (n + 1) + 2 + 2];
            int pc = 0;
            for (int i = 0; i <= n; i++) {
                code[pc++] = Op.LOAD;
                code[pc++] = i;
            }
            code[pc++] = Op.CALLV;
            code[pc++] = n;
            code[pc++] = Op.RET;
            code[pc++] = 0;
            t.code = code;
            t.lines = new int[code.length];
            t.consts = new Object[0];
            t.nlocals = n + 1;
            if (n < TRAMPOLINES.length) TRAMPOLINES[n] = t;
        }
        Frame f = new Frame(t, null, parent);
        f.locals[0] = callee;
        System.arraycopy(args, 0, f.locals, 1, n);
        return f;
    }

    /** Enters a compiled function with the top {@code argc} stack values as arguments. */
    private void enter(FuncCode fn, Object[] free, int argc) {
        Frame caller = frame;
        Frame f = new Frame(fn, free, caller);
        Object[] st = caller.stack;
        int base = caller.sp - argc;
        System.arraycopy(st, base, f.locals, 0, argc);
        for (int i = base; i < caller.sp; i++) st[i] = null;
        caller.sp = base;
        for (int slot : fn.cellParams) f.locals[slot] = new Cell(f.locals[slot]);
        frame = f;
    }

    /** Calls any function value with the top {@code argc} stack values (callee just below them). */
    private void callValue(int argc) {
        Frame f = frame;
        Object callee = f.stack[f.sp - argc - 1];
        if (callee instanceof Closure c) {
            removeCallee(f, argc);
            enter(c.code(), c.free(), argc);
        } else if (callee instanceof BoundMethod b) {
            // insert receiver as first argument in place of the callee
            f.stack[f.sp - argc - 1] = b.recv();
            enter(b.code(), null, argc + 1);
        } else if (callee instanceof NativeFn nf) {
            Object[] args = new Object[nf.bound().length + argc];
            System.arraycopy(nf.bound(), 0, args, 0, nf.bound().length);
            for (int i = argc - 1; i >= 0; i--) args[nf.bound().length + i] = f.pop();
            f.pop();
            callNative(nf.fn(), args);
        } else if (callee == null) {
            throw GoPanic.nilDeref();
        } else {
            throw new IllegalStateException("not callable: " + callee);
        }
    }

    private static void removeCallee(Frame f, int argc) {
        int at = f.sp - argc - 1;
        System.arraycopy(f.stack, at + 1, f.stack, at, argc);
        f.sp--;
        f.stack[f.sp] = null;
    }

    /** Runs a native and pushes its results (none, one, or an {@code Object[]} spread). */
    void callNative(Natives.Native n, Object[] args) {
        Object r = n.call(this, args);
        pushResults(n.results(), r);
    }

    void pushResults(int nresults, Object r) {
        if (nresults == 1) frame.push(r);
        else if (nresults > 1) for (Object o : (Object[]) r) frame.push(o);
    }

    /** Calls a Go function value synchronously from Java (fmt calling a String method). */
    Object callSync(Object callee, Object... args) {
        Frame saved = frame;
        Frame barrier = trampoline(callee, args, saved);
        barrier.syncBarrier = true;
        frame = barrier;
        syncDepth++;
        try {
            // run until the barrier frame returns: its CALLV leaves the results on its stack
            while (frame != saved) {
                runSync(barrier);
            }
        } finally {
            syncDepth--;
        }
        return syncResult;
    }

    private Object syncResult;

    private void runSync(Frame barrier) {
        try {
            loop(Long.MAX_VALUE, barrier);
        } catch (GoPanic p) {
            // a panic inside a String method: unwind up to the barrier, then rethrow outside
            frame = barrier.parent;
            throw p;
        }
    }

    // ---------------------------------------------------------------- defer, return, panic

    private void pushDefer(int argc) {
        Frame f = frame;
        Object[] rec = new Object[argc + 1];
        for (int i = argc; i >= 0; i--) rec[i] = f.pop();
        if (f.defers == null) f.defers = new ArrayList<>(4);
        f.defers.add(rec);
    }

    /** Continues the return sequence of {@code f}: the next deferred call, or the actual return. */
    private void finishReturn(Frame f) {
        if (f.defers != null && !f.defers.isEmpty()) {
            Object[] rec = f.defers.remove(f.defers.size() - 1);
            Object[] args = new Object[rec.length - 1];
            System.arraycopy(rec, 1, args, 0, args.length);
            Frame d = trampoline(rec[0], args, f);
            d.discardResults = true;
            d.isDeferCall = true;
            frame = d;
            return;
        }
        Frame caller = f.parent;
        frame = caller;
        if (f.syncBarrier) {
            // the trampoline's stack holds the callee's results
            syncResult = f.sp > 0 ? f.stack[0] : null;
            return;
        }
        if (caller == null) {
            exited = true;
            pending.add(new Action.Exit());
            return;
        }
        if (!f.discardResults) {
            int base = f.fn.nparams;
            for (int i = 0; i < f.fn.nresults; i++) {
                Object v = f.locals[base + i];
                caller.push(f.fn.cellResults[i] ? ((Cell) v).v : v);
            }
        }
        if (f.isDeferCall) afterDefer(caller);
    }

    /** A deferred call of {@code f} has finished. */
    private void afterDefer(Frame f) {
        if (f.mode == Frame.UNWINDING) {
            if (recovered) {
                panicChain = List.of();
                panicking = false;
                recovered = false;
                panicValue = null;
                f.mode = Frame.RETURNING;
                finishReturn(f);
            } else {
                unwind();
            }
        } else {
            finishReturn(f);
        }
    }

    /** Messages of earlier panics still being unwound ("panic: a [recovered]\n\tpanic: b"). */
    private List<String> panicChain = List.of();

    /** Starts a panic in the current goroutine. */
    void throwInto(GoPanic p) {
        if (panicking) {
            if (panicChain.isEmpty()) panicChain = new ArrayList<>(2);
            panicChain.add(panicMessage(panicValue) + (recovered ? " [recovered]" : ""));
        }
        panicking = true;
        recovered = false;
        panicValue = p.value;
        unwind();
    }

    private void unwind() {
        while (frame != null) {
            Frame f = frame;
            if (f.syncBarrier) throw new GoPanic(panicValue);
            if (f.defers != null && !f.defers.isEmpty()) {
                f.mode = Frame.UNWINDING;
                finishReturn(f);
                return;
            }
            frame = f.parent;
            if (frame != null && f.isDeferCall) {
                // a panic inside a deferred call replaces the one being unwound (Go prints both)
                frame.mode = Frame.UNWINDING;
            }
        }
        exited = true;
        pending.clear();
        handler = null;
        StringBuilder msg = new StringBuilder();
        for (String earlier : panicChain) msg.append(earlier).append("\n\tpanic: ");
        pending.add(new Action.Panic(msg.append(panicMessage(panicValue)).toString()));
    }

    /** {@code recover()}: only effective when called by a deferred function during a panic. */
    Object recover(Frame caller) {
        Frame t = caller.parent;
        if (!panicking || recovered || t == null || !t.isDeferCall || t.parent == null || t.parent.mode != Frame.UNWINDING) {
            return null;
        }
        recovered = true;
        return panicValue;
    }

    /** The text after "panic: " as Go's printpanicval writes it. */
    String panicMessage(Object v) {
        if (v == null) return "nil";
        Iface i = (Iface) v;
        if (i.type() == Natives.RUNTIME_ERROR) {
            String s = (String) i.value();
            return s.startsWith("runtime error: ") && !s.contains("nil pointer") ? s : s.startsWith("runtime error: ")
                    ? s + "\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]" : s;
        }
        try {
            Type.Method m = i.type().method("Error");
            if (m == null) m = i.type().method("String");
            if (m != null) return GoString.toJava(Fmt.callStringMethod(this, i));
        } catch (GoPanic p) {
            return "(panic in Error method)";
        }
        Type.Kind k = i.type().uk();
        String body = Fmt.sprint(this, List.of(i));
        if (k == Type.Kind.STRING) {
            return i.type().isNamed() ? i.type() + "(" + Fmt.quote((String) i.value()) + ")" : GoString.toJava((String) i.value());
        }
        if (i.type().isNamed() && (i.type().isNumeric() || i.type().isBool())) return i.type() + "(" + body + ")";
        if (i.type().isNumeric() || i.type().isBool()) return body;
        return "(" + i.type() + ") " + body;
    }

    // ---------------------------------------------------------------- the interpreter

    private void run(long budget) {
        while (pending.isEmpty() && frame != null) {
            try {
                loop(budget, null);
                return;
            } catch (GoPanic p) {
                throwInto(p);
            } catch (OutOfMemoryError e) {
                frame = null;
                outOfMemory();
            } catch (StackOverflowError e) {
                frame = null;
                exited = true;
                pending.clear();
                handler = null;
                pending.add(new Action.Print("runtime: goroutine stack exceeds 1000000000-byte limit\n", true));
                pending.add(new Action.Fatal("stack overflow"));
            }
            if (count >= budget) return;
        }
    }

    /**
     * Virtual time this goroutine has used in the current chunk but not yet reported to the
     * engine; clock reads add it so that {@code time.Now} is exact to the instruction.
     */
    long unreportedNs() {
        return count * prog.nsPerInstr;
    }

    /** Stops the program with Go's "fatal error: msg" (not recoverable). */
    void fatalError(String msg) {
        frame = null;
        fatal(msg);
    }

    /** Calls a Go function value from a native as if the native had called it (results discarded). */
    void callGo(Object callee, Object... args) {
        Frame t = trampoline(callee, args, frame);
        t.discardResults = true;
        frame = t;
    }

    void outOfMemory() {
        fatal("runtime: out of memory");
    }

    private void fatal(String msg) {
        exited = true;
        pending.clear();
        handler = null;
        pending.add(new Action.Fatal(msg));
    }

    /**
     * The dispatch loop: executes until an action is pending, the budget is used up,
     * or (for a synchronous call) the barrier frame has returned.
     */
    /**
     * The dispatch loop: executes until an action is pending, the budget is used up,
     * or (for a synchronous call) the barrier frame has returned. The hot instructions
     * run on copies of the frame's registers (pc, sp, stack); everything else goes
     * through {@link #slowOp} with the registers written back.
     */
    private void loop(long budget, Frame barrier) {
        Frame f = frame;
        if (f == null) return;
        int[] code = f.code;
        Object[] st = f.stack;
        Object[] locals = f.locals;
        Object[] consts = f.consts;
        int sp = f.sp;
        int pc = f.pc;
        long cnt = count;
        try {
            while (cnt < budget) {
                cnt++;
                int op = code[pc++];
                switch (op) {
                    case Op.CONST -> {
                        if (sp == st.length) st = f.stack = java.util.Arrays.copyOf(st, sp * 2);
                        st[sp++] = consts[code[pc++]];
                    }
                    case Op.LOAD -> {
                        if (sp == st.length) st = f.stack = java.util.Arrays.copyOf(st, sp * 2);
                        st[sp++] = locals[code[pc++]];
                    }
                    case Op.STORE -> {
                        locals[code[pc++]] = st[--sp];
                        st[sp] = null;
                    }
                    case Op.LOADC -> {
                        if (sp == st.length) st = f.stack = java.util.Arrays.copyOf(st, sp * 2);
                        st[sp++] = ((Cell) locals[code[pc++]]).v;
                    }
                    case Op.STOREC -> {
                        ((Cell) locals[code[pc++]]).v = st[--sp];
                        st[sp] = null;
                    }
                    case Op.POP -> st[--sp] = null;
                    case Op.ADD -> {
                        long b = (Long) st[--sp];
                        st[sp - 1] = (Long) st[sp - 1] + b;
                    }
                    case Op.SUB -> {
                        long b = (Long) st[--sp];
                        st[sp - 1] = (Long) st[sp - 1] - b;
                    }
                    case Op.MUL -> {
                        long b = (Long) st[--sp];
                        st[sp - 1] = (Long) st[sp - 1] * b;
                    }
                    case Op.AND -> {
                        long b = (Long) st[--sp];
                        st[sp - 1] = (Long) st[sp - 1] & b;
                    }
                    case Op.ILT -> {
                        long b = (Long) st[--sp];
                        st[sp - 1] = (Long) st[sp - 1] < b;
                    }
                    case Op.ILE -> {
                        long b = (Long) st[--sp];
                        st[sp - 1] = (Long) st[sp - 1] <= b;
                    }
                    case Op.IGT -> {
                        long b = (Long) st[--sp];
                        st[sp - 1] = (Long) st[sp - 1] > b;
                    }
                    case Op.IGE -> {
                        long b = (Long) st[--sp];
                        st[sp - 1] = (Long) st[sp - 1] >= b;
                    }
                    case Op.JMP -> pc = code[pc];
                    case Op.JF -> {
                        int target = code[pc++];
                        if (!(Boolean) st[--sp]) pc = target;
                        st[sp] = null;
                    }
                    case Op.JT -> {
                        int target = code[pc++];
                        if ((Boolean) st[--sp]) pc = target;
                        st[sp] = null;
                    }
                    case Op.WRAP -> st[sp - 1] = wrap((Long) st[sp - 1], code[pc++]);
                    case Op.NIL -> {
                        if (sp == st.length) st = f.stack = java.util.Arrays.copyOf(st, sp * 2);
                        st[sp++] = null;
                    }
                    case Op.DUP -> {
                        if (sp == st.length) st = f.stack = java.util.Arrays.copyOf(st, sp * 2);
                        st[sp] = st[sp - 1];
                        sp++;
                    }
                    case Op.LOADF -> {
                        if (sp == st.length) st = f.stack = java.util.Arrays.copyOf(st, sp * 2);
                        st[sp++] = ((Cell) f.free[code[pc++]]).v;
                    }
                    case Op.STOREF -> {
                        ((Cell) f.free[code[pc++]]).v = st[--sp];
                        st[sp] = null;
                    }
                    case Op.NOT -> st[sp - 1] = !(Boolean) st[sp - 1];
                    case Op.EQ -> {
                        Object b = st[--sp];
                        st[sp] = null;
                        st[sp - 1] = Values.equal(st[sp - 1], b);
                    }
                    case Op.NE -> {
                        Object b = st[--sp];
                        st[sp] = null;
                        st[sp - 1] = !Values.equal(st[sp - 1], b);
                    }
                    case Op.LEN -> st[sp - 1] = Ops.len(st[sp - 1]);
                    case Op.INDEX -> {
                        long i = (Long) st[--sp];
                        st[sp] = null;
                        st[sp - 1] = Ops.index(st[sp - 1], i);
                    }
                    case Op.SETINDEX -> {
                        Object v = st[--sp];
                        long i = (Long) st[--sp];
                        Object x = st[--sp];
                        st[sp] = st[sp + 1] = st[sp + 2] = null;
                        Ops.setIndex(x, i, v);
                    }
                    case Op.SETFIELD -> {
                        Object v = st[--sp];
                        Object o = st[--sp];
                        st[sp] = st[sp + 1] = null;
                        if (o == null) {
                            pc++;
                            throw GoPanic.nilDeref();
                        }
                        ((StructVal) o).f[code[pc++]] = v;
                    }
                    case Op.FADD -> {
                        double b = (Double) st[--sp];
                        st[sp - 1] = (Double) st[sp - 1] + b;
                    }
                    case Op.FSUB -> {
                        double b = (Double) st[--sp];
                        st[sp - 1] = (Double) st[sp - 1] - b;
                    }
                    case Op.FMUL -> {
                        double b = (Double) st[--sp];
                        st[sp - 1] = (Double) st[sp - 1] * b;
                    }
                    case Op.FDIV -> {
                        double b = (Double) st[--sp];
                        st[sp - 1] = (Double) st[sp - 1] / b;
                    }
                    case Op.FIELD -> {
                        Object o = st[sp - 1];
                        if (o == null) {
                            pc++;
                            throw GoPanic.nilDeref();
                        }
                        st[sp - 1] = ((StructVal) o).f[code[pc++]];
                    }
                    case Op.CALL -> {
                        FuncCode fn = (FuncCode) consts[code[pc++]];
                        int argc = code[pc++];
                        hasCalls = true;
                        Frame callee = new Frame(fn, null, f);
                        sp -= argc;
                        System.arraycopy(st, sp, callee.locals, 0, argc);
                        for (int i = sp; i < sp + argc; i++) st[i] = null;
                        for (int slot : fn.cellParams) callee.locals[slot] = new Cell(callee.locals[slot]);
                        f.pc = pc;
                        f.sp = sp;
                        frame = f = callee;
                        code = f.code;
                        st = f.stack;
                        locals = f.locals;
                        consts = f.consts;
                        sp = 0;
                        pc = 0;
                    }
                    case Op.RET -> {
                        Frame caller = f.parent;
                        if ((f.defers == null || f.defers.isEmpty()) && caller != null && !f.syncBarrier
                                && !f.discardResults && !f.isDeferCall) {
                            // plain return: results go on the caller's operand stack
                            FuncCode fn = f.fn;
                            int base = fn.nparams;
                            for (int i = 0; i < fn.nresults; i++) {
                                Object v = locals[base + i];
                                caller.push(fn.cellResults[i] ? ((Cell) v).v : v);
                            }
                            frame = f = caller;
                            code = f.code;
                            st = f.stack;
                            locals = f.locals;
                            consts = f.consts;
                            sp = f.sp;
                            pc = f.pc;
                        } else {
                            f.pc = pc;
                            f.sp = sp;
                            count = cnt;
                        boolean stop = slowOp(f, op, barrier);
                        cnt = count;
                            f = frame;
                            if (f == null) return;
                            code = f.code;
                            st = f.stack;
                            locals = f.locals;
                            consts = f.consts;
                            sp = f.sp;
                            pc = f.pc;
                            if (stop) return;
                        }
                    }
                    default -> {
                        f.pc = pc;
                        f.sp = sp;
                        count = cnt;
                        boolean stop = slowOp(f, op, barrier);
                        cnt = count;
                        f = frame;
                        if (f == null) return;
                        code = f.code;
                        st = f.stack;
                        locals = f.locals;
                        consts = f.consts;
                        sp = f.sp;
                        pc = f.pc;
                        if (stop) return;
                    }
                }
            }
        } finally {
            count = cnt;
            if (f != null && f == frame) {
                f.pc = pc;
                f.sp = sp;
                f.stack = st;
            }
        }
    }

    /**
     * Executes one instruction whose opcode was just read from {@code f} (pc already past
     * it) using the frame's own state. Returns true if the loop must stop: an action is
     * pending or a synchronous call has returned.
     */
    private boolean slowOp(Frame f, int op, Frame barrier) {
        int[] code = f.code;
        {
            switch (op) {
                case Op.NOP -> { }
                case Op.CONST -> f.push(f.consts[code[f.pc++]]);
                case Op.NIL -> f.push(null);
                case Op.LOAD -> f.push(f.locals[code[f.pc++]]);
                case Op.STORE -> f.locals[code[f.pc++]] = f.pop();
                case Op.LOADC -> f.push(((Cell) f.locals[code[f.pc++]]).v);
                case Op.STOREC -> ((Cell) f.locals[code[f.pc++]]).v = f.pop();
                case Op.MKCELL -> f.locals[code[f.pc++]] = new Cell(f.pop());
                case Op.LOADF -> f.push(((Cell) f.free[code[f.pc++]]).v);
                case Op.STOREF -> ((Cell) f.free[code[f.pc++]]).v = f.pop();
                case Op.FREECELL -> f.push(f.free[code[f.pc++]]);
                case Op.LOCALCELL -> f.push(f.locals[code[f.pc++]]);
                case Op.LOADG -> f.push(prog.globals[code[f.pc++]].v);
                case Op.STOREG -> prog.globals[code[f.pc++]].v = f.pop();
                case Op.GLOBALCELL -> f.push(prog.globals[code[f.pc++]]);
                case Op.POP -> f.pop();
                case Op.DUP -> f.push(f.stack[f.sp - 1]);
                case Op.DUP2 -> {
                    f.push(f.stack[f.sp - 2]);
                    f.push(f.stack[f.sp - 2]);
                }
                case Op.SWAP -> {
                    Object t = f.stack[f.sp - 1];
                    f.stack[f.sp - 1] = f.stack[f.sp - 2];
                    f.stack[f.sp - 2] = t;
                }
                case Op.ADD -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] + b; }
                case Op.SUB -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] - b; }
                case Op.MUL -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] * b; }
                case Op.DIV -> {
                    long b = (Long) f.pop();
                    if (b == 0) throw GoPanic.runtime("integer divide by zero");
                    f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] / b;
                }
                case Op.REM -> {
                    long b = (Long) f.pop();
                    if (b == 0) throw GoPanic.runtime("integer divide by zero");
                    f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] % b;
                }
                case Op.UDIV -> {
                    long b = (Long) f.pop();
                    if (b == 0) throw GoPanic.runtime("integer divide by zero");
                    f.stack[f.sp - 1] = Long.divideUnsigned((Long) f.stack[f.sp - 1], b);
                }
                case Op.UREM -> {
                    long b = (Long) f.pop();
                    if (b == 0) throw GoPanic.runtime("integer divide by zero");
                    f.stack[f.sp - 1] = Long.remainderUnsigned((Long) f.stack[f.sp - 1], b);
                }
                case Op.AND -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] & b; }
                case Op.OR -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] | b; }
                case Op.XOR -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] ^ b; }
                case Op.ANDNOT -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] & ~b; }
                case Op.SHL -> {
                    long b = shiftCount(f.pop());
                    f.stack[f.sp - 1] = b >= 64 ? 0L : (Long) f.stack[f.sp - 1] << b;
                }
                case Op.SHR -> {
                    long b = shiftCount(f.pop());
                    f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] >> Math.min(b, 63);
                }
                case Op.USHR -> {
                    long b = shiftCount(f.pop());
                    f.stack[f.sp - 1] = b >= 64 ? 0L : (Long) f.stack[f.sp - 1] >>> b;
                }
                case Op.NEG -> f.stack[f.sp - 1] = -(Long) f.stack[f.sp - 1];
                case Op.BITNOT -> f.stack[f.sp - 1] = ~(Long) f.stack[f.sp - 1];
                case Op.WRAP -> f.stack[f.sp - 1] = wrap((Long) f.stack[f.sp - 1], code[f.pc++]);
                case Op.FADD -> { double b = (Double) f.pop(); f.stack[f.sp - 1] = (Double) f.stack[f.sp - 1] + b; }
                case Op.FSUB -> { double b = (Double) f.pop(); f.stack[f.sp - 1] = (Double) f.stack[f.sp - 1] - b; }
                case Op.FMUL -> { double b = (Double) f.pop(); f.stack[f.sp - 1] = (Double) f.stack[f.sp - 1] * b; }
                case Op.FDIV -> { double b = (Double) f.pop(); f.stack[f.sp - 1] = (Double) f.stack[f.sp - 1] / b; }
                case Op.FNEG -> f.stack[f.sp - 1] = -(Double) f.stack[f.sp - 1];
                case Op.FROUND32 -> f.stack[f.sp - 1] = (double) (float) (double) (Double) f.stack[f.sp - 1];
                case Op.CONCAT -> {
                    String b = (String) f.pop();
                    String a = (String) f.stack[f.sp - 1];
                    prog.allocate(a.length() + b.length());
                    f.stack[f.sp - 1] = a.concat(b);
                }
                case Op.EQ -> { Object b = f.pop(); f.stack[f.sp - 1] = Values.equal(f.stack[f.sp - 1], b); }
                case Op.NE -> { Object b = f.pop(); f.stack[f.sp - 1] = !Values.equal(f.stack[f.sp - 1], b); }
                case Op.EQREF -> { Object b = f.pop(); f.stack[f.sp - 1] = f.stack[f.sp - 1] == b || refEq(f.stack[f.sp - 1], b); }
                case Op.NEREF -> { Object b = f.pop(); f.stack[f.sp - 1] = !(f.stack[f.sp - 1] == b || refEq(f.stack[f.sp - 1], b)); }
                case Op.ILT -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] < b; }
                case Op.ILE -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] <= b; }
                case Op.IGT -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] > b; }
                case Op.IGE -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = (Long) f.stack[f.sp - 1] >= b; }
                case Op.ULT -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = Long.compareUnsigned((Long) f.stack[f.sp - 1], b) < 0; }
                case Op.ULE -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = Long.compareUnsigned((Long) f.stack[f.sp - 1], b) <= 0; }
                case Op.UGT -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = Long.compareUnsigned((Long) f.stack[f.sp - 1], b) > 0; }
                case Op.UGE -> { long b = (Long) f.pop(); f.stack[f.sp - 1] = Long.compareUnsigned((Long) f.stack[f.sp - 1], b) >= 0; }
                case Op.FLT -> { double b = (Double) f.pop(); f.stack[f.sp - 1] = (Double) f.stack[f.sp - 1] < b; }
                case Op.FLE -> { double b = (Double) f.pop(); f.stack[f.sp - 1] = (Double) f.stack[f.sp - 1] <= b; }
                case Op.FGT -> { double b = (Double) f.pop(); f.stack[f.sp - 1] = (Double) f.stack[f.sp - 1] > b; }
                case Op.FGE -> { double b = (Double) f.pop(); f.stack[f.sp - 1] = (Double) f.stack[f.sp - 1] >= b; }
                case Op.SLT -> { String b = (String) f.pop(); f.stack[f.sp - 1] = ((String) f.stack[f.sp - 1]).compareTo(b) < 0; }
                case Op.SLE -> { String b = (String) f.pop(); f.stack[f.sp - 1] = ((String) f.stack[f.sp - 1]).compareTo(b) <= 0; }
                case Op.SGT -> { String b = (String) f.pop(); f.stack[f.sp - 1] = ((String) f.stack[f.sp - 1]).compareTo(b) > 0; }
                case Op.SGE -> { String b = (String) f.pop(); f.stack[f.sp - 1] = ((String) f.stack[f.sp - 1]).compareTo(b) >= 0; }
                case Op.NOT -> f.stack[f.sp - 1] = !(Boolean) f.stack[f.sp - 1];
                case Op.JMP -> f.pc = code[f.pc];
                case Op.JF -> {
                    int target = code[f.pc++];
                    if (!(Boolean) f.pop()) f.pc = target;
                }
                case Op.JT -> {
                    int target = code[f.pc++];
                    if ((Boolean) f.pop()) f.pc = target;
                }
                case Op.CONV -> f.stack[f.sp - 1] = Conv.convert(this, f.stack[f.sp - 1], code[f.pc++]);
                case Op.ZERO -> f.push(Values.zero((Type) f.consts[code[f.pc++]]));
                case Op.FIELD -> {
                    Object s = f.stack[f.sp - 1];
                    if (s == null) throw GoPanic.nilDeref();
                    f.stack[f.sp - 1] = ((StructVal) s).f[code[f.pc++]];
                }
                case Op.SETFIELD -> {
                    Object v = f.pop();
                    Object s = f.pop();
                    if (s == null) throw GoPanic.nilDeref();
                    ((StructVal) s).f[code[f.pc++]] = v;
                }
                case Op.ADDRFIELD -> {
                    Object s = f.stack[f.sp - 1];
                    if (s == null) throw GoPanic.nilDeref();
                    f.stack[f.sp - 1] = new ElemRef(((StructVal) s).f, code[f.pc++]);
                }
                case Op.COPY -> f.stack[f.sp - 1] = Values.copy(f.stack[f.sp - 1]);
                case Op.NILCHECK -> {
                    if (f.stack[f.sp - 1] == null) throw GoPanic.nilDeref();
                }
                case Op.COPYINTO -> {
                    // *p = v for aggregates: overwrite the pointee in place
                    Object v = f.pop();
                    Object dst = f.pop();
                    if (dst == null) throw GoPanic.nilDeref();
                    if (dst instanceof StructVal d) System.arraycopy(((StructVal) Values.copy(v)).f, 0, d.f, 0, d.f.length);
                    else System.arraycopy(((ArrayVal) Values.copy(v)).a, 0, ((ArrayVal) dst).a, 0, ((ArrayVal) dst).a.length);
                }
                case Op.STRUCTLIT -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    int n = t.u().types.size();
                    Object[] fs = new Object[n];
                    for (int i = n - 1; i >= 0; i--) fs[i] = f.pop();
                    f.push(new StructVal(t, fs));
                }
                case Op.INDEX -> {
                    long i = (Long) f.pop();
                    Object x = f.pop();
                    f.push(Ops.index(x, i));
                }
                case Op.STRINDEX -> {
                    long i = (Long) f.pop();
                    String s = (String) f.pop();
                    if (i < 0 || i >= s.length()) throw GoPanic.runtime("index out of range [" + i + "] with length " + s.length());
                    f.push((long) (s.charAt((int) i) & 0xFF));
                }
                case Op.SETINDEX -> {
                    Object v = f.pop();
                    long i = (Long) f.pop();
                    Object x = f.pop();
                    Ops.setIndex(x, i, v);
                }
                case Op.ADDRINDEX -> {
                    long i = (Long) f.pop();
                    Object x = f.pop();
                    f.push(Ops.addrIndex(x, i));
                }
                case Op.MINDEX -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    Object k = f.pop();
                    MapVal m = (MapVal) f.pop();
                    Object v = m == null ? null : m.get(k);
                    f.push(v == null && (m == null || !m.containsKey(k)) ? Values.zero(t) : v);
                }
                case Op.MINDEXOK -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    Object k = f.pop();
                    MapVal m = (MapVal) f.pop();
                    boolean ok = m != null && m.containsKey(k);
                    f.push(ok ? m.get(k) : Values.zero(t));
                    f.push(ok);
                }
                case Op.MAPHAS -> {
                    Object k = f.pop();
                    MapVal m = (MapVal) f.pop();
                    f.push(m != null && m.containsKey(k));
                }
                case Op.MSET -> {
                    Object v = f.pop();
                    Object k = f.pop();
                    MapVal m = (MapVal) f.pop();
                    if (m == null) throw GoPanic.plain("assignment to entry in nil map");
                    Ops.checkHashable(k);
                    if (!m.containsKey(k)) prog.allocate(48);
                    m.put(k, v);
                }
                case Op.DELETE -> {
                    Object k = f.pop();
                    MapVal m = (MapVal) f.pop();
                    if (m != null) m.remove(k);
                }
                case Op.MAPKEYS -> {
                    MapVal m = (MapVal) f.pop();
                    Object[] keys = m == null ? new Object[0] : m.keys();
                    f.push(new SliceVal(keys, 0, keys.length, keys.length));
                }
                case Op.SLICE -> {
                    int flags = code[f.pc++];
                    Object max = (flags & 4) != 0 ? f.pop() : null;
                    Object hi = (flags & 2) != 0 ? f.pop() : null;
                    Object lo = (flags & 1) != 0 ? f.pop() : null;
                    Object x = f.pop();
                    f.push(Ops.slice(x, (Long) lo, (Long) hi, (Long) max));
                }
                case Op.APPEND -> {
                    Object v = f.pop();
                    SliceVal s = (SliceVal) f.pop();
                    f.push(Ops.append(prog, s, v));
                }
                case Op.APPENDSLICE -> {
                    Object t = f.pop();
                    SliceVal s = (SliceVal) f.pop();
                    f.push(Ops.appendAll(prog, s, t));
                }
                case Op.COPYSLICE -> {
                    Object src = f.pop();
                    SliceVal dst = (SliceVal) f.pop();
                    f.push(Ops.copySlice(dst, src));
                }
                case Op.LEN -> f.stack[f.sp - 1] = Ops.len(f.stack[f.sp - 1]);
                case Op.CAP -> f.stack[f.sp - 1] = Ops.cap(f.stack[f.sp - 1]);
                case Op.MAKESLICE -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    long cap = (Long) f.pop();
                    long len = (Long) f.pop();
                    f.push(Ops.makeSlice(prog, t, len, cap));
                }
                case Op.MAKEMAP -> f.push(MapVal.of((Type) f.consts[code[f.pc++]]));
                case Op.MAKECHAN -> {
                    long n = (Long) f.pop();
                    if (n < 0 || n > 1 << 30) throw GoPanic.plain("makechan: size out of range");
                    f.push(new Chan((int) n));
                }
                case Op.SLICELIT -> {
                    f.pc++;
                    int n = code[f.pc++];
                    Object[] a = new Object[n];
                    for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
                    prog.allocate(8L * n);
                    f.push(new SliceVal(a, 0, n, n));
                }
                case Op.ARRAYLIT -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    int n = (int) t.u().length;
                    Object[] a = new Object[n];
                    for (int i = n - 1; i >= 0; i--) a[i] = f.pop();
                    f.push(new ArrayVal(t, a));
                }
                case Op.MAPLIT -> {
                    Type mt = (Type) f.consts[code[f.pc++]];
                    int n = code[f.pc++];
                    Object[] kv = new Object[2 * n];
                    for (int i = 2 * n - 1; i >= 0; i--) kv[i] = f.pop();
                    MapVal m = MapVal.of(mt);
                    for (int i = 0; i < n; i++) m.put(kv[2 * i], kv[2 * i + 1]);
                    f.push(m);
                }
                case Op.DEREF -> {
                    Object p = f.stack[f.sp - 1];
                    if (p == null) throw GoPanic.nilDeref();
                    f.stack[f.sp - 1] = ((Ref) p).get();
                }
                case Op.STOREDEREF -> {
                    Object v = f.pop();
                    Object p = f.pop();
                    if (p == null) throw GoPanic.nilDeref();
                    ((Ref) p).set(v);
                }
                case Op.NEWCELL -> f.stack[f.sp - 1] = new Cell(f.stack[f.sp - 1]);
                case Op.CLOSURE -> {
                    FuncCode fn = (FuncCode) f.consts[code[f.pc++]];
                    int n = code[f.pc++];
                    Object[] free = new Object[n];
                    for (int i = n - 1; i >= 0; i--) free[i] = f.pop();
                    f.push(new Closure(fn, free));
                }
                case Op.CALL -> {
                    FuncCode fn = (FuncCode) f.consts[code[f.pc++]];
                    int argc = code[f.pc++];
                    hasCalls = true;
                    enter(fn, null, argc);
                    f = frame;
                }
                case Op.CALLV -> {
                    int argc = code[f.pc++];
                    hasCalls = true;
                    callValue(argc);
                    f = frame;
                    if (!pending.isEmpty()) return true;
                }
                case Op.CALLN -> {
                    Natives.Native n = (Natives.Native) f.consts[code[f.pc++]];
                    int argc = code[f.pc++];
                    Object[] args = new Object[argc];
                    for (int i = argc - 1; i >= 0; i--) args[i] = f.pop();
                    hasCalls = true;
                    callNative(n, args);
                    f = frame;
                    if (!pending.isEmpty()) return true;
                }
                case Op.CALLI -> {
                    String mname = (String) f.consts[code[f.pc++]];
                    int argc = code[f.pc++];
                    hasCalls = true;
                    int at = f.sp - argc;
                    Object recv = f.stack[at];
                    if (recv == null) throw GoPanic.nilDeref();
                    Iface i = (Iface) recv;
                    Type.Method m = i.type().method(mname);
                    if (m == null) throw GoPanic.runtime("method " + mname + " not found on " + i.type());
                    f.stack[at] = receiverFor(m, i);
                    if (m.code != null) {
                        enter(m.code, null, argc);
                    } else {
                        Object[] args = new Object[argc];
                        for (int k = argc - 1; k >= 0; k--) args[k] = f.pop();
                        callNative(m.nat, args);
                    }
                    f = frame;
                    if (!pending.isEmpty()) return true;
                }
                case Op.BINDM -> {
                    Object c = f.consts[code[f.pc++]];
                    Object recv = f.pop();
                    f.push(c instanceof FuncCode fc ? new BoundMethod(fc, recv)
                            : new NativeFn((Natives.Native) c, new Object[]{recv}));
                }
                case Op.BINDI -> {
                    String mname = (String) f.consts[code[f.pc++]];
                    Object recv = f.pop();
                    if (recv == null) throw GoPanic.nilDeref();
                    Iface i = (Iface) recv;
                    Type.Method m = i.type().method(mname);
                    Object r = receiverFor(m, i);
                    f.push(m.code != null ? new BoundMethod(m.code, r) : new NativeFn(m.nat, new Object[]{r}));
                }
                case Op.RET -> {
                    f.pc++;
                    f.mode = Frame.RETURNING;
                    finishReturn(f);
                    if (f == barrier && frame == barrier.parent) return true;
                    f = frame;
                    if (!pending.isEmpty()) return true;
                }
                case Op.DEFER -> pushDefer(code[f.pc++]);
                case Op.GO -> {
                    int argc = code[f.pc++];
                    Object[] args = new Object[argc];
                    for (int i = argc - 1; i >= 0; i--) args[i] = f.pop();
                    Object callee = f.pop();
                    if (callee == null) throw GoPanic.plain("go of nil func value");
                    Machine g = new Machine(prog, calleeName(callee), callee, args);
                    g.createdBy = creator(f);
                    block(new Action.Go(g, g.name), null);
                    return true;
                }
                case Op.PANIC -> throw new GoPanic(f.pop());
                case Op.RECOVER -> f.push(recover(f));
                case Op.BOX -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    f.stack[f.sp - 1] = new Iface(t, f.stack[f.sp - 1]);
                }
                case Op.ASSERT -> {
                    Type[] ts = (Type[]) f.consts[code[f.pc++]];
                    Object v = f.pop();
                    f.push(Ops.assertType(v, ts[0], ts[1]));
                }
                case Op.ASSERTOK -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    Object v = f.pop();
                    boolean ok = Ops.hasType(v, t);
                    f.push(ok ? (t.isInterface() ? v : ((Values.Iface) v).value()) : Values.zero(t));
                    f.push(ok);
                }
                case Op.TYPEIS -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    f.stack[f.sp - 1] = Ops.hasType(f.stack[f.sp - 1], t);
                }
                case Op.SEND -> {
                    Object v = f.pop();
                    Chan c = (Chan) f.pop();
                    block(new Action.Send(c, v), null);
                    return true;
                }
                case Op.RECV -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    Chan c = (Chan) f.pop();
                    block(new Action.Recv(c), (m, r) -> m.frame.push(r.ok() ? Stdlib.received(m, r.value()) : Values.zero(t)));
                    return true;
                }
                case Op.RECVOK -> {
                    Type t = (Type) f.consts[code[f.pc++]];
                    Chan c = (Chan) f.pop();
                    block(new Action.Recv(c), (m, r) -> {
                        m.frame.push(r.ok() ? Stdlib.received(m, r.value()) : Values.zero(t));
                        m.frame.push(r.ok());
                    });
                    return true;
                }
                case Op.CLOSE -> {
                    Chan c = (Chan) f.pop();
                    if (c == null) throw GoPanic.plain("close of nil channel");
                    block(new Action.Close(c), null);
                    return true;
                }
                case Op.SELECT -> {
                    SelectDesc d = (SelectDesc) f.consts[code[f.pc++]];
                    d.start(this, f);
                    return true;
                }
                case Op.RUNEAT -> {
                    long i = (Long) f.pop();
                    String s = (String) f.pop();
                    long rw = GoString.decodeRune(s, (int) i);
                    f.push(rw >> 8);
                    f.push(rw & 0xFF);
                }
                case Op.ALLOC -> prog.allocate((Long) f.stack[f.sp - 1]);
                default -> throw new IllegalStateException("bad opcode " + op + " in " + f.fn.name);
            }
        }
        return !pending.isEmpty() || (barrier != null && frame == barrier.parent);
    }

    private Object receiverFor(Type.Method m, Iface i) {
        return Values.receiver(m, i.type(), i.value());
    }

    private static boolean refEq(Object a, Object b) {
        return a instanceof ElemRef && a.equals(b);
    }

    private static long shiftCount(Object o) {
        long b = (Long) o;
        if (b < 0) throw GoPanic.runtime("negative shift amount");
        return b;
    }

    /** Truncates to a fixed width: 8/16/32 signed, 108/116/132 unsigned. */
    static long wrap(long v, int kind) {
        return switch (kind) {
            case 8 -> (byte) v;
            case 16 -> (short) v;
            case 32 -> (int) v;
            case 108 -> v & 0xFF;
            case 116 -> v & 0xFFFF;
            case 132 -> v & 0xFFFFFFFFL;
            default -> v;
        };
    }

    private String creator(Frame f) {
        while (f != null && f.fn.name.startsWith("$")) f = f.parent;
        return f == null ? null : f.fn.name + "\n\t" + prog.fileName + ":" + f.line();
    }

    private static String calleeName(Object callee) {
        if (callee instanceof Closure c) return c.code().name;
        if (callee instanceof BoundMethod b) return b.code().name;
        if (callee instanceof NativeFn n) return n.fn().name();
        return "?";
    }
}
