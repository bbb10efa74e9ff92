package gmplab.lessons;

import gmplab.lessons.query.Query;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of a lesson. Every step has a text and may name the program and the
 * settings it runs with (inheriting the lesson's). {@code line}/{@code column}
 * locate the step in its {@code lesson.json}.
 */
public sealed interface Step {
    enum Kind { EXPLAIN, PREDICT, TRY, QUIZ, CHALLENGE }

    Kind kind();

    Text text();

    /** The Go file this step runs (a name in the lesson folder). */
    String program();

    Settings settings();

    int line();

    int column();

    /** True for the steps a learner answers or does (all but explain). */
    default boolean interactive() {
        return kind() != Kind.EXPLAIN;
    }

    /** Text and, optionally, where to take the run: {@code seek} is a query giving an event or a time. */
    record Explain(Text text, String program, Settings settings, Query seek, int line, int column) implements Step {
        public Kind kind() {
            return Kind.EXPLAIN;
        }
    }

    /**
     * A question whose answer the simulator computes with {@code query}. With
     * {@code choices} the learner picks one (exactly one must match the answer);
     * without, they type it. {@code seek}: where the run stands while they think
     * (default: the start); after answering it moves to the event the answer is about.
     */
    record Predict(Text text, String program, Settings settings, Query query, Query seek, List<Choice> choices,
                   Text explain, int line, int column) implements Step {
        public Kind kind() {
            return Kind.PREDICT;
        }
    }

    /**
     * The learner changes the settings named in {@code editable} ({@code gomaxprocs},
     * {@code seed}, {@code asyncPreempt}, {@code code}) and runs; {@code goal} is a
     * predicate over the run. {@code solution}/{@code solutionSettings} show it can be
     * done (checked by {@code lessons check}, which also checks the start does not
     * already meet the goal).
     */
    record Try(Text text, String program, Settings settings, Set<String> editable, Query goal,
               String solution, Settings solutionSettings, Text hint, Text explain, int line, int column)
            implements Step {
        public Kind kind() {
            return Kind.TRY;
        }
    }

    /**
     * A question generated from a template: {@code params} are integer ranges
     * ({@code [min, max]}), drawn per variant from a seeded generator; the program,
     * text, query and choices may use {@code {{expr}}} (see {@link Template}); the
     * reserved params {@code gomaxprocs} and {@code seed} set the run. A retry gets
     * a fresh variant.
     */
    record Quiz(Text text, String program, Settings settings, Map<String, long[]> params, String query,
                List<String> choices, Text explain, int line, int column) implements Step {
        public Kind kind() {
            return Kind.QUIZ;
        }
    }

    /**
     * "You are the scheduler": at each event matching {@code points} (at most
     * {@code limit}), the learner picks what the runtime does: {@code ask} is
     * {@code g} (which goroutine runs), {@code victim} (which P to steal from),
     * {@code p} (which P), {@code n} (how many a steal takes), or {@code key} (which rule fires, from {@code options}).
     */
    record Challenge(Text text, String program, Settings settings, String points, Query pointsQuery, String ask,
                     List<Choice> options, int limit, Text explain, int line, int column) implements Step {
        public Kind kind() {
            return Kind.CHALLENGE;
        }
    }
}
