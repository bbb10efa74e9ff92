package gmplab.ui.model;

import gmplab.runtime.GStatus;
import gmplab.runtime.Snapshot;
import gmplab.runtime.Snapshot.GView;
import gmplab.runtime.Snapshot.MView;
import gmplab.runtime.Snapshot.PView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the G/M/P board shows, derived from a snapshot: a card per P (with its
 * M, running G, runnext and ring), Ms in syscalls with the P they left in
 * {@code _Psyscall}, the idle-M pool, spinning Ms, sysmon, the global queue,
 * and parked Gs grouped by what they wait on. Pure data; the canvas only draws it.
 */
public record BoardModel(Snapshot snap, List<PCard> ps, List<MView> syscallMs, List<MView> idleMs,
                         List<MView> spinningMs, List<MView> otherMs, MView sysmon,
                         Map<String, List<Long>> parked, List<Long> syscallGs, int liveGs, int deadGs) {

    /** Ring capacity of a P's local run queue ({@code len(p.runq)}). */
    public static final int RING = 256;

    /** One P: its view, its M (or null), the G that M runs (or -1). */
    public record PCard(PView p, MView m, long running) { }

    public static BoardModel of(Snapshot s) {
        Map<Integer, MView> mById = new LinkedHashMap<>();
        for (MView m : s.ms()) mById.put(m.id(), m);
        List<PCard> cards = new ArrayList<>();
        for (PView p : s.ps()) {
            MView m = p.m() >= 0 ? mById.get(p.m()) : null;
            long run = m != null && m.curg() >= 0 && "RUNNING".equals(m.state()) ? m.curg() : -1;
            cards.add(new PCard(p, m, run));
        }
        List<MView> sys = new ArrayList<>(), idle = new ArrayList<>(), spin = new ArrayList<>(), other = new ArrayList<>();
        MView sysmon = null;
        for (MView m : s.ms()) {
            switch (m.state()) {
                case "SYSCALL" -> sys.add(m);
                case "IDLE" -> idle.add(m);
                case "SYSMON" -> sysmon = m;
                case "DEAD" -> { }
                default -> {
                    if (m.spinning()) spin.add(m);
                    else if (m.p() < 0) other.add(m);
                }
            }
        }
        Map<String, List<Long>> parked = new TreeMap<>();
        List<Long> inSyscall = new ArrayList<>();
        int live = 0, dead = 0;
        for (GView g : s.gs()) {
            if (g.status() == GStatus.DEAD || g.status() == GStatus.IDLE) {
                dead++;
                continue;
            }
            live++;
            if (g.status() == GStatus.WAITING) {
                String on = g.waitingOn() == null || g.waitingOn().isEmpty() ? g.waitreason() : g.waitreason() + ": " + g.waitingOn();
                if (g.system()) on = "runtime: " + g.waitreason();
                parked.computeIfAbsent(on, k -> new ArrayList<>()).add(g.goid());
            } else if (g.status() == GStatus.SYSCALL) {
                inSyscall.add(g.goid());
            }
        }
        return new BoardModel(s, cards, sys, idle, spin, other, sysmon, parked, inSyscall, live, dead);
    }
}
