package gmplab.lessons;

import gmplab.golang.GoCompileException;
import gmplab.lessons.query.Query;
import gmplab.lessons.query.RunView;
import gmplab.lessons.query.Value;
import gmplab.runtime.Recording;
import gmplab.runtime.Snapshot;
import gmplab.trace.Event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** What the player and the checker share: running a step's program, quiz variants, challenge points. */
final class Steps {
    private Steps() {
    }

    /** The run of {@code step} (its program, its settings). */
    static Recording run(LessonRuns runs, Lesson lesson, Step step) throws GoCompileException {
        return runs.record(step.program(), lesson.programs().get(step.program()), step.settings());
    }

    static RunView view(Lesson lesson, Recording r) {
        return LessonRuns.view(r, lesson.files());
    }

    /** One generated quiz question. */
    record Variant(int attempt, Map<String, Long> params, Text text, String source, Settings settings, Query query,
                   List<String> choices) { }

    /** Variant number {@code attempt} of a quiz: the same attempt always gives the same question. */
    static Variant variant(Lesson lesson, int stepIndex, Step.Quiz q, int attempt) {
        long seed = (lesson.id().hashCode() * 31L + stepIndex) * 1_000_003L + attempt;
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, Long> params = new LinkedHashMap<>();
        q.params().forEach((k, v) -> params.put(k, v[0] + (v[1] == v[0] ? 0 : rnd.nextLong(v[1] - v[0] + 1))));
        Settings s = q.settings();
        if (params.containsKey("gomaxprocs") || params.containsKey("seed")) {
            s = s.with(new Settings(params.containsKey("gomaxprocs") ? params.get("gomaxprocs").intValue() : null,
                    params.get("seed"), null, null));
        }
        String source = Template.render(lesson.programs().get(q.program()), params);
        List<String> choices = new ArrayList<>();
        for (String c : q.choices()) choices.add(Template.render(c, params));
        return new Variant(attempt, params, q.text().render(params), source, s,
                Query.parse(Template.render(q.query(), params)), List.copyOf(new LinkedHashSet<>(choices)));
    }

    static Recording run(LessonRuns runs, Step.Quiz q, Variant v) throws GoCompileException {
        return runs.record(q.program(), v.source(), v.settings());
    }

    /** One decision of a "you are the scheduler" challenge. */
    record Point(int number, Event event, int stateIndex, List<Choice> options, String correct) { }

    /** The decision points of a challenge in this run (trivial ones — a single option — are skipped). */
    static List<Point> points(Lesson lesson, Step.Challenge c, Recording r) {
        RunView view = view(lesson, r);
        Value v = c.pointsQuery().evaluate(view).value();
        List<Point> out = new ArrayList<>();
        if (!(v instanceof Value.Lst list)) return out;
        for (Value item : list.items()) {
            if (out.size() >= c.limit()) break;
            Event e = r.events().get((int) ((Value.Num) item).value());
            int before = (int) Math.max(0, e.seq() - 1);
            List<Choice> options = new ArrayList<>();
            String correct;
            switch (c.ask()) {
                case "g" -> {
                    correct = "G" + e.g();
                    Snapshot s = r.snapshotAt(before);
                    Set<Long> gs = new LinkedHashSet<>();
                    if (e.p() >= 0 && e.p() < s.ps().size()) {
                        Snapshot.PView p = s.ps().get(e.p());
                        if (p.runnext() >= 0) gs.add(p.runnext());
                        for (long g : p.runq()) gs.add(g);
                    }
                    for (long g : s.globalRunq()) gs.add(g);
                    gs.add(e.g());
                    for (long g : gs) {
                        if (options.size() >= 6 && g != e.g()) continue;
                        options.add(new Choice("G" + g, null));
                    }
                }
                case "n" -> {
                    correct = Long.toString(e.argLong(1));
                    Snapshot s = r.snapshotAt(before);
                    int victim = (int) e.argLong(0);
                    int k = victim >= 0 && victim < s.ps().size() ? s.ps().get(victim).runq().length : 0;
                    Set<String> vals = new java.util.TreeSet<>(java.util.Comparator.comparingLong(Long::parseLong));
                    for (long x : new long[]{1, k / 2, k - k / 2, k, e.argLong(1)}) if (x > 0) vals.add(Long.toString(x));
                    for (String x : vals) options.add(new Choice(x, null));
                }
                case "victim", "p" -> {
                    long target = c.ask().equals("p") ? e.p() : e.argLong(0);
                    correct = "P" + target;
                    int n = r.config().gomaxprocs();
                    for (int i = 0; i < n; i++) {
                        if (c.ask().equals("victim") && i == e.p()) continue;
                        options.add(new Choice("P" + i, null));
                    }
                }
                default -> {
                    correct = null;
                    for (Choice o : c.options()) if (e.key().equals(o.value())) correct = o.value();
                    if (correct == null) {
                        for (Choice o : c.options()) {
                            if (e.key().startsWith(o.value() + ".")) {
                                correct = o.value();
                                break;
                            }
                        }
                    }
                    options.addAll(c.options());
                }
            }
            if (options.size() < 2) continue;
            out.add(new Point(out.size() + 1, e, before, List.copyOf(options), correct));
        }
        return out;
    }

    /** How many choices match {@code answer}. */
    static int matching(Value answer, List<String> choices) {
        int n = 0;
        for (String c : choices) if (answer.matches(c)) n++;
        return n;
    }

    static List<String> values(List<Choice> choices) {
        List<String> out = new ArrayList<>();
        for (Choice c : choices) out.add(c.value());
        return out;
    }
}
