package gmplab.runtime;

import gmplab.trace.EventKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network poller ({@code netpoll.go}, epoll on Linux). A G reading a
 * not-ready descriptor parks in "IO wait" and holds no M. Whoever polls —
 * {@code findRunnable} (non-blocking, then blocking in the last M about to
 * sleep: only one at a time, {@code sched.lastpoll == 0}), or sysmon when
 * nobody did for 10 ms — gets the ready Gs and hands them to {@code injectglist}.
 * There is no netpoller thread.
 */
final class Netpoll {
    /** A descriptor a goroutine waits on. */
    static final class Fd {
        final G g;
        final String source;
        boolean ready;

        Fd(G g, String source) {
            this.g = g;
            this.source = source;
        }
    }

    private final Sched s;
    /** Descriptors that became ready and were not polled yet, in readiness order. */
    private final List<Fd> readyList = new ArrayList<>();
    /** Gs waiting on external sources, by source name (FIFO per source). */
    private final Map<String, ArrayDeque<Fd>> external = new HashMap<>();
    /** Readiness that arrived before anyone waited on the source. */
    private final Map<String, Integer> earlyReady = new HashMap<>();
    /** {@code netpollWaiters}. */
    private int waiters;
    /** The M blocked in {@code netpoll(delay)}, if any. */
    M poller;
    private boolean pollerWasSpinning;

    Netpoll(Sched s) {
        this.s = s;
    }

    int waiters() {
        return waiters;
    }

    /** {@code netpollblock}: parks the G in "IO wait" until its descriptor is ready. */
    void netpollblock(M m, G gp, long ns, String source) {
        s.netpollInited = true;
        if (source != null) {
            Integer early = earlyReady.get(source);
            if (early != null) {
                if (early == 1) earlyReady.remove(source);
                else earlyReady.put(source, early - 1);
                s.charge(gp, s.timings.chanOpNs());
                return;
            }
        }
        Fd fd = new Fd(gp, source);
        waiters++;
        s.gopark(m, gp, WaitReason.IO_WAIT, source == null ? "fd" : source);
        if (source != null) {
            external.computeIfAbsent(source, k -> new ArrayDeque<>()).addLast(fd);
        } else {
            s.atFree(s.now + Math.max(0, ns), Sched.TaskKind.NET_READY, fd);
        }
    }

    /** The descriptor became readable (epoll reports it on the next poll). */
    void fdReady(Fd fd) {
        fd.ready = true;
        readyList.add(fd);
        if (poller != null) s.at(s.now, Sched.TaskKind.M_NETPOLL_WAKE, poller);
    }

    /** Readiness injected from outside (a real network stream arriving), recorded as an event. */
    void externalReady(String source) {
        ArrayDeque<Fd> q = external.get(source);
        Fd fd = q == null ? null : q.pollFirst();
        s.emit(EventKind.EXTERNAL_READY, fd == null ? null : fd.g, null, null, "external.ready", source);
        if (fd == null) {
            earlyReady.merge(source, 1, Integer::sum);
            return;
        }
        fdReady(fd);
    }

    /**
     * {@code netpoll(0)}: the Gs whose descriptors are ready, as a {@code gList}
     * (LIFO: the last ready comes first).
     */
    ArrayDeque<G> netpoll(M m, long delay) {
        ArrayDeque<G> list = new ArrayDeque<>();
        for (Fd fd : readyList) list.push(fd.g);
        int n = readyList.size();
        readyList.clear();
        waiters -= n;
        if (n > 0) s.emit(EventKind.NETPOLL, null, m, m == null ? null : m.p, "netpoll", n);
        return list;
    }

    /**
     * The blocking poll at the end of {@code findRunnable}: the M (without a P)
     * sleeps in {@code netpoll(pollUntil - now)}, or forever if {@code until == 0}.
     */
    void block(M m, long until, boolean wasSpinning) {
        m.state = M.State.NETPOLL;
        m.pollUntil = until;
        poller = m;
        pollerWasSpinning = wasSpinning;
        s.emit(EventKind.NETPOLL_BLOCK, null, m, null, until == 0 ? "netpoll.block" : "netpoll.block.until",
                until == 0 ? -1 : until - s.now);
        if (!readyList.isEmpty()) {
            s.at(s.now, Sched.TaskKind.M_NETPOLL_WAKE, m);
        } else if (until != 0) {
            s.at(Math.max(until, s.now), Sched.TaskKind.M_NETPOLL_WAKE, m);
        } else {
            m.wakeGen++; // nothing pending: woken by readiness or netpollBreak
        }
    }

    /** {@code netpollBreak}: wakes the M blocked in netpoll. */
    void netpollBreak() {
        if (poller != null) s.at(s.now, Sched.TaskKind.M_NETPOLL_WAKE, poller);
    }

    /**
     * The blocked {@code netpoll} returns: {@code lastpoll = now}; with an idle P
     * the M runs the first ready G and injects the rest; without one, all go to
     * the global queue and the M parks ({@code stopm}).
     */
    void wake(M m) {
        poller = null;
        ArrayDeque<G> list = netpoll(m, 0);
        s.pollUntil = 0;
        s.lastpoll = s.now;
        P pp = s.pidleget();
        if (pp == null) {
            s.injectglist(m, list);
            s.stopm(m);
            return;
        }
        s.acquirep(m, pp);
        s.emit(EventKind.ACQUIREP, null, m, pp, "acquirep.netpoll", list.size());
        if (!list.isEmpty()) {
            G gp = list.pop();
            s.injectglist(m, list);
            s.netpollReady(gp);
            s.runFound(m, gp, false);
            return;
        }
        if (pollerWasSpinning) {
            m.spinning = true;
            s.nmspinning++;
        }
        m.state = M.State.SCHEDULING;
        s.schedule(m);
    }
}
