package gmplab.golang;

import gmplab.golang.Values.StructVal;
import gmplab.runtime.Action;
import gmplab.runtime.Chan;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Resume;

import java.util.List;

/**
 * {@code time.Timer} with a working {@code Stop} and {@code Reset}, and {@code time.AfterFunc}. The engine's timers
 * cannot be cancelled (there is no stop action yet), so a timer fires into a private
 * channel and a small forwarding goroutine delivers the value to {@code C} unless the
 * timer was stopped meanwhile, as {@code deltimer} would have prevented. The cost of the
 * workaround: while a timer is pending, {@code runtime.NumGoroutine} counts one more.
 */
final class Timers {
    private Timers() { }

    /** The state of one {@code time.Timer}, kept in the struct's hidden second field. */
    static final class State {
        Forwarder current;
    }

    /**
     * Waits for the private timer channel, then forwards to C unless stopped; for
     * {@code time.AfterFunc} it becomes the goroutine that runs the function.
     */
    static final class Forwarder implements GoroutineBody {
        final Chan raw = new Chan(1, "time.timer");
        final Chan c;
        /** For AfterFunc: the body running f once the timer fired. */
        GoroutineBody then;
        boolean stopped;
        boolean fired;
        private int step;

        Forwarder(Chan c) {
            this.c = c;
        }

        @Override
        public Action next(Resume r) {
            if (step >= 2 && then != null) return then.next(step++ == 2 ? Resume.START : r);
            switch (step++) {
                case 0:
                    return new Action.Recv(raw);
                case 1:
                    fired = true;
                    if (stopped) return new Action.Exit();
                    if (then != null) return then.next(Resume.START);
                    return new Action.Select(List.of(Action.SelectCase.send(c, r.value())), true);
                default:
                    return new Action.Exit();
            }
        }

        @Override
        public String position() {
            return then != null && step >= 2 ? then.position() : "time.sendTime(...)";
        }
    }

    /** {@code time.NewTimer(d)}. */
    static StructVal newTimer(Machine m, long d) {
        Chan c = new Chan(1, "time.Timer.C");
        State s = new State();
        StructVal t = new StructVal(Stdlib.TIMER, new Object[]{c, s});
        start(m, s, c, d);
        return t;
    }

    private static void start(Machine m, State s, Chan c, long d) {
        Forwarder f = new Forwarder(c);
        s.current = f;
        m.emit(new Action.StartTimer(Math.max(0, d), f.raw, Stdlib.now(m) + Math.max(0, d), 0));
        m.emit(new Action.Go(f, "time.goFunc"));
    }

    /** {@code time.AfterFunc(d, f)}: f runs in its own goroutine when the timer fires. */
    static StructVal afterFunc(Machine m, long d, Object f) {
        State s = new State();
        StructVal t = new StructVal(Stdlib.TIMER, new Object[]{null, s});
        Forwarder fw = new Forwarder(null);
        fw.then = new Machine(m.prog, "time.goFunc", f, new Object[0]);
        s.current = fw;
        m.emit(new Action.StartTimer(Math.max(0, d), fw.raw, Stdlib.now(m) + Math.max(0, d), 0));
        m.emit(new Action.Go(fw, "time.goFunc"));
        return t;
    }

    /** {@code t.Stop()}: true if the call stops the timer, false if it already fired or was stopped. */
    static boolean stop(Object recv) {
        State s = state(recv);
        Forwarder f = s.current;
        if (f == null || f.fired || f.stopped) return false;
        f.stopped = true;
        return true;
    }

    /** {@code t.Reset(d)}: reports whether the timer had been active. */
    static boolean reset(Machine m, Object recv, long d) {
        boolean active = stop(recv);
        StructVal t = (StructVal) recv;
        start(m, state(recv), (Chan) t.f[0], d);
        return active;
    }

    private static State state(Object recv) {
        if (recv == null) throw GoPanic.nilDeref();
        StructVal t = (StructVal) recv;
        if (!(t.f[1] instanceof State s)) throw GoPanic.plain("time: Stop called on uninitialized Timer");
        return s;
    }
}
