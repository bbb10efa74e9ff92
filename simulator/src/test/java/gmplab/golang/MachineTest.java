package gmplab.golang;

import gmplab.runtime.Action;
import gmplab.runtime.GoroutineBody;
import gmplab.runtime.Resume;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VM's side of the action protocol, driven directly (no engine): compute chunks,
 * the cooperative-preemption flag, blocking operations and resumption.
 */
class MachineTest {

    static GoroutineBody main(String body) throws GoCompileException {
        String src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n\t\"gmplab/sim\"\n)\n\n" + body
                + "\n\nvar _ = fmt.Sprint\nvar _ = time.Second\nvar _ = sim.Work\n";
        return GoProgram.compile("m.go", src).newMain(GoHost.NONE, VmOptions.defaults().withInstructionBudget(100));
    }

    /** Runs a single goroutine, answering every action with DONE; collects the actions. */
    static List<Action> drive(GoroutineBody g, int max) {
        List<Action> out = new ArrayList<>();
        Resume r = Resume.START;
        for (int i = 0; i < max; i++) {
            Action a = g.next(r);
            out.add(a);
            if (a instanceof Action.Exit || a instanceof Action.Panic || a instanceof Action.OsExit) break;
            r = Resume.DONE;
        }
        return out;
    }

    @Test
    void aLoopWithoutCallsComputesInChunksWithoutPreemptionPoints() throws Exception {
        List<Action> as = drive(main("func main() {\n\tx := 0\n\tfor i := 0; i < 1000; i++ {\n\t\tx += i\n\t}\n\t_ = x\n}"), 1000);
        List<Action.Compute> computes = as.stream().filter(a -> a instanceof Action.Compute).map(a -> (Action.Compute) a).toList();
        assertThat(computes.size()).isGreaterThan(10);
        assertThat(computes.get(1).ns()).isEqualTo(100);
        // the calls into main.main and $init happen in the first chunk; the loop itself has none
        assertThat(computes.subList(1, computes.size())).allMatch(c -> !c.hasCalls());
        assertThat(as.get(as.size() - 1)).isInstanceOf(Action.Exit.class);
    }

    @Test
    void callsMarkTheChunkAsPreemptible() throws Exception {
        List<Action> as = drive(main("func f(i int) int { return i * 2 }\nfunc main() {\n\tx := 0\n\tfor i := 0; i < 1000; i++ {\n\t\tx += f(i)\n\t}\n\t_ = x\n}"), 1000);
        assertThat(as.stream().filter(a -> a instanceof Action.Compute).map(a -> (Action.Compute) a)).allMatch(Action.Compute::hasCalls);
    }

    @Test
    void intrinsicsAndRuntimeOperationsBecomeActions() throws Exception {
        List<Action> as = drive(main("func main() {\n\tsim.Work(5 * time.Microsecond)\n\tsim.Syscall(time.Millisecond)\n"
                + "\tsim.NetWait(2 * time.Millisecond)\n\ttime.Sleep(3 * time.Second)\n\tfmt.Println(\"hi\")\n}"), 100);
        List<Action> ops = as.stream().filter(a -> !(a instanceof Action.Compute c && c.hasCalls())).toList();
        assertThat(ops).contains(new Action.Compute(5000, false), new Action.Syscall(1_000_000), Action.NetWait.after(2_000_000),
                new Action.Sleep(3_000_000_000L), new Action.Print("hi\n", false), new Action.Exit());
    }

    @Test
    void receivedValuesAreDeliveredOnResume() throws Exception {
        GoroutineBody g = main("func main() {\n\tch := make(chan int, 1)\n\tv, ok := <-ch\n\tfmt.Println(v+1, ok)\n}");
        Action a = g.next(Resume.START);
        while (!(a instanceof Action.Recv)) a = g.next(Resume.DONE);
        a = g.next(new Resume(41L, true, 0, 0, null));
        while (!(a instanceof Action.Print)) a = g.next(Resume.DONE);
        assertThat(((Action.Print) a).text()).isEqualTo("42 true\n");
    }

    @Test
    void runtimePanicsAreDeliveredToDeferredCallsAndRecover() throws Exception {
        GoroutineBody g = main("func main() {\n\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n"
                + "\tch := make(chan int)\n\tclose(ch)\n\tch <- 1\n}");
        Action a = g.next(Resume.START);
        while (!(a instanceof Action.Send)) a = g.next(Resume.DONE);
        a = g.next(new Resume(null, false, 0, 0, "send on closed channel"));
        while (!(a instanceof Action.Print)) a = g.next(Resume.DONE);
        assertThat(((Action.Print) a).text()).isEqualTo("recovered: send on closed channel\n");
        assertThat(drive(g, 10)).last().isInstanceOf(Action.Exit.class);
    }

    @Test
    void unrecoveredPanicBecomesAPanicAction() throws Exception {
        List<Action> as = drive(main("func main() {\n\tvar a []int\n\ti := 3\n\t_ = a[i]\n}"), 100);
        assertThat(as).last().isEqualTo(new Action.Panic("runtime error: index out of range [3] with length 0"));
    }

    @Test
    void goStatementsCreateBodiesThatRunIndependently() throws Exception {
        List<Action> as = drive(main("func main() {\n\tgo func(n int) { fmt.Println(\"child\", n) }(7)\n}"), 100);
        Action.Go go = (Action.Go) as.stream().filter(a -> a instanceof Action.Go).findFirst().orElseThrow();
        assertThat(go.name()).isEqualTo("main.main.func1");
        assertThat(drive(go.body(), 100)).contains(new Action.Print("child 7\n", false));
    }

    @Test
    void memoryLimitGivesGosOutOfMemoryError() throws Exception {
        String src = "package main\n\nfunc main() {\n\tvar keep [][]int\n\tfor {\n\t\tkeep = append(keep, make([]int, 1<<20))\n\t}\n}\n";
        GoroutineBody g = GoProgram.compile("oom.go", src).newMain(GoHost.NONE, VmOptions.defaults().withMemoryLimit(64L << 20));
        List<Action> as = drive(g, 100_000);
        assertThat(as).contains(new Action.Fatal("runtime: out of memory"));
    }

    @Test
    void infiniteRecursionIsGosStackOverflow() throws Exception {
        List<Action> as = drive(main("func f(n int) int { return f(n+1) + 1 }\nfunc main() { _ = f(0) }"), 100_000);
        assertThat(as).contains(new Action.Fatal("stack overflow"));
    }

    @Test
    void costPerInstructionIsConfigurable() throws Exception {
        String src = "package main\n\nfunc main() {\n\tx := 0\n\tfor i := 0; i < 100; i++ {\n\t\tx++\n\t}\n\t_ = x\n}\n";
        GoProgram p = GoProgram.compile("c.go", src);
        long ns1 = totalCompute(drive(p.newMain(GoHost.NONE, VmOptions.defaults()), 1000));
        long ns5 = totalCompute(drive(p.newMain(GoHost.NONE, VmOptions.defaults().withNsPerInstruction(5)), 1000));
        assertThat(ns5).isEqualTo(5 * ns1);
    }

    private static long totalCompute(List<Action> as) {
        return as.stream().filter(a -> a instanceof Action.Compute).mapToLong(a -> ((Action.Compute) a).ns()).sum();
    }
}
