package gmplab.bench;

import gmplab.cli.Workloads;
import gmplab.runtime.Action;
import gmplab.runtime.Chan;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Script;
import gmplab.runtime.SimConfig;
import gmplab.runtime.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * Engine throughput (JMH, single-shot): events per second for a spawn burst of
 * 1,000,000 goroutines at GOMAXPROCS 4, channel ping-pong, and 100,000 parked
 * goroutines; plus heap bytes per parked goroutine. The baseline, measured in
 * the same run, is a bare discrete-event loop (a priority queue of timed tasks,
 * one push and one pop per event) — the floor any event-driven engine pays.
 *
 * <p>Run: {@code bench/engine.sh} (prints the JMH table and the derived figures).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class EngineBenchmark {
    static final int BURST = 1_000_000;
    static final int PINGPONG = 250_000;
    static final int PARKED = 100_000;

    static SimConfig cfg(int procs) {
        return SimConfig.defaults().withGomaxprocs(procs).withLimits(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    @Benchmark
    public long spawnBurst1M() {
        return new Simulation(cfg(4)).run(Workloads.burst(BURST, 2_000)).events();
    }

    @Benchmark
    public long pingPong() {
        return new Simulation(cfg(4)).run(Workloads.pingPong(PINGPONG)).events();
    }

    @Benchmark
    public long parked100k() {
        return new Simulation(cfg(4)).run(parked(PARKED)).events();
    }

    /** The baseline: a bare event loop doing one timed push and pop per event. */
    @Benchmark
    public long bareEventLoop() {
        return bareLoop(5_000_000);
    }

    static long bareLoop(int n) {
        record Task(long when, long seq) implements Comparable<Task> {
            public int compareTo(Task o) {
                int c = Long.compare(when, o.when);
                return c != 0 ? c : Long.compare(seq, o.seq);
            }
        }
        PriorityQueue<Task> q = new PriorityQueue<>();
        for (int i = 0; i < 64; i++) q.add(new Task(i, i));
        long seq = 64;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Task t = q.poll();
            sum += t.when;
            q.add(new Task(t.when + 100 + (i & 63), seq++));
        }
        return sum;
    }

    /** n goroutines that each block on a channel receive; main then closes the channel. */
    static GoroutineBody parked(int n) {
        Chan c = new Chan(0, "c");
        Action.Recv recv = new Action.Recv(c);
        Script main = Script.create().repeat(n, i -> new Action.Go(Script.create().then(recv).build(), "w"))
                .then(new Action.Sleep(1_000_000));
        return main.then(new Action.Close(c)).then(new Action.Sleep(1_000_000)).build();
    }

    /** Heap bytes per goroutine parked on a channel (G struct, body, sudog), measured after full GCs. */
    static double bytesPerParked(int n) throws InterruptedException {
        Chan hold = new Chan(0, "hold");
        Simulation sim = new Simulation(cfg(4));
        // main spawns n receivers on `hold`, then sleeps long: stop while they are all parked
        GoroutineBody main = Script.create().repeat(n, i -> new Action.Go(Script.create().then(new Action.Recv(hold)).build(), "w"))
                .then(new Action.Sleep(3_600_000_000_000L)).build();
        long before = usedHeap();
        sim.start(main);
        sim.runUntilEvents(6L * n);
        long after = usedHeap();
        if (sim.numGoroutine() < n) throw new IllegalStateException("not all parked: " + sim.numGoroutine());
        double perG = (after - before) / (double) n;
        if (sim.eventCount() < 0) System.out.println(hold); // keep sim reachable until here
        return perG;
    }

    static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(EngineBenchmark.class.getSimpleName()).build()).run();
        long burstEvents = new Simulation(cfg(4)).run(Workloads.burst(BURST, 2_000)).events();
        long pingEvents = new Simulation(cfg(4)).run(Workloads.pingPong(PINGPONG)).events();
        long parkedEvents = new Simulation(cfg(4)).run(parked(PARKED)).events();
        System.out.println();
        System.out.println("figure                         events      ms/op    events/s     vs bare loop");
        double bareMs = score(results, "bareEventLoop");
        double bareRate = 5_000_000 / (bareMs / 1000);
        for (String[] b : new String[][] {{"spawnBurst1M", String.valueOf(burstEvents)},
                {"pingPong", String.valueOf(pingEvents)}, {"parked100k", String.valueOf(parkedEvents)},
                {"bareEventLoop", "5000000"}}) {
            double ms = score(results, b[0]);
            double rate = Long.parseLong(b[1]) / (ms / 1000);
            System.out.printf("%-24s %12s %10.1f %11.0f %8.2fx%n", b[0], b[1], ms, rate, rate / bareRate);
        }
        System.out.printf("heap per parked goroutine: %.0f bytes (100,000 parked on a channel)%n", bytesPerParked(PARKED));
    }

    private static double score(Collection<RunResult> results, String name) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + name)).findFirst()
                .orElseThrow().getPrimaryResult().getScore();
    }
}
