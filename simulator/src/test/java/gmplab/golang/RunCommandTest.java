package gmplab.golang;

import gmplab.cli.RunCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gmplab run}: output streams, exit statuses, environment and limits. */
class RunCommandTest {

    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) { }

    Outcome run(String source, Map<String, String> env, String... args) throws Exception {
        Path f = dir.resolve("prog.go");
        Files.writeString(f, source);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        // the package-private constructor takes the streams and the environment
        Constructor<RunCommand> c = RunCommand.class.getDeclaredConstructor(PrintStream.class, PrintStream.class, Map.class);
        c.setAccessible(true);
        RunCommand cmd = c.newInstance(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = f.toString();
        int exit = new CommandLine(cmd).execute(all);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void programOutputOnStdoutAndStatusZero() throws Exception {
        Outcome o = run("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\", 1+2) }\n", Map.of());
        assertThat(o.exit()).isZero();
        assertThat(o.out()).isEqualTo("hi 3\n");
        assertThat(o.err()).isEmpty();
    }

    @Test
    void compileErrorsLikeGoRun() throws Exception {
        Outcome o = run("package main\n\nfunc main() { x := 1 }\n", Map.of());
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).isEqualTo("# command-line-arguments\nprog.go:3:15: x declared but not used\n");
    }

    @Test
    void panicsGoToStderrWithStatusTwo() throws Exception {
        Outcome o = run("package main\n\nfunc main() { panic(\"boom\") }\n", Map.of());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("panic: boom\n\ngoroutine 1 [running]:\n");
    }

    @Test
    void osExitStatus() throws Exception {
        Outcome o = run("package main\n\nimport \"os\"\n\nfunc main() { os.Exit(7) }\n", Map.of());
        assertThat(o.exit()).isEqualTo(7);
    }

    @Test
    void gomaxprocsFromEnvironmentAndFlag() throws Exception {
        String src = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() { fmt.Println(runtime.GOMAXPROCS(0)) }\n";
        assertThat(run(src, Map.of("GOMAXPROCS", "3")).out()).isEqualTo("3\n");
        assertThat(run(src, Map.of("GOMAXPROCS", "3"), "--gomaxprocs", "2").out()).isEqualTo("2\n");
    }

    @Test
    void schedtraceFromGodebugGoesToStderr() throws Exception {
        String src = "package main\n\nimport \"time\"\n\nfunc main() { time.Sleep(25 * time.Millisecond) }\n";
        Outcome o = run(src, Map.of("GODEBUG", "schedtrace=10"));
        assertThat(o.exit()).isZero();
        assertThat(o.err()).contains("SCHED 0ms: gomaxprocs=");
    }

    @Test
    void aProgramThatNeverEndsIsStoppedByTheTimeLimit() throws Exception {
        String src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Second)\n\t}\n}\n";
        Outcome o = run(src, Map.of(), "--max-time", "5s");
        assertThat(o.exit()).isEqualTo(3);
        assertThat(o.err()).startsWith("gmplab: ");
    }

    @Test
    void missingFileIsAClearError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Constructor<RunCommand> c = RunCommand.class.getDeclaredConstructor(PrintStream.class, PrintStream.class, Map.class);
        c.setAccessible(true);
        RunCommand cmd = c.newInstance(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), Map.of());
        int exit = new CommandLine(cmd).execute(dir.resolve("nope.go").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no such file or directory");
    }

    @Test
    void parsesGoDurations() throws Exception {
        var m = RunCommand.class.getDeclaredMethod("parseDuration", String.class);
        m.setAccessible(true);
        assertThat(m.invoke(null, "1m30s")).isEqualTo(90_000_000_000L);
        assertThat(m.invoke(null, "250ms")).isEqualTo(250_000_000L);
        assertThat(m.invoke(null, "1.5s")).isEqualTo(1_500_000_000L);
    }
}
