package gmplab.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** sysmon's sleep schedule and deep sleep (gmp-fidelity.md §10). */
class SysmonTest {

    @Test
    void sleepStartsAt20usDoublesAfter50IdleRoundsAndCapsAt10ms() {
        Simulation sim = new Simulation(SimConfig.defaults().withGomaxprocs(1));
        // one G computing 50 ms: retake finds no syscall to retake, so every round is "idle"
        sim.run(Script.create().then(new Action.Compute(50_000_000, false)).build());
        Sysmon sysmon = sim.sched().sysmon;
        assertThat(sysmon.delayUs()).isEqualTo(10_000);
        // 51 rounds at 20 µs (≈1 ms), then 40, 80, … 5120 µs (≈10 ms), then 10 ms rounds: ≈ 63 rounds in 50 ms
        assertThat(sysmon.ticks).isBetween(60L, 67L);
    }

    @Test
    void retakingSyscallsKeepsTheTickAt20us() {
        Simulation sim = new Simulation(SimConfig.defaults().withGomaxprocs(1));
        Script main = Script.create().repeat(200, i -> new Action.Go(
                Script.create().then(new Action.Syscall(1_000_000)).build(), "s"))
                .then(new Action.Syscall(1_000_000));
        sim.run(main.build());
        assertThat(sim.sched().sysmon.delayUs()).isEqualTo(20);
    }

    @Test
    void withoutSchedtraceSysmonDeepSleepsWhileAllPsAreIdle() {
        Simulation sim = new Simulation(SimConfig.defaults().withGomaxprocs(2));
        sim.start(Script.create().then(new Action.Sleep(200_000_000)).build());
        sim.runUntilEvents(40);
        long ticks = sim.sched().sysmon.ticks;
        sim.runToEnd();
        // 200 ms asleep: a few rounds (deep sleep until the timer), not one every 10 ms
        assertThat(sim.sched().sysmon.ticks - ticks).isLessThan(10);
        Simulation traced = new Simulation(SimConfig.defaults().withGomaxprocs(2).withSchedtrace(1000, false));
        traced.run(Script.create().then(new Action.Sleep(200_000_000)).build());
        assertThat(traced.sched().sysmon.ticks).isGreaterThan(sim.sched().sysmon.ticks); // never deep-sleeps with schedtrace
    }
}
