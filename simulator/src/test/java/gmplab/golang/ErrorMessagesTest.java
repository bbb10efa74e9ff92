package gmplab.golang;

import gmplab.runtime.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compile errors and run-time panics worded as real Go 1.19 words them. Compile errors:
 * {@code conformance/errors/<name>.go} with {@code <name>.err}, the output of
 * {@code go build} (minus the "# command-line-arguments" header and the "./" prefix).
 * Run-time errors: the first line of stderr of the conformance programs that crash.
 */
class ErrorMessagesTest {

    static Path dir() throws Exception {
        return ConformanceTest.dir().resolve("errors");
    }

    static String compileErrors(String name) throws Exception {
        String src = Files.readString(dir().resolve(name + ".go"));
        try {
            GoProgram.compile(name + ".go", src);
            return "(compiled)";
        } catch (GoCompileException e) {
            return e.format();
        }
    }

    @TestFactory
    Stream<DynamicTest> compileErrorsMatchGc() throws Exception {
        List<String> names;
        try (Stream<Path> s = Files.list(dir())) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".go"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
        return names.stream().map(n -> DynamicTest.dynamicTest(n, () ->
                assertThat(compileErrors(n)).isEqualTo(Files.readString(dir().resolve(n + ".err")))));
    }

    /** First stderr line of each crashing conformance program, as printed by Go 1.19. */
    static final String[][] PANICS = {
            {"close_twice", "panic: close of closed channel"},
            {"deadlock", "fatal error: all goroutines are asleep - deadlock!"},
            {"div_zero", "panic: runtime error: integer divide by zero"},
            {"empty_select_deadlock", "fatal error: all goroutines are asleep - deadlock!"},
            {"nil_deref", "panic: runtime error: invalid memory address or nil pointer dereference"},
            {"nil_map_write", "panic: assignment to entry in nil map"},
            {"panic_custom", "panic: custom failure 7"},
            {"panic_exit", "panic: runtime error: index out of range [5] with length 0"},
            {"slice_bounds", "panic: runtime error: slice bounds out of range [2:1] [recovered]"},
            {"type_assert_panic", "panic: interface conversion: interface {} is string, not int"},
    };

    @TestFactory
    Stream<DynamicTest> runtimeErrorsMatchGo() {
        return Stream.of(PANICS).map(p -> DynamicTest.dynamicTest(p[0], () -> {
            RunResult r = ConformanceTest.run(p[0]);
            assertThat(r.stderr().lines().findFirst().orElse("")).isEqualTo(p[1]);
            assertThat(r.exitCode()).isEqualTo(2);
        }));
    }

    @org.junit.jupiter.api.Test
    void nestedPanicPrintsTheChainLikeGo() throws Exception {
        RunResult r = ConformanceTest.run("slice_bounds");
        assertThat(r.stderr()).startsWith("panic: runtime error: slice bounds out of range [2:1] [recovered]\n"
                + "\tpanic: runtime error: slice bounds out of range [:5] with capacity 3\n");
    }

    @org.junit.jupiter.api.Test
    void unsupportedFeaturesGetAClearMessage() {
        String src = "package main\n\nfunc Map[T any](x T) T { return x }\n\nfunc main() {\n\tgoto end\nend:\n}\n";
        assertThatThrownBy(() -> GoProgram.compile("g.go", src)).isInstanceOf(GoCompileException.class)
                .hasMessageContaining("not supported by GMP Lab: generic functions")
                .hasMessageContaining("not supported by GMP Lab: goto");
        String imp = "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"x\") }\n";
        assertThatThrownBy(() -> GoProgram.compile("h.go", imp)).isInstanceOf(GoCompileException.class)
                .hasMessageContaining("h.go:3:8: not supported by GMP Lab: package net/http");
    }
}
