package gmplab.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LessonsCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = new CommandLine(new LessonsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void hasAPublicNoArgConstructorForTheLauncher() throws Exception {
        Object cmd = Class.forName("gmplab.lessons.LessonsCommand").getDeclaredConstructor().newInstance();
        assertThat(new CommandLine(cmd).getCommandName()).isEqualTo("lessons");
        assertThat(new CommandLine(cmd).getSubcommands()).containsKeys("check", "list", "progress");
    }

    @Test
    void checkPassesOnAGoodFolder() throws Exception {
        TestLessons.write(dir, "good", TestLessons.GOOD_STEPS);
        assertThat(run("check", "--dir", dir.toString(), "-v")).isZero();
        assertThat(out.toString()).contains("ok", "good", "1 lesson(s), 4 step(s), 0 problem(s)", "4 0 1 2 3");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void checkFailsWithFileAndLine() throws Exception {
        TestLessons.write(dir, "good", TestLessons.GOOD_STEPS);
        TestLessons.write(dir, "wrong", "    {\"kind\": \"predict\", \"text\": " + TestLessons.text("x")
                + ", \"query\": \"prints\", \"choices\": [\"0 1 2 3 4\"]}");
        Path bad = TestLessons.write(dir, "syntax", TestLessons.GOOD_STEPS);
        Files.writeString(bad.resolve("lesson.json"), "{ \"id\": \"syntax\", }");
        assertThat(run("check", "--dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("wrong/lesson.json:7:5: step 1 (predict)", "none of the choices matches")
                .containsPattern("syntax/lesson.json:1:\\d+: malformed JSON");
        assertThat(out.toString()).contains("ok   good", "FAIL wrong", "2 lesson(s)");
    }

    @Test
    void listAndProgress() throws Exception {
        TestLessons.write(dir, "good", TestLessons.GOOD_STEPS);
        Path progress = dir.resolve("p.json");
        new ProgressStore(progress).complete("good", 0);
        assertThat(run("list", "--dir", dir.toString(), "--lang", "zh-CN", "--progress", progress.toString())).isZero();
        assertThat(out.toString()).contains("good", "1/4", "中文：Title of good");
        assertThat(run("progress", "--progress", progress.toString())).isZero();
        assertThat(out.toString()).contains("at step 1, 1 step(s) done");
        assertThat(run("progress", "--reset", "good", "--progress", progress.toString())).isZero();
        assertThat(new ProgressStore(progress).lessonIds()).isEmpty();
    }
}
