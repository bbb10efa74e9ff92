package gmplab.fidelity;

import gmplab.trace.SchedTraceParser;
import gmplab.trace.SchedTraceParser.Record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures of a {@code GODEBUG=schedtrace} stream (real or simulated), computed the way
 * {@code examples/tools/schedsummary.py} computes them for the recordings' summary.txt.
 */
record SchedFigures(List<Record> records, List<Block> blocks) {

    /** One scheddetail block: its G lines' status counts, M lines, P lines. */
    record Block(long ms, Map<Integer, Integer> gStatusCounts, int gLines, int mLines, List<String> pLines) { }

    private static final Pattern G_LINE = Pattern.compile("^\\s+G\\d+: status=(\\d+)");
    private static final Pattern M_LINE = Pattern.compile("^\\s+M\\d+: p=");
    private static final Pattern P_LINE = Pattern.compile("^\\s+P\\d+: status=");
    private static final Pattern HDR = Pattern.compile("SCHED (\\d+)ms:");

    static SchedFigures of(String stderr) {
        List<Block> blocks = new ArrayList<>();
        long ms = -1;
        Map<Integer, Integer> st = null;
        int g = 0, m = 0;
        List<String> ps = null;
        for (String l : stderr.split("\n")) {
            Matcher h = HDR.matcher(l);
            if (h.find()) {
                if (st != null && (g > 0 || m > 0)) blocks.add(new Block(ms, st, g, m, ps));
                ms = Long.parseLong(h.group(1));
                st = new TreeMap<>();
                g = 0;
                m = 0;
                ps = new ArrayList<>();
                continue;
            }
            if (st == null) continue;
            Matcher gm = G_LINE.matcher(l);
            if (gm.find()) {
                g++;
                st.merge(Integer.parseInt(gm.group(1)), 1, Integer::sum);
            } else if (M_LINE.matcher(l).find()) {
                m++;
            } else if (P_LINE.matcher(l).find()) {
                ps.add(l.trim());
            }
        }
        if (st != null && (g > 0 || m > 0)) blocks.add(new Block(ms, st, g, m, ps));
        return new SchedFigures(SchedTraceParser.parse(stderr), blocks);
    }

    int threadsFirst() {
        return records.get(0).threads();
    }

    int threadsMax() {
        return records.stream().mapToInt(Record::threads).max().orElseThrow();
    }

    int idlethreadsMax() {
        return records.stream().mapToInt(Record::idlethreads).max().orElseThrow();
    }

    int spinningMax() {
        return records.stream().mapToInt(Record::spinningthreads).max().orElseThrow();
    }

    int runqueueMax() {
        return records.stream().mapToInt(Record::runqueue).max().orElseThrow();
    }

    /** Largest local run queue seen on each P. */
    int[] localMaxPerP() {
        int[] out = new int[records.get(0).gomaxprocs()];
        for (Record r : records) {
            for (int i = 0; i < out.length && i < r.localRunq().length; i++) out[i] = Math.max(out[i], r.localRunq()[i]);
        }
        return out;
    }

    /** Largest local run queue on any P, ignoring the records printed before {@code fromMs}. */
    int localMaxFrom(long fromMs) {
        int max = 0;
        for (Record r : records) {
            if (r.ms() < fromMs) continue;
            for (int q : r.localRunq()) max = Math.max(max, q);
        }
        return max;
    }

    Block lastBlock() {
        return blocks.get(blocks.size() - 1);
    }
}
