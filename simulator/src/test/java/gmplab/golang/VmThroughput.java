package gmplab.golang;

import gmplab.runtime.RunResult;
import gmplab.runtime.SimConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures the interpreter's speed: runs a tight integer loop (13 instructions per
 * iteration) on the simulator and reports executed instructions per second of CPU time.
 * At 1 ns per instruction, the virtual time of the run is the instruction count.
 * Run with {@code java -cp ... gmplab.golang.VmThroughput [iterations]}.
 */
public final class VmThroughput {
    static final String LOOP = """
            package main

            import "fmt"

            func main() {
            \tsum := 0
            \tfor i := 0; i < %d; i++ {
            \t\tsum += i & 7
            \t}
            \tfmt.Println(sum)
            }
            """;

    public static void main(String[] args) throws Exception {
        long iterations = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        GoProgram p = GoProgram.compile("loop.go", String.format(LOOP, iterations));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        SimConfig cfg = SimConfig.defaults().withLimits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
        for (int round = 1; round <= 3; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
            RunResult r = GoRun.run(p, cfg, VmOptions.defaults(), null, null);
            long cpu = mx.getCurrentThreadCpuTime() - cpu0, wall = System.nanoTime() - wall0;
            double instructions = r.virtualTimeNs(); // 1 ns per instruction
            System.out.printf("round %d: %.0f M instructions, cpu %.2f s, wall %.2f s: %.1f M instr/s (cpu), %.1f M instr/s (wall)%n",
                    round, instructions / 1e6, cpu / 1e9, wall / 1e9, instructions / (cpu / 1e3), instructions / (wall / 1e3));
        }
    }

    private VmThroughput() { }
}
