package gmplab.lessons;

import gmplab.golang.GoCompileException;
import gmplab.lessons.query.Query;
import gmplab.lessons.query.QueryException;
import gmplab.lessons.query.Value;
import gmplab.runtime.Recording;
import gmplab.trace.Event;
import gmplab.trace.Narrator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Takes a learner through one lesson — the view model behind a lesson player.
 * Not thread-safe and not tied to any UI toolkit: call it off the FX thread (it
 * runs the simulator) and publish {@link #step()} / {@link Feedback} to the view.
 *
 * <pre>{@code
 * LessonPlayer pl = new LessonPlayer(lesson, Locale.SIMPLIFIED_CHINESE, runs, store); // resumes
 * StepView v = pl.step();            // text, choices, the run and where its cursor stands
 * Feedback f = pl.answer("P1");     // predict / quiz / challenge: graded against the simulator
 * Feedback t = pl.runTry(settings, code);  // try: the learner's run, checked against the goal
 * pl.retry();                        // quiz: a fresh variant
 * pl.next(); pl.back();
 * }</pre>
 */
public final class LessonPlayer {
    private final Lesson lesson;
    private final LessonRuns runs;
    private final ProgressStore store;
    private Locale locale;
    private int index;
    /** Per step: quiz variant attempt, challenge point reached, challenge score, last try run. */
    private final Map<Integer, Integer> variant = new HashMap<>();
    private final Map<Integer, Integer> point = new HashMap<>();
    private final Map<Integer, Integer> score = new HashMap<>();
    private final Map<Integer, Recording> tryRuns = new HashMap<>();
    private final Map<Integer, String> tryCode = new HashMap<>();
    private final Map<Integer, Settings> trySettings = new HashMap<>();
    private final Map<Integer, Feedback> feedback = new HashMap<>();

    /** A player that keeps no progress. */
    public LessonPlayer(Lesson lesson, Locale locale) {
        this(lesson, locale, new LessonRuns(), null);
    }

    /** A player that saves progress in {@code store} (may be null) and resumes where the learner left off. */
    public LessonPlayer(Lesson lesson, Locale locale, LessonRuns runs, ProgressStore store) {
        this.lesson = lesson;
        this.locale = locale;
        this.runs = runs;
        this.store = store;
        if (store != null) {
            ProgressStore.LessonProgress p = store.lesson(lesson.id());
            index = Math.max(0, Math.min(p.current(), lesson.steps().size() - 1));
            for (int i = 0; i < lesson.steps().size(); i++) {
                if (lesson.steps().get(i) instanceof Step.Quiz) variant.put(i, p.attempts(i));
            }
        }
    }

    /** A choice as the learner sees it: {@code value} is what to pass to {@link #answer}. */
    public record ChoiceView(String value, String label) { }

    /**
     * What the player shows for the current step.
     *
     * @param recording   the run the step is about (null for an explain step without a program)
     * @param cursor      the event the board should show now
     * @param freeAnswer  true if the learner types the answer (no choices)
     * @param point       challenge: the decision number (1-based), 0 otherwise; {@code points} their count
     * @param errors      compile or run problems of the step's program (normally empty)
     */
    public record StepView(int index, int count, Step.Kind kind, String lessonTitle, String text,
                           List<ChoiceView> choices, boolean freeAnswer, Recording recording, int cursor,
                           String programName, String source, Settings settings, Set<String> editable, String hint,
                           int point, int points, boolean done, int attempts, Feedback lastFeedback,
                           List<String> errors) { }

    /**
     * The result of an answer or a try run.
     *
     * @param correct       right answer / goal met
     * @param answer        what the learner answered
     * @param expected      the simulator's answer (canonical text; for try steps the goal)
     * @param explanation   the lesson's explanation for this step
     * @param narration     why the runtime did it: the narration of the event the answer is about
     * @param cursor        where to take the board now
     * @param stepDone      the step is complete (a challenge is complete after its last decision)
     */
    public record Feedback(boolean correct, String answer, String expected, String explanation, String narration,
                           Recording recording, int cursor, boolean stepDone, List<String> errors) { }

    /** Steps done and in total. */
    public record Progress(int done, int total, List<Boolean> perStep) { }

    public Lesson lesson() {
        return lesson;
    }

    public Locale locale() {
        return locale;
    }

    public void setLocale(Locale locale) {
        this.locale = locale;
        feedback.clear();
    }

    public int stepIndex() {
        return index;
    }

    public int stepCount() {
        return lesson.steps().size();
    }

    public boolean canBack() {
        return index > 0;
    }

    public boolean canNext() {
        return index < stepCount() - 1;
    }

    /** Next step; an explain step counts as done once the learner moves past it. */
    public void next() {
        if (lesson.steps().get(index).kind() == Step.Kind.EXPLAIN && store != null) store.complete(lesson.id(), index);
        if (canNext()) goTo(index + 1);
    }

    public void back() {
        if (canBack()) goTo(index - 1);
    }

    public void goTo(int step) {
        if (step < 0 || step >= stepCount()) throw new IndexOutOfBoundsException("step " + step);
        index = step;
        if (store != null) store.setCurrent(lesson.id(), index);
    }

    /** Forgets this lesson's progress and starts again at step 1. */
    public void reset() {
        if (store != null) store.reset(lesson.id());
        index = 0;
        variant.clear();
        point.clear();
        score.clear();
        tryRuns.clear();
        tryCode.clear();
        trySettings.clear();
        feedback.clear();
    }

    public Progress progress() {
        List<Boolean> per = new ArrayList<>();
        int done = 0;
        for (int i = 0; i < stepCount(); i++) {
            boolean d = isDone(i);
            per.add(d);
            if (d) done++;
        }
        return new Progress(done, stepCount(), List.copyOf(per));
    }

    private boolean isDone(int i) {
        return store != null ? store.lesson(lesson.id()).done(i) : feedback.containsKey(i) && feedback.get(i).stepDone();
    }

    private int attempts(int i) {
        return store != null ? store.lesson(lesson.id()).attempts(i) : 0;
    }

    // ------------------------------------------------------------------ the current step

    public StepView step() {
        Step s = lesson.steps().get(index);
        String title = lesson.title().in(locale);
        List<String> errors = new ArrayList<>();
        Recording rec = null;
        int cursor = 0;
        List<ChoiceView> choices = new ArrayList<>();
        String text = s.text().in(locale);
        String source = s.program() == null ? null : lesson.programs().get(s.program());
        Set<String> editable = Set.of();
        String hint = null;
        int pt = 0;
        int pts = 0;
        boolean free = false;
        Settings settings = s.settings();
        try {
            if (s instanceof Step.Explain e) {
                if (e.program() != null && (e.seek() != null || source != null)) {
                    rec = Steps.run(runs, lesson, e);
                    if (e.seek() != null) cursor = cursorOf(e.seek().evaluate(Steps.view(lesson, rec)), rec);
                }
            } else if (s instanceof Step.Predict p) {
                rec = Steps.run(runs, lesson, p);
                if (p.seek() != null) cursor = cursorOf(p.seek().evaluate(Steps.view(lesson, rec)), rec);
                for (Choice c : p.choices()) choices.add(new ChoiceView(c.value(), c.display(locale)));
                free = choices.isEmpty();
            } else if (s instanceof Step.Try t) {
                rec = tryRuns.containsKey(index) ? tryRuns.get(index) : Steps.run(runs, lesson, t);
                source = tryCode.getOrDefault(index, source);
                settings = trySettings.getOrDefault(index, settings);
                editable = t.editable();
                hint = t.hint() == null ? null : t.hint().in(locale);
            } else if (s instanceof Step.Quiz q) {
                Steps.Variant v = Steps.variant(lesson, index, q, variant.getOrDefault(index, 0));
                text = v.text().in(locale);
                source = v.source();
                settings = v.settings();
                rec = Steps.run(runs, q, v);
                for (String c : v.choices()) choices.add(new ChoiceView(c, c));
                free = choices.isEmpty();
            } else {
                Step.Challenge c = (Step.Challenge) s;
                rec = Steps.run(runs, lesson, c);
                List<Steps.Point> list = Steps.points(lesson, c, rec);
                pts = list.size();
                int at = point.getOrDefault(index, 0);
                if (at < list.size()) {
                    Steps.Point p = list.get(at);
                    pt = at + 1;
                    cursor = p.stateIndex();
                    for (Choice o : p.options()) choices.add(new ChoiceView(o.value(), o.display(locale)));
                } else if (!list.isEmpty()) {
                    pt = list.size();
                    cursor = (int) list.get(list.size() - 1).event().seq();
                }
            }
        } catch (GoCompileException e) {
            errors.addAll(e.errors());
        } catch (QueryException e) {
            errors.add(e.getMessage());
        }
        return new StepView(index, stepCount(), s.kind(), title, text, List.copyOf(choices), free, rec, cursor,
                s.program(), source, settings, editable, hint, pt, pts, isDone(index), attempts(index),
                feedback.get(index), List.copyOf(errors));
    }

    private static int cursorOf(Query.Answer a, Recording r) {
        if (a.value() instanceof Value.Num t) return r.indexAtTime(t.value());
        if (a.focus() != null) return (int) a.focus().seq();
        return 0;
    }

    private String narrate(Event e) {
        return e == null ? "" : new Narrator(locale).narrate(e);
    }

    private String explanation(Step s, Map<String, Long> params) {
        Text t = s instanceof Step.Predict p ? p.explain()
                : s instanceof Step.Quiz q ? q.explain()
                : s instanceof Step.Challenge c ? c.explain()
                : s instanceof Step.Try t2 ? t2.explain() : null;
        if (t == null) return "";
        return params == null ? t.in(locale) : t.render(params).in(locale);
    }

    // ------------------------------------------------------------------ answering

    /** Answers a predict, quiz or challenge step with a choice's value (or typed text). */
    public Feedback answer(String value) {
        Step s = lesson.steps().get(index);
        Feedback f;
        try {
            if (s instanceof Step.Predict p) {
                Recording r = Steps.run(runs, lesson, p);
                Query.Answer a = p.query().evaluate(Steps.view(lesson, r));
                boolean ok = a.value().matches(value);
                f = new Feedback(ok, value, display(a.value(), p.choices()), explanation(p, null), narrate(a.focus()), r,
                        cursorAfter(a, r), ok, List.of());
            } else if (s instanceof Step.Quiz q) {
                Steps.Variant v = Steps.variant(lesson, index, q, variant.getOrDefault(index, 0));
                Recording r = Steps.run(runs, q, v);
                Query.Answer a = v.query().evaluate(Steps.view(lesson, r));
                boolean ok = a.value().matches(value);
                f = new Feedback(ok, value, a.value().text(), explanation(q, v.params()), narrate(a.focus()), r,
                        cursorAfter(a, r), ok, List.of());
            } else if (s instanceof Step.Challenge c) {
                Recording r = Steps.run(runs, lesson, c);
                List<Steps.Point> list = Steps.points(lesson, c, r);
                int at = point.getOrDefault(index, 0);
                if (at >= list.size()) throw new IllegalStateException("the challenge is over; go back or to the next step");
                Steps.Point p = list.get(at);
                boolean ok = p.correct() != null && Value.normalize(p.correct()).equals(Value.normalize(value));
                if (ok) score.merge(index, 1, Integer::sum);
                point.put(index, at + 1);
                boolean last = at + 1 >= list.size();
                String expected = p.correct() == null ? "?" : display(new Value.Str(p.correct()), c.options());
                String expl = last ? explanation(c, null) : "";
                f = new Feedback(ok, value, expected, expl, narrate(p.event()), r, (int) p.event().seq(), last, List.of());
                if (store != null) {
                    store.recordAnswer(lesson.id(), index, last ? "score " + score.getOrDefault(index, 0) + "/" + list.size()
                            : null, last);
                }
                feedback.put(index, f);
                return f;
            } else {
                throw new IllegalStateException("a " + s.kind().name().toLowerCase() + " step takes no answer");
            }
        } catch (GoCompileException e) {
            f = new Feedback(false, value, "", "", "", null, 0, false, e.errors());
        }
        if (store != null) store.recordAnswer(lesson.id(), index, value, f.correct());
        feedback.put(index, f);
        return f;
    }

    /**
     * Presenter mode: the computed answer of the current predict, quiz or challenge
     * decision, with its explanation and narration, without grading anyone (the
     * class voted; the teacher reveals). {@code correct} is true; progress is not touched.
     */
    public Feedback reveal() {
        Step s = lesson.steps().get(index);
        try {
            if (s instanceof Step.Predict p) {
                Recording r = Steps.run(runs, lesson, p);
                Query.Answer a = p.query().evaluate(Steps.view(lesson, r));
                return new Feedback(true, "", display(a.value(), p.choices()), explanation(p, null), narrate(a.focus()),
                        r, cursorAfter(a, r), false, List.of());
            }
            if (s instanceof Step.Quiz q) {
                Steps.Variant v = Steps.variant(lesson, index, q, variant.getOrDefault(index, 0));
                Recording r = Steps.run(runs, q, v);
                Query.Answer a = v.query().evaluate(Steps.view(lesson, r));
                return new Feedback(true, "", a.value().text(), explanation(q, v.params()), narrate(a.focus()), r,
                        cursorAfter(a, r), false, List.of());
            }
            if (s instanceof Step.Challenge c) {
                Recording r = Steps.run(runs, lesson, c);
                List<Steps.Point> list = Steps.points(lesson, c, r);
                int at = point.getOrDefault(index, 0);
                if (at >= list.size()) return new Feedback(true, "", "", explanation(c, null), "", r, 0, true, List.of());
                Steps.Point p = list.get(at);
                String expected = p.correct() == null ? "?" : display(new Value.Str(p.correct()), c.options());
                return new Feedback(true, "", expected, "", narrate(p.event()), r, (int) p.event().seq(), false, List.of());
            }
            if (s instanceof Step.Try t) {
                return new Feedback(true, "", t.goal().source(), t.hint() == null ? "" : t.hint().in(locale), "",
                        null, 0, false, List.of());
            }
        } catch (GoCompileException e) {
            return new Feedback(false, "", "", "", "", null, 0, false, e.errors());
        }
        return new Feedback(true, "", "", "", "", null, 0, false, List.of());
    }

    /** The value to pass to {@link #answer} that is right for the current question (for tests and presenter tools). */
    public String expectedValue() {
        Step s = lesson.steps().get(index);
        try {
            if (s instanceof Step.Predict p) {
                Value v = p.query().evaluate(Steps.view(lesson, Steps.run(runs, lesson, p))).value();
                for (Choice c : p.choices()) if (v.matches(c.value())) return c.value();
                return v.text();
            }
            if (s instanceof Step.Quiz q) {
                Steps.Variant var = Steps.variant(lesson, index, q, variant.getOrDefault(index, 0));
                Value v = var.query().evaluate(Steps.view(lesson, Steps.run(runs, q, var))).value();
                for (String c : var.choices()) if (v.matches(c)) return c;
                return v.text();
            }
            if (s instanceof Step.Challenge c) {
                List<Steps.Point> list = Steps.points(lesson, c, Steps.run(runs, lesson, c));
                int at = point.getOrDefault(index, 0);
                return at < list.size() ? list.get(at).correct() : null;
            }
        } catch (GoCompileException e) {
            return null;
        }
        return null;
    }

    /** Quiz: a fresh variant of the question. */
    public void retry() {
        Step s = lesson.steps().get(index);
        if (s instanceof Step.Quiz) variant.merge(index, 1, Integer::sum);
        if (s instanceof Step.Challenge) {
            point.remove(index);
            score.remove(index);
        }
        feedback.remove(index);
    }

    /**
     * Try step: runs the learner's version — {@code settings} (only the editable
     * fields are taken) and {@code code} (null: unchanged) — and checks the goal.
     */
    public Feedback runTry(Settings settings, String code) {
        Step s = lesson.steps().get(index);
        if (!(s instanceof Step.Try t)) throw new IllegalStateException("not a try step");
        Settings base = t.settings();
        if (settings != null) {
            base = base.with(new Settings(t.editable().contains("gomaxprocs") ? settings.gomaxprocs() : null,
                    t.editable().contains("seed") ? settings.seed() : null,
                    t.editable().contains("asyncPreempt") ? settings.asyncPreempt() : null, null));
        }
        String src = code != null && t.editable().contains("code") ? code : lesson.programs().get(t.program());
        Feedback f;
        try {
            tryCode.put(index, src);
            trySettings.put(index, base);
            Recording r = runs.record(t.program(), src, base);
            tryRuns.put(index, r);
            Query.Answer a = t.goal().evaluate(Steps.view(lesson, r));
            boolean ok = a.value() instanceof Value.Bool b && b.value();
            f = new Feedback(ok, describe(base, src != null && !src.equals(lesson.programs().get(t.program()))),
                    t.goal().source(), ok ? explanation(t, null) : (t.hint() == null ? "" : t.hint().in(locale)),
                    narrate(a.focus()), r, r.size() - 1, ok, List.of());
        } catch (GoCompileException e) {
            f = new Feedback(false, "", t.goal().source(), "", "", null, 0, false, e.errors());
        } catch (QueryException e) {
            f = new Feedback(false, "", t.goal().source(), "", "", null, 0, false, List.of(e.getMessage()));
        }
        if (store != null) store.recordAnswer(lesson.id(), index, f.answer(), f.correct());
        feedback.put(index, f);
        return f;
    }

    private static String describe(Settings s, boolean codeChanged) {
        return "GOMAXPROCS=" + s.gomaxprocsOrDefault() + " seed=" + s.seedOrDefault() + " asyncpreempt="
                + (s.asyncPreemptOrDefault() ? "on" : "off") + (codeChanged ? " (code changed)" : "");
    }

    private static int cursorAfter(Query.Answer a, Recording r) {
        if (a.focus() != null) return (int) a.focus().seq();
        return r.size() - 1;
    }

    /** The computed answer, shown with the matching choice's label when there is one. */
    private String display(Value v, List<Choice> choices) {
        for (Choice c : choices) if (v.matches(c.value())) return c.display(locale);
        return v.text();
    }
}
