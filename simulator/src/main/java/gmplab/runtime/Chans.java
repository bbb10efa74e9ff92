package gmplab.runtime;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Channels and select ({@code chan.go}, {@code select.go}). A blocked partner
 * is completed directly (the value is copied into its slot) and readied with
 * {@code goready} — into the <em>waker's</em> {@code runnext}; the waker keeps running.
 */
final class Chans {
    private final Sched s;

    Chans(Sched s) {
        this.s = s;
    }

    /**
     * {@code chansend}: nil channel blocks forever; closed panics; a waiting
     * receiver gets the value directly ({@code send}); else the buffer; else park
     * on {@code sendq} ("chan send").
     */
    void chansend(M m, G gp, Chan c, Object v) {
        if (c == null) {
            s.gopark(m, gp, WaitReason.CHAN_SEND_NIL_CHAN, "nil chan");
            return;
        }
        if (c.closed) {
            gp.resume = Resume.panicked("send on closed channel");
            return;
        }
        Sudog sg = dequeue(c.recvq);
        if (sg != null) {
            sg.elem = v;
            sg.success = true;
            complete(sg, Resume.received(v, true));
            s.ready(m, sg.g, "send:" + c.name(s));
            s.charge(gp, s.timings.chanOpNs());
            return;
        }
        if (c.buf.size() < c.dataqsiz) {
            c.buf.addLast(v);
            s.charge(gp, s.timings.chanOpNs());
            return;
        }
        Sudog mine = new Sudog(gp, c, v, 0, null);
        c.sendq.addLast(mine);
        gp.waiting = new Sudog[] {mine};
        s.gopark(m, gp, WaitReason.CHAN_SEND, c.name(s));
    }

    /**
     * {@code chanrecv}: nil blocks forever; closed and empty gives the zero value
     * with ok=false; a waiting sender is served ({@code recv}: directly, or through
     * the full buffer); else the buffer; else park on {@code recvq} ("chan receive").
     */
    void chanrecv(M m, G gp, Chan c) {
        if (c == null) {
            s.gopark(m, gp, WaitReason.CHAN_RECEIVE_NIL_CHAN, "nil chan");
            return;
        }
        Resume r = tryRecv(m, c);
        if (r != null) {
            gp.resume = r;
            s.charge(gp, s.timings.chanOpNs());
            return;
        }
        Sudog mine = new Sudog(gp, c, null, 0, null);
        c.recvq.addLast(mine);
        gp.waiting = new Sudog[] {mine};
        s.gopark(m, gp, WaitReason.CHAN_RECEIVE, c.name(s));
    }

    /** The non-blocking part of {@code chanrecv}; null if it would block. */
    private Resume tryRecv(M m, Chan c) {
        Sudog sg = dequeue(c.sendq);
        if (sg != null) {
            Object v;
            if (c.dataqsiz == 0) {
                v = sg.elem;
            } else {
                v = c.buf.pollFirst();
                c.buf.addLast(sg.elem);
            }
            sg.success = true;
            complete(sg, Resume.DONE);
            s.ready(m, sg.g, "recv:" + c.name(s));
            return Resume.received(v, true);
        }
        if (!c.buf.isEmpty()) return Resume.received(c.buf.pollFirst(), true);
        if (c.closed) return Resume.received(null, false);
        return null;
    }

    /** The non-blocking part of {@code chansend}; false if it would block. Panics are set on {@code gp}. */
    private boolean trySend(M m, G gp, Chan c, Object v) {
        if (c.closed) {
            gp.resume = Resume.panicked("send on closed channel");
            return true;
        }
        Sudog sg = dequeue(c.recvq);
        if (sg != null) {
            sg.elem = v;
            sg.success = true;
            complete(sg, Resume.received(v, true));
            s.ready(m, sg.g, "send:" + c.name(s));
            return true;
        }
        if (c.buf.size() < c.dataqsiz) {
            c.buf.addLast(v);
            return true;
        }
        return false;
    }

    /**
     * {@code selectnbsend} for runtime timers ({@code sendTime}): sends without
     * blocking; the value is dropped if nobody can take it.
     */
    void sendNonBlocking(M m, Chan c, Object v) {
        if (c.closed) return;
        Sudog sg = dequeue(c.recvq);
        if (sg != null) {
            sg.elem = v;
            sg.success = true;
            complete(sg, Resume.received(v, true));
            s.ready(m, sg.g, "timer:" + c.name(s));
            return;
        }
        if (c.buf.size() < c.dataqsiz) c.buf.addLast(v);
    }

    /**
     * {@code closechan}: marks the channel closed, collects all waiting receivers
     * (zero values) then all senders (they will panic) on a LIFO {@code gList},
     * and readies each — all onto the closer's P.
     */
    void closechan(M m, G gp, Chan c) {
        if (c == null) {
            gp.resume = Resume.panicked("close of nil channel");
            return;
        }
        if (c.closed) {
            gp.resume = Resume.panicked("close of closed channel");
            return;
        }
        c.closed = true;
        ArrayDeque<Sudog> glist = new ArrayDeque<>();
        Sudog sg;
        while ((sg = dequeue(c.recvq)) != null) {
            sg.elem = null;
            sg.success = false;
            complete(sg, Resume.received(null, false));
            glist.push(sg);
        }
        while ((sg = dequeue(c.sendq)) != null) {
            sg.success = false;
            complete(sg, Resume.panicked("send on closed channel"));
            glist.push(sg);
        }
        while (!glist.isEmpty()) {
            s.ready(m, glist.pop().g, "close:" + c.name(s));
        }
        s.charge(gp, s.timings.chanOpNs());
    }

    /**
     * {@code selectgo}: polls the cases in a random order ({@code pollorder},
     * nil channels skipped); the first that can proceed wins; with a default case
     * returns -1; otherwise enqueues on every channel and parks ("select").
     */
    void selectgo(M m, G gp, List<Action.SelectCase> cases, boolean hasDefault) {
        int n = cases.size();
        int[] pollorder = new int[n];
        int norder = 0;
        for (int i = 0; i < n; i++) {
            if (cases.get(i).chan() == null) continue;
            int j = s.rand.nextN(norder + 1);
            pollorder[norder] = pollorder[j];
            pollorder[j] = i;
            norder++;
        }
        for (int k = 0; k < norder; k++) {
            int i = pollorder[k];
            Action.SelectCase cas = cases.get(i);
            if (cas.send()) {
                if (trySend(m, gp, cas.chan(), cas.value())) {
                    if (gp.resume.panic() == null) gp.resume = Resume.selected(i, null, true);
                    s.charge(gp, s.timings.chanOpNs());
                    return;
                }
            } else {
                Resume r = tryRecv(m, cas.chan());
                if (r != null) {
                    gp.resume = Resume.selected(i, r.value(), r.ok());
                    s.charge(gp, s.timings.chanOpNs());
                    return;
                }
            }
        }
        if (hasDefault) {
            gp.resume = Resume.selected(-1, null, false);
            s.charge(gp, s.timings.chanOpNs());
            return;
        }
        if (norder == 0) {
            s.gopark(m, gp, WaitReason.SELECT_NO_CASES, "select {}");
            return;
        }
        Sudog.SelectWait wait = new Sudog.SelectWait();
        Sudog[] mine = new Sudog[norder];
        StringBuilder on = new StringBuilder();
        // Pass 2: enqueue on every channel (in lock order; the order does not change the outcome here).
        for (int k = 0, w = 0; k < n; k++) {
            Action.SelectCase cas = cases.get(k);
            if (cas.chan() == null) continue;
            Sudog sg = new Sudog(gp, cas.chan(), cas.send() ? cas.value() : null, k, wait);
            (cas.send() ? cas.chan().sendq : cas.chan().recvq).addLast(sg);
            mine[w++] = sg;
            if (on.length() > 0) on.append(", ");
            on.append(cas.chan().name(s));
        }
        gp.waiting = mine;
        s.gopark(m, gp, WaitReason.SELECT, on.toString());
    }

    /** {@code waitq.dequeue}: the first waiter, skipping selects already won by someone else. */
    private static Sudog dequeue(ArrayDeque<Sudog> q) {
        while (true) {
            Sudog sg = q.pollFirst();
            if (sg == null) return null;
            if (sg.select != null) {
                if (sg.select.done) continue;
                sg.select.done = true; // the g.selectDone CAS
            }
            return sg;
        }
    }

    /**
     * Hands the result to the woken G; for a select, also dequeues its sudogs
     * from the other channels (pass 3 of {@code selectgo}).
     */
    private static void complete(Sudog sg, Resume r) {
        G g = sg.g;
        if (sg.select != null) {
            g.resume = r.panic() != null ? r : Resume.selected(sg.caseIndex, r.value(), r.ok());
            if (g.waiting != null) {
                for (Sudog other : g.waiting) {
                    if (other != sg) {
                        other.c.recvq.remove(other);
                        other.c.sendq.remove(other);
                    }
                }
            }
        } else {
            g.resume = r;
        }
        g.waiting = null;
    }
}
