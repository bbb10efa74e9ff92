package gmplab.runtime;

import gmplab.cli.Workloads;
import gmplab.trace.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Same program, seed and settings → the same events; seeks reproduce the forward state exactly. */
class DeterminismAndSeekTest {

    private static List<Event> events(SimConfig cfg, GoroutineBody main) {
        List<Event> out = new ArrayList<>();
        new Simulation(cfg).addListener(out::add).run(main);
        return out;
    }

    /** Unnamed channels made while the run goes: their names appear in events. */
    private static List<String> unnamedChannelRun() {
        List<String> out = new ArrayList<>();
        Simulation sim = new Simulation(SimConfig.defaults().withGomaxprocs(2)).addListener(e -> out.add(e.toString()));
        sim.run(new GoroutineBody() {
            private Chan c;
            private int step;

            @Override
            public Action next(Resume r) {
                return switch (step++) {
                    case 0 -> {
                        c = new Chan(0);
                        Chan mine = c;
                        yield new Action.Go(Script.create().then(new Action.Send(mine, 1)).build(), "main.sender");
                    }
                    case 1 -> new Action.Recv(c);
                    default -> new Action.Exit();
                };
            }

            @Override
            public String position() {
                return "main.main";
            }
        });
        return out;
    }

    @Test
    void channelNamesArePerRunSoRepeatedRunsInOneProcessAreIdentical() {
        List<String> first = unnamedChannelRun();
        new Chan(0); // channels made elsewhere in the process must not shift the numbering
        assertThat(unnamedChannelRun()).isEqualTo(first);
        assertThat(first).anyMatch(e -> e.contains("chan#1"));
    }

    @Test
    void sameSeedGivesAnIdenticalEventLog() {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(4).withSeed(42);
        List<Event> a = events(cfg, Workloads.burst(2000, 2_000));
        List<Event> b = events(cfg, Workloads.burst(2000, 2_000));
        assertThat(a).hasSizeGreaterThan(1000).isEqualTo(b);
    }

    @Test
    void aDifferentSeedChangesStealOrder() {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(4);
        List<String> steals1 = steals(events(cfg.withSeed(1), Workloads.burst(2000, 2_000)));
        List<String> steals2 = steals(events(cfg.withSeed(2), Workloads.burst(2000, 2_000)));
        assertThat(steals1).isNotEmpty();
        assertThat(steals1).isNotEqualTo(steals2);
    }

    private static List<String> steals(List<Event> events) {
        return events.stream().filter(e -> e.key().startsWith("steal"))
                .map(e -> e.time() + ":P" + e.p() + "<-P" + e.argLong(0)).toList();
    }

    @Test
    void seekingBackAndForthGivesTheStateSeenWhenRunningForward() {
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(3).withSeed(7);
        // forward: the state at every event, captured live
        List<Snapshot> forward = new ArrayList<>();
        Simulation sim = new Simulation(cfg);
        sim.addListener(e -> forward.add(sim.snapshot()));
        sim.run(Workloads.pingPong(50));

        Recording rec = Recording.record(cfg, () -> Workloads.pingPong(50));
        assertThat(rec.size()).isEqualTo(forward.size());
        int n = rec.size();
        int[] order = {n - 1, 0, n / 2, n / 2 + 1, n / 2 - 1, 3, n - 2, 1, n / 3};
        for (int i : order) {
            assertThat(rec.snapshotAt(i)).as("state after event %d", i).isEqualTo(forward.get(i));
        }
        for (int i = 0; i < n; i++) {
            assertThat(rec.snapshotAt(i)).as("state after event %d", i).isEqualTo(forward.get(i));
        }
    }

    @Test
    void everyDemoWorkloadRebuildsTheLiveStateAtEveryEvent() {
        for (var w : gmplab.cli.Workloads.all().values()) {
            if (w.name().equals("burst")) continue; // covered by the property tests; too many events to compare all
            SimConfig cfg = SimConfig.defaults().withGomaxprocs(2).withSeed(3);
            List<Snapshot> live = new ArrayList<>();
            Simulation sim = new Simulation(cfg);
            sim.addListener(e -> live.add(sim.snapshot()));
            sim.run(w.main().get());
            Recording rec = Recording.record(cfg, w.main());
            assertThat(rec.size()).as(w.name()).isEqualTo(live.size());
            for (int i = 0; i < live.size(); i++) {
                assertThat(rec.snapshotAt(i)).as("%s: state after event %d", w.name(), i).isEqualTo(live.get(i));
            }
        }
    }

    @Test
    void indexAtTimeFindsTheFirstEventAtOrAfter() {
        Recording rec = Recording.record(SimConfig.defaults().withGomaxprocs(2), () -> Workloads.pingPong(20));
        long t = rec.events().get(rec.size() / 2).time();
        int i = rec.indexAtTime(t);
        assertThat(rec.events().get(i).time()).isEqualTo(t);
        if (i > 0) assertThat(rec.events().get(i - 1).time()).isLessThan(t);
    }
}
