package gmplab.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes every bundled lesson headless through {@link LessonPlayer}, the way the UI
 * will: a wrong answer first, then the right one; the try steps with their
 * solutions; every challenge decision. Every step ends done, progress is saved.
 */
class TakeEveryLessonTest {
    @TempDir
    Path home;

    @Test
    void everyLessonCanBeCompletedInBothLanguages() {
        LessonRuns runs = new LessonRuns();
        LessonLoader.Result loaded = new LessonLoader(runs).loadBundled();
        assertThat(loaded.problems()).isEmpty();
        ProgressStore store = new ProgressStore(home.resolve("progress.json"));
        int k = 0;
        for (Lesson lesson : loaded.lessons()) {
            Locale locale = k++ % 2 == 0 ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            LessonPlayer p = new LessonPlayer(lesson, locale, runs, store);
            while (true) {
                LessonPlayer.StepView v = p.step();
                assertThat(v.errors()).as(lesson.id() + " step " + v.index()).isEmpty();
                assertThat(v.text()).isNotBlank();
                switch (v.kind()) {
                    case PREDICT, QUIZ -> {
                        String right = p.expectedValue();
                        LessonPlayer.Feedback wrong = p.answer(right + " (not this)");
                        assertThat(wrong.correct()).isFalse();
                        assertThat(p.reveal().expected()).isEqualTo(wrong.expected());
                        LessonPlayer.Feedback f = p.answer(right);
                        assertThat(f.correct()).as(lesson.id() + " step " + v.index()).isTrue();
                        assertThat(f.recording()).isNotNull();
                        assertThat(f.cursor()).isBetween(0, f.recording().size() - 1);
                        if (!v.freeAnswer()) {
                            assertThat(v.choices()).extracting(LessonPlayer.ChoiceView::value).contains(right);
                        }
                    }
                    case CHALLENGE -> {
                        assertThat(v.points()).isPositive();
                        for (int i = 0; i < v.points(); i++) {
                            String right = p.expectedValue();
                            assertThat(p.step().choices()).extracting(LessonPlayer.ChoiceView::value).contains(right);
                            LessonPlayer.Feedback f = p.answer(right);
                            assertThat(f.correct()).isTrue();
                            assertThat(f.narration()).isNotBlank();
                        }
                    }
                    case TRY -> {
                        Step.Try t = (Step.Try) lesson.steps().get(v.index());
                        LessonPlayer.Feedback before = p.runTry(null, null);
                        assertThat(before.correct()).isFalse();
                        String code = t.solution() == null ? null : lesson.programs().get(t.solution());
                        LessonPlayer.Feedback f = p.runTry(t.solutionSettings(), code);
                        assertThat(f.correct()).as(lesson.id() + " try step " + v.index()).isTrue();
                        assertThat(p.step().source()).isEqualTo(code == null ? lesson.programs().get(t.program()) : code);
                    }
                    case EXPLAIN -> assertThat(Markdown.parse(v.text())).isNotEmpty();
                }
                if (!p.canNext()) {
                    p.next();
                    break;
                }
                p.next();
            }
            assertThat(p.progress().done()).as(lesson.id()).isEqualTo(lesson.steps().size() - 1 + (lastIsExplain(lesson) ? 1 : 0));
            assertThat(new ProgressStore(home.resolve("progress.json")).lesson(lesson.id()).current())
                    .isEqualTo(lesson.steps().size() - 1);
        }
    }

    private static boolean lastIsExplain(Lesson l) {
        return l.steps().get(l.steps().size() - 1).kind() == Step.Kind.EXPLAIN;
    }
}
