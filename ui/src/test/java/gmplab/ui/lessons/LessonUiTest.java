package gmplab.ui.lessons;

import gmplab.lessons.LessonPlayer.Feedback;
import gmplab.ui.GmpLabApp;
import gmplab.ui.lessons.view.LessonDock;
import gmplab.ui.model.RunViewModel;
import gmplab.ui.view.AppOptions;
import gmplab.ui.view.MainWindow;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static gmplab.ui.FxWait.until;

/**
 * Takes a lesson in the app like a learner (headless, Monocle): open the browser,
 * start a lesson, answer a prediction wrongly then rightly, go back and forth,
 * switch language with the lesson open, reveal in presenter mode, open a teacher's folder.
 */
@ExtendWith(ApplicationExtension.class)
class LessonUiTest {
    MainWindow window;
    RunViewModel vm;
    LessonDock dock;
    Path tmp;

    @Start
    void start(Stage stage) throws IOException {
        tmp = Files.createTempDirectory("gmplab-lesson-ui");
        System.setProperty("gmplab.progress", tmp.resolve("progress.json").toString());
        System.setProperty("gmplab.recent", tmp.resolve("recent.txt").toString());
        vm = new RunViewModel(Runnable::run, Runnable::run);
        AppOptions o = new AppOptions("en", false, "light", 1, 1, null, -1, "spawn-order", AppOptions.findExamples());
        window = GmpLabApp.create(o, vm);
        dock = LessonDock.of(window);
        stage.setScene(new Scene(window.root(), 1280, 720));
        stage.show();
    }


    private static String label(FxRobot r, String id) {
        return r.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean han(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String plain(FxRobot r, String id) {
        return String.valueOf(r.lookup(id).query().getUserData());
    }

    private boolean idle() {
        return dock.player() != null && !dock.player().busyProperty().get() && dock.player().step() != null;
    }

    private void startLessonFromTheBrowser(FxRobot r, String id) {
        r.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        ListView<?> list = r.lookup("#lessonList").queryAs(ListView.class);
        until(() -> list.getItems().size() >= 12);
        r.clickOn("#lesson-" + id);
        r.clickOn("#lessonStart");
        until(this::idle);
    }

    @Test
    void takesALessonAnsweringWronglyThenRightly(FxRobot r) {
        assertFalse(dock.isShowing());
        r.clickOn("Lessons").clickOn("Browse lessons…");
        assertTrue(dock.isShowing(), "the browser is docked beside the board");
        ListView<?> list = r.lookup("#lessonList").queryAs(ListView.class);
        until(() -> list.getItems().size() >= 12);
        r.clickOn("#lesson-spawn-order");
        assertEquals("Start", r.lookup("#lessonStart").queryAs(Button.class).getText());
        r.clickOn("#lessonStart");
        until(this::idle);
        assertTrue(label(r, "#lessonStepHeader").startsWith("Step 1 of "), label(r, "#lessonStepHeader"));
        assertTrue(label(r, "#lessonStepHeader").contains("Explain"));
        assertTrue(plain(r, "#lessonText").contains("wg.Wait()"), plain(r, "#lessonText"));
        assertTrue(r.lookup("#lessonBack").queryAs(Button.class).isDisabled());
        assertSame(dock.player().step().recording(), vm.recording(), "the board shows the step's run");

        r.clickOn("#lessonNext");
        until(this::idle);
        assertTrue(label(r, "#lessonStepHeader").startsWith("Step 2 of "), label(r, "#lessonStepHeader"));
        assertTrue(label(r, "#lessonStepHeader").contains("Predict"));
        Button wrong = r.lookup("#choice-0").queryAs(Button.class);
        assertEquals("0 1 2 3 4 5 6 7 8 9", wrong.getText());
        assertFalse(r.lookup("#lessonFeedback").query().isVisible(), "no feedback before answering");
        r.clickOn(wrong);
        until(() -> idle() && dock.player().feedback() != null);
        assertTrue(label(r, "#lessonVerdict").startsWith("✘ Not quite"), label(r, "#lessonVerdict"));
        assertTrue(label(r, "#lessonVerdict").contains("9 0 1 2 3 4 5 6 7 8"), label(r, "#lessonVerdict"));
        assertTrue(plain(r, "#lessonExplanation").contains("runqput"), plain(r, "#lessonExplanation"));

        r.clickOn("#choice-2");
        until(() -> idle() && dock.player().feedback().correct());
        assertTrue(label(r, "#lessonVerdict").startsWith("✔ Right"), label(r, "#lessonVerdict"));
        Feedback f = dock.player().feedback();
        assertSame(f.recording(), vm.recording());
        assertEquals(f.cursor(), vm.cursor(), "the cursor moved to the event the answer is about");
        assertTrue(label(r, "#lessonStepHeader").endsWith("✔"), "the step is done");

        r.clickOn("#lessonBack");
        until(() -> idle() && dock.player().step().index() == 0);
        assertTrue(label(r, "#lessonStepHeader").startsWith("Step 1 of "));
        r.clickOn("#lessonNext");
        until(() -> idle() && dock.player().step().index() == 1);
        assertTrue(label(r, "#lessonVerdict").startsWith("✔ Right"), "the answer is remembered");

        r.clickOn("#lessonNext");
        until(() -> idle() && dock.player().step().index() == 2);
        r.clickOn("#choice-0");
        until(() -> idle() && dock.player().feedback() != null);
        assertTrue(label(r, "#lessonVerdict").startsWith("✘ Not quite: you said G6"), label(r, "#lessonVerdict"));
        assertTrue(label(r, "#lessonNarration").startsWith("Why: "), "the narration of the event the answer is about");
        assertEquals(dock.player().feedback().cursor(), vm.cursor());

        r.clickOn("#lessonToBrowser");
        until(() -> list.getItems().stream().anyMatch(o -> o.toString().contains("spawn-order") && o.toString().contains("done=2,")));
        assertEquals("Continue", r.lookup("#lessonStart").queryAs(Button.class).getText());
    }

    @Test
    void switchesLanguageWhileALessonIsOpen(FxRobot r) {
        startLessonFromTheBrowser(r, "spawn-order");
        r.clickOn("#lessonNext");
        until(() -> idle() && dock.player().step().index() == 1);
        r.clickOn("#choice-0");
        until(() -> idle() && dock.player().feedback() != null);
        String enText = plain(r, "#lessonText");
        double width = r.lookup("#lessonDock").query().getLayoutBounds().getWidth();
        r.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        until(() -> idle() && han(dock.player().step().text()));
        assertEquals(width, r.lookup("#lessonDock").query().getLayoutBounds().getWidth(), 2, "the dock keeps its width");
        assertTrue(label(r, "#lessonStepHeader").startsWith("第 2 步"), label(r, "#lessonStepHeader"));
        assertTrue(han(plain(r, "#lessonText")) && !plain(r, "#lessonText").equals(enText), plain(r, "#lessonText"));
        assertTrue(label(r, "#lessonVerdict").startsWith("✘ 不对"), label(r, "#lessonVerdict"));
        assertTrue(han(plain(r, "#lessonExplanation")), plain(r, "#lessonExplanation"));
        assertEquals("下一步 ▶", r.lookup("#lessonNext").queryAs(Button.class).getText());
        assertEquals(1, dock.player().step().index(), "still on the same step");
        r.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        until(() -> idle() && !han(dock.player().step().text()));
        assertEquals(enText, plain(r, "#lessonText"));
        assertTrue(label(r, "#lessonVerdict").startsWith("✘ Not quite"), label(r, "#lessonVerdict"));
    }

    @Test
    void presenterModeRevealsTheAnswerForAClassVote(FxRobot r) {
        r.type(KeyCode.F11);
        assertTrue(window.presenterProperty().get());
        r.interact(() -> dock.openLesson("spawn-order", 1));
        until(() -> idle() && dock.player().step().index() == 1);
        assertTrue(r.lookup("#lessonDock").query().getStyleClass().contains("presenter"));
        Button reveal = r.lookup("#lessonReveal").queryAs(Button.class);
        assertTrue(reveal.isVisible());
        r.clickOn(reveal);
        until(() -> idle() && dock.player().feedback() != null);
        assertEquals("The simulator says: 9 0 1 2 3 4 5 6 7 8", label(r, "#lessonVerdict"));
        assertFalse(dock.player().progressProperty().get().perStep().get(1), "a reveal grades nobody");
        r.type(KeyCode.F11);
        until(() -> !r.lookup("#lessonReveal").query().isVisible());
    }

    @Test
    void opensATeachersFolder(FxRobot r) throws IOException {
        Path dir = tmp.resolve("class");
        Path mine = dir.resolve("my-spawn-order");
        Files.createDirectories(mine);
        for (String f : List.of("lesson.json", "main.go", "quiz.go", "solution.go")) {
            try (InputStream in = getClass().getResourceAsStream("/lessons/spawn-order/" + f)) {
                String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Files.writeString(mine.resolve(f), s.replace("\"id\": \"spawn-order\"", "\"id\": \"my-spawn-order\""));
            }
        }
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/lesson.json"), "{ \"id\": \"broken\", ");
        r.interact(() -> dock.setFolderAsker(() -> dir));
        r.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        r.clickOn("#lessonOpenFolder");
        ListView<?> list = r.lookup("#lessonList").queryAs(ListView.class);
        until(() -> list.getItems().size() == 1);
        Node problems = r.lookup("#lessonProblems").query();
        until(problems::isVisible);
        assertTrue(label(r, "#lessonProblems").contains("broken"), label(r, "#lessonProblems"));
        assertTrue(label(r, "#lessonBrowserTitle").contains("class"), label(r, "#lessonBrowserTitle"));
        r.clickOn("#lesson-my-spawn-order").clickOn("#lessonStart");
        until(this::idle);
        assertEquals("my-spawn-order", dock.player().lessonIdProperty().get());
        assertNotNull(vm.recording());
        r.clickOn("#lessonDockClose");
        assertFalse(dock.isShowing());
    }

    @Test
    void playsTheSchedulerWithTheKeyboard(FxRobot r) {
        r.interact(() -> dock.openLesson("g-states", 0));
        until(this::idle);
        int challenge = -1;
        for (int i = 0; i < dock.player().step().count() && challenge < 0; i++) {
            int k = i;
            r.interact(() -> dock.player().goTo(k));
            until(() -> idle() && dock.player().step().index() == k);
            if (dock.player().step().kind() == gmplab.lessons.Step.Kind.CHALLENGE) challenge = i;
        }
        assertTrue(challenge >= 0, "g-states has a challenge step");
        assertTrue(label(r, "#lessonStepHeader").contains("You are the scheduler"), label(r, "#lessonStepHeader"));
        assertTrue(label(r, "#lessonDecision").startsWith("Decision 1 of "), label(r, "#lessonDecision"));
        String right = dock.player().expectedValueForTests();
        int n = 0;
        var choices = dock.player().step().choices();
        for (int i = 0; i < choices.size(); i++) if (choices.get(i).value().equals(right)) n = i + 1;
        assertTrue(n >= 1 && n <= 9, right + " among " + choices);
        r.clickOn("#lessonStepHeader"); // focus off any text field
        r.type(KeyCode.getKeyCode(String.valueOf(n)));
        until(() -> idle() && dock.player().feedback() != null);
        assertTrue(label(r, "#lessonVerdict").startsWith("✔ Right"), label(r, "#lessonVerdict"));
        assertTrue(label(r, "#lessonNarration").startsWith("Why: "));
        if (dock.player().step().points() > 1) {
            assertTrue(label(r, "#lessonDecision").startsWith("Decision 2 of "), label(r, "#lessonDecision"));
        }
        int at = dock.player().step().index();
        r.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        until(() -> idle() && dock.player().step().index() == at - 1);
    }
}
