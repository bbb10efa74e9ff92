package gmplab.ui.model;

import gmplab.runtime.Snapshot;
import gmplab.runtime.Snapshot.GView;
import gmplab.runtime.Snapshot.MView;
import gmplab.runtime.Snapshot.PView;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The inspector's text: a G, M or P with its fields as {@code scheddetail} prints them (Go 1.19). */
public final class SchedDetail {
    private SchedDetail() {
    }

    /** What is selected on the board. */
    public enum Kind { G, M, P }

    /** A selection: a kind and an id. */
    public record Selection(Kind kind, long id) { }

    public static String p(PView p) {
        return "P" + p.id() + ": status=" + p.status().code + " schedtick=" + p.schedtick() + " syscalltick="
                + p.syscalltick() + " m=" + p.m() + " runqsize=" + p.runq().length + " gfreecnt=" + p.gfreecnt()
                + " timerslen=" + p.timers()
                + "\n  runnext=" + (p.runnext() < 0 ? "-" : "G" + p.runnext())
                + "\n  runq=" + Arrays.stream(p.runq()).mapToObj(g -> "G" + g).collect(Collectors.joining(" ", "[", "]"));
    }

    public static String m(MView m) {
        return "M" + m.id() + ": p=" + m.p() + " curg=" + m.curg() + " mallocing=0 throwing=0 preemptoff= locks=0 dying=0"
                + " spinning=" + m.spinning() + " blocked=" + m.blocked() + " lockedg=" + m.lockedg()
                + "\n  state=" + m.state() + (m.oldp() >= 0 ? " oldp=P" + m.oldp() : "") + (m.nextp() >= 0 ? " nextp=P" + m.nextp() : "");
    }

    public static String g(GView g) {
        return "G" + g.goid() + ": status=" + g.status().code + "(" + g.waitreason() + ") m=" + g.m() + " lockedm=" + g.lockedm()
                + "\n  " + g.name() + (g.system() ? " (runtime)" : "")
                + (g.position().isEmpty() ? "" : "\n  at " + g.position())
                + (g.waitingOn().isEmpty() ? "" : "\n  waiting on " + g.waitingOn())
                + "\n  runs=" + g.runs() + " P history: "
                + (g.pHistory().length == 0 ? "-" : Arrays.stream(g.pHistory()).mapToObj(p -> "P" + p).collect(Collectors.joining(" → ")));
    }

    /** The text for a selection in a snapshot ("" if it does not exist there). */
    public static String of(Snapshot s, Selection sel) {
        if (s == null || sel == null) return "";
        switch (sel.kind()) {
            case P -> {
                for (PView p : s.ps()) if (p.id() == sel.id()) return p(p);
            }
            case M -> {
                for (MView m : s.ms()) if (m.id() == sel.id()) return m(m);
            }
            case G -> {
                GView g = s.g(sel.id());
                if (g != null) return g(g);
            }
        }
        return "";
    }
}
