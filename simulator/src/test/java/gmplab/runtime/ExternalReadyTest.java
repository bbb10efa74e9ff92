package gmplab.runtime;

import gmplab.trace.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness injected from outside (a real stream arriving) is an event, and replays stay exact. */
class ExternalReadyTest {

    private static GoroutineBody reader() {
        return Script.create().then(Action.NetWait.external("stream-1")).then(new Action.Print("got 1\n", false))
                .then(Action.NetWait.external("stream-1")).then(new Action.Print("got 2\n", false)).build();
    }

    @Test
    void injectedReadinessWakesTheParkedReaderThroughTheNetpoller() {
        Simulation sim = Invariants.checked(new Simulation(SimConfig.defaults().withGomaxprocs(2)));
        List<Event> events = new java.util.ArrayList<>();
        sim.addListener(events::add);
        sim.injectReady(2_000_000, "stream-1");
        sim.injectReady(5_000_000, "stream-1");
        RunResult r = sim.run(reader());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("got 1\ngot 2\n");
        List<Event> ext = events.stream().filter(e -> e.key().equals("external.ready")).toList();
        assertThat(ext).hasSize(2);
        assertThat(ext.get(0).time()).isEqualTo(2_000_000);
        assertThat(ext.get(0).argString(0)).isEqualTo("stream-1");
        // the reader parked in IO wait holding no M, and came back through netpoll
        assertThat(events).anyMatch(e -> e.key().equals("park.io_wait"));
        assertThat(r.virtualTimeNs()).isGreaterThanOrEqualTo(5_000_000);
    }

    @Test
    void replayingTheRecordedInputsGivesTheSameRun() {
        List<Event> a = new java.util.ArrayList<>();
        Simulation first = new Simulation(SimConfig.defaults().withGomaxprocs(2)).addListener(a::add);
        first.injectReady(1_500_000, "stream-1");
        first.injectReady(1_500_000, "stream-1");
        first.run(reader());
        // replay: take the recorded external events and inject them again at the same virtual times
        List<Event> b = new java.util.ArrayList<>();
        Simulation replay = new Simulation(SimConfig.defaults().withGomaxprocs(2)).addListener(b::add);
        a.stream().filter(e -> e.key().equals("external.ready")).forEach(e -> replay.injectReady(e.time(), e.argString(0)));
        replay.run(reader());
        assertThat(b).isEqualTo(a);
    }
}
