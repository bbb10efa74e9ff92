package gmplab.cli;

import gmplab.runtime.SimConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gmplab demo}: output, exit status, GOMAXPROCS/GODEBUG from the environment, flags winning. */
class DemoCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        DemoCommand cmd = new DemoCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new CommandLine(cmd).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void spawnOrderPrintsLikeRealGoOnOneP() {
        assertThat(run(Map.of(), "spawn-order", "--gomaxprocs", "1")).isZero();
        assertThat(out()).isEqualTo("9\n0\n1\n2\n3\n4\n5\n6\n7\n8\n");
    }

    @Test
    void gomaxprocsAndGodebugComeFromTheEnvironment() {
        assertThat(run(Map.of("GOMAXPROCS", "2", "GODEBUG", "schedtrace=5"), "syscalls")).isZero();
        assertThat(err()).startsWith("SCHED 0ms: gomaxprocs=2 ").contains("threads=12");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        assertThat(run(Map.of("GOMAXPROCS", "2", "GODEBUG", "schedtrace=5"), "sleeps", "--gomaxprocs", "3",
                "--schedtrace", "100")).isZero();
        assertThat(err()).startsWith("SCHED 0ms: gomaxprocs=3 ");
        assertThat(err().lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void explainNarratesInEnglishAndChinese() {
        assertThat(run(Map.of(), "spawn-order", "--gomaxprocs", "1", "--explain")).isZero();
        assertThat(out()).contains("goes into P0's runnext").contains("newproc");
        out.reset();
        assertThat(run(Map.of(), "spawn-order", "--gomaxprocs", "1", "--explain", "--lang", "zh")).isZero();
        assertThat(out()).contains("runnext").contains("本地队列");
    }

    @Test
    void traceOutWritesChromeTraceJson(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.json");
        assertThat(run(Map.of(), "burst", "--trace-out", f.toString())).isZero();
        String json = Files.readString(f);
        assertThat(json).startsWith("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[").contains("\"ph\":\"X\"");
    }

    @Test
    void unknownWorkloadIsAClearError() {
        assertThat(run(Map.of(), "nope")).isEqualTo(2);
        assertThat(err()).contains("unknown workload \"nope\"").contains("spawn-order");
    }

    @Test
    void listShowsEveryWorkload() {
        assertThat(run(Map.of(), "--list")).isZero();
        for (String name : Workloads.all().keySet()) assertThat(out()).contains(name);
    }

    @Test
    void godebugParsingIgnoresMalformedValuesAsGoDoes() {
        SimConfig c = RuntimeSettings.fromEnvironment(Map.of("GOMAXPROCS", "x", "GODEBUG", "schedtrace=abc,asyncpreemptoff=1"),
                null, 1, null, false, null);
        assertThat(c.gomaxprocs()).isEqualTo(SimConfig.defaults().gomaxprocs());
        assertThat(c.schedtraceMs()).isZero();
        assertThat(c.asyncPreempt()).isFalse();
    }
}
