package gmplab.runtime;

import gmplab.trace.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server between requests: every goroutine waits for the network, the runtime is idle
 * (not deadlocked), and input from outside resumes it.
 */
class RunUntilIdleTest {

    /** Main starts a worker that computes, then both wait for the network twice. */
    private static GoroutineBody server() {
        GoroutineBody worker = Script.create().then(new Action.Compute(3_000_000, true))
                .then(Action.NetWait.external("conn")).then(new Action.Print("worker woke\n", false)).build();
        return Script.create().then(new Action.Go(worker, "main.worker"))
                .then(Action.NetWait.external("req")).then(new Action.Print("req 1\n", false))
                .then(Action.NetWait.external("req")).then(new Action.Print("req 2\n", false)).build();
    }

    @Test
    void stopsWhenOnlyTheNetworkCanActAndResumesOnInput() {
        Simulation sim = Invariants.checked(new Simulation(SimConfig.defaults().withGomaxprocs(2)));
        List<Event> events = new ArrayList<>();
        sim.addListener(events::add);
        sim.start(server());

        assertThat(sim.runUntilIdle()).isTrue();
        assertThat(sim.finished()).isFalse();
        Snapshot idle = sim.snapshot();
        assertThat(idle.gs()).filteredOn(g -> !g.system())
                .allSatisfy(g -> assertThat(g.status()).isEqualTo(GStatus.WAITING));
        // the worker's 3 ms of work happened before the runtime went idle
        assertThat(sim.nanotime()).isGreaterThanOrEqualTo(3_000_000);
        long idleAt = sim.eventCount();
        assertThat(sim.runUntilIdle()).as("idle again at once: nothing new").isTrue();
        assertThat(sim.eventCount()).isEqualTo(idleAt);

        sim.injectReady(sim.nanotime() + 1_000, "req");
        assertThat(sim.runUntilIdle()).isTrue();
        assertThat(sim.result().stdout()).isEqualTo("req 1\n");
        assertThat(events.subList((int) idleAt, events.size())).anyMatch(e -> e.key().equals("external.ready"));

        sim.injectReady(sim.nanotime() + 1_000, "req");
        assertThat(sim.runUntilIdle()).as("main returned: the program ended").isFalse();
        assertThat(sim.result().exitCode()).isZero();
        assertThat(sim.result().stdout()).isEqualTo("req 1\nreq 2\n");
    }

    @Test
    void timePassesForAnIdleProgramUpToTheNextInput() {
        Simulation sim = Invariants.checked(new Simulation(SimConfig.defaults().withGomaxprocs(2)));
        sim.start(server());
        sim.runUntilIdle();
        assertThat(sim.idle()).isTrue();
        long t = sim.nanotime();
        long events = sim.eventCount();
        sim.advanceTo(t + 1_000_000_000L);
        assertThat(sim.nanotime()).isEqualTo(t + 1_000_000_000L);
        assertThat(sim.eventCount()).as("nothing was due: sysmon sleeps deeply").isEqualTo(events);
        assertThat(sim.idle()).isTrue();
        sim.advanceTo(t + 500_000_000L);
        assertThat(sim.nanotime()).as("time never goes back").isEqualTo(t + 1_000_000_000L);

        sim.injectReady(sim.nanotime() + 1_000, "req");
        assertThat(sim.idle()).isFalse();
        sim.runUntilIdle();
        assertThat(sim.result().stdout()).isEqualTo("req 1\n");
        List<Event> wake = new ArrayList<>();
        sim.addListener(wake::add);
        sim.injectReady(sim.nanotime() + 1_000, "req");
        sim.runUntilIdle();
        assertThat(wake.get(0).time()).as("the input came at the advanced time").isGreaterThan(t + 1_000_000_000L);
    }

    @Test
    void aProgramWithATimerPendingIsNotIdleUntilItFires() {
        Simulation sim = new Simulation(SimConfig.defaults().withGomaxprocs(1));
        sim.start(Script.create().then(new Action.Sleep(50_000_000)).then(new Action.Print("slept\n", false))
                .then(Action.NetWait.external("req")).build());
        assertThat(sim.runUntilIdle()).isTrue();
        assertThat(sim.result().stdout()).isEqualTo("slept\n");
        assertThat(sim.nanotime()).isGreaterThanOrEqualTo(50_000_000);
    }

    @Test
    void drivenRecordingsCanStopAtAnIdlePointAndSeek() {
        Simulation sim = new Simulation(SimConfig.defaults().withGomaxprocs(2));
        Recording r = Recording.record(sim, s -> {
            s.start(server());
            s.runUntilIdle();
        });
        assertThat(r.ended()).isFalse();
        assertThat(r.size()).isPositive();
        Snapshot last = r.snapshotAt(r.size() - 1);
        assertThat(last.gs()).filteredOn(g -> !g.system() && g.status() == GStatus.WAITING).hasSize(2);
        assertThat(Recording.record(SimConfig.defaults(), RunUntilIdleTest::server).ended()).isTrue();
    }
}
