package gmplab.ui.lessons;

import gmplab.lessons.LessonPlayer.Feedback;
import gmplab.lessons.LessonPlayer.StepView;
import gmplab.lessons.ProgressStore;
import gmplab.lessons.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lesson browser and player view models, without the FX thread (executors run tasks directly). */
class LessonViewModelsTest {
    @TempDir
    Path dir;
    ProgressStore store;
    LessonsViewModel lessons;
    List<LessonPlayerViewModel.Show> shown = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new ProgressStore(dir.resolve("progress.json"));
        lessons = new LessonsViewModel(Runnable::run, Runnable::run, store);
    }

    private LessonPlayerViewModel open(String id) {
        lessons.loadBundled();
        LessonPlayerViewModel p = lessons.open(id);
        p.showProperty().addListener((o, a, b) -> shown.add(b));
        p.start();
        return p;
    }

    private static boolean han(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void browserListsTheBundledLessonsWithProgress() {
        lessons.loadBundled();
        assertTrue(lessons.rows().size() >= 12, lessons.rows().toString());
        assertTrue(lessons.problems().isEmpty(), lessons.problems().toString());
        LessonsViewModel.Row spawn = row("spawn-order");
        assertEquals(0, spawn.done());
        assertTrue(spawn.total() >= 4);
        assertFalse(lessons.busyProperty().get());

        LessonPlayerViewModel p = lessons.open("spawn-order");
        p.start();
        p.next();
        p.answer(p.expectedValueForTests());
        assertEquals(2, row("spawn-order").done(), "the explain step passed and the prediction, refreshed after answering");
        assertEquals(1, row("spawn-order").current());

        lessons.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertTrue(han(row("spawn-order").title()), row("spawn-order").title());
    }

    private LessonsViewModel.Row row(String id) {
        return lessons.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aTeachersFolderLoadsTheGoodLessonsAndReportsTheBadOnes() throws IOException {
        Path good = dir.resolve("lessons/my-spawn-order");
        Files.createDirectories(good);
        for (String f : List.of("lesson.json", "main.go", "quiz.go", "solution.go")) {
            try (InputStream in = getClass().getResourceAsStream("/lessons/spawn-order/" + f)) {
                String s = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (f.equals("lesson.json")) s = s.replace("\"id\": \"spawn-order\"", "\"id\": \"my-spawn-order\"");
                Files.writeString(good.resolve(f), s);
            }
        }
        Path bad = dir.resolve("lessons/broken");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("lesson.json"), "{\n  \"id\": \"broken\",\n  \"steps\": [ {\"kind\": \"dance\"} ]\n}\n");
        lessons.openFolder(dir.resolve("lessons"));
        assertEquals(List.of("my-spawn-order"), lessons.rows().stream().map(LessonsViewModel.Row::id).toList());
        assertTrue(lessons.problems().stream().anyMatch(m -> m.contains("broken/lesson.json:3:") && m.contains("dance")),
                lessons.problems().toString());
        assertFalse(lessons.sourceProperty().get().bundled());
        LessonPlayerViewModel p = lessons.open("my-spawn-order");
        p.start();
        assertEquals(Step.Kind.EXPLAIN, p.step().kind());

        lessons.openFolder(dir.resolve("nowhere"));
        assertTrue(lessons.rows().isEmpty());
        assertFalse(lessons.problems().isEmpty());
    }

    @Test
    void predictWrongThenRightWithExplanationNarrationAndTheRunMoved() {
        LessonPlayerViewModel p = open("spawn-order");
        StepView v = p.step();
        assertEquals(0, v.index());
        assertEquals(Step.Kind.EXPLAIN, v.kind());
        assertFalse(p.canBackProperty().get());
        assertTrue(p.canNextProperty().get());
        p.next();
        v = p.step();
        assertEquals(Step.Kind.PREDICT, v.kind());
        assertTrue(p.canBackProperty().get());
        assertNotNull(v.recording());
        assertEquals(4, v.choices().size());
        assertFalse(shown.isEmpty(), "the step's run is shown");
        assertEquals(v.recording(), shown.get(shown.size() - 1).recording());

        p.answer("0 1 2 3 4 5 6 7 8 9");
        Feedback wrong = p.feedback();
        assertFalse(wrong.correct());
        assertEquals("9 0 1 2 3 4 5 6 7 8", wrong.expected());
        assertTrue(wrong.explanation().contains("runnext"), wrong.explanation());
        assertFalse(p.revealedProperty().get());
        assertFalse(p.progressProperty().get().perStep().get(1));

        int before = shown.size();
        p.answer("9 0 1 2 3 4 5 6 7 8");
        Feedback right = p.feedback();
        assertTrue(right.correct());
        assertTrue(right.stepDone());
        assertTrue(p.progressProperty().get().perStep().get(1));
        assertTrue(shown.size() > before, "the run advances to the event the answer is about");
        assertEquals(right.cursor(), shown.get(shown.size() - 1).cursor());

        p.back();
        assertEquals(0, p.step().index());
        assertNull(p.feedback());
        p.next();
        assertEquals(1, p.step().index());
        assertNotNull(p.feedback(), "coming back shows the last answer's feedback");
        assertTrue(p.feedback().correct());
    }

    @Test
    void narrationNamesTheEventTheAnswerIsAbout() {
        LessonPlayerViewModel p = open("spawn-order");
        p.goTo(2);
        p.answer("G6");
        Feedback f = p.feedback();
        assertFalse(f.correct());
        assertFalse(f.narration().isBlank(), "the narration of the key event");
        assertEquals(f.recording().events().get(f.cursor()).seq(), f.cursor());
    }

    @Test
    void quizRetryGivesAFreshVariant() {
        LessonPlayerViewModel p = open("spawn-order");
        int quiz = -1;
        for (int i = 0; i < p.step().count() && quiz < 0; i++) {
            p.goTo(i);
            if (p.step().kind() == Step.Kind.QUIZ) quiz = i;
        }
        assertTrue(quiz >= 0);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            texts.add(p.step().text());
            p.answer(p.step().choices().get(0).value());
            assertNotNull(p.feedback());
            p.retry();
            assertNull(p.feedback(), "a fresh variant has no feedback yet");
        }
        assertTrue(texts.size() > 1, texts.toString());
    }

    @Test
    void tryStepRunsTheLearnersSettingsAndCode() {
        LessonPlayerViewModel p = open("spawn-order");
        int at = -1;
        for (int i = 0; i < p.step().count() && at < 0; i++) {
            p.goTo(i);
            if (p.step().kind() == Step.Kind.TRY) at = i;
        }
        if (at < 0) return; // this lesson has no try step
        StepView v = p.step();
        p.runTry(v.settings(), v.source());
        Feedback f = p.feedback();
        assertNotNull(f);
        assertFalse(f.correct(), "the start does not meet the goal");
        assertFalse(f.expected().isBlank());
        assertNotNull(shown.get(shown.size() - 1).recording());
    }

    @Test
    void challengeDecisionsAreCheckedOneByOne() {
        lessons.loadBundled();
        for (LessonsViewModel.Row r : List.copyOf(lessons.rows())) {
            LessonPlayerViewModel p = lessons.open(r.id());
            p.start();
            for (int i = 0; i < p.step().count(); i++) {
                p.goTo(i);
                StepView v = p.step();
                if (v.kind() != Step.Kind.CHALLENGE || v.points() < 2) continue;
                assertEquals(1, v.point());
                String right = p.expectedValueForTests();
                p.answer(right);
                assertTrue(p.feedback().correct(), p.feedback().toString());
                assertEquals(2, p.step().point(), "the next decision point");
                assertFalse(p.step().choices().isEmpty());
                p.retry();
                assertEquals(1, p.step().point());
                return;
            }
        }
        throw new AssertionError("no bundled challenge with two or more decisions");
    }

    @Test
    void presenterRevealDoesNotGrade() {
        LessonPlayerViewModel p = open("spawn-order");
        p.next();
        p.reveal();
        assertTrue(p.revealedProperty().get());
        assertEquals("9 0 1 2 3 4 5 6 7 8", p.feedback().expected());
        assertFalse(p.progressProperty().get().perStep().get(1), "nobody was graded");
    }

    @Test
    void switchingLanguageKeepsTheStepAndTranslatesTheFeedback() {
        LessonPlayerViewModel p = open("spawn-order");
        p.goTo(2);
        String en = p.step().text();
        p.answer("G6");
        String enExpl = p.feedback().explanation();
        p.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals(2, p.step().index());
        assertNotEquals(en, p.step().text());
        assertTrue(han(p.step().text()));
        assertFalse(p.feedback().correct(), "still the learner's wrong answer");
        assertEquals("G6", p.feedback().answer());
        assertTrue(han(p.feedback().explanation()), p.feedback().explanation());
        assertNotEquals(enExpl, p.feedback().explanation());
        assertTrue(han(p.feedback().narration()), p.feedback().narration());
    }

    @Test
    void resetForgetsTheLesson() {
        LessonPlayerViewModel p = open("spawn-order");
        p.next();
        p.answer(p.expectedValueForTests());
        assertEquals(2, p.progressProperty().get().done());
        p.reset();
        assertEquals(0, p.step().index());
        assertEquals(0, p.progressProperty().get().done());
    }

    @Test
    void anEngineFailureIsReportedNotThrown() {
        LessonPlayerViewModel p = open("spawn-order");
        p.answer("x"); // an explain step takes no answer
        assertNotNull(p.errorProperty().get());
        assertFalse(p.busyProperty().get());
        p.next();
        assertNull(p.errorProperty().get());
    }
}
