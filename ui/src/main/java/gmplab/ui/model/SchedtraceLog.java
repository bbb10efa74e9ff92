package gmplab.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code GODEBUG=schedtrace=N[,scheddetail=1]} log (Go 1.19 format):
 * one sample per {@code SCHED} line, with each P's local queue length from
 * the summary's {@code [..]} list or, with scheddetail, from the P lines.
 * Other lines (program output, G and M lines) are ignored.
 */
public final class SchedtraceLog {
    /** One {@code SCHED} line. */
    public record Sample(long ms, int gomaxprocs, int idleprocs, int threads, int spinning, int idlethreads,
                         int runqueue, int[] localQueues) { }

    private static final Pattern SCHED = Pattern.compile(
            "SCHED (\\d+)ms: gomaxprocs=(\\d+) idleprocs=(\\d+) threads=(\\d+) spinningthreads=(\\d+) idlethreads=(\\d+) runqueue=(\\d+)(?: \\[([\\d ]*)\\])?");
    private static final Pattern PLINE = Pattern.compile("^\\s+P(\\d+): status=\\d+ .*?runqsize=(\\d+)");

    private SchedtraceLog() {
    }

    public static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        int[] detail = null;
        for (String line : text.split("\\R")) {
            Matcher m = SCHED.matcher(line);
            if (m.find()) {
                int procs = Integer.parseInt(m.group(2));
                int[] q = new int[procs];
                if (m.group(8) != null && !m.group(8).isBlank()) {
                    String[] parts = m.group(8).trim().split("\\s+");
                    for (int i = 0; i < Math.min(procs, parts.length); i++) q[i] = Integer.parseInt(parts[i]);
                }
                out.add(new Sample(Long.parseLong(m.group(1)), procs, Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                        Integer.parseInt(m.group(7)), q));
                detail = q;
                continue;
            }
            Matcher p = PLINE.matcher(line);
            if (p.find() && detail != null) {
                int id = Integer.parseInt(p.group(1));
                if (id < detail.length) detail[id] = Integer.parseInt(p.group(2));
            }
        }
        return out;
    }

    /** The series plotted by "Compare with real Go", by name. */
    public static double[][] series(List<Sample> s) {
        int maxP = s.stream().mapToInt(Sample::gomaxprocs).max().orElse(0);
        double[][] r = new double[4 + maxP][s.size()];
        for (int i = 0; i < s.size(); i++) {
            Sample x = s.get(i);
            r[0][i] = x.threads();
            r[1][i] = x.idleprocs();
            r[2][i] = x.spinning();
            r[3][i] = x.runqueue();
            for (int p = 0; p < maxP; p++) r[4 + p][i] = p < x.localQueues().length ? x.localQueues()[p] : 0;
        }
        return r;
    }

    public static String toString(Sample s) {
        return s.ms() + "ms threads=" + s.threads() + " q=" + Arrays.toString(s.localQueues());
    }
}
