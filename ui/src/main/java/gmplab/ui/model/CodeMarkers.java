package gmplab.ui.model;

import gmplab.runtime.GStatus;
import gmplab.runtime.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each goroutine is in the code pane: the line of its innermost frame
 * in the program's file, parsed from {@link Snapshot.GView#position()}
 * ({@code main.worker(...)\n\tmain.go:12}, innermost frame first). Pure data.
 */
public final class CodeMarkers {
    private CodeMarkers() { }

    /** The four states a marker shows (each with its own icon). */
    public enum State {
        RUNNING("▶"), RUNNABLE("▷"), WAITING("‖"), SYSCALL("⚙");

        public final String icon;

        State(String icon) {
            this.icon = icon;
        }

        static State of(GStatus s) {
            return switch (s) {
                case RUNNING -> RUNNING;
                case RUNNABLE -> RUNNABLE;
                case SYSCALL -> SYSCALL;
                default -> WAITING;
            };
        }
    }

    /** Goroutine {@code goid} is at {@code line} (1-based) in state {@code state}. */
    public record Marker(long goid, State state, int line) { }

    private static final Pattern FRAME = Pattern.compile("^\\t(.+?):(\\d+)\\s*$", Pattern.MULTILINE);

    /**
     * The line of the innermost frame of {@code position} in {@code file} (any file if
     * {@code file} is null), or -1 if the position names no line there.
     */
    public static int line(String position, String file) {
        if (position == null || position.isEmpty()) return -1;
        Matcher m = FRAME.matcher(position);
        while (m.find()) {
            String f = m.group(1);
            if (file == null || f.equals(file) || f.endsWith("/" + file)) {
                try {
                    return Integer.parseInt(m.group(2));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Markers by line (ascending); only live user goroutines with a line. */
    public static Map<Integer, List<Marker>> of(Snapshot s, String file) {
        Map<Integer, List<Marker>> out = new TreeMap<>();
        if (s == null) return out;
        for (Snapshot.GView g : s.gs()) {
            if (g.system() || g.status() == GStatus.DEAD || g.status() == GStatus.IDLE) continue;
            int line = line(g.position(), file);
            if (line < 1) continue;
            out.computeIfAbsent(line, k -> new ArrayList<>()).add(new Marker(g.goid(), State.of(g.status()), line));
        }
        // running first (then syscall, runnable, waiting), by goid: a line with many Gs still shows who runs
        for (List<Marker> l : out.values()) {
            l.sort(Comparator.comparingInt((Marker k) -> k.state() == State.RUNNING ? 0 : k.state() == State.SYSCALL ? 1
                    : k.state() == State.RUNNABLE ? 2 : 3).thenComparingLong(Marker::goid));
        }
        return out;
    }
}
