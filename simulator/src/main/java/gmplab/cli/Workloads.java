package gmplab.cli;

import gmplab.runtime.Action;
import gmplab.runtime.Chan;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Script;
import gmplab.runtime.WaitGroup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in demo programs, written with the Java body API. Each has a Go
 * equivalent under {@code examples/} that was run on real Go 1.19.
 */
public final class Workloads {
    private Workloads() {
    }

    /** A demo: a name, what it shows, and a factory of fresh main bodies. */
    public record Workload(String name, String description, Supplier<GoroutineBody> main) { }

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    /** All demos by name, in the order {@code --help} lists them. */
    public static Map<String, Workload> all() {
        Map<String, Workload> m = new LinkedHashMap<>();
        add(m, "spawn-order", "spawn 10 goroutines that print their index, then wait (runnext puzzle: 9 0 1 … 8 on one P)",
                () -> spawnPrint(10));
        add(m, "cpu", "4 CPU-bound goroutines of 50 ms each: time slices, sysmon preemption",
                () -> cpuBound(4, 50 * MS));
        add(m, "syscalls", "10 goroutines in 20 ms blocking system calls: threads grow beyond GOMAXPROCS",
                () -> blocking(10, 20 * MS, Kind.SYSCALL));
        add(m, "sleeps", "10 goroutines sleeping 20 ms: no extra threads",
                () -> blocking(10, 20 * MS, Kind.SLEEP));
        add(m, "netpoll", "10 goroutines waiting 20 ms on the network: parked in the netpoller, no extra threads",
                () -> blocking(10, 20 * MS, Kind.NET));
        add(m, "pingpong", "two goroutines ping-pong 1000 times over unbuffered channels (runnext hand-off)",
                () -> pingPong(1000));
        add(m, "burst", "spawn 1000 short goroutines: overflow to the global queue, spinning Ms, stealing",
                () -> burst(1000, 2 * US));
        add(m, "overflow", "spawn 300 printing goroutines on one P: runqputslow moves 129 to the global queue",
                () -> spawnPrint(300));
        return m;
    }

    private static void add(Map<String, Workload> m, String name, String desc, Supplier<GoroutineBody> f) {
        m.put(name, new Workload(name, desc, f));
    }

    /** {@code for i := 0; i < n; i++ { go func(i int) { fmt.Println(i); wg.Done() }(i) }; wg.Wait()}. */
    public static GoroutineBody spawnPrint(int n) {
        WaitGroup wg = new WaitGroup("wg");
        return Script.create().named("main.main").then(new Action.WgAdd(wg, n))
                .repeat(n, i -> new Action.Go(Script.create().named("main.main.func1")
                        .then(new Action.Print(i + "\n", false))
                        .then(new Action.WgAdd(wg, -1)).build(), "main.main.func1"))
                .then(new Action.WgWait(wg)).build();
    }

    /** n goroutines each computing {@code ns} in a loop without calls ({@code sim.Work}). */
    public static GoroutineBody cpuBound(int n, long ns) {
        WaitGroup wg = new WaitGroup("wg");
        return Script.create().named("main.main").then(new Action.WgAdd(wg, n))
                .repeat(n, i -> new Action.Go(Script.create().named("main.worker")
                        .then(new Action.Compute(ns, false))
                        .then(new Action.Print("worker " + i + " done\n", false))
                        .then(new Action.WgAdd(wg, -1)).build(), "main.worker"))
                .then(new Action.WgWait(wg)).build();
    }

    /** How a goroutine blocks. */
    public enum Kind { SYSCALL, SLEEP, NET }

    /** n goroutines each blocking for {@code ns} in a syscall, a sleep or a network wait. */
    public static GoroutineBody blocking(int n, long ns, Kind kind) {
        WaitGroup wg = new WaitGroup("wg");
        return Script.create().named("main.main").then(new Action.WgAdd(wg, n))
                .repeat(n, i -> new Action.Go(Script.create().named("main.blocker")
                        .then(switch (kind) {
                            case SYSCALL -> new Action.Syscall(ns);
                            case SLEEP -> new Action.Sleep(ns);
                            case NET -> Action.NetWait.after(ns);
                        })
                        .then(new Action.WgAdd(wg, -1)).build(), "main.blocker"))
                .then(new Action.WgWait(wg))
                .then(new Action.Print("done\n", false)).build();
    }

    /** Ping-pong over two unbuffered channels, {@code rounds} round trips. */
    public static GoroutineBody pingPong(int rounds) {
        Chan ping = new Chan(0, "ping");
        Chan pong = new Chan(0, "pong");
        GoroutineBody ponger = Script.create().named("main.ponger")
                .repeat(2 * rounds, i -> i % 2 == 0 ? new Action.Recv(ping) : new Action.Send(pong, i))
                .build();
        return Script.create().named("main.main").then(new Action.Go(ponger, "main.ponger"))
                .repeat(2 * rounds, i -> i % 2 == 0 ? new Action.Send(ping, i) : new Action.Recv(pong))
                .then(new Action.Print("pingpong done\n", false)).build();
    }

    /** Spawn {@code n} goroutines that each compute {@code ns}, joined by a WaitGroup. */
    public static GoroutineBody burst(int n, long ns) {
        WaitGroup wg = new WaitGroup("wg");
        Action.Compute work = new Action.Compute(ns, false);
        Action.WgAdd done = new Action.WgAdd(wg, -1);
        return Script.create().named("main.main").then(new Action.WgAdd(wg, n))
                .repeat(n, i -> new Action.Go(Script.create().named("main.work").then(work).then(done).build(),
                        "main.work"))
                .then(new Action.WgWait(wg)).build();
    }
}
