package gmplab.ui.lessons;

import gmplab.lessons.LessonPlayer;
import gmplab.lessons.LessonPlayer.Feedback;
import gmplab.lessons.LessonPlayer.Progress;
import gmplab.lessons.LessonPlayer.StepView;
import gmplab.lessons.Settings;
import gmplab.lessons.Step;
import gmplab.runtime.Recording;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The lesson player's view model: the current step (text, choices, the run and
 * where its cursor stands), the feedback to the last answer (right or wrong, the
 * simulator's answer, the lesson's explanation, the narration of the event it is
 * about), next/back, a fresh quiz variant, try runs, challenge decisions and, for
 * presenter mode, revealing the answer without grading anyone.
 *
 * <p>Every call to the {@link LessonPlayer} (which runs the simulator) happens on
 * {@code background}, which must run tasks one at a time in order; results are
 * published through {@code ui}. {@link #showProperty()} tells the main window
 * which recording to show and where to put its cursor.
 */
public final class LessonPlayerViewModel {
    /** The run the board should show and the event to put the cursor on; {@code seq} makes every request distinct. */
    public record Show(Recording recording, int cursor, long seq) { }

    private final Supplier<LessonPlayer> opener;
    private final Executor background;
    private final Executor ui;
    private LessonPlayer player;
    private long showSeq;
    private Runnable onProgress = () -> { };

    private final ObjectProperty<StepView> step = new SimpleObjectProperty<>();
    private final ObjectProperty<Feedback> feedback = new SimpleObjectProperty<>();
    private final BooleanProperty revealed = new SimpleBooleanProperty();
    private final ObjectProperty<Progress> progress = new SimpleObjectProperty<>();
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty canBack = new SimpleBooleanProperty();
    private final BooleanProperty canNext = new SimpleBooleanProperty();
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private final ObjectProperty<String> lessonId = new SimpleObjectProperty<>();

    /** A view model over the player {@code opener} makes (on the background thread); call {@link #start()}. */
    public LessonPlayerViewModel(Supplier<LessonPlayer> opener, Executor background, Executor ui) {
        this.opener = opener;
        this.background = background;
        this.ui = ui;
    }

    /** A view model over an existing player (tests). */
    public static LessonPlayerViewModel of(LessonPlayer p, Executor background, Executor ui) {
        return new LessonPlayerViewModel(() -> p, background, ui);
    }

    /** Called after an answer or a try run changed the saved progress (the browser refreshes). */
    public void setOnProgress(Runnable r) {
        onProgress = r == null ? () -> { } : r;
    }

    /** Opens the lesson and computes the step to resume at. */
    public void start() {
        task(() -> {
            if (player == null) player = opener.get();
            publishStep(null, false, true);
        });
    }

    /** Answers a predict, quiz or challenge step (a choice's value or typed text). */
    public void answer(String value) {
        task(() -> {
            Feedback f = player.answer(value);
            publishStep(f, false, false);
            showFeedback(f);
            ui.execute(onProgress);
        });
    }

    /** Presenter mode: shows the simulator's answer without grading anyone. */
    public void reveal() {
        task(() -> {
            Feedback f = player.reveal();
            publishStep(f, true, false);
            showFeedback(f);
        });
    }

    /** Try step: runs the learner's settings (only the editable ones count) and code (null: unchanged). */
    public void runTry(Settings settings, String code) {
        task(() -> {
            Feedback f = player.runTry(settings, code);
            publishStep(f, false, false);
            showFeedback(f);
            ui.execute(onProgress);
        });
    }

    /** Quiz: a fresh variant; challenge: start the decisions again. */
    public void retry() {
        task(() -> {
            player.retry();
            publishStep(null, false, true);
        });
    }

    public void next() {
        task(() -> {
            player.next();
            publishStep(null, false, true);
            ui.execute(onProgress);
        });
    }

    public void back() {
        task(() -> {
            player.back();
            publishStep(null, false, true);
        });
    }

    public void goTo(int index) {
        task(() -> {
            player.goTo(index);
            publishStep(null, false, true);
        });
    }

    /** Forgets this lesson's progress and starts again at step 1. */
    public void reset() {
        task(() -> {
            player.reset();
            publishStep(null, false, true);
            ui.execute(onProgress);
        });
    }

    /**
     * Switches the lesson's language. Feedback on a predict or quiz answer is
     * re-translated (the computed answer, explanation and narration), keeping
     * whether the learner was right; other feedback is dropped.
     */
    public void setLocale(Locale l) {
        Feedback old = feedback.get();
        boolean wasRevealed = revealed.get();
        task(() -> {
            if (player == null) return;
            player.setLocale(l);
            StepView v = player.step();
            Feedback f = null;
            if (old != null && (v.kind() == Step.Kind.PREDICT || v.kind() == Step.Kind.QUIZ)) {
                Feedback r = player.reveal();
                f = wasRevealed ? r : new Feedback(old.correct(), old.answer(), r.expected(), r.explanation(),
                        r.narration(), old.recording(), old.cursor(), old.stepDone(), old.errors());
            }
            publish(v, f, wasRevealed && f != null);
        });
    }

    // ------------------------------------------------------------------ plumbing

    private void task(Runnable r) {
        busy.set(true);
        background.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                ui.execute(() -> error.set(m));
            } finally {
                ui.execute(() -> busy.set(false));
            }
        });
    }

    /** Computes the step and publishes it with {@code f} (or, when moving, the step's own last feedback). */
    private void publishStep(Feedback f, boolean isReveal, boolean moved) {
        StepView v = player.step();
        Feedback shown = moved ? v.lastFeedback() : f;
        publish(v, shown, isReveal);
        if (moved && v.recording() != null) {
            Feedback last = v.lastFeedback();
            if (last != null && last.recording() != null && v.kind() != Step.Kind.CHALLENGE) showFeedback(last);
            else show(v.recording(), v.cursor());
        }
    }

    private void publish(StepView v, Feedback f, boolean isReveal) {
        Progress p = player.progress();
        boolean b = player.canBack();
        boolean n = player.canNext();
        String id = player.lesson().id();
        ui.execute(() -> {
            error.set(null);
            lessonId.set(id);
            step.set(v);
            feedback.set(f);
            revealed.set(isReveal && f != null);
            progress.set(p);
            canBack.set(b);
            canNext.set(n);
        });
    }

    private void showFeedback(Feedback f) {
        if (f != null && f.recording() != null) show(f.recording(), f.cursor());
    }

    private void show(Recording r, int cursor) {
        long s = ++showSeq;
        ui.execute(() -> show.set(new Show(r, cursor, s)));
    }

    public ReadOnlyObjectProperty<StepView> stepProperty() { return step; }
    public ReadOnlyObjectProperty<Feedback> feedbackProperty() { return feedback; }
    /** True when the feedback shown is a presenter's reveal, not a graded answer. */
    public ReadOnlyBooleanProperty revealedProperty() { return revealed; }
    public ReadOnlyObjectProperty<Progress> progressProperty() { return progress; }
    public ReadOnlyObjectProperty<Show> showProperty() { return show; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyBooleanProperty canBackProperty() { return canBack; }
    public ReadOnlyBooleanProperty canNextProperty() { return canNext; }
    /** A message when the last action failed (the step stays as it was). */
    public ReadOnlyObjectProperty<String> errorProperty() { return error; }
    public ReadOnlyObjectProperty<String> lessonIdProperty() { return lessonId; }
    public StepView step() { return step.get(); }
    public Feedback feedback() { return feedback.get(); }

    /**
     * The value that answers the current question rightly (for tests and presenter tools);
     * computed on the calling thread, so call it where the player may run (tests: directly).
     */
    public String expectedValueForTests() {
        return player == null ? null : player.expectedValue();
    }
}
