package gmplab.p2p.cli;

import gmplab.p2p.demo.DaemonRunner;
import gmplab.p2p.demo.ListenerDemo;
import gmplab.p2p.demo.Replay;
import gmplab.runtime.SimConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--gomaxprocs", defaultValue = "4", description = "GOMAXPROCS the daemon ran with (default: ${DEFAULT-VALUE}).")
    int gomaxprocs;

    @Option(names = "--events", description = "Print every event.")
    boolean events;

    static String header(boolean legacy, String selfId) {
        return "# gmplab p2p journal " + (legacy ? "blogera" : "fixed") + " " + selfId;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] h = lines.isEmpty() ? new String[0] : lines.get(0).split(" ");
        if (h.length != 6 || !lines.get(0).startsWith("# gmplab p2p journal ")) {
            err.println("Error: " + file + " is not a journal written by p2p daemon --record");
            err.flush();
            return 1;
        }
        ListenerDemo.Version v = h[4].equals("blogera") ? ListenerDemo.Version.BLOG_ERA : ListenerDemo.Version.FIXED;
        List<DaemonRunner.Input> inputs = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) if (!l.isBlank()) inputs.add(DaemonRunner.Input.parse(l));
        Replay.Result r;
        try {
            r = Replay.run(v, h[5], inputs, SimConfig.defaults().withGomaxprocs(gomaxprocs));
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
