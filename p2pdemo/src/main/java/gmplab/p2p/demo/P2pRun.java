package gmplab.p2p.demo;

import gmplab.runtime.Recording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One recorded run of the kubo {@code p2p} code, for stepping through: the scheduler's
 * recording, what the user and the network saw (the transcript), the program's
 * registries at every event, and where each user action began.
 *
 * @param version      which code ran
 * @param recording    every event, with the runtime state after any of them
 * @param transcript   commands, answers and bytes seen outside, each at the event it happened after
 * @param registries   the registries as the program held them, event by event
 * @param actionEvents for each applied user action, the index of the first event after it
 */
public record P2pRun(ListenerDemo.Version version, Recording recording, List<Line> transcript,
                     History registries, List<Integer> actionEvents) {

    public P2pRun {
        transcript = List.copyOf(transcript);
        actionEvents = List.copyOf(actionEvents);
    }

    /**
     * A transcript line shown once the cursor is at or after event {@code event}: its English
     * {@code text}, and for the lines the session writes itself a {@code key} with {@code args}
     * so a UI can say it in its own language (null for the program's own output, such as a
     * command's answer or a Go error message, which stay as the program wrote them).
     */
    public record Line(int event, String text, String key, List<String> args) {
        /** English templates of the keyed lines ({@link java.text.MessageFormat} patterns). */
        public static final java.util.Map<String, String> ENGLISH = java.util.Map.ofEntries(
                java.util.Map.entry("command", "> {0}"),
                java.util.Map.entry("peerOpens", "peer {0} opens a stream on {1}"),
                java.util.Map.entry("appConnects", "an application connects to {0}"),
                java.util.Map.entry("closesSide", "{0} closes its side"),
                java.util.Map.entry("opened", "{0}: opened by peer {1}"),
                java.util.Map.entry("connected", "{0}: connected to {1}"),
                java.util.Map.entry("sent", "{0} \u2192 \"{1}\""),
                java.util.Map.entry("received", "{0} \u2190 \"{1}\""),
                java.util.Map.entry("eof", "{0}: EOF"),
                java.util.Map.entry("reset", "{0}: reset"),
                java.util.Map.entry("noSuch", "{0}: no such stream or connection"),
                java.util.Map.entry("failed", "{0}: {1}"));

        public Line {
            args = List.copyOf(args);
        }

        /** A line of the program's own output. */
        public Line(int event, String text) {
            this(event, text, null, List.of());
        }

        /** A keyed line; its text is the English template filled with {@code args}. */
        public static Line of(int event, String key, String... args) {
            String template = ENGLISH.get(key);
            if (template == null) throw new IllegalArgumentException("no transcript line " + key);
            return new Line(event, new java.text.MessageFormat(template, java.util.Locale.ROOT).format(args), key, List.of(args));
        }

        /** The same line at another event. */
        public Line at(int otherEvent) {
            return new Line(otherEvent, text, key, args);
        }
    }

    /** The transcript up to and including event {@code cursor}. */
    public List<Line> transcriptUpTo(int cursor) {
        List<Line> out = new ArrayList<>();
        for (Line l : transcript) if (l.event() <= cursor) out.add(l);
        return out;
    }

    /** The registries after each event: stored only where they changed. */
    public static final class History {
        private int[] at = new int[16];
        private final List<Registries> values = new ArrayList<>();

        /** Notes the registries right after event {@code event} (events come in order). */
        void observe(int event, Registries r) {
            if (!values.isEmpty() && values.get(values.size() - 1).equals(r)) return;
            if (values.size() == at.length) at = Arrays.copyOf(at, at.length * 2);
            at[values.size()] = event;
            values.add(r);
        }

        /** The registries right after event {@code event} (empty before the program made them). */
        public Registries at(int event) {
            int lo = 0;
            int hi = values.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (at[mid] <= event) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found < 0 ? Registries.EMPTY : values.get(found);
        }

        /** How many times the registries changed. */
        public int changes() {
            return values.size();
        }
    }
}
