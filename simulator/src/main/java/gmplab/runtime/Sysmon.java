package gmplab.runtime;

import gmplab.trace.EventKind;

/**
 * {@code sysmon}: the monitor thread, an M without a P. It sleeps 20 µs,
 * doubling after 50 idle rounds up to 10 ms; each round it polls the network if
 * nobody did for 10 ms, starts an M for overdue timers, {@code retake}s Ps
 * (time-slice preemption after {@code forcePreemptNS}, Ps stuck in system
 * calls) and prints {@code schedtrace} when due. Without schedtrace it
 * deep-sleeps while every P is idle.
 */
final class Sysmon {
    private final Sched s;
    private int idle;
    private long delayUs;
    private long lasttrace;
    private boolean traceStarted;
    private long starttime;
    private boolean deepSleeping;
    /** Rounds of the loop so far (for the board and tests). */
    long ticks;

    Sysmon(Sched s) {
        this.s = s;
    }

    /** {@code newm(sysmon, nil, -1)} from {@code runtime.main}. */
    void start() {
        M m = s.allocm();
        m.state = M.State.SYSMON;
        s.sysmonM = m;
        s.nmsys++;
        s.emit(EventKind.NEWM, null, m, null, "newm.sysmon", "runtime.main", s.mcount());
        sleep();
    }

    private void sleep() {
        if (idle == 0) delayUs = 20;
        else if (idle > 50) delayUs *= 2;
        if (delayUs > 10_000) delayUs = 10_000;
        s.at(s.now + delayUs * 1000, Sched.TaskKind.SYSMON, s.sysmonM);
    }

    /** Woken early from deep sleep ({@code entersyscall_sysmon}, {@code exitsyscallfast_pidle}). */
    void wake() {
        if (!deepSleeping) return;
        deepSleeping = false;
        s.sysmonwait = 0;
        idle = 0;
        delayUs = 20;
        s.at(s.now, Sched.TaskKind.SYSMON, s.sysmonM);
    }

    /** sysmon's current sleep between rounds, in µs (20 µs … 10 ms). */
    long delayUs() {
        return delayUs;
    }

    boolean deepSleeping() {
        return deepSleeping;
    }

    /** One round of the sysmon loop. */
    void tick() {
        ticks++;
        if (deepSleeping) { // the deep sleep ran out
            deepSleeping = false;
            s.sysmonwait = 0;
        } else if (s.cfg.schedtraceMs() <= 0 && s.npidle == s.gomaxprocs) {
            long next = s.timers.timeSleepUntil();
            if (next > s.now) {
                deepSleeping = true;
                s.sysmonwait = 1;
                long sleep = 60_000_000_000L; // forcegcperiod / 2
                if (next - s.now < sleep) sleep = next - s.now;
                s.at(s.now + sleep, Sched.TaskKind.SYSMON, s.sysmonM);
                return;
            }
        }
        long now = s.now;
        if (s.netpollInited && s.lastpoll != Sched.POLLING && s.lastpoll + 10_000_000L < now) {
            s.lastpoll = now;
            java.util.ArrayDeque<G> list = s.netpoll.netpoll(s.sysmonM, 0);
            if (!list.isEmpty()) s.injectglist(s.sysmonM, list);
        }
        long next = s.timers.timeSleepUntil();
        if (next < now) {
            // Timers that should have run already, perhaps because of an unpreemptible P.
            s.startm(null, false, "sysmon.timers");
        }
        if (retake(now) != 0) idle = 0;
        else idle++;
        if (s.cfg.schedtraceMs() > 0) {
            if (!traceStarted) {
                traceStarted = true;
                starttime = now;
                lasttrace = now;
                schedtrace(now);
            } else if (lasttrace + s.cfg.schedtraceMs() * 1_000_000L <= now) {
                lasttrace = now;
                schedtrace(now);
            }
        }
        if (s.outcome == null) sleep();
    }

    private void schedtrace(long now) {
        s.sysmonM.locks = 2;
        String text = SchedTrace.format(s, (now - starttime) / 1_000_000L, s.cfg.scheddetail());
        s.sysmonM.locks = 0;
        s.out.stderr(text);
        s.emit(EventKind.SCHEDTRACE, null, s.sysmonM, null, "schedtrace", (now - starttime) / 1_000_000L, text);
    }

    /**
     * {@code retake}: for each P running or in a syscall, preempt a G that has run
     * for {@code forcePreemptNS} (10 ms) since sysmon first saw its {@code schedtick};
     * retake a {@code _Psyscall} P seen in the same syscall on two ticks, unless its
     * queue is empty, others are spinning or idle, and the call is under 10 ms.
     * Returns the number of Ps retaken from syscalls.
     */
    int retake(long now) {
        int n = 0;
        for (P pp : s.allp) {
            P.SysmonTick pd = pp.sysmontick;
            PStatus st = pp.status;
            boolean sysretake = false;
            if (st == PStatus.RUNNING || st == PStatus.SYSCALL) {
                int t = pp.schedtick;
                if (pd.schedtick != t) {
                    pd.schedtick = t;
                    pd.schedwhen = now;
                } else if (pd.schedwhen + Sched.FORCE_PREEMPT_NS <= now) {
                    s.preemptone(pp);
                    sysretake = true;
                }
            }
            if (st == PStatus.SYSCALL) {
                int t = pp.syscalltick;
                if (!sysretake && pd.syscalltick != t) {
                    pd.syscalltick = t;
                    pd.syscallwhen = now;
                    continue;
                }
                if (pp.runqempty() && s.nmspinning + s.npidle > 0 && pd.syscallwhen + 10_000_000L > now) {
                    continue;
                }
                // CAS _Psyscall → _Pidle
                pp.status = PStatus.IDLE;
                n++;
                pp.syscalltick++;
                M holder = null;
                for (M m : s.allm) {
                    if (m.oldp == pp) holder = m;
                }
                s.emit(EventKind.RETAKE, holder == null || holder.curg == null ? null : holder.curg, holder, pp,
                        "retake.syscall", (now - pd.syscallwhen) / 1000);
                s.handoffp(pp);
            }
        }
        return n;
    }
}
