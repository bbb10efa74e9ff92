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

    /** A transcript line shown once the cursor is at or after event {@code event}. */
    public record Line(int event, String text) { }

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
