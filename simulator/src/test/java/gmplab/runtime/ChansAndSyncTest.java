package gmplab.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static gmplab.runtime.SimTesting.procs;
import static gmplab.runtime.SimTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Channels, select, mutex and WaitGroup semantics (chan.go, select.go, sema.go). */
class ChansAndSyncTest {

    @Test
    void bufferedChannelDoesNotBlockUntilFull() {
        Chan c = new Chan(2, "c");
        GoroutineBody main = Script.create().then(new Action.Send(c, 1)).then(new Action.Send(c, 2))
                .then(new Action.Recv(c)).thenFrom(r -> new Action.Print(r.value() + "\n", false)).build();
        var r = run(procs(1), main);
        assertThat(r.result().stdout()).isEqualTo("1\n");
        assertThat(r.count(e -> e.key().startsWith("park"))).isEqualTo(r.count(e -> e.key().startsWith("park.force")
                || e.key().startsWith("park.gc") || e.key().startsWith("park.finalizer") || e.key().equals("park.chan_receive")));
    }

    @Test
    void receiveFromClosedChannelGivesZeroAndNotOk() {
        Chan c = new Chan(1, "c");
        GoroutineBody main = Script.create().then(new Action.Send(c, 7)).then(new Action.Close(c))
                .then(new Action.Recv(c)).thenFrom(r -> new Action.Print(r.value() + " " + r.ok() + "\n", false))
                .then(new Action.Recv(c)).thenFrom(r -> new Action.Print(r.value() + " " + r.ok() + "\n", false)).build();
        assertThat(run(procs(1), main).result().stdout()).isEqualTo("7 true\nnull false\n");
    }

    @Test
    void sendOnClosedChannelPanicsLikeGo() {
        Chan c = new Chan(1, "c");
        GoroutineBody main = Script.create().then(new Action.Close(c)).then(new Action.Send(c, 1)).build();
        var r = run(procs(1), main);
        assertThat(r.result().exitCode()).isEqualTo(2);
        assertThat(r.result().stderr()).startsWith("panic: send on closed channel\n\ngoroutine 1 [running]:\n");
    }

    @Test
    void closingTwicePanics() {
        Chan c = new Chan(0, "c");
        var r = run(procs(1), Script.create().then(new Action.Close(c)).then(new Action.Close(c)).build());
        assertThat(r.result().stderr()).startsWith("panic: close of closed channel");
    }

    @Test
    void nilChannelBlocksForeverAndDeadlocks() {
        var r = run(procs(2), Script.create().then(new Action.Recv(null)).build());
        assertThat(r.result().exitCode()).isEqualTo(2);
        assertThat(r.result().stderr()).contains("goroutine 1 [chan receive (nil chan)]:");
    }

    @Test
    void selectWithDefaultDoesNotBlock() {
        Chan c = new Chan(0, "c");
        GoroutineBody main = Script.create().then(new Action.Select(List.of(Action.SelectCase.recv(c)), true))
                .thenFrom(r -> new Action.Print("case " + r.index() + "\n", false)).build();
        assertThat(run(procs(1), main).result().stdout()).isEqualTo("case -1\n");
    }

    @Test
    void emptySelectParksForever() {
        var r = run(procs(1), Script.create().then(new Action.Select(List.of(), false)).build());
        assertThat(r.result().stderr()).contains("goroutine 1 [select (no cases)]:");
    }

    @Test
    void selectPollOrderComesFromTheSeed() {
        // two ready cases: which one wins depends on pollorder (fastrandn), i.e. on the seed
        java.util.Set<String> outcomes = new java.util.HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Chan a = new Chan(1, "a");
            Chan b = new Chan(1, "b");
            GoroutineBody main = Script.create().then(new Action.Send(a, "a")).then(new Action.Send(b, "b"))
                    .then(new Action.Select(List.of(Action.SelectCase.recv(a), Action.SelectCase.recv(b)), false))
                    .thenFrom(r -> new Action.Print(r.value() + "\n", false)).build();
            String out = run(procs(1).withSeed(seed), main).result().stdout();
            outcomes.add(out);
            // deterministic for a given seed
            Chan a2 = new Chan(1, "a");
            Chan b2 = new Chan(1, "b");
            GoroutineBody again = Script.create().then(new Action.Send(a2, "a")).then(new Action.Send(b2, "b"))
                    .then(new Action.Select(List.of(Action.SelectCase.recv(a2), Action.SelectCase.recv(b2)), false))
                    .thenFrom(r -> new Action.Print(r.value() + "\n", false)).build();
            assertThat(run(procs(1).withSeed(seed), again).result().stdout()).isEqualTo(out);
        }
        assertThat(outcomes).containsExactlyInAnyOrder("a\n", "b\n");
    }

    @Test
    void blockedSelectIsWokenByTheFirstPartnerAndLeavesTheOtherQueues() {
        Chan a = new Chan(0, "a");
        Chan b = new Chan(0, "b");
        GoroutineBody sender = Script.create().then(new Action.Send(b, "from b")).build();
        GoroutineBody main = Script.create().then(new Action.Go(sender, "sender"))
                .then(new Action.Select(List.of(Action.SelectCase.recv(a), Action.SelectCase.recv(b)), false))
                .thenFrom(r -> new Action.Print(r.index() + " " + r.value() + "\n", false)).build();
        var r = run(procs(1), main);
        assertThat(r.result().stdout()).isEqualTo("1 from b\n");
        assertThat(a.recvq).isEmpty();
        assertThat(b.recvq).isEmpty();
    }

    @Test
    void mutexSerialisesAndWakesWaitersIntoTheUnlockersRunnext() {
        Mutex mu = new Mutex("mu");
        WaitGroup wg = new WaitGroup("wg");
        Script main = Script.create().then(new Action.WgAdd(wg, 3));
        for (int i = 0; i < 3; i++) {
            int k = i;
            main.then(new Action.Go(Script.create().then(new Action.Lock(mu)).then(new Action.Sleep(1_000_000))
                    .then(new Action.Print("in " + k + "\n", false)).then(new Action.Unlock(mu))
                    .then(new Action.WgAdd(wg, -1)).build(), "locker"));
        }
        var r = run(procs(2), main.then(new Action.WgWait(wg)).build());
        assertThat(r.result().stdout().lines()).hasSize(3);
        assertThat(r.count("park.semacquire")).isGreaterThanOrEqualTo(2);
        assertThat(r.events().stream().anyMatch(e -> e.kind() == gmplab.trace.EventKind.READY && e.argString(1).startsWith("semrelease"))).isTrue();
        assertThat(mu.isLocked()).isFalse();
    }

    @Test
    void negativeWaitGroupCounterPanics() {
        WaitGroup wg = new WaitGroup("wg");
        var r = run(procs(1), Script.create().then(new Action.WgAdd(wg, -1)).build());
        assertThat(r.result().stderr()).startsWith("panic: sync: negative WaitGroup counter");
    }

    @Test
    void osExitStopsEverythingWithItsStatus() {
        GoroutineBody main = Script.create().then(new Action.Go(Script.create().then(new Action.Compute(1_000_000_000L, false)).build(), "spin"))
                .then(new Action.OsExit(3)).build();
        RunResult r = run(procs(2), main).result();
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.virtualTimeNs()).isLessThan(1_000_000);
    }

    @Test
    void aRunThatNeverEndsStopsAtTheTimeLimit() {
        GoroutineBody main = Script.create().then(new Action.Compute(Long.MAX_VALUE / 4, true)).build();
        RunResult r = new Simulation(procs(1).withLimits(50_000_000, 1_000_000)).run(main);
        assertThat(r.hitLimit()).isTrue();
        assertThat(r.outcome().message()).isEqualTo("virtual time limit reached");
    }

    @Test
    void aFatalErrorPrintsTheGoroutineDumpAndExits2() {
        Chan c = new Chan(0, "c");
        GoroutineBody waiter = Script.create().named("main.waiter").then(new Action.Recv(c)).build();
        GoroutineBody main = Script.create().then(new Action.Go(waiter, "main.waiter")).then(new Action.Gosched())
                .then(new Action.Fatal("runtime: out of memory")).build();
        RunResult r = run(procs(1), main).result();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("fatal error: runtime: out of memory\n\ngoroutine 1 [running]:\n")
                .contains("[chan receive]:\nmain.waiter()");
    }
}
