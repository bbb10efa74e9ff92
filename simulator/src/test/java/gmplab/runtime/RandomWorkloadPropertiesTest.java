package gmplab.runtime;

import gmplab.trace.Event;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random workloads — goroutines mixing compute, sleeps, syscalls, network waits,
 * channel traffic, Gosched and mutexes — at random GOMAXPROCS and seeds: the
 * invariants hold after every event, runs end cleanly and are reproducible.
 */
class RandomWorkloadPropertiesTest {

    /** One goroutine's plan: a list of operation codes with a parameter each. */
    record Plan(List<int[]> ops) {
        @Override
        public String toString() {
            return ops.stream().map(java.util.Arrays::toString).toList().toString();
        }
    }

    @Provide
    Arbitrary<List<Plan>> workloads() {
        Arbitrary<int[]> op = Arbitraries.integers().between(0, 9).flatMap(kind ->
                Arbitraries.integers().between(1, 3000).map(param -> new int[] {kind, param}));
        Arbitrary<Plan> plan = op.list().ofMinSize(1).ofMaxSize(12).map(Plan::new);
        return plan.list().ofMinSize(1).ofMaxSize(40);
    }

    /** Builds main: spawns every plan's goroutine, each ending with wg.Done; main waits. */
    static GoroutineBody build(List<Plan> plans) {
        return build(plans, 0);
    }

    /** As {@link #build(List)}, calling {@code runtime.GOMAXPROCS(resizeTo)} halfway through the spawns. */
    static GoroutineBody build(List<Plan> plans, int resizeTo) {
        WaitGroup wg = new WaitGroup("wg");
        Chan buffered = new Chan(4, "buf");
        Mutex mu = new Mutex("mu");
        Script main = Script.create().then(new Action.WgAdd(wg, plans.size()));
        for (Plan p : plans) {
            Script g = Script.create();
            for (int[] op : p.ops()) {
                long param = op[1];
                switch (op[0]) {
                    case 0 -> g.then(new Action.Compute(param * 100, op[1] % 2 == 0));
                    case 1 -> g.then(new Action.Sleep(param * 50));
                    case 2 -> g.then(new Action.Syscall(param * 30));
                    case 3 -> g.then(Action.NetWait.after(param * 40));
                    case 4 -> g.then(new Action.Gosched());
                    case 5 -> g.then(new Action.Lock(mu)).then(new Action.Compute(param * 10, true)).then(new Action.Unlock(mu));
                    // a send matched by our own receive, through a buffer that other goroutines share
                    case 6 -> g.then(new Action.Select(List.of(Action.SelectCase.send(buffered, param)), true));
                    case 7 -> g.then(new Action.Select(List.of(Action.SelectCase.recv(buffered)), true));
                    // LockOSThread around a sleep: stoplockedm / startlockedm
                    case 8 -> g.then(new Action.LockOSThread()).then(new Action.Sleep(param * 20)).then(new Action.UnlockOSThread());
                    // time.After: a channel timer on this P, then a blocking receive
                    default -> {
                        Chan after = new Chan(1, "after");
                        g.then(new Action.StartTimer(param * 30, after, param, 0)).then(new Action.Recv(after));
                    }
                }
            }
            g.then(new Action.WgAdd(wg, -1));
            main.then(new Action.Go(g.build(), "g"));
            if (resizeTo > 0 && p == plans.get(plans.size() / 2)) main.then(new Action.Gomaxprocs(resizeTo));
        }
        return main.then(new Action.WgWait(wg)).then(new Action.Print("done\n", false)).build();
    }

    @Property(tries = 60)
    void invariantsHoldAfterEveryEventAndRunsEndCleanly(@ForAll("workloads") List<Plan> plans,
                                                        @ForAll @IntRange(min = 1, max = 8) int procs,
                                                        @ForAll @LongRange(min = 0, max = 1000) long seed,
                                                        @ForAll boolean async,
                                                        @ForAll @IntRange(min = 0, max = 5) int resizeTo) {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(procs).withSeed(seed).withAsyncPreempt(async);
        var r = SimTesting.run(cfg, build(plans, resizeTo));
        assertThat(r.result().exitCode()).as(r.result().stderr()).isZero();
        assertThat(r.result().stdout()).isEqualTo("done\n");
        // time never goes backwards and sequence numbers are dense
        for (int i = 1; i < r.events().size(); i++) {
            assertThat(r.events().get(i).time()).isGreaterThanOrEqualTo(r.events().get(i - 1).time());
            assertThat(r.events().get(i).seq()).isEqualTo(i);
        }
    }

    @Property(tries = 25)
    void replaysAreByteIdentical(@ForAll("workloads") List<Plan> plans,
                                 @ForAll @IntRange(min = 1, max = 6) int procs,
                                 @ForAll @LongRange(min = 0, max = 1000) long seed) {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(procs).withSeed(seed);
        List<Event> a = new ArrayList<>();
        List<Event> b = new ArrayList<>();
        new Simulation(cfg).addListener(a::add).run(build(plans));
        new Simulation(cfg).addListener(b::add).run(build(plans));
        assertThat(a).isEqualTo(b);
    }

    @Property(tries = 30)
    void theRecordedStateAfterEveryEventEqualsTheLiveState(@ForAll("workloads") List<Plan> plans,
                                                           @ForAll @IntRange(min = 1, max = 6) int procs,
                                                           @ForAll @LongRange(min = 0, max = 1000) long seed,
                                                           @ForAll @IntRange(min = 0, max = 5) int resizeTo) {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(procs).withSeed(seed);
        List<Snapshot> live = new ArrayList<>();
        Simulation sim = new Simulation(cfg);
        sim.addListener(e -> live.add(sim.snapshot()));
        sim.run(build(plans, resizeTo));
        Recording rec = Recording.record(cfg, () -> build(plans, resizeTo));
        assertThat(rec.size()).isEqualTo(live.size());
        for (int i = 0; i < live.size(); i++) {
            Snapshot got = rec.snapshotAt(i);
            assertThat(got).as("state after event %d (%s)", i, rec.events().get(i)).isEqualTo(live.get(i));
            for (int k = 0; k < got.gs().size(); k++) {
                assertThat(got.gs().get(k).position()).isEqualTo(live.get(i).gs().get(k).position());
            }
        }
    }
}
