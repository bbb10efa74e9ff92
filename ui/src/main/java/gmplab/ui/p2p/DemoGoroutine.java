package gmplab.ui.p2p;

import gmplab.runtime.GStatus;
import gmplab.runtime.Snapshot;
import gmplab.ui.model.CodeMarkers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One goroutine of the kubo {@code p2p} demo at the cursor, with the part it plays:
 * read from {@link Snapshot.GView#name()} (the function the goroutine was started with)
 * and its position. Pure data; the P2P pane lists these by role.
 *
 * @param goid       the goroutine's id (as on the board)
 * @param role       what it does in the demo
 * @param function   the function it was started with ({@code main.(*P2P).acceptStreams})
 * @param status     its scheduler state
 * @param waitReason why it waits ({@code select}, {@code IO wait}, …; empty when not waiting)
 * @param waitingOn  what it waits on ({@code chan#3, ctx.Done}, {@code tcp 3 read}, …)
 * @param line       the line of its innermost frame in the running version's source, or -1
 */
public record DemoGoroutine(long goid, Role role, String function, GStatus status, String waitReason, String waitingOn,
                            int line) {

    /** The parts goroutines play in the demo, in the order the pane lists them. */
    public enum Role {
        /** {@code acceptStreams} / {@code acceptConns} (and the blog-era forward's {@code doAccept}). */
        ACCEPT_LOOP,
        /** The host's stream handler: the {@code registerStreamHandler} closure, {@code handleStream}, {@code setupStream}. */
        STREAM_HANDLER,
        /** The two copy goroutines of each bridged stream ({@code startStreaming} closures running {@code ioCopy}). */
        COPY,
        /** A {@code p2p} command being served ({@code serve}). */
        REQUEST,
        /** {@code main}: reads the API's requests. */
        MAIN,
        /** The network: the swarm's connection readers, the simulated network's services. */
        NETWORK,
        /** Anything else the program started. */
        OTHER;

        /** The bundle key of the role's name. */
        public String key() {
            return "p2p.role." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The role of a goroutine started with {@code function}. */
    public static Role roleOf(String function) {
        String f = function == null ? "" : function;
        if (f.contains("acceptStreams") || f.contains("acceptConns") || f.contains("doAccept")) return Role.ACCEPT_LOOP;
        if (f.contains("registerStreamHandler") || f.contains("handleStream") || f.contains("setupStream")) {
            return Role.STREAM_HANDLER;
        }
        if (f.contains("startStreaming") || f.contains("ioCopy")) return Role.COPY;
        if (f.equals("main.serve") || f.endsWith(".serve")) return Role.REQUEST;
        if (f.equals("runtime.main") || f.equals("main.main")) return Role.MAIN;
        if (f.startsWith("swarm") || f.startsWith("simnet") || f.contains("swarm.") || f.contains("simnet.")
                || f.startsWith("net.") || f.startsWith("yamux") || f.startsWith("libp2p")) {
            return Role.NETWORK;
        }
        return Role.OTHER;
    }

    /** The short function name shown in the list: {@code (*P2P).acceptStreams}, {@code registerStreamHandler.func1}. */
    public String shortFunction() {
        return function.startsWith("main.") ? function.substring(5) : function;
    }

    /**
     * The demo's live goroutines in {@code s} (no runtime helpers, none dead), by role then id;
     * lines are looked up in {@code file} (the running version's {@code fileName()}).
     */
    public static List<DemoGoroutine> of(Snapshot s, String file) {
        List<DemoGoroutine> out = new ArrayList<>();
        if (s == null) return out;
        for (Snapshot.GView g : s.gs()) {
            if (g.system() || g.status() == GStatus.DEAD || g.status() == GStatus.IDLE) continue;
            boolean waiting = g.status() != GStatus.RUNNING && g.status() != GStatus.RUNNABLE && g.status() != GStatus.SYSCALL;
            out.add(new DemoGoroutine(g.goid(), roleOf(g.name()), g.name(), g.status(),
                    waiting ? g.waitreason() : "", waiting ? g.waitingOn() : "", CodeMarkers.line(g.position(), file)));
        }
        out.sort(Comparator.comparing(DemoGoroutine::role).thenComparingLong(DemoGoroutine::goid));
        return out;
    }
}
