package gmplab.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LessonCatalogTest {
    @TempDir
    Path dir;

    @Test
    void bundledLessonsWithProgress() {
        ProgressStore store = new ProgressStore(dir.resolve("p.json"));
        LessonCatalog c = LessonCatalog.bundled(store);
        assertThat(c.problems()).isEmpty();
        assertThat(c.entries(Locale.SIMPLIFIED_CHINESE)).hasSizeGreaterThanOrEqualTo(12)
                .filteredOn(e -> e.lesson().id().equals("spawn-order")).singleElement().satisfies(e -> {
                    assertThat(e.title()).contains("启动顺序");
                    assertThat(e.done()).isZero();
                });
        LessonPlayer p = c.open("spawn-order", Locale.ENGLISH);
        p.next();
        p.answer(p.expectedValue());
        assertThat(c.entries(Locale.ENGLISH)).filteredOn(e -> e.lesson().id().equals("spawn-order")).singleElement()
                .satisfies(e -> {
            assertThat(e.done()).isEqualTo(2); // the explain step moved past, and the prediction
            assertThat(e.current()).isEqualTo(1);
        });
        assertThatThrownBy(() -> c.open("nope", Locale.ENGLISH)).hasMessageContaining("no lesson");
    }

    @Test
    void aTeachersFolderWithABrokenLesson() throws Exception {
        TestLessons.write(dir, "good", TestLessons.GOOD_STEPS);
        Path bad = TestLessons.write(dir, "bad", TestLessons.GOOD_STEPS);
        Files.writeString(bad.resolve("lesson.json"), "[]");
        LessonCatalog c = LessonCatalog.directory(dir, null);
        assertThat(c.entries(Locale.ENGLISH)).extracting(e -> e.lesson().id()).containsExactly("good");
        assertThat(c.problems()).singleElement().hasToString(bad.resolve("lesson.json") + ":1:1: a lesson must be a JSON object, found an array");
    }
}
