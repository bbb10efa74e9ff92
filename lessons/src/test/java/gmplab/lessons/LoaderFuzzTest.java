package gmplab.lessons;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Damaged manifests never crash the loader: it reports problems with a place, or loads the lesson. */
class LoaderFuzzTest {
    static Path dir;
    static String good;
    static final LessonRuns RUNS = new LessonRuns();

    @BeforeContainer
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("lesson-fuzz");
        Path f = TestLessons.write(dir, "fuzz", TestLessons.GOOD_STEPS);
        good = Files.readString(f.resolve("lesson.json"));
    }

    @AfterContainer
    static void tearDown() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 300)
    void damagedManifestsAreReportedNotThrown(@ForAll("edits") int[] edit, @ForAll("junk") String junk) throws Exception {
        int from = Math.min(edit[0], good.length());
        int to = Math.min(good.length(), from + edit[1]);
        String damaged = good.substring(0, from) + junk + good.substring(to);
        Files.writeString(dir.resolve("fuzz/lesson.json"), damaged);
        LessonLoader.Result r = new LessonLoader(RUNS).loadDirectory(dir);
        assertThat(r.lessons().size() + (r.problems().isEmpty() ? 0 : 1)).isEqualTo(1);
        for (Problem p : r.problems()) {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.message()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<int[]> edits() {
        return Arbitraries.integers().between(0, 2000).array(int[].class).ofSize(2)
                .map(a -> new int[]{a[0], a[1] % 40});
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null", "1", "\"kind\": \"x\"",
                "\"query\": \"first\"", "\"zh-CN\"", "true"), Arbitraries.strings().ofMaxLength(5));
    }
}
