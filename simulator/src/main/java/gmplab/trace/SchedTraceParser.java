package gmplab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code GODEBUG=schedtrace=N[,scheddetail=1]} output — from a real Go
 * program or from the simulator — into records, so the two can be laid side by
 * side. Accepts the Go 1.19 format and the later one ({@code needspinning=},
 * {@code [ 1 0 ]} with {@code schedticks=}). Other text on the stream (the
 * program's own stderr, even mid-line) is skipped.
 */
public final class SchedTraceParser {
    private static final Pattern SUMMARY = Pattern.compile(
            "SCHED (\\d+)ms: gomaxprocs=(\\d+) idleprocs=(\\d+) threads=(\\d+) spinningthreads=(\\d+)"
                    + "(?: needspinning=(\\d+))? idlethreads=(\\d+) runqueue=(\\d+)(.*)");
    private static final Pattern P_DETAIL = Pattern.compile(
            "^\\s+P(\\d+): status=(\\d+) schedtick=(\\d+) syscalltick=(\\d+) m=(-?\\d+|nil) runqsize=(\\d+) gfreecnt=(\\d+)");

    /** One {@code SCHED} line (plus, in detailed mode, the P lines that follow). */
    public record Record(long ms, int gomaxprocs, int idleprocs, int threads, int spinningthreads, int idlethreads,
                         int runqueue, int[] localRunq, int lineNumber) { }

    private SchedTraceParser() {
    }

    /** Parses every SCHED record in {@code text}. */
    public static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf("SCHED ");
            if (at < 0) continue;
            Matcher m = SUMMARY.matcher(line.substring(at));
            if (!m.lookingAt()) continue;
            int procs = Integer.parseInt(m.group(2));
            int[] local = parseList(m.group(9), procs);
            if (local == null) { // detailed: the P lines follow
                local = new int[procs];
                for (int k = i + 1; k < lines.length; k++) {
                    Matcher pm = P_DETAIL.matcher(lines[k]);
                    if (!pm.find()) {
                        if (lines[k].startsWith("  ")) continue;
                        break;
                    }
                    int id = Integer.parseInt(pm.group(1));
                    if (id < procs) local[id] = Integer.parseInt(pm.group(6));
                }
            }
            out.add(new Record(Long.parseLong(m.group(1)), procs, Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(7)),
                    Integer.parseInt(m.group(8)), local, i + 1));
        }
        return out;
    }

    /** {@code " [1 0 2]"} or {@code " [ 1 0 2 ] schedticks=…"} → lengths; null if absent (detailed mode). */
    private static int[] parseList(String rest, int procs) {
        int open = rest.indexOf('[');
        int close = rest.indexOf(']');
        if (open < 0 || close < open) return null;
        String[] parts = rest.substring(open + 1, close).trim().split("\\s+");
        int[] out = new int[procs];
        for (int i = 0; i < Math.min(procs, parts.length); i++) {
            if (!parts[i].isEmpty()) out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }
}
