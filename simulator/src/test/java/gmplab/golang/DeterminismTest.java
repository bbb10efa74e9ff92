package gmplab.golang;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same program, seed and settings give the same run: output, time and events. */
class DeterminismTest {

    static final String RACY = """
            package main

            import (
            \t"fmt"
            \t"sync"
            )

            type node struct{ id int }

            func main() {
            \tvar wg sync.WaitGroup
            \tvar mu sync.Mutex
            \torder := []int{}
            \tfor i := 0; i < 20; i++ {
            \t\twg.Add(1)
            \t\tgo func(i int) {
            \t\t\tdefer wg.Done()
            \t\t\tfor k := 0; k < i*50; k++ {
            \t\t\t}
            \t\t\tmu.Lock()
            \t\t\torder = append(order, i)
            \t\t\tmu.Unlock()
            \t\t}(i)
            \t}
            \twg.Wait()
            \tfmt.Println(order)
            \tfmt.Printf("%p %v\\n", &node{1}, []*node{{2}})
            \tm := map[*node]int{{3}: 3, {4}: 4}
            \tfmt.Println(len(m))
            }
            """;

    @Test
    void sameSeedSameRun() throws Exception {
        GoProgram p = GoProgram.compile("racy.go", RACY);
        SimConfig cfg = SimConfig.defaults().withGomaxprocs(4).withSeed(7);
        RunResult a = GoRun.run(p, cfg, VmOptions.defaults(), null, null);
        RunResult b = GoRun.run(p, cfg, VmOptions.defaults(), null, null);
        assertThat(a.exitCode()).isZero();
        assertThat(b.stdout()).isEqualTo(a.stdout());
        assertThat(b.virtualTimeNs()).isEqualTo(a.virtualTimeNs());
        assertThat(b.events()).isEqualTo(a.events());
        assertThat(a.stdout()).contains("0xc000010000 [0xc000010010]");
    }

    @Test
    void recordingsBindTheClockAndTheProgramsGomaxprocs() throws Exception {
        String src = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\n"
                + "func main() {\n\truntime.GOMAXPROCS(1)\n\ts := time.Now()\n\ttime.Sleep(3 * time.Millisecond)\n"
                + "\tfmt.Println(runtime.GOMAXPROCS(0), time.Since(s) >= 3*time.Millisecond)\n}\n";
        var rec = GoRun.record(GoProgram.compile("r.go", src), SimConfig.defaults(), VmOptions.defaults());
        assertThat(rec.result().stdout()).isEqualTo("1 true\n");
        assertThat(rec.config().gomaxprocs()).isEqualTo(1);
        assertThat(rec.size()).isGreaterThan(5);
    }
}
