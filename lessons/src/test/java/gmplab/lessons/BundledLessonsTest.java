package gmplab.lessons;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled lessons: {@code lessons check} passes on them, and the content rules hold. */
class BundledLessonsTest {
    static final Path SOURCES = Path.of("src/main/resources/lessons");

    @Test
    void lessonsCheckPassesOnTheBundledLessons() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new LessonsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("check");
        assertThat(err.toString()).isEmpty();
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains(" 0 problem(s)");
    }

    @Test
    void everyLessonFolderIsInTheIndex() throws IOException {
        List<String> index = Files.readAllLines(SOURCES.resolve("INDEX")).stream().map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        try (Stream<Path> s = Files.list(SOURCES)) {
            assertThat(s.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(index);
        }
    }

    @Test
    void everyLessonHasBothLanguagesAndEnoughToDo() {
        LessonLoader.Result r = new LessonLoader().loadBundled();
        assertThat(r.problems()).isEmpty();
        assertThat(r.lessons()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(r.lessons()).extracting(Lesson::id).contains("g-states", "spawn-order", "runnext-waker", "overflow",
                "fairness-61", "stealing", "spinning", "syscalls-retake", "netpoller", "preemption",
                "gomaxprocs-threads", "schedtrace", "eleven-scenarios");
        for (Lesson l : r.lessons()) {
            assertThat(l.interactiveSteps()).as(l.id() + ": predict/try/quiz/challenge steps").isGreaterThanOrEqualTo(3);
            for (Text t : texts(l)) {
                for (String lang : Text.LANGUAGES) {
                    assertThat(t.byLanguage().get(lang)).as(l.id() + " " + lang).isNotBlank();
                }
                String zh = t.byLanguage().get("zh-CN");
                if (!zh.equals(t.byLanguage().get("en"))) { // a neutral label such as "10 ms" may be the same
                    assertThat(zh).as(l.id() + ": Chinese text contains Chinese").containsPattern("[\\u4e00-\\u9fff]");
                }
            }
        }
    }

    static List<Text> texts(Lesson l) {
        List<Text> out = new java.util.ArrayList<>();
        out.add(l.title());
        if (l.summary() != null) out.add(l.summary());
        for (Step s : l.steps()) {
            out.add(s.text());
            if (s instanceof Step.Predict p) {
                if (p.explain() != null) out.add(p.explain());
                for (Choice c : p.choices()) if (c.label() != null) out.add(c.label());
            }
            if (s instanceof Step.Try t) {
                if (t.hint() != null) out.add(t.hint());
                if (t.explain() != null) out.add(t.explain());
            }
            if (s instanceof Step.Quiz q && q.explain() != null) out.add(q.explain());
            if (s instanceof Step.Challenge c) {
                if (c.explain() != null) out.add(c.explain());
                for (Choice o : c.options()) if (o.label() != null) out.add(o.label());
            }
        }
        return out;
    }
}
