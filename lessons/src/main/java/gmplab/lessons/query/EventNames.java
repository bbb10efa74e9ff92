package gmplab.lessons.query;

import gmplab.trace.EventKind;

import java.util.Set;
import java.util.TreeSet;

/** The event names a selector may use: message keys and their prefixes, kind names and Go function names. */
final class EventNames {
    /** Key prefixes the engine emits (the part before the first dot, and the full keys lessons use most). */
    private static final Set<String> KEYS = Set.of("start", "newproc", "newproc.main", "newproc.kick", "gfget", "gfput",
            "runqputslow", "globrunqget", "globrunqget.fairness", "execute", "execute.inherit", "park",
            "park.chan_receive", "park.chan_send", "park.select", "park.sleep", "park.io_wait", "park.semacquire",
            "ready", "ready.kick", "ready.rt", "gosched", "goyield", "preemptone", "preemptone.async",
            "preemptone.coop", "preempted", "entersyscall", "exitsyscall", "exitsyscall.samep", "exitsyscall.idlep",
            "exitsyscall0", "retake", "retake.syscall", "handoffp", "handoffp.work", "handoffp.spin",
            "handoffp.netpoll", "handoffp.idle", "wakep", "startm", "startm.spinning", "newm", "newm.spinning",
            "newm.sysmon", "newm.template", "mstart", "mstart.spinning", "spinning", "spinning.start", "steal",
            "steal.runnext", "steal.backoff", "resetspinning", "pidleput", "acquirep", "acquirep.recheck",
            "acquirep.netpoll", "stopm", "netpoll", "netpoll.block", "injectglist", "injectglist.nop", "timer",
            "timer.sleep", "timer.chan", "lockosthread", "unlockosthread", "stoplockedm", "startlockedm", "goexit",
            "mexit", "external", "external.ready", "schedtrace", "print", "print.stderr", "exit", "fatal", "panic",
            "limit", "any");

    private EventNames() {
    }

    static boolean known(String name) {
        if (KEYS.contains(name)) return true;
        for (EventKind k : EventKind.values()) {
            if (k.name().equalsIgnoreCase(name) || k.goFunction.equals(name)) return true;
        }
        return false;
    }

    static String summary() {
        return String.join(", ", new TreeSet<>(KEYS));
    }
}
