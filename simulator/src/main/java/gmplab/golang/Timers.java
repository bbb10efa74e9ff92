package gmplab.golang;

import gmplab.golang.Values.StructVal;
import gmplab.runtime.Action;
import gmplab.runtime.Chan;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Resume;

import java.util.List;

/**
 * {@code time.Timer} and {@code time.AfterFunc} on the runtime's timers: {@code NewTimer}
 * starts a channel timer ({@link Action.StartTimer}, {@code sendTime}), {@code AfterFunc} a
 * function timer ({@link Action.AfterFunc}, {@code goFunc}: the goroutine exists only once the
 * timer fires), and {@code Stop}/{@code Reset} delete it ({@link Action.StopTimer}, {@code deltimer}).
 */
final class Timers {
    private Timers() { }

    /** The state of one {@code time.Timer}, kept in the struct's hidden second field: its key. */
    static final class State {
        /** For AfterFunc: the function, to start again on Reset. */
        Object fn;
    }

    /** {@code time.NewTimer(d)}. */
    static StructVal newTimer(Machine m, long d) {
        Chan c = new Chan(1, "time.Timer.C");
        StructVal t = new StructVal(Stdlib.TIMER, new Object[]{c, new State()});
        start(m, t, d);
        return t;
    }

    /** {@code time.AfterFunc(d, f)}: f runs in its own goroutine when the timer fires. */
    static StructVal afterFunc(Machine m, long d, Object f) {
        State s = new State();
        s.fn = f;
        StructVal t = new StructVal(Stdlib.TIMER, new Object[]{null, s});
        start(m, t, d);
        return t;
    }

    private static void start(Machine m, StructVal t, long d) {
        State s = state(t);
        long wait = Math.max(0, d);
        if (s.fn != null) {
            m.emit(new Action.AfterFunc(wait, s, new Machine(m.prog, "time.goFunc", s.fn, new Object[0]), "time.goFunc"));
        } else {
            m.emit(new Action.StartTimer(wait, (Chan) t.f[0], Stdlib.now(m) + wait, 0));
        }
    }

    /** The key the timer was started with: its channel, or for AfterFunc its state. */
    private static Object key(StructVal t) {
        return t.f[0] != null ? t.f[0] : t.f[1];
    }

    /** {@code t.Stop()}: true if the call stops the timer, false if it already fired or was stopped. */
    static Object stop(Machine m, Object recv) {
        StructVal t = checked(recv);
        m.block(new Action.StopTimer(key(t)), (mm, r) -> {
            mm.frame.pop();
            mm.frame.push(r.ok());
        });
        return Boolean.FALSE; // replaced by the engine's answer
    }

    /** {@code t.Reset(d)}: reports whether the timer had been active, and starts it again. */
    static Object reset(Machine m, Object recv, long d) {
        StructVal t = checked(recv);
        m.block(new Action.StopTimer(key(t)), (mm, r) -> {
            mm.frame.pop();
            mm.frame.push(r.ok());
            start(mm, t, d);
        });
        return Boolean.FALSE;
    }

    /** {@code ticker.Stop()}: no more ticks. */
    static Object stopTicker(Machine m, Object recv) {
        if (recv == null) throw GoPanic.nilDeref();
        Object c = ((StructVal) recv).f[0];
        m.block(new Action.StopTimer(c), null);
        return null;
    }

    private static StructVal checked(Object recv) {
        if (recv == null) throw GoPanic.nilDeref();
        state(recv);
        return (StructVal) recv;
    }

    private static State state(Object recv) {
        StructVal t = (StructVal) recv;
        if (!(t.f[1] instanceof State s)) throw GoPanic.plain("time: Stop called on uninitialized Timer");
        return s;
    }
}
