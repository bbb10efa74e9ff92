package gmplab.cli;

import gmplab.runtime.RunResult;
import gmplab.runtime.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code gmplab demo NAME}: runs a built-in workload on the simulated runtime. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a built-in workload on the simulated Go 1.19 runtime.%n"
                + "Workloads: spawn-order, cpu, syscalls, sleeps, netpoll, pingpong, burst, overflow.")
public final class DemoCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "spawn-order", description = "Workload name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--list", description = "List the workloads and exit.")
    boolean list;

    @Mixin
    RuntimeOptions runtime = new RuntimeOptions();

    private final PrintStream out;
    private final PrintStream err;
    private final java.util.Map<String, String> env;

    public DemoCommand() {
        this(System.out, System.err, System.getenv());
    }

    DemoCommand(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        var workloads = Workloads.all();
        if (list) {
            workloads.values().forEach(w -> out.printf("%-12s %s%n", w.name(), w.description()));
            return 0;
        }
        Workloads.Workload w = workloads.get(name);
        if (w == null) {
            err.println("gmplab demo: unknown workload \"" + name + "\"; try one of " + workloads.keySet());
            return 2;
        }
        Simulation sim = new Simulation(runtime.config(env), out, err);
        runtime.attach(sim, out);
        RunResult r = sim.run(w.main().get());
        runtime.finish(sim);
        if (r.hitLimit()) err.println("gmplab: " + r.outcome().message());
        return r.exitCode();
    }
}
