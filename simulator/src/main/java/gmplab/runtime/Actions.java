package gmplab.runtime;

import gmplab.trace.EventKind;

/** Performs a goroutine's {@link Action} by calling the runtime function it stands for. */
final class Actions {
    private Actions() {
    }

    static void perform(Sched s, M m, G gp, Action a) {
        Timings t = s.timings;
        if (a instanceof Action.Compute c) {
            gp.pendingCompute = c.ns();
            gp.pendingHasCalls = c.hasCalls();
        } else if (a instanceof Action.Go go) {
            G newg = s.newproc(m, go.body(), go.name(), false);
            gp.resume = Resume.spawned(newg.goid);
            s.charge(gp, t.goNs());
        } else if (a instanceof Action.Send send) {
            s.chans.chansend(m, gp, send.chan(), send.value());
        } else if (a instanceof Action.Recv recv) {
            s.chans.chanrecv(m, gp, recv.chan());
        } else if (a instanceof Action.Close close) {
            s.chans.closechan(m, gp, close.chan());
        } else if (a instanceof Action.Select sel) {
            s.chans.selectgo(m, gp, sel.cases(), sel.hasDefault());
        } else if (a instanceof Action.StartTimer st) {
            s.timers.startTimer(m, st.chan(), st.value(), st.ns(), st.periodNs());
            s.charge(gp, t.chanOpNs());
        } else if (a instanceof Action.AfterFunc af) {
            s.timers.afterFunc(m, af.key(), af.body(), af.name(), af.ns());
            s.charge(gp, t.chanOpNs());
        } else if (a instanceof Action.StopTimer st) {
            boolean stopped = s.timers.deltimer(st.key());
            gp.resume = new Resume(null, stopped, 0, 0, null);
            s.charge(gp, t.chanOpNs());
        } else if (a instanceof Action.Sleep sl) {
            if (sl.ns() > 0) s.timers.timeSleep(m, gp, sl.ns());
        } else if (a instanceof Action.Syscall sc) {
            s.entersyscall(m, gp, sc.ns());
        } else if (a instanceof Action.NetWait nw) {
            s.netpoll.netpollblock(m, gp, nw.ns(), nw.source());
        } else if (a instanceof Action.Gomaxprocs gm) {
            int old = s.gomaxprocsCall(m, gp, gm.n());
            gp.resume = new Resume(old, true, 0, 0, null);
            if (gm.n() > 0 && gm.n() != old) s.charge(gp, t.stwNs());
        } else if (a instanceof Action.Gosched) {
            s.goschedImpl(m, gp, false);
        } else if (a instanceof Action.Lock l) {
            s.sema.lock(m, gp, l.mutex());
        } else if (a instanceof Action.Unlock u) {
            s.sema.unlock(m, gp, u.mutex());
        } else if (a instanceof Action.WgAdd w) {
            s.sema.wgAdd(m, gp, w.wg(), w.delta());
        } else if (a instanceof Action.WgWait w) {
            s.sema.wgWait(m, gp, w.wg());
        } else if (a instanceof Action.LockOSThread) {
            s.lockOSThread(m, gp, true);
        } else if (a instanceof Action.UnlockOSThread) {
            s.unlockOSThread(m, gp, true);
        } else if (a instanceof Action.ParkForever pf) {
            s.gopark(m, gp, pf.reason(), "");
        } else if (a instanceof Action.Print pr) {
            if (pr.stderr()) s.out.stderr(pr.text());
            else s.out.stdout(pr.text());
            s.emit(EventKind.PRINT, gp, m, m.p, pr.stderr() ? "print.stderr" : "print", pr.text());
            s.charge(gp, t.printNs());
        } else if (a instanceof Action.Exit) {
            if (gp == s.g1) s.exit(0, Outcome.Reason.EXIT, "main returned");
            else s.goexit0(m, gp);
        } else if (a instanceof Action.OsExit e) {
            s.exit(e.code(), Outcome.Reason.OS_EXIT, "os.Exit(" + e.code() + ")");
        } else if (a instanceof Action.Fatal f) {
            s.throwFatal("", f.message());
        } else if (a instanceof Action.Panic p) {
            s.fatalpanic(gp, p.message());
        } else {
            throw new IllegalArgumentException("unknown action " + a);
        }
    }
}
