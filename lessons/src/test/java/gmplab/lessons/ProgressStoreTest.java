package gmplab.lessons;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressStoreTest {
    @TempDir
    Path dir;

    @Test
    void answersAttemptsAndCurrentStepSurviveARestart() throws Exception {
        Path f = dir.resolve("sub/progress.json");
        ProgressStore s = new ProgressStore(f);
        s.recordAnswer("spawn-order", 1, "0 1 2", false);
        s.recordAnswer("spawn-order", 1, "9 0 1", true);
        s.setCurrent("spawn-order", 2);
        ProgressStore t = new ProgressStore(f);
        ProgressStore.LessonProgress p = t.lesson("spawn-order");
        assertThat(p.current()).isEqualTo(2);
        assertThat(p.attempts(1)).isEqualTo(2);
        assertThat(p.answers()).containsEntry(1, "9 0 1");
        assertThat(p.completed()).containsExactly(1);
        assertThat(p.updated()).isNotBlank();
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files).extracting(x -> x.getFileName().toString()).containsExactly("progress.json");
        }
    }

    @Test
    void resetForgetsOneLessonOrAll() {
        ProgressStore s = new ProgressStore(dir.resolve("p.json"));
        s.complete("a", 0);
        s.complete("b", 0);
        s.reset("a");
        assertThat(new ProgressStore(dir.resolve("p.json")).lessonIds()).containsExactly("b");
        s.resetAll();
        assertThat(new ProgressStore(dir.resolve("p.json")).lessonIds()).isEmpty();
    }

    @Test
    void anUnreadableFileIsKeptAsideNotLost() throws Exception {
        Path f = dir.resolve("progress.json");
        Files.writeString(f, "{\"version\": 1, \"lessons\": {\"a\": {\"current\": 3,");
        ProgressStore s = new ProgressStore(f);
        assertThat(s.lesson("a").current()).isZero();
        assertThat(s.warning()).contains("kept it as");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(x -> x.getFileName().toString()))
                    .anySatisfy(n -> assertThat(n).startsWith("progress.json.unreadable-"));
        }
        s.complete("a", 0);
        assertThat(new ProgressStore(f).lesson("a").completed()).containsExactly(0);
    }

    @Test
    void defaultLocationIsOverridable() {
        String old = System.getProperty("gmplab.progress");
        try {
            System.setProperty("gmplab.progress", dir.resolve("x.json").toString());
            assertThat(ProgressStore.defaultLocation()).isEqualTo(dir.resolve("x.json"));
            System.clearProperty("gmplab.progress");
            assertThat(ProgressStore.defaultLocation().toString()).endsWith(".gmplab/progress.json");
        } finally {
            if (old != null) System.setProperty("gmplab.progress", old);
        }
    }

    @Property(tries = 50)
    void whateverIsRecordedReadsBack(@ForAll @Size(max = 20) List<@IntRange(max = 30) Integer> steps) throws Exception {
        Path f = Files.createTempDirectory("progress").resolve("p.json");
        ProgressStore s = new ProgressStore(f);
        java.util.Map<Integer, Integer> attempts = new java.util.TreeMap<>();
        for (int step : steps) {
            boolean ok = step % 3 == 0;
            s.recordAnswer("l", step, "answer " + step + " 中文", ok);
            attempts.merge(step, 1, Integer::sum);
        }
        ProgressStore.LessonProgress p = new ProgressStore(f).lesson("l");
        assertThat(p.attempts()).isEqualTo(attempts);
        assertThat(p.completed()).containsExactlyElementsOf(steps.stream().filter(x -> x % 3 == 0).distinct().sorted().toList());
        for (int step : steps) assertThat(p.answers().get(step)).isEqualTo("answer " + step + " 中文");
    }
}
