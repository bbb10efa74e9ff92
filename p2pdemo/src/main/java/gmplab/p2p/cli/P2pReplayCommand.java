package gmplab.p2p.cli;

import gmplab.p2p.demo.DaemonRunner;
import gmplab.p2p.demo.Journal;
import gmplab.p2p.demo.Replay;
import gmplab.runtime.SimConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p2p replay FILE}: runs a daemon's recorded journal again, without any network. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a run recorded with p2p daemon --record FILE (same inputs, same events, no network).")
public final class P2pReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Option(names = "--events", description = "Print every event.")
    boolean events;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Journal j;
        try {
            j = Journal.read(file);
        } catch (java.io.IOException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        }
        List<DaemonRunner.Input> inputs = j.inputs();
        Replay.Result r;
        try {
            r = Replay.run(j.version(), j.selfId(), inputs, SimConfig.defaults().withGomaxprocs(j.gomaxprocs()));
        } catch (IllegalStateException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (events) r.events().forEach(out::println);
        for (String t : r.transcript()) out.print(t.endsWith("\n") ? t : t + "\n");
        out.println("replayed " + inputs.size() + " inputs: " + r.events().size() + " events, virtual time "
                + r.simulation().nanotime() / 1_000_000 + " ms" + (r.run() == null ? " (the recording has no shutdown)" : ""));
        out.flush();
        return 0;
    }
}
