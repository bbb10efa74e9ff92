package gmplab.fidelity;

import gmplab.runtime.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every program of {@code examples/} compiles and runs on the simulator, with the environment of
 * its real Go 1.19 recording ({@code realgo/NAME/COMMAND.txt}, or the first setting of a
 * multi-setting program), and ends as real Go did: same exit status, and stdout byte-identical
 * when the real runtime makes it deterministic. For the few programs whose stdout reports
 * wall-clock timings, only the lines the runtime does make deterministic are compared.
 */
class ExamplesTest {

    /**
     * Programs whose real stdout depends on timing: the lines (regex) that must still be identical.
     * Everything else must match byte for byte.
     */
    static final Map<String, Pattern> TIMING_DEPENDENT = Map.of(
            // first-run order is the same in every real run; the times and the finish order are not
            "timeslice", Pattern.compile("^first-run order:.*"),
            // slice lengths are measured on the wall clock (their figures: FidelityTest)
            "slices", Pattern.compile("^timeline .*"),
            // retake latencies in µs (their figures: FidelityTest)
            "retake", Pattern.compile("^stats: trials=\\d+"),
            "retakeidle", Pattern.compile("^stats: trials=\\d+"));

    @Test
    void thereAreEnoughExamples() {
        assertThat(Examples.programs()).as("example programs").hasSizeGreaterThanOrEqualTo(25);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleEndsAsOnRealGo() {
        return Examples.programs().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Examples.Recording real = Examples.recording(Examples.canonicalRecording(name));
            assertThat(real.program()).as("program of " + real.dir()).isEqualTo(name);
            RunResult sim = Examples.run(name, real.env());
            assertThat(sim.hitLimit()).as(name + " stopped by a limit: " + sim.outcome()).isFalse();
            assertThat(sim.exitCode()).as(name + " exit status (stderr: " + head(sim.stderr()) + ")")
                    .isEqualTo(real.exitCode());
            Pattern keep = TIMING_DEPENDENT.get(name);
            if (keep == null) {
                assertThat(sim.stdout()).as(name + " stdout vs " + real.dir().resolve("stdout.txt"))
                        .isEqualTo(real.stdout());
            } else {
                assertThat(deterministicPart(sim.stdout(), keep)).as(name + " deterministic lines of stdout")
                        .isEqualTo(deterministicPart(real.stdout(), keep))
                        .isNotEmpty();
            }
            if (real.stderr().startsWith("panic: ") || real.stderr().startsWith("fatal error: ")) {
                assertThat(firstLine(sim.stderr())).as(name + " first line of stderr").isEqualTo(firstLine(real.stderr()));
            }
        }));
    }

    static List<String> deterministicPart(String stdout, Pattern keep) {
        return stdout.lines().map(keep::matcher).filter(m -> m.find()).map(m -> m.group()).toList();
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String head(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
