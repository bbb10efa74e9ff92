package gmplab.lessons.query;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryPropertiesTest {

    /** Any text either parses or fails with a QueryException that points inside the text. */
    @Property(tries = 2000)
    void anyInputParsesOrFailsCleanly(@ForAll("noise") String src) {
        try {
            Query q = Query.parse(src);
            assertThat(q.source()).isEqualTo(src);
        } catch (QueryException e) {
            assertThat(e.column()).isBetween(0, src.length() + 1);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> words = Arbitraries.of("first", "last", "count", "of", "on", "after", "before", "steal",
                "runnext", "P0", "G1", "M2", "victim", "prints", "=", ">=", "and", "or", "not", "(", ")", "10ms",
                "\"x\"", "nth", "3", "list", "g", "threads", "max", "at", "end", "schedtrace", "record", "in", "!",
                "user", "with", "global", "runq", "#", "status");
        return Arbitraries.oneOf(words.list().ofMaxSize(8).map(l -> String.join(" ", l)),
                Arbitraries.strings().ofMaxLength(30));
    }

    /** Well-formed generated queries always parse. */
    @Property(tries = 500)
    void generatedQueriesParse(@ForAll("valid") String src) {
        assertThat(Query.parse(src).source()).isEqualTo(src);
    }

    @Provide
    Arbitrary<String> valid() {
        Arbitrary<String> event = Arbitraries.of("steal", "execute", "newproc", "ready.kick", "retake.syscall",
                "runqputslow", "park.sleep", "goexit", "runqsteal", "EXECUTE");
        Arbitrary<String> filter = Arbitraries.of("", " on P1", " of G7", " by M0", " user", " with \"wg\"", " from P2");
        Arbitrary<String> selector = Combinators.combine(event, filter).as((e, f) -> e + f);
        Arbitrary<String> pick = Combinators.combine(Arbitraries.of("first ", "last ", "nth 2 "), selector)
                .as((a, b) -> a + b);
        Arbitrary<String> prop = Combinators.combine(Arbitraries.of("g", "p", "m", "victim", "time", "seq", "n"), pick)
                .as((a, b) -> a + " of " + b);
        Arbitrary<String> state = Combinators.combine(Arbitraries.of("runnext of P0", "runq of P1", "global runqsize",
                "threads", "idleprocs"), pick).as((s, p) -> s + " after " + p);
        Arbitrary<String> value = Arbitraries.oneOf(pick, prop, state, selector.map(s -> "count " + s),
                Arbitraries.of("prints", "max threads", "exit code", "end time", "stdout", "3", "10ms", "P1", "none"));
        return Combinators.combine(value, Arbitraries.of("=", "!=", "<", ">=", "contains"), value)
                .as((a, op, b) -> a + " " + op + " " + b);
    }

    @Property
    void normalizeIsIdempotentAndIgnoresSpacing(@ForAll List<@net.jqwik.api.constraints.AlphaChars String> words) {
        String spaced = String.join("  \n ", words);
        String once = Value.normalize(spaced);
        assertThat(Value.normalize(once)).isEqualTo(once);
        assertThat(new Value.Str(spaced).matches(String.join(" ", words).toUpperCase())).isTrue();
    }
}
