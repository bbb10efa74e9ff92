package gmplab.ui.model;

import gmplab.trace.Event;
import gmplab.trace.EventKind;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The event log's filter: a kind choice (all, decisions only, or one kind)
 * and a text of tokens like {@code G5 M2 P1} (all must match; any other word
 * must appear in the message key or Go function).
 */
public final class EventFilter {
    /** The kind choice: {@code null} kind with {@code decisionsOnly=false} means all. */
    public record KindChoice(EventKind kind, boolean decisionsOnly) {
        public static final KindChoice ALL = new KindChoice(null, false);
        public static final KindChoice DECISIONS = new KindChoice(null, true);

        boolean test(Event e) {
            if (kind != null) return e.kind() == kind;
            return !decisionsOnly || e.kind().decision;
        }
    }

    private EventFilter() {
    }

    /** A predicate for the kind choice and the token text. */
    public static Predicate<Event> of(KindChoice choice, String text) {
        Predicate<Event> p = choice == null ? e -> true : choice::test;
        if (text == null || text.isBlank()) return p;
        for (String tok : text.trim().split("[\\s,]+")) {
            p = p.and(token(tok.toLowerCase(Locale.ROOT)));
        }
        return p;
    }

    private static Predicate<Event> token(String t) {
        if (t.length() > 1 && "gmp".indexOf(t.charAt(0)) >= 0 && t.substring(1).chars().allMatch(Character::isDigit)) {
            long id = Long.parseLong(t.substring(1));
            return switch (t.charAt(0)) {
                case 'g' -> e -> e.g() == id;
                case 'm' -> e -> e.m() == id;
                default -> e -> e.p() == id;
            };
        }
        return e -> e.key().toLowerCase(Locale.ROOT).contains(t) || e.kind().goFunction.toLowerCase(Locale.ROOT).contains(t)
                || e.kind().name().toLowerCase(Locale.ROOT).contains(t);
    }
}
