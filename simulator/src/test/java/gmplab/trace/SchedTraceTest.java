package gmplab.trace;

import gmplab.cli.Workloads;
import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** schedtrace output in Go 1.19's format, and the parser, against recorded real runs. */
class SchedTraceTest {
    private static final Pattern SUMMARY_119 = Pattern.compile(
            "SCHED \\d+ms: gomaxprocs=\\d+ idleprocs=\\d+ threads=\\d+ spinningthreads=\\d+ idlethreads=\\d+ runqueue=\\d+ \\[\\d+( \\d+)*]");
    private static final Pattern DETAIL_HEADER_119 = Pattern.compile(
            "SCHED \\d+ms: gomaxprocs=\\d+ idleprocs=\\d+ threads=\\d+ spinningthreads=\\d+ idlethreads=\\d+ runqueue=\\d+ gcwaiting=0 nmidlelocked=\\d+ stopwait=0 sysmonwait=[01]");
    private static final Pattern P_LINE = Pattern.compile("  P\\d+: status=\\d schedtick=\\d+ syscalltick=\\d+ m=-?\\d+ runqsize=\\d+ gfreecnt=\\d+ timerslen=\\d+");
    private static final Pattern M_LINE = Pattern.compile("  M\\d+: p=-?\\d+ curg=-?\\d+ mallocing=0 throwing=0 preemptoff= locks=\\d+ dying=0 spinning=(true|false) blocked=(true|false) lockedg=-?\\d+");
    private static final Pattern G_LINE = Pattern.compile("  G\\d+: status=\\d\\([^)]*(\\([^)]*\\))?\\) m=-?\\d+ lockedm=-?\\d+");

    static String realgo(String path) throws IOException {
        try (var in = SchedTraceTest.class.getResourceAsStream("/realgo/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void summaryLinesHaveGo119sExactShapeAndStartAt0ms() throws IOException {
        RunResult r = new Simulation(SimConfig.defaults().withGomaxprocs(4).withSchedtrace(1, false))
                .run(Workloads.blocking(10, 20_000_000, Workloads.Kind.SYSCALL));
        List<String> lines = r.stderr().lines().toList();
        assertThat(lines).isNotEmpty().allMatch(l -> SUMMARY_119.matcher(l).matches());
        assertThat(lines.get(0)).startsWith("SCHED 0ms: gomaxprocs=4 ");
        // every real Go 1.19 line matches the same shape
        String real = realgo("syscalls10/p4/stderr.txt");
        assertThat(real.lines().filter(l -> l.startsWith("SCHED"))).allMatch(l -> SUMMARY_119.matcher(l).matches());
    }

    @Test
    void detailedOutputHasGo119sExactShape() throws IOException {
        RunResult r = new Simulation(SimConfig.defaults().withGomaxprocs(2).withSchedtrace(5, true))
                .run(Workloads.blocking(10, 20_000_000, Workloads.Kind.SYSCALL));
        for (String l : r.stderr().lines().toList()) {
            assertThat(DETAIL_HEADER_119.matcher(l).matches() || P_LINE.matcher(l).matches()
                    || M_LINE.matcher(l).matches() || G_LINE.matcher(l).matches()).as(l).isTrue();
        }
        for (String l : realgo("syscalls10/p2-scheddetail/stderr.txt").lines().toList()) {
            if (!l.startsWith("SCHED") && !l.startsWith("  ")) continue;
            assertThat(DETAIL_HEADER_119.matcher(l).matches() || P_LINE.matcher(l).matches()
                    || M_LINE.matcher(l).matches() || G_LINE.matcher(l).matches()).as(l).isTrue();
        }
    }

    @Test
    void simulatedAndRealThreadCountsAgreeForBlockingSyscalls() throws IOException {
        List<SchedTraceParser.Record> real = SchedTraceParser.parse(realgo("syscalls10/p4/stderr.txt"));
        RunResult r = new Simulation(SimConfig.defaults().withGomaxprocs(4).withSchedtrace(1, false))
                .run(Workloads.blocking(10, 20_000_000, Workloads.Kind.SYSCALL));
        List<SchedTraceParser.Record> sim = SchedTraceParser.parse(r.stderr());
        int realMax = real.stream().mapToInt(SchedTraceParser.Record::threads).max().orElseThrow();
        int simMax = sim.stream().mapToInt(SchedTraceParser.Record::threads).max().orElseThrow();
        assertThat(realMax).isEqualTo(12);
        assertThat(simMax).isEqualTo(realMax);
    }

    @Test
    void parserReadsDetailedPLinesAndLaterFormatsAndSkipsNoise() {
        String text = "hello SCHED 3ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 idlethreads=0 runqueue=4 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n"
                + "  P0: status=1 schedtick=1 syscalltick=7 m=3 runqsize=6 gfreecnt=0 timerslen=1\n"
                + "  P1: status=2 schedtick=6 syscalltick=1 m=-1 runqsize=2 gfreecnt=0 timerslen=0\n"
                + "  M3: p=0 curg=6 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=-1\n"
                + "program output\n"
                + "SCHED 1005ms: gomaxprocs=4 idleprocs=0 threads=7 spinningthreads=0 needspinning=1 idlethreads=2 runqueue=2 [ 1 1 0 3 ] schedticks=[ 92 90 91 85 ]\n";
        List<SchedTraceParser.Record> recs = SchedTraceParser.parse(text);
        assertThat(recs).hasSize(2);
        assertThat(recs.get(0).ms()).isEqualTo(3);
        assertThat(recs.get(0).runqueue()).isEqualTo(4);
        assertThat(recs.get(0).localRunq()).containsExactly(6, 2);
        assertThat(recs.get(1).threads()).isEqualTo(7);
        assertThat(recs.get(1).localRunq()).containsExactly(1, 1, 0, 3);
    }

    @Test
    void narrationExistsInBothLanguagesForEveryKeyTheEngineEmits() {
        Narrator en = new Narrator(Narrator.ENGLISH);
        Narrator zh = new Narrator(Narrator.CHINESE);
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (var w : Workloads.all().values()) {
            new Simulation(SimConfig.defaults().withGomaxprocs(2).withSchedtrace(10, false)).addListener(e -> keys.add(e.key())).run(w.main().get());
        }
        assertThat(keys).hasSizeGreaterThan(30);
        for (String k : keys) {
            assertThat(en.has(k)).as("English narration for %s", k).isTrue();
            assertThat(zh.has(k)).as("Chinese narration for %s", k).isTrue();
        }
    }

    @Test
    void bothNarrationBundlesHaveTheSameKeys() throws IOException {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/gmplab/trace/narration.properties");
             var b = getClass().getResourceAsStream("/gmplab/trace/narration_zh_CN.properties")) {
            en.load(new java.io.InputStreamReader(a, StandardCharsets.UTF_8));
            zh.load(new java.io.InputStreamReader(b, StandardCharsets.UTF_8));
        }
        assertThat(zh.keySet()).isEqualTo(en.keySet());
    }

    @Test
    void chromeTraceIsValidJsonWithSlicesPerP() throws IOException {
        List<Event> events = new java.util.ArrayList<>();
        new Simulation(SimConfig.defaults().withGomaxprocs(2)).addListener(events::add).run(Workloads.burst(200, 5_000));
        var bytes = new java.io.ByteArrayOutputStream();
        ChromeTrace.write(events, 2, bytes);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes.toByteArray());
        var evs = tree.get("traceEvents");
        long slices = 0;
        for (var e : evs) if (e.get("ph").asText().equals("X")) slices++;
        assertThat(slices).isGreaterThan(200);
        assertThat(evs.toString()).contains("\"P1\"").contains("steal");
    }
}
