package gmplab.runtime;

import gmplab.trace.EventKind;

/**
 * Per-P timers ({@code time.go}): {@code time.Sleep} parks the G and puts its
 * timer on the heap of the P it ran on; {@code checkTimers} runs expired timers
 * at the start of {@code findRunnable} (and on the last stealing pass for other
 * Ps); {@code goroutineReady} → {@code goready} puts the sleeper in the
 * {@code runnext} of the P that ran the timer.
 */
final class Timers {
    private final Sched s;
    private long seq;

    Timers(Sched s) {
        this.s = s;
    }

    /** {@code timeSleep}: {@code gopark(resetForSleep)}, then the timer goes on this P's heap. */
    void timeSleep(M m, G gp, long ns) {
        P pp = m.p;
        long when = s.now + ns;
        s.gopark(m, gp, WaitReason.SLEEP, "timer@" + pp.id);
        addtimer(pp, new Timer(when, seq++, gp, null, null, 0));
    }

    /** {@code startTimer} for {@code time.After}/{@code NewTimer}/{@code Tick}: on the current P. */
    void startTimer(M m, Chan c, Object value, long ns, long period) {
        addtimer(m.p, new Timer(s.now + Math.max(0, ns), seq++, null, c, value, period));
    }

    /** {@code time.AfterFunc}: a timer whose {@code goFunc} starts {@code body} when it fires. */
    void afterFunc(M m, Object key, GoroutineBody body, String name, long ns) {
        addtimer(m.p, new Timer(s.now + Math.max(0, ns), seq++, null, null, null, 0, body, name, key));
    }

    /** {@code deltimer}: removes the pending timers with this key from every P; true if there was one. */
    boolean deltimer(Object key) {
        boolean removed = false;
        for (P pp : s.allp) removed |= pp.timers.removeIf(t -> t.g == null && t.key == key);
        return removed;
    }

    /** {@code addtimer} → {@code doaddtimer}: push on the heap; an earliest timer wakes the netpoller. */
    private void addtimer(P pp, Timer t) {
        s.netpollInited = true; // doaddtimer → netpollGenericInit
        Timer first = pp.timers.peek();
        pp.timers.add(t);
        if (first == null || t.when < first.when) wakeNetPoller(t.when);
    }

    /**
     * {@code wakeNetPoller}: if an M is blocked in netpoll past {@code when}, break it
     * ({@code netpollBreak}); if nobody is polling, {@code wakep}.
     */
    void wakeNetPoller(long when) {
        if (s.lastpoll == Sched.POLLING) {
            if (s.pollUntil == 0 || s.pollUntil > when) s.netpoll.netpollBreak();
        } else {
            s.wakep();
        }
    }

    /** Whether the last {@link #checkTimers} call ran a timer (its second result in Go). */
    boolean ranTimer;

    /**
     * {@code checkTimers(pp, now)}: runs the expired timers of {@code pp} (readying
     * sleepers onto the caller's P); returns when the next one is due (0 if none)
     * and sets {@link #ranTimer}. Called on the M's own P in {@code findRunnable}
     * and on victims in {@code stealWork}'s last pass.
     */
    long checkTimers(M m, P pp) {
        ranTimer = false;
        Timer t = pp.timers.peek();
        if (t == null) return 0;
        if (t.when > s.now) return t.when;
        while ((t = pp.timers.peek()) != null && t.when <= s.now) {
            pp.timers.poll();
            ranTimer = true;
            if (t.g != null) {
                if (s.recording) s.emit(EventKind.TIMER_FIRE, t.g, m, pp, "timer.sleep", m.p.id); else s.eventSeq++;
                s.ready(m, t.g, "timer");
            } else if (t.fn != null) {
                // goFunc: `go f()` from the M running the timers, onto its P
                if (s.recording) s.emit(EventKind.TIMER_FIRE, null, m, pp, "timer.func", t.fnName); else s.eventSeq++;
                s.newproc(m, t.fn, t.fnName, false);
            } else {
                if (s.recording) s.emit(EventKind.TIMER_FIRE, null, m, pp, "timer.chan", t.chan.name(s)); else s.eventSeq++;
                s.chans.sendNonBlocking(m, t.chan, t.value);
                if (t.period > 0) {
                    t.when += t.period * (1 + (s.now - t.when) / t.period);
                    pp.timers.add(t);
                }
            }
        }
        Timer next = pp.timers.peek();
        return next == null ? 0 : next.when;
    }

    /** {@code checkTimersNoP}: the earliest timer over all Ps, if earlier than {@code pollUntil}. */
    long checkTimersNoP(long pollUntil) {
        for (P pp : s.allp) {
            Timer t = pp.timers.peek();
            if (t != null && (pollUntil == 0 || t.when < pollUntil)) pollUntil = t.when;
        }
        return pollUntil;
    }

    /** {@code nobarrierWakeTime}: when the P's next timer is due, 0 if none. */
    long nobarrierWakeTime(P pp) {
        Timer t = pp.timers.peek();
        return t == null ? 0 : t.when;
    }

    /** {@code timeSleepUntil}: the earliest timer of all Ps (Long.MAX_VALUE if none). */
    long timeSleepUntil() {
        long next = Long.MAX_VALUE;
        for (P pp : s.allp) {
            Timer t = pp.timers.peek();
            if (t != null && t.when < next) next = t.when;
        }
        return next;
    }
}
