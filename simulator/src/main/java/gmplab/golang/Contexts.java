package gmplab.golang;

import gmplab.golang.Values.*;
import gmplab.runtime.Action;
import gmplab.runtime.Chan;
import gmplab.runtime.Resume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static gmplab.golang.Natives.method;
import static gmplab.golang.Natives.sig;

/**
 * {@code context}: cancellation trees built on channels. {@code cancel} closes the
 * Done channels of a context and its descendants; {@code WithTimeout} starts a
 * runtime timer and a small helper goroutine that cancels when it fires.
 */
final class Contexts {
    private Contexts() { }

    /** The state behind one cancellable context. */
    static final class State {
        final Chan done = new Chan(0, "ctx.Done");
        final List<State> children = new ArrayList<>();
        Object err;
        /** WithDeadline/WithTimeout: an AfterFunc timer keyed by this state is pending. */
        boolean hasTimer;
    }

    static final Type EMPTY_CTX = Type.named("emptyCtx", "context", Type.INT);
    static final Object BACKGROUND = new Iface(Type.pointer(EMPTY_CTX), new Cell(0L));
    static Object CANCELED;
    static Object DEADLINE_EXCEEDED;

    static void define(Type any, Type err) {
        Type doneChan = Type.chan(Stdlib.EMPTY_STRUCT, Type.RECV);
        Map<String, Type> ms = new LinkedHashMap<>();
        ms.put("Done", sig(List.of(), doneChan));
        ms.put("Err", sig(List.of(), err));
        ms.put("Value", sig(List.of(any), any));
        Stdlib.CONTEXT.underlying = Type.iface(ms);
        method(EMPTY_CTX, "Done", false, sig(List.of(), doneChan), (m, a) -> null);
        method(EMPTY_CTX, "Err", false, sig(List.of(), err), (m, a) -> null);
        method(EMPTY_CTX, "Value", false, sig(List.of(any), any), (m, a) -> null);
        method(Stdlib.CANCEL_CTX, "Done", true, sig(List.of(), doneChan), (m, a) -> state(a[0]).done);
        method(Stdlib.CANCEL_CTX, "Err", true, sig(List.of(), err), (m, a) -> state(a[0]).err);
        method(Stdlib.CANCEL_CTX, "Value", true, sig(List.of(any), any), (m, a) -> null);
        CANCELED = Stdlib.newError("context canceled");
        DEADLINE_EXCEEDED = Stdlib.newError("context deadline exceeded");
    }

    private static State state(Object recv) {
        return (State) ((StructVal) recv).f[0];
    }

    /** {@code WithCancel} ({@code timeoutNs < 0}) or {@code WithTimeout}: returns {ctx, cancel}. */
    static Object[] withCancel(Machine m, Object parent, long timeoutNs) {
        State s = new State();
        State p = parent instanceof Iface pi && pi.value() instanceof StructVal ps && ps.type == Stdlib.CANCEL_CTX
                ? (State) ps.f[0] : null;
        Object ctx = new Iface(Stdlib.PTR_CANCEL_CTX, new StructVal(Stdlib.CANCEL_CTX, new Object[]{s}));
        Object cancel = new NativeFn(new Natives.Fn("context.WithCancel.func1", 0, (mm, a) -> {
            cancel(mm, s, CANCELED);
            return null;
        }), new Object[0]);
        if (p != null) {
            if (p.err != null) cancel(m, s, p.err);
            else p.children.add(s);
        }
        if (timeoutNs >= 0 && s.err == null) {
            if (timeoutNs == 0) {
                cancel(m, s, DEADLINE_EXCEEDED);
            } else {
                // time.AfterFunc(d, func() { c.cancel(true, DeadlineExceeded) })
                s.hasTimer = true;
                m.emit(new Action.AfterFunc(timeoutNs, s, new TimerHelper(s), "context.WithDeadline.func2"));
            }
        }
        return new Object[]{ctx, cancel};
    }

    /** Cancels {@code s} and its descendants, closing each Done channel once. */
    static void cancel(Machine m, State s, Object err) {
        if (s.err != null) return;
        s.err = err;
        if (s.hasTimer) m.emit(new Action.StopTimer(s)); // c.timer.Stop()
        m.emit(new Action.Close(s.done));
        for (State c : s.children) cancel(m, c, err);
        s.children.clear();
    }

    /** The goroutine that cancels a context when its deadline passes (time.AfterFunc in Go). */
    private static final class TimerHelper implements gmplab.runtime.GoroutineBody {
        private final State s;
        private List<Action> closes;

        TimerHelper(State s) {
            this.s = s;
        }

        @Override
        public Action next(Resume r) {
            if (closes == null) {
                closes = new ArrayList<>();
                collect(s, closes);
            }
            if (!closes.isEmpty()) return closes.remove(0);
            return new Action.Exit();
        }

        private static void collect(State s, List<Action> out) {
            if (s.err != null) return;
            s.err = DEADLINE_EXCEEDED;
            out.add(new Action.Close(s.done));
            for (State c : s.children) collect(c, out);
            s.children.clear();
        }
    }
}
