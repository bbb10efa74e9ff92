package gmplab.golang;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every program of {@code src/test/resources/conformance} on the simulator and
 * compares stdout byte for byte, and the exit status, with what real Go 1.19 produced
 * (see RECORDED.md there).
 */
class ConformanceTest {

    static Path dir() throws URISyntaxException {
        URL u = ConformanceTest.class.getResource("/conformance/RECORDED.md");
        return Path.of(u.toURI()).getParent();
    }

    static List<String> programs() throws Exception {
        try (Stream<Path> s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".go"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    static RunResult run(String name) throws Exception {
        String src = Files.readString(dir().resolve(name + ".go"));
        GoProgram p = GoProgram.compile(name + ".go", src);
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(4).withSeed(1).withLimits(120_000_000_000L, 20_000_000);
        return GoRun.run(p, cfg, VmOptions.defaults(), null, null);
    }

    static String expectedOut(String name) throws Exception {
        return Files.readString(dir().resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    static int expectedExit(String name) throws Exception {
        Path p = dir().resolve(name + ".exit");
        return Files.exists(p) ? Integer.parseInt(Files.readString(p).trim()) : 0;
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws Exception {
        List<String> names = programs();
        assertThat(names.size()).as("conformance programs").isGreaterThanOrEqualTo(80);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            RunResult r = run(name);
            assertThat(r.stdout()).as(name + " stdout (stderr: " + r.stderr() + ")").isEqualTo(expectedOut(name));
            assertThat(r.exitCode()).as(name + " exit status (stderr: " + r.stderr() + ")").isEqualTo(expectedExit(name));
        }));
    }

    /** Prints a pass/fail summary (handy while developing). */
    public static void main(String[] args) throws Exception {
        int pass = 0;
        List<String> names = args.length > 0 ? List.of(args) : programs();
        for (String n : names) {
            String status;
            try {
                RunResult r = run(n);
                boolean ok = r.stdout().equals(expectedOut(n)) && r.exitCode() == expectedExit(n);
                status = ok ? "ok" : "FAIL exit=" + r.exitCode() + "/" + expectedExit(n);
                if (ok) pass++;
                else if (args.length > 0) {
                    System.out.println("--- got:\n" + r.stdout() + "--- want:\n" + expectedOut(n) + "--- stderr:\n" + r.stderr());
                }
            } catch (GoCompileException e) {
                status = "COMPILE " + e.getMessage().replace('\n', ' ');
            } catch (Throwable t) {
                status = "CRASH " + t;
                if (args.length > 0) t.printStackTrace(System.out);
            }
            System.out.println(n + ": " + status);
        }
        System.out.println(pass + "/" + names.size() + " pass");
    }

    @SuppressWarnings("unused")
    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
