package gmplab.ui.model;

import gmplab.runtime.GoroutineBody;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import gmplab.runtime.Snapshot;
import gmplab.runtime.Recording;
import gmplab.trace.ChromeTrace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Writing a run out: Chrome/Perfetto trace JSON and {@code schedtrace} text. */
public final class Exports {
    private Exports() {
    }

    public static void chromeTrace(Recording r, Path file) throws IOException {
        ChromeTrace.write(r.events(), r.config().gomaxprocs(), file);
    }

    /**
     * The run's {@code GODEBUG=schedtrace=1,scheddetail=1} text: the program is run
     * again with schedtrace on (every virtual millisecond, as sysmon prints it);
     * a run shorter than that gets the state at the cursor in the same format.
     */
    public static String schedtrace(SimConfig cfg, Supplier<GoroutineBody> main, Snapshot atCursor) {
        RunResult res = new Simulation(cfg.withSchedtrace(1, true)).run(main.get());
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : res.stderr().split("\\R")) {
            if (line.startsWith("SCHED ")) in = true;
            else if (!line.startsWith(" ")) in = false;
            if (in) b.append(line).append('\n');
        }
        if (b.length() == 0 && atCursor != null) b.append(format(atCursor));
        return b.toString();
    }

    /** One schedtrace block (summary, P, M and G lines) for a snapshot. */
    public static String format(Snapshot s) {
        StringBuilder b = new StringBuilder();
        int idle = 0;
        for (Snapshot.PView p : s.ps()) if (p.status() == gmplab.runtime.PStatus.IDLE) idle++;
        b.append("SCHED ").append(s.time() / 1_000_000).append("ms: gomaxprocs=").append(s.gomaxprocs())
                .append(" idleprocs=").append(idle).append(" threads=").append(s.mcount())
                .append(" spinningthreads=").append(s.nmspinning()).append(" idlethreads=").append(s.nmidle())
                .append(" runqueue=").append(s.globalRunq().length).append(" gcwaiting=0 nmidlelocked=")
                .append(s.nmidlelocked()).append(" stopwait=0 sysmonwait=").append(s.sysmonDeepSleep() ? 1 : 0).append('\n');
        for (Snapshot.PView p : s.ps()) b.append("  ").append(SchedDetail.p(p).lines().findFirst().orElse("")).append('\n');
        for (Snapshot.MView m : s.ms()) b.append("  ").append(SchedDetail.m(m).lines().findFirst().orElse("")).append('\n');
        for (Snapshot.GView g : s.gs()) b.append("  ").append(SchedDetail.g(g).lines().findFirst().orElse("")).append('\n');
        return b.toString();
    }

    public static void writeText(String text, Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
