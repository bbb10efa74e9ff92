package gmplab.lessons;

import gmplab.golang.GoCompileException;
import gmplab.lessons.query.Query;
import gmplab.lessons.query.QueryException;
import gmplab.lessons.query.Value;
import gmplab.runtime.Recording;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every step of a lesson headless, the way {@code gmplab lessons check} does:
 * each query must give an answer (and exactly one choice must match it), each
 * try goal must be unmet at the start and met by the solution, each quiz variant
 * must be answerable, each challenge must have decisions to make.
 */
public final class LessonChecker {
    /** Quiz variants tried per quiz step. */
    static final int QUIZ_VARIANTS = 4;

    private final LessonRuns runs;

    public LessonChecker(LessonRuns runs) {
        this.runs = runs;
    }

    /** A checked step: where it is, and what its answer was (for the report). */
    public record StepReport(int index, Step.Kind kind, String answer) { }

    /** The outcome for one lesson. */
    public record Report(Lesson lesson, List<StepReport> steps, List<Problem> problems) { }

    public Report check(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        List<StepReport> reports = new ArrayList<>();
        String file = lesson.location() + "/lesson.json";
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step step = lesson.steps().get(i);
            List<String> out = new ArrayList<>();
            String answer;
            try {
                answer = checkStep(lesson, i, step, out);
            } catch (GoCompileException e) {
                answer = null;
                for (String err : e.errors()) out.add("the program does not compile: " + err);
            } catch (QueryException e) {
                answer = null;
                out.add("query failed: " + e.getMessage());
            } catch (RuntimeException e) {
                answer = null;
                out.add("step failed: " + e);
            }
            for (String msg : out) {
                problems.add(new Problem(file, step.line(), step.column(), "step " + (i + 1) + " (" +
                        step.kind().name().toLowerCase() + "): " + msg));
            }
            reports.add(new StepReport(i, step.kind(), answer));
        }
        return new Report(lesson, List.copyOf(reports), List.copyOf(problems));
    }

    private String checkStep(Lesson lesson, int index, Step step, List<String> out) throws GoCompileException {
        if (!(step instanceof Step.Quiz) && step.program() != null) {
            gomaxprocsCall(lesson.programs().get(step.program()), step.settings(), out);
        }
        if (step instanceof Step.Explain s) {
            if (s.seek() == null) return "";
            Recording r = Steps.run(runs, lesson, s);
            Query.Answer a = s.seek().evaluate(Steps.view(lesson, r));
            if (!(a.value() instanceof Value.Ev) && !(a.value() instanceof Value.Num)) {
                out.add("seek \"" + s.seek() + "\" gives " + a.value().text() + ", not an event or a time");
            }
            return a.value().text();
        } else if (step instanceof Step.Predict s) {
            Recording r = Steps.run(runs, lesson, s);
            limits(r, out);
            Query.Answer a = s.query().evaluate(Steps.view(lesson, r));
            if (s.seek() != null) {
                Value seek = s.seek().evaluate(Steps.view(lesson, r)).value();
                if (seek instanceof Value.None) out.add("seek \"" + s.seek() + "\" did not happen in this run");
            }
            answerFits(a.value(), Steps.values(s.choices()), "query \"" + s.query() + "\"", out);
            return a.value().text();
        } else if (step instanceof Step.Try s) {
            Recording start = Steps.run(runs, lesson, s);
            Value v0 = s.goal().evaluate(Steps.view(lesson, start)).value();
            if (v0 instanceof Value.Bool b && b.value()) {
                out.add("the goal \"" + s.goal() + "\" is already met before the learner changes anything");
            }
            String src = s.solution() != null ? lesson.programs().get(s.solution())
                    : lesson.programs().get(s.program());
            String file = s.solution() != null ? s.solution() : s.program();
            Settings set = s.solutionSettings() != null ? s.solutionSettings() : s.settings();
            Recording sol = runs.record(file, src, set);
            Value v1 = s.goal().evaluate(Steps.view(lesson, sol)).value();
            if (!(v1 instanceof Value.Bool b1 && b1.value())) {
                out.add("the solution does not meet the goal \"" + s.goal() + "\"");
            }
            if (s.solution() != null && !s.editable().contains("code")) {
                out.add("the solution changes the code, but \"code\" is not editable");
            }
            return v0.text() + " → " + v1.text();
        } else if (step instanceof Step.Quiz s) {
            StringBuilder sb = new StringBuilder();
            for (int v = 0; v < QUIZ_VARIANTS; v++) {
                Steps.Variant var = Steps.variant(lesson, index, s, v);
                if (s.explain() != null) s.explain().render(var.params());
                gomaxprocsCall(var.source(), var.settings(), out);
                Recording r = Steps.run(runs, s, var);
                limits(r, out);
                Value a = var.query().evaluate(Steps.view(lesson, r)).value();
                answerFits(a, var.choices(), "variant " + var.params() + ": query \"" + var.query() + "\"", out);
                if (sb.length() > 0) sb.append(" | ");
                sb.append(a.text());
            }
            return sb.toString();
        } else {
            Step.Challenge s = (Step.Challenge) step;
            Recording r = Steps.run(runs, lesson, s);
            List<Steps.Point> pts = Steps.points(lesson, s, r);
            if (pts.isEmpty()) out.add("no decision points: \"" + s.points() + "\" matches no event with a choice to make");
            for (Steps.Point p : pts) {
                if (p.correct() == null) {
                    out.add("at event #" + p.event().seq() + " (" + p.event().key() + ") no option matches");
                }
            }
            return pts.size() + " decisions";
        }
    }

    private static final java.util.regex.Pattern GOMAXPROCS_CALL =
            java.util.regex.Pattern.compile("runtime\\.GOMAXPROCS\\(\\s*(\\d+)\\s*\\)");

    /**
     * The Go subset does not change the number of Ps at run time: a program that calls
     * {@code runtime.GOMAXPROCS(n)} (to behave the same on real Go) must run with n Ps.
     */
    private static void gomaxprocsCall(String source, Settings settings, List<String> out) {
        if (source == null) return;
        java.util.regex.Matcher m = GOMAXPROCS_CALL.matcher(source);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n > 0 && n != settings.gomaxprocsOrDefault()) {
                out.add("the program calls runtime.GOMAXPROCS(" + n + ") but the step runs with gomaxprocs "
                        + settings.gomaxprocsOrDefault() + " (set \"gomaxprocs\": " + n + " in the settings)");
            }
        }
    }

    private static void limits(Recording r, List<String> out) {
        if (r.result().hitLimit()) out.add("the run hit a limit (" + r.result().outcome().message() + "); shorten the program");
    }

    private static void answerFits(Value v, List<String> choices, String what, List<String> out) {
        if (v instanceof Value.None) {
            out.add(what + " has no answer in this run (none)");
            return;
        }
        if (choices.isEmpty()) return;
        int n = Steps.matching(v, choices);
        if (n == 0) out.add(what + " gives \"" + v.text() + "\", which none of the choices matches");
        if (n > 1) out.add(what + " gives \"" + v.text() + "\", which " + n + " choices match");
    }
}
