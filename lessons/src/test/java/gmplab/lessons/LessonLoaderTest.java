package gmplab.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static gmplab.lessons.TestLessons.text;
import static org.assertj.core.api.Assertions.assertThat;

class LessonLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsAGoodLesson() throws Exception {
        TestLessons.write(dir, "good", TestLessons.GOOD_STEPS);
        LessonLoader.Result r = new LessonLoader().loadDirectory(dir);
        assertThat(r.problems()).isEmpty();
        assertThat(r.lessons()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("good");
            assertThat(l.steps()).extracting(Step::kind).containsExactly(Step.Kind.EXPLAIN, Step.Kind.PREDICT,
                    Step.Kind.QUIZ, Step.Kind.CHALLENGE);
            assertThat(l.steps().get(1).line()).isEqualTo(8);
            assertThat(l.title().in(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("中文");
        });
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumnAndOthersStillLoad() throws Exception {
        TestLessons.write(dir, "good", TestLessons.GOOD_STEPS);
        Path bad = TestLessons.write(dir, "broken", TestLessons.GOOD_STEPS);
        Files.writeString(bad.resolve("lesson.json"), "{\n  \"id\": \"broken\",\n  \"title\": {\"en\": \"x\" \"zh-CN\": \"y\"}\n}");
        LessonLoader.Result r = new LessonLoader().loadDirectory(dir);
        assertThat(r.lessons()).extracting(Lesson::id).containsExactly("good");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("broken/lesson.json");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(23); // the second member, where a comma was due
            assertThat(p.message()).startsWith("malformed JSON");
        });
    }

    @Test
    void unknownStepKindIsReportedAtTheKind() throws Exception {
        TestLessons.write(dir, "odd", "    {\"kind\": \"lecture\", \"text\": " + text("x") + "}");
        LessonLoader.Result r = new LessonLoader().loadDirectory(dir);
        assertThat(r.lessons()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(14);
            assertThat(p.message()).contains("unknown step kind \"lecture\"");
            assertThat(p.toString()).matches(".*odd/lesson.json:7:14: unknown step kind.*");
        });
    }

    @Test
    void badQueryIsReportedAtItsColumn() throws Exception {
        TestLessons.write(dir, "q", "    {\"kind\": \"predict\", \"text\": " + text("x") + ", \"query\": \"victim of first stael\"}");
        LessonLoader.Result r = new LessonLoader().loadDirectory(dir);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            // the string starts at column 89; "stael" is its 17th character
            String line = Files.readAllLines(dir.resolve("q/lesson.json")).get(6);
            assertThat(p.column()).isEqualTo(line.indexOf("stael") + 1);
            assertThat(p.message()).contains("unknown event 'stael'");
        });
    }

    @Test
    void goCompileErrorsPointIntoTheGoFile() throws Exception {
        TestLessons.write(dir, "nocompile", TestLessons.GOOD_STEPS,
                "package main\n\nfunc main() {\n\tx := 1\n\tfmt.Println(y)\n}\n", "{}");
        LessonLoader.Result r = new LessonLoader().loadDirectory(dir);
        assertThat(r.lessons()).isEmpty();
        assertThat(r.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).endsWith("nocompile/main.go"));
        assertThat(r.problems().get(0).line()).isGreaterThan(1);
    }

    @Test
    void missingLanguagesUnknownFieldsAndMissingFilesAreAllReported() throws Exception {
        Path f = TestLessons.write(dir, "many", "    {\"kind\": \"predict\", \"text\": {\"en\": \"only English\"},"
                + " \"query\": \"prints\", \"quary\": 1, \"program\": \"other.go\"}");
        LessonLoader.Result r = new LessonLoader().loadDirectory(dir);
        assertThat(r.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("no zh-CN text"))
                .anySatisfy(m -> assertThat(m).contains("unknown field \"quary\""))
                .anySatisfy(m -> assertThat(m).contains("\"other.go\" not found"));
        assertThat(f).exists();
    }

    @Test
    void idMustMatchTheFolder() throws Exception {
        Path f = TestLessons.write(dir, "a", TestLessons.GOOD_STEPS);
        Files.move(f, dir.resolve("b"));
        LessonLoader.Result r = new LessonLoader().loadDirectory(dir);
        assertThat(r.problems()).singleElement().extracting(Problem::message).asString().contains("must match the folder");
    }

    @Test
    void emptyDirectoryIsAProblem() {
        assertThat(new LessonLoader().loadDirectory(dir).problems()).singleElement().extracting(Problem::message)
                .asString().contains("no lesson folders");
    }
}
