package gmplab.lessons;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LessonPlayerTest {
    @TempDir
    Path dir;
    Lesson lesson;
    LessonRuns runs = new LessonRuns();

    @BeforeEach
    void load() throws Exception {
        TestLessons.write(dir, "good", TestLessons.GOOD_STEPS);
        lesson = new LessonLoader(runs).loadDirectory(dir).lessons().get(0);
    }

    @Test
    void explainSeeksToItsEvent() {
        LessonPlayer p = new LessonPlayer(lesson, Locale.ENGLISH);
        LessonPlayer.StepView v = p.step();
        assertThat(v.kind()).isEqualTo(Step.Kind.EXPLAIN);
        assertThat(v.recording()).isNotNull();
        assertThat(v.recording().events().get(v.cursor()).key()).isEqualTo("park.semacquire");
        assertThat(p.canBack()).isFalse();
        assertThat(p.canNext()).isTrue();
    }

    @Test
    void predictIsGradedByTheSimulatorAndExplainsWhy() {
        LessonPlayer p = new LessonPlayer(lesson, Locale.SIMPLIFIED_CHINESE);
        p.next();
        LessonPlayer.StepView v = p.step();
        assertThat(v.text()).startsWith("中文");
        assertThat(v.choices()).extracting(LessonPlayer.ChoiceView::value).containsExactly("4 0 1 2 3", "0 1 2 3 4");
        LessonPlayer.Feedback wrong = p.answer("0 1 2 3 4");
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.expected()).isEqualTo("4 0 1 2 3");
        LessonPlayer.Feedback right = p.answer("4\n0\n1\n2\n3");
        assertThat(right.correct()).isTrue();
        assertThat(right.stepDone()).isTrue();
        assertThat(p.progress().done()).isEqualTo(1);
    }

    @Test
    void quizRetryGivesAFreshVariant() {
        LessonPlayer p = new LessonPlayer(lesson, Locale.ENGLISH);
        p.goTo(2);
        java.util.Set<String> texts = new java.util.HashSet<>();
        for (int i = 0; i < 8; i++) {
            LessonPlayer.StepView v = p.step();
            texts.add(v.text());
            LessonPlayer.Feedback f = p.answer("true");
            assertThat(f.correct()).isEqualTo(f.expected().equals("true"));
            p.retry();
        }
        assertThat(texts).hasSizeGreaterThan(1).allSatisfy(t -> assertThat(t).matches("More than [123]\\?"));
    }

    @Test
    void challengeWalksThroughDecisions() {
        LessonPlayer p = new LessonPlayer(lesson, Locale.ENGLISH);
        p.goTo(3);
        LessonPlayer.StepView v = p.step();
        assertThat(v.points()).isBetween(1, 3);
        int right = 0;
        for (int i = 1; i <= v.points(); i++) {
            LessonPlayer.StepView now = p.step();
            assertThat(now.point()).isEqualTo(i);
            // the first decision after main blocks: runnext (the last spawned) runs
            String pick = now.choices().get(0).value();
            LessonPlayer.Feedback f = p.answer(pick);
            if (f.correct()) right++;
            assertThat(f.narration()).isNotBlank();
            assertThat(f.stepDone()).isEqualTo(i == v.points());
        }
        assertThat(right).isGreaterThan(0);
    }

    @Test
    void progressIsSavedAndResumed(@TempDir Path home) {
        ProgressStore store = new ProgressStore(home.resolve("progress.json"));
        LessonPlayer p = new LessonPlayer(lesson, Locale.ENGLISH, runs, store);
        p.next();
        p.answer("4 0 1 2 3");
        p.next();
        LessonPlayer again = new LessonPlayer(lesson, Locale.ENGLISH, runs, new ProgressStore(home.resolve("progress.json")));
        assertThat(again.stepIndex()).isEqualTo(2);
        assertThat(again.progress().perStep()).containsExactly(true, true, false, false);
        again.reset();
        assertThat(new ProgressStore(home.resolve("progress.json")).lesson("good").completed()).isEmpty();
    }
}
