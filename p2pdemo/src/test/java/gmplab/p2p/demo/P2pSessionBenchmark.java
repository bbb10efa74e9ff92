package gmplab.p2p.demo;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * What one click in the P2P pane costs: recording the simulated session again from the
 * start (compile, run, apply the actions at idle points, record every event's state and
 * read the Go program's registries after each event). The baseline, measured in the same
 * run, is the same recording without the registry reads.
 *
 * <p>Run: {@code bench/p2p-session.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class P2pSessionBenchmark {
    /** Actions: {@code listen}, then {@code streams - 1} remote peers' streams. */
    @Param({"2", "41"})
    public int actions;

    private SimSession session;

    @Setup(Level.Trial)
    public void setUp() {
        SimSession s = new SimSession(ListenerDemo.Version.FIXED)
                .with(new P2pAction.Command("listen " + SimSession.ECHO + " " + SimSession.ECHO_TARGET));
        for (int i = 1; i < actions; i++) s = s.with(new P2pAction.OpenStream(Scenario.PEER_B, SimSession.ECHO, "hello " + i + "\n"));
        session = s;
    }

    @Benchmark
    public int recordWithRegistries() {
        return session.record().recording().size();
    }

    @Benchmark
    public int recordWithoutRegistries() {
        return session.record(false).recording().size();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(P2pSessionBenchmark.class.getSimpleName()).build()).run();
    }
}
