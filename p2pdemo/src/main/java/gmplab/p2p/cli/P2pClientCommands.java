package gmplab.p2p.cli;

import gmplab.p2p.demo.DaemonApi;
import java.io.IOException;
import java.io.PrintWriter;
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

/**
 * The {@code p2p} commands that talk to a running {@code p2p daemon} (as kubo's CLI talks
 * to its API): {@code listen}, {@code forward}, {@code ls}, {@code close}, {@code stream
 * ls}, {@code stream close}. The daemon is found through {@code <repo>/api}; errors are
 * kubo's, printed as {@code Error: …} with exit status 1.
 */
public final class P2pClientCommands {
    private P2pClientCommands() { }

    /** kubo's {@code ErrNotOnline}, naming this project's daemon: no {@code <repo>/api}, no daemon. */
    static final String NOT_ONLINE = "this command must be run in online mode. Try running './gmplab p2p daemon' first";

    /** The classes to register under {@code p2p}. */
    public static final Class<?>[] ALL = {Listen.class, Forward.class, Ls.class, Close.class, StreamCmd.class};

    abstract static class Client implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--repo", paramLabel = "DIR", description = "The daemon's repo (default: $GMPLAB_P2P_PATH or ~/.gmplab/p2p).")
        Path repo;

        /** The command line sent to the daemon. */
        abstract String line();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = repo != null ? repo : DaemonApi.defaultRepo();
            if (!Files.exists(dir.resolve("api"))) {
                err.println("Error: " + NOT_ONLINE);
                err.flush();
                return 1;
            }
            try {
                String[] r = DaemonApi.call(dir, line());
                if (r[0].equals("ok")) {
                    out.print(align(r[1]));
                    out.flush();
                    return 0;
                }
                err.print("Error: " + r[1]);
                err.flush();
                return 1;
            } catch (IOException e) {
                err.println("Error: " + e.getMessage());
                err.flush();
                return 1;
            }
        }
    }

    static String join(String cmd, List<String> words) {
        StringBuilder sb = new StringBuilder(cmd);
        for (String w : words) sb.append(' ').append(w);
        return sb.toString();
    }

    @Command(name = "listen", mixinStandardHelpOptions = true,
            description = "Create libp2p service and forward connections made to <target-address>.")
    static final class Listen extends Client {
        @Parameters(index = "0", paramLabel = "<protocol>") String proto;
        @Parameters(index = "1", paramLabel = "<target-address>") String target;
        @Option(names = "--allow-custom-protocol", description = "Don't require /x/ prefix") boolean custom;
        @Option(names = {"-r", "--report-peer-id"}, description = "Send remote base58 peerid to target when a new connection is established") boolean report;

        @Override
        String line() {
            List<String> w = new ArrayList<>(List.of(proto, target));
            if (custom) w.add("--allow-custom-protocol");
            if (report) w.add("-r");
            return join("listen", w);
        }
    }

    @Command(name = "forward", mixinStandardHelpOptions = true,
            description = "Forward connections made to <listen-address> to <target-address>.")
    static final class Forward extends Client {
        @Parameters(index = "0", paramLabel = "<protocol>") String proto;
        @Parameters(index = "1", paramLabel = "<listen-address>") String listen;
        @Parameters(index = "2", paramLabel = "<target-address>") String target;
        @Option(names = "--allow-custom-protocol", description = "Don't require /x/ prefix") boolean custom;

        @Override
        String line() {
            List<String> w = new ArrayList<>(List.of(proto, listen, target));
            if (custom) w.add("--allow-custom-protocol");
            return join("forward", w);
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List active p2p listeners.")
    static final class Ls extends Client {
        @Option(names = {"-v", "--headers"}, description = "Print table headers (Protocol, Listen, Target).") boolean headers;

        @Override
        String line() {
            return headers ? "ls -v" : "ls";
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Stop listening for new connections to forward.")
    static final class Close extends Client {
        @Option(names = {"-a", "--all"}, description = "Close all listeners.") boolean all;
        @Option(names = {"-p", "--protocol"}, description = "Match protocol name") String proto;
        @Option(names = {"-l", "--listen-address"}, description = "Match listen address") String listen;
        @Option(names = {"-t", "--target-address"}, description = "Match target address") String target;

        @Override
        String line() {
            List<String> w = new ArrayList<>();
            if (all) w.add("-a");
            if (proto != null) w.addAll(List.of("-p", proto));
            if (listen != null) w.addAll(List.of("-l", listen));
            if (target != null) w.addAll(List.of("-t", target));
            return join("close", w);
        }
    }

    @Command(name = "stream", mixinStandardHelpOptions = true, description = "P2P stream management.",
            subcommands = {StreamLs.class, StreamClose.class})
    static final class StreamCmd implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List active p2p streams.")
    static final class StreamLs extends Client {
        @Option(names = {"-v", "--headers"}, description = "Print table headers (ID, Protocol, Local, Remote).") boolean headers;

        @Override
        String line() {
            return headers ? "stream ls -v" : "stream ls";
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Close active p2p stream.")
    static final class StreamClose extends Client {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<id>", description = "Stream identifier") String id;
        @Option(names = {"-a", "--all"}, description = "Close all streams.") boolean all;

        @Override
        String line() {
            return "stream close" + (all ? " -a" : "") + (id != null ? " " + id : "");
        }
    }

    /** Aligns tab-separated columns as kubo's tabwriter does (padding 1). */
    static String align(String text) {
        if (text == null || text.isEmpty() || !text.contains("\t")) return text == null ? "" : text;
        List<String[]> rows = new ArrayList<>();
        int[] width = new int[16];
        for (String l : text.split("\n", -1)) {
            String[] cells = l.split("\t", -1);
            rows.add(cells);
            for (int i = 0; i < cells.length - 1 && i < width.length; i++) width[i] = Math.max(width[i], cells[i].length());
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            for (int i = 0; i < cells.length; i++) {
                sb.append(cells[i]);
                if (i < cells.length - 1) sb.append(" ".repeat(width[i] - cells[i].length() + 1));
            }
            if (r < rows.size() - 1) sb.append('\n');
        }
        return sb.toString();
    }
}
