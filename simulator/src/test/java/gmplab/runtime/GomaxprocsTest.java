package gmplab.runtime;

import gmplab.trace.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static gmplab.runtime.SimTesting.procs;
import static gmplab.runtime.SimTesting.realgo;
import static gmplab.runtime.SimTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code runtime.GOMAXPROCS(n)}: stop the world, procresize, start the world. */
class GomaxprocsTest {

    /** {@code runtime.GOMAXPROCS(1)} first, then the spawn-order puzzle, as examples/spawnorder does. */
    static GoroutineBody spawnOrderAfterGomaxprocs1(int n) {
        WaitGroup wg = new WaitGroup("wg");
        return Script.create().then(new Action.Gomaxprocs(1)).then(new Action.WgAdd(wg, n))
                .repeat(n, i -> new Action.Go(Script.create().then(new Action.Print(i + "\n", false))
                        .then(new Action.WgAdd(wg, -1)).build(), "f"))
                .then(new Action.WgWait(wg)).build();
    }

    @Test
    void gomaxprocs1InTheProgramGivesTheOnePOrderOfRealGo() {
        for (int start : new int[] {2, 4, 8}) {
            var r = run(procs(start), spawnOrderAfterGomaxprocs1(10));
            assertThat(r.result().stdout()).as("started with %d Ps", start).isEqualTo(realgo("spawnorder/stdout.txt"));
            assertThat(r.sim().snapshot().ps()).hasSize(1);
            assertThat(r.count("procresize")).isEqualTo(1);
        }
    }

    @Test
    void theCallReturnsThePreviousSettingAndZeroOnlyQueries() {
        List<Object> seen = new ArrayList<>();
        GoroutineBody main = Script.create().then(new Action.Gomaxprocs(0)).thenFrom(r -> {
            seen.add(r.value());
            return new Action.Gomaxprocs(3);
        }).thenFrom(r -> {
            seen.add(r.value());
            return new Action.Gomaxprocs(0);
        }).thenFrom(r -> {
            seen.add(r.value());
            return new Action.Exit();
        }).build();
        var r = run(procs(4), main);
        assertThat(seen).containsExactly(4, 4, 3);
        assertThat(r.count("procresize")).isEqualTo(1);
    }

    @Test
    void shrinkingMovesTheDeadPsWorkToTheHeadOfTheGlobalQueueAndGrowingAddsIdlePs() {
        WaitGroup wg = new WaitGroup("wg");
        Script main = Script.create().then(new Action.WgAdd(wg, 40))
                .repeat(40, i -> new Action.Go(Script.create().then(new Action.Compute(200_000, false))
                        .then(new Action.WgAdd(wg, -1)).build(), "w"))
                .then(new Action.Compute(50_000, true))
                .then(new Action.Gomaxprocs(1))
                .then(new Action.Gomaxprocs(6))
                .then(new Action.WgWait(wg))
                .then(new Action.Print("done\n", false));
        var r = run(procs(4), main.build());
        assertThat(r.result().stdout()).isEqualTo("done\n");
        assertThat(r.count("procresize")).isEqualTo(2);
        assertThat(r.sim().snapshot().ps()).hasSize(6);
    }

    @Test
    void seeksAcrossAResizeRebuildTheState() {
        SimConfig cfg = procs(4);
        List<Snapshot> live = new ArrayList<>();
        Simulation sim = new Simulation(cfg);
        sim.addListener(e -> live.add(sim.snapshot()));
        sim.run(spawnOrderAfterGomaxprocs1(30));
        Recording rec = Recording.record(cfg, () -> spawnOrderAfterGomaxprocs1(30));
        for (int i = 0; i < live.size(); i++) {
            Event e = rec.events().get(i);
            assertThat(rec.snapshotAt(i)).as("state after %s", e).isEqualTo(live.get(i));
        }
    }
}
