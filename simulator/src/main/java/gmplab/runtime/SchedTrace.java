package gmplab.runtime;

/**
 * {@code schedtrace(detailed)}: the text of {@code GODEBUG=schedtrace=N[,scheddetail=1]}
 * in the exact Go 1.19 format (numbers in decimal, {@code -1} for "none",
 * M lines in {@code allm} order — newest first — and one G line per G struct
 * ever allocated, in {@code allgs} order).
 */
final class SchedTrace {
    private SchedTrace() {
    }

    static String format(Sched s, long ms, boolean detailed) {
        StringBuilder b = new StringBuilder(128);
        b.append("SCHED ").append(ms).append("ms: gomaxprocs=").append(s.gomaxprocs)
                .append(" idleprocs=").append(s.npidle)
                .append(" threads=").append(s.mcount())
                .append(" spinningthreads=").append(s.nmspinning)
                .append(" idlethreads=").append(s.nmidle)
                .append(" runqueue=").append(s.runq.size());
        if (detailed) {
            b.append(" gcwaiting=0 nmidlelocked=").append(s.nmidlelocked)
                    .append(" stopwait=0 sysmonwait=").append(s.sysmonwait).append('\n');
        }
        P[] allp = s.allp;
        for (int i = 0; i < allp.length; i++) {
            P pp = allp[i];
            if (detailed) {
                b.append("  P").append(i).append(": status=").append(pp.status.code)
                        .append(" schedtick=").append(pp.schedtick)
                        .append(" syscalltick=").append(pp.syscalltick)
                        .append(" m=").append(pp.m == null ? -1 : pp.m.id)
                        .append(" runqsize=").append(pp.runqsize())
                        .append(" gfreecnt=").append(pp.gFree.size())
                        .append(" timerslen=").append(pp.timers.size()).append('\n');
            } else {
                b.append(' ');
                if (i == 0) b.append('[');
                b.append(pp.runqsize());
                if (i == allp.length - 1) b.append("]\n");
            }
        }
        if (!detailed) return b.toString();
        for (M mp : s.allm) {
            b.append("  M").append(mp.id).append(": p=").append(mp.p == null ? -1 : mp.p.id)
                    .append(" curg=").append(mp.curg == null ? -1 : mp.curg.goid)
                    .append(" mallocing=0 throwing=0 preemptoff= locks=").append(mp.locks)
                    .append(" dying=0 spinning=").append(mp.spinning)
                    .append(" blocked=").append(mp.blocked)
                    .append(" lockedg=").append(mp.lockedg == null ? -1 : mp.lockedg.goid).append('\n');
        }
        for (G gp : s.allgs) {
            b.append("  G").append(gp.goid).append(": status=").append(gp.status.code)
                    .append('(').append(gp.waitreason.text).append(") m=").append(gp.m == null ? -1 : gp.m.id)
                    .append(" lockedm=").append(gp.lockedm == null ? -1 : gp.lockedm.id).append('\n');
        }
        return b.toString();
    }
}
