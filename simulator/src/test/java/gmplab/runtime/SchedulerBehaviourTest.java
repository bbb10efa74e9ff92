package gmplab.runtime;

import gmplab.cli.Workloads;
import gmplab.trace.Event;
import gmplab.trace.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static gmplab.runtime.SimTesting.procs;
import static gmplab.runtime.SimTesting.realgo;
import static gmplab.runtime.SimTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole-run scheduler behaviour against gmp-fidelity.md and recorded real Go 1.19 runs. */
class SchedulerBehaviourTest {
    private static final long MS = 1_000_000L;

    @Test
    void spawnOrderOnOnePIsLastFirstThenInOrderAsOnRealGo() {
        var r = run(procs(1), Workloads.spawnPrint(10));
        assertThat(r.result().stdout()).isEqualTo(realgo("spawnorder/stdout.txt"));
        assertThat(r.result().stdout()).startsWith("9\n0\n1\n");
    }

    @Test
    void overflowOrderMatchesRealGoExactly() {
        // runqputslow at the 257th, the 1-in-61 fairness check, and the final global batch.
        var r = run(procs(1), Workloads.spawnPrint(300));
        assertThat(r.result().stdout()).isEqualTo(realgo("overflow/stdout.txt"));
        List<Event> slow = r.all("runqputslow");
        assertThat(slow).isNotEmpty();
        assertThat(slow.get(0).argLong(0)).isEqualTo(129);
        assertThat(r.count("globrunqget.fairness")).isGreaterThan(0);
        for (Event e : r.all("globrunqget.fairness")) {
            assertThat(e.argLong(0)).isEqualTo(1);
        }
    }

    @Test
    void fairnessCheckHappensOnlyWhenSchedtickIsAMultipleOf61() {
        var r = run(procs(1), Workloads.spawnPrint(300));
        for (Event e : r.all("globrunqget.fairness")) {
            assertThat(e.argLong(2) % 61).isZero();
        }
    }

    @Test
    void pingPongWakesIntoTheWakersRunnextAndInheritsTheSlice() {
        var r = run(procs(2), Workloads.pingPong(500));
        assertThat(r.result().stdout()).isEqualTo("pingpong done\n");
        List<Event> readies = r.events().stream().filter(e -> e.kind() == EventKind.READY).toList();
        assertThat(readies).hasSizeGreaterThan(900);
        // every wake-up lands on the waker's P: the READY event's P is the waker's
        long inherit = r.count("execute.inherit");
        long fresh = r.count("execute");
        assertThat(inherit).isGreaterThan(fresh * 10); // ping-pong stays on one P, one shared slice
    }

    @Test
    void goschedSendsTheGoroutineToTheGlobalQueue() {
        Chan done = new Chan(0, "done");
        GoroutineBody g = Script.create().then(new Action.Gosched()).then(new Action.Send(done, 1)).build();
        GoroutineBody main = Script.create().then(new Action.Go(g, "g")).then(new Action.Recv(done)).build();
        var r = run(procs(1), main);
        Event gosched = r.all("gosched").get(0);
        assertThat(gosched.argLong(0)).isEqualTo(1); // global queue holds it
        assertThat(r.result().exitCode()).isZero();
    }

    @Test
    void cpuBoundGoroutinesArePreemptedToTheGlobalQueueAbout20msApart() {
        var r = run(procs(1), Workloads.cpuBound(4, 100 * MS));
        List<Event> preempted = r.all("preempted");
        assertThat(preempted).hasSizeGreaterThan(10);
        // time slices: gaps between consecutive preemptions (real Go 1.19: median 20.1–20.2 ms)
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < preempted.size(); i++) gaps.add(preempted.get(i).time() - preempted.get(i - 1).time());
        gaps.sort(null);
        long median = gaps.get(gaps.size() / 2);
        assertThat(median).isBetween(19 * MS, 21 * MS);
        // and the preempted G went to the global queue (goschedImpl)
        assertThat(preempted.get(0).argLong(0)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withAsyncPreemptionOffALoopWithoutCallsRunsToCompletion() {
        // real Go 1.19 with asyncpreemptoff=1 (realgo/timeslice): workers start at 0, 100, 200, 300 ms, and the
        // pending preemption fires at the first call after each loop, so every print lands at about 400 ms.
        var r = run(procs(1).withAsyncPreempt(false), Workloads.cpuBound(4, 100 * MS));
        List<Long> preempted = r.all("preempted").stream().map(Event::time).toList();
        assertThat(preempted).hasSizeGreaterThanOrEqualTo(4);
        long start = r.events().stream().filter(e -> e.kind() == EventKind.EXECUTE && e.g() > 5).findFirst().orElseThrow().time();
        for (int i = 0; i < 4; i++) {
            assertThat(preempted.get(i) - start).isBetween((i + 1) * 100 * MS, (i + 1) * 100 * MS + MS);
        }
        List<Long> prints = r.events().stream().filter(e -> e.kind() == EventKind.PRINT).map(Event::time).toList();
        assertThat(prints).hasSize(4).allSatisfy(t -> assertThat(t - start).isBetween(400 * MS, 401 * MS));
    }

    @Test
    void withAsyncPreemptionOffALoopSplitIntoCallFreeChunksIsStillNotPreempted() {
        // the Go VM hands a long loop over as many Compute(…, hasCalls=false) chunks
        WaitGroup wg = new WaitGroup("wg");
        Script main = Script.create().then(new Action.WgAdd(wg, 2));
        for (int w = 0; w < 2; w++) {
            int k = w;
            main.then(new Action.Go(Script.create().repeat(100, i -> new Action.Compute(MS, false))
                    .then(new Action.Print("done " + k + "\n", false)).then(new Action.WgAdd(wg, -1)).build(), "loop"));
        }
        var off = run(procs(1).withAsyncPreempt(false), main.then(new Action.WgWait(wg)).build());
        // each loop runs its whole 100 ms uninterrupted; the pending preemption fires at the first call
        // after it (the print), so — as on real Go — both prints come after both loops
        List<Long> preempted = off.all("preempted").stream().map(Event::time).toList();
        assertThat(preempted.get(0)).isBetween(100 * MS, 101 * MS);
        assertThat(preempted.get(1)).isBetween(200 * MS, 201 * MS);
        assertThat(off.events().stream().filter(e -> e.kind() == EventKind.PRINT))
                .allSatisfy(e -> assertThat(e.time()).isGreaterThan(200 * MS));

        WaitGroup wg2 = new WaitGroup("wg");
        Script main2 = Script.create().then(new Action.WgAdd(wg2, 2));
        for (int w = 0; w < 2; w++) {
            main2.then(new Action.Go(Script.create().repeat(100, i -> new Action.Compute(MS, false))
                    .then(new Action.WgAdd(wg2, -1)).build(), "loop"));
        }
        var on = run(procs(1), main2.then(new Action.WgWait(wg2)).build());
        assertThat(on.all("preempted").get(0).time()).isLessThan(30 * MS); // async: sliced at ~10–20 ms
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void blockingSyscallsHoldAThreadEachAtAnyGomaxprocs(int procs) {
        // real Go 1.19 (realgo/THREADS.md): 10 goroutines in syscalls -> 12 threads at GOMAXPROCS 1, 2, 4
        var r = run(procs(procs), Workloads.blocking(10, 20 * MS, Workloads.Kind.SYSCALL));
        assertThat(r.result().threads()).isEqualTo(12);
        assertThat(r.count("retake.syscall")).isGreaterThan(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void sleepsAndNetworkWaitsHoldNoThread(int procs) {
        var sleeps = run(procs(procs), Workloads.blocking(50, 20 * MS, Workloads.Kind.SLEEP));
        var net = run(procs(procs), Workloads.blocking(50, 20 * MS, Workloads.Kind.NET));
        // real Go 1.19: 3–4 threads at GOMAXPROCS 1, 4 at 2, 5–6 at 4; never one per goroutine
        assertThat(sleeps.result().threads()).isBetween(3, procs + 2);
        assertThat(net.result().threads()).isBetween(3, procs + 2);
        assertThat(net.count(e -> e.kind() == EventKind.NETPOLL)).isGreaterThan(0);
    }

    @Test
    void threadsAreReusedNotFreed() {
        WaitGroup wg = new WaitGroup("wg");
        Script main = Script.create();
        for (int wave = 0; wave < 3; wave++) {
            main.then(new Action.WgAdd(wg, 10));
            main.repeat(10, i -> new Action.Go(Script.create().then(new Action.Syscall(20 * MS))
                    .then(new Action.WgAdd(wg, -1)).build(), "s"));
            main.then(new Action.WgWait(wg));
        }
        var r = run(procs(2), main.build());
        assertThat(r.result().threads()).isEqualTo(12); // the second and third waves reuse the first wave's Ms
        assertThat(r.count("startm")).isGreaterThan(0);
    }

    @Test
    void shortSyscallTakesTheSamePBackOnTheFastPath() {
        GoroutineBody main = Script.create().repeat(20, i -> new Action.Syscall(1_000)).build();
        var r = run(procs(1), main);
        assertThat(r.count("exitsyscall.samep")).isEqualTo(20);
        assertThat(r.count("retake.syscall")).isZero();
    }

    @Test
    void sysmonRetakesASyscallPWhenOtherWorkWaits() {
        Chan c = new Chan(0, "c");
        GoroutineBody other = Script.create().then(new Action.Compute(1 * MS, false)).then(new Action.Send(c, 1)).build();
        GoroutineBody main = Script.create().then(new Action.Go(other, "other"))
                .then(new Action.Syscall(5 * MS)).then(new Action.Recv(c)).build();
        var r = run(procs(1), main);
        Event retake = r.all("retake.syscall").get(0);
        assertThat(retake.time()).isLessThan(1 * MS); // after a tick or two (20 µs+), not 10 ms
        assertThat(r.count(e -> e.kind() == EventKind.HANDOFFP)).isGreaterThan(0);
        assertThat(r.result().exitCode()).isZero();
    }

    @Test
    void closeWakesFirstWaiterThenTheOthersInReverse() {
        Chan c = new Chan(0, "c");
        Chan out = new Chan(10, "out");
        WaitGroup wg = new WaitGroup("wg");
        Script main = Script.create().then(new Action.WgAdd(wg, 4));
        for (int i = 1; i <= 4; i++) {
            int k = i;
            main.then(new Action.Go(Script.create().then(new Action.Recv(c))
                    .then(new Action.Print("R" + k + "\n", false)).then(new Action.WgAdd(wg, -1)).build(), "r"));
        }
        // let all four block in order R4 (runnext first), R1, R2, R3 … then close
        main.then(new Action.Sleep(1 * MS)).then(new Action.Close(c)).then(new Action.WgWait(wg));
        var r = run(procs(1), main.build());
        // wait order is the order they ran: R4, R1, R2, R3; close readies LIFO: first waiter first, then reverse
        assertThat(r.result().stdout()).isEqualTo("R4\nR3\nR2\nR1\n");
        assertThat(out.len()).isZero();
    }

    @Test
    void deadlockIsReportedAsGoDoes() {
        Chan a = new Chan(0, "a");
        Chan b = new Chan(0, "b");
        GoroutineBody g = Script.create().named("main.main.func1").then(new Action.Recv(b)).then(new Action.Send(a, 1)).build();
        GoroutineBody main = Script.create().named("main.main").then(new Action.Go(g, "main.main.func1"))
                .then(new Action.Print("waiting...\n", false)).then(new Action.Recv(a)).build();
        var r = run(procs(2), main);
        assertThat(r.result().exitCode()).isEqualTo(2);
        assertThat(r.result().stdout()).isEqualTo(realgo("deadlock/stdout.txt"));
        assertThat(r.result().stderr()).startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n");
        assertThat(r.result().stderr()).contains("[chan receive]:\nmain.main.func1()");
    }

    @Test
    void aPendingSleepIsNotADeadlock() {
        GoroutineBody main = Script.create().then(new Action.Sleep(5 * MS)).then(new Action.Print("ok\n", false)).build();
        var r = run(procs(2), main);
        assertThat(r.result().exitCode()).isZero();
        assertThat(r.result().stdout()).isEqualTo("ok\n");
        assertThat(r.result().virtualTimeNs()).isGreaterThanOrEqualTo(5 * MS);
    }

    @Test
    void exceedingMaxmcountIsFatal() {
        // not invariant-checked: the full check is O(goroutines) per step
        RunResult r = new Simulation(procs(1)).run(Workloads.blocking(10_001, 1_000 * MS, Workloads.Kind.SYSCALL));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("runtime: program exceeds 10000-thread limit\nfatal error: thread exhaustion\n");
    }

    @Test
    void lockOSThreadStartsTheTemplateThreadAndALockedExitKillsItsThread() {
        Chan done = new Chan(0, "done");
        GoroutineBody locked = Script.create().then(new Action.LockOSThread()).then(new Action.Sleep(1 * MS))
                .then(new Action.Send(done, 1)).build(); // exits while locked
        GoroutineBody main = Script.create().then(new Action.Go(locked, "locked")).then(new Action.Recv(done))
                .then(new Action.Sleep(1 * MS)).build();
        var r = run(procs(2), main);
        assertThat(r.count("newm.template")).isEqualTo(1);
        // it ran on m0, which cannot exit: m0 is wedged and no longer counted (mexit)
        assertThat(r.count(e -> e.key().startsWith("mexit"))).isEqualTo(1);
        assertThat(r.sim().snapshot().ms().stream().filter(m -> m.state().equals("DEAD")).count()).isEqualTo(1);
        assertThat(r.count("stoplockedm")).isGreaterThan(0);
        assertThat(r.result().exitCode()).isZero();
    }

    @Test
    void gStructsFollowThePeakNotTheTotal() {
        WaitGroup wg = new WaitGroup("wg");
        Script main = Script.create();
        for (int wave = 0; wave < 20; wave++) {
            main.then(new Action.WgAdd(wg, 100));
            main.repeat(100, i -> new Action.Go(Script.create().then(new Action.WgAdd(wg, -1)).build(), "w"));
            main.then(new Action.WgWait(wg));
        }
        var r = run(procs(1), main.build());
        // real Go 1.19 (realgo/greuse): ~105 g structs after 10,000 spawns in waves of 100 at GOMAXPROCS=1
        assertThat(r.result().gStructs()).isBetween(100, 110);
        assertThat(r.count("gfget")).isGreaterThan(1000);
    }

    @Test
    void startupMatchesAnIdleGo119Program() {
        // real Go 1.19: an idle program has 3 threads at GOMAXPROCS=1 (m0, sysmon, one M from start-up)
        var r = run(procs(1), Script.create().then(new Action.Sleep(30 * MS)).build());
        assertThat(r.result().threads()).isEqualTo(3);
        Snapshot s = r.sim().snapshot();
        assertThat(s.gs().stream().filter(Snapshot.GView::system).map(Snapshot.GView::name))
                .containsExactly("runtime.forcegchelper", "runtime.bgsweep", "runtime.bgscavenge", "runtime.runfinq");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void runtimeGoroutinesAtMainStartMatchGo119(int procs) {
        // realgo/startup: a panic at the start of main.main with GOTRACEBACK=system lists the runtime's goroutines
        String real = realgo("startup/stderr-p" + procs + ".txt");
        Simulation sim = new Simulation(procs(procs));
        sim.run(Script.create().then(new Action.Panic("runtime error: invalid memory address or nil pointer dereference")).build());
        java.util.Map<Long, String> simStates = new java.util.TreeMap<>();
        for (Snapshot.GView g : sim.snapshot().gs()) {
            simStates.put(g.goid(), g.status() == GStatus.WAITING ? g.waitreason()
                    : g.status() == GStatus.RUNNABLE ? "runnable" : "running");
        }
        java.util.Map<Long, String> realStates = new java.util.TreeMap<>();
        var m = java.util.regex.Pattern.compile("(?m)^goroutine (\\d+) \\[([^\\]]+)]:").matcher(real);
        while (m.find()) realStates.put(Long.parseLong(m.group(1)), m.group(2));
        assertThat(simStates.keySet()).isEqualTo(realStates.keySet());
        for (long id = 1; id <= 4; id++) assertThat(simStates.get(id)).isEqualTo(realStates.get(id));
        // runfinq: runnable when main starts (always at GOMAXPROCS=1; in most runs at 2 and 4)
        assertThat(simStates.get(5L)).isEqualTo("runnable");
        if (procs == 1) assertThat(realStates.get(5L)).isEqualTo("runnable");
    }
}
