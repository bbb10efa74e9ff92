package gmplab.lessons.query;

import gmplab.trace.Event;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a query computes. Every value has a canonical text ({@link #text()}) —
 * {@code 7}, {@code G5}, {@code P1}, {@code 9 0 1 2} — which is what a lesson's
 * choices are compared with ({@link #matches(String)}).
 */
public sealed interface Value {

    /** The canonical text: numbers in decimal, G/M/P as {@code G5}/{@code M2}/{@code P1}, lists space-separated. */
    String text();

    /** True if {@code choice} is this value's text, ignoring case and runs of white space. */
    default boolean matches(String choice) {
        return normalize(text()).equals(normalize(choice));
    }

    /** Lower case, trimmed, white space (including newlines) collapsed to one space. */
    static String normalize(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A number (counts, times in ns, sequence numbers). */
    record Num(long value) implements Value {
        @Override
        public String text() {
            return Long.toString(value);
        }
    }

    /** Text (program output, event keys, statuses). */
    record Str(String value) implements Value {
        @Override
        public String text() {
            return value;
        }
    }

    /** A goroutine, thread or processor: {@code kind} is 'G', 'M' or 'P'. */
    record Ref(char kind, long id) implements Value {
        @Override
        public String text() {
            return kind + Long.toString(id);
        }
    }

    /** One event of the run. */
    record Ev(Event event) implements Value {
        @Override
        public String text() {
            return "#" + event.seq() + " " + event.key();
        }
    }

    /** A list (queue contents, print order). */
    record Lst(List<Value> items) implements Value {
        @Override
        public String text() {
            return items.stream().map(Value::text).collect(Collectors.joining(" "));
        }
    }

    /** Nothing: an empty slot, an event that did not happen. */
    record None() implements Value {
        @Override
        public String text() {
            return "none";
        }
    }

    /** True or false (predicates). */
    record Bool(boolean value) implements Value {
        @Override
        public String text() {
            return Boolean.toString(value);
        }
    }

    Value NONE = new None();
}
